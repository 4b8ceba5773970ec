import type { Store } from '../types.js';
import { migrate, openDatabase } from './db.js';
import { makeLogOps } from './log.js';
import { makeMessageOps } from './messages.js';
import { makePipelineOps } from './pipeline.js';
import { makeResourceOps } from './resources.js';
import { makeTenantOps } from './tenants.js';

/** The embedded store: one SQLite file in WAL mode, owned by one Herald process. */
export function openSqliteStore(path: string): Store & { migrate(): string[] } {
  const db = openDatabase(path);
  migrate(db);
  return {
    dialect: 'sqlite',
    migrate: () => migrate(db),
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
  };
}
