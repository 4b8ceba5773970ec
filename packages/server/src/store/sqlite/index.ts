import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
function probeDisk(dir: string): void {
  const file = join(dir, '.herald-ready-probe');
  const fd = openSync(file, 'w', 0o600);
  try {
    writeSync(fd, Buffer.alloc(64 * 1024));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
    rmSync(file, { force: true });
  }
}

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
      // A write, not a read: a full disk, a read-only file or a lock held elsewhere makes the store
      // useless for publishing while reads still work. Then a 64 KB file beside the database,
      // because a WAL with free pages can take one small write after the disk is full.
      db.prepare('INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at').run(Date.now());
      probeDisk(dirname(path));
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
