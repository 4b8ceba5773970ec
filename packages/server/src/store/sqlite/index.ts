import type { Store } from '../types.js';
import { migrate, openDatabase } from './db.js';
import { makeLogOps } from './log.js';
import { makeMessageOps } from './messages.js';
import { makePipelineOps } from './pipeline.js';
import { makeRecordOps } from './records.js';
import { makeSecurityOps } from './security.js';
import { makeResourceOps } from './resources.js';
import { makeTenantOps } from './tenants.js';
import { makeWebhookKeyOps } from './webhook-keys.js';

/**
 * The embedded store: one SQLite file in WAL mode, owned by one Herald process. Opening it
 * applies any pending migrations; `applied` lists those this open applied.
 */
export function openSqliteStore(path: string): Store & { applied: string[] } {
  const db = openDatabase(path);
  const applied = migrate(db);
  return {
    dialect: 'sqlite',
    applied,
    async close() {
      db.close();
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
    ...makeTenantOps(db),
    ...makeResourceOps(db),
    ...makeMessageOps(db),
    ...makeLogOps(db),
    ...makePipelineOps(db),
    ...makeWebhookKeyOps(db),
    ...makeRecordOps(db),
    ...makeSecurityOps(db),
  };
}
