import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeProtocol } from '../protocol/index.js';
import type { Store } from '../types.js';
import { WAL_PAGES_WITH_CHECKPOINTER } from './checkpointer.js';
import { migrate, openDatabase } from './db.js';
import { sqliteExecutor } from './executor.js';

/** Can the disk beside the database take a write? A 64 KB file, written and synced. */
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

/**
 * The embedded store: one SQLite file in WAL mode, owned by one Herald process. Opening it
 * applies any pending migrations; `applied` lists those this open applied. `checkpointer`: a
 * checkpointer thread runs beside this connection (threaded/index.ts starts it).
 */
export function openSqliteStore(path: string, options: { checkpointer?: boolean } = {}): Store & { applied: string[] } {
  const db = openDatabase(path);
  const applied = migrate(db);
  // A checkpointer thread copies the WAL into the database; the writer's own checkpoint is then the bound on the WAL's size.
  if (options.checkpointer) db.pragma(`wal_autocheckpoint = ${WAL_PAGES_WITH_CHECKPOINTER}`);
  const sql = sqliteExecutor(db);
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
      await sql.run('INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at', [Date.now()]);
      probeDisk(dirname(path));
    },
    ...makeProtocol(sql),
  };
}
