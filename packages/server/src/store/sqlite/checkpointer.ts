import Database from 'better-sqlite3';

/** WAL pages after which the writer checkpoints itself, when a checkpointer runs beside it. */
export const WAL_PAGES_WITH_CHECKPOINTER = 10_000;
const CHECKPOINT_EVERY_MS = 50;

/**
 * The WAL's checkpoints, on a thread of their own. A checkpoint copies committed pages into the
 * database file and fsyncs both files; run by the writer (SQLite's automatic checkpoint, every
 * 1,000 pages) it stalled the store thread inside a commit, about a third of its time under a
 * publish load (bench/README.md). Here a second connection copies what is committed every 50 ms
 * (PASSIVE: it never waits for, nor blocks, the writer or readers). The writer still checkpoints
 * itself every 10,000 pages, which finds almost everything copied already and lets SQLite start the
 * WAL over: the WAL stays bounded.
 */
export function runCheckpointer(path: string): { stop(): void } {
  const db = new Database(path);
  // A checkpoint syncs the WAL before copying and the database after: as durable as the writer's own.
  db.pragma('synchronous = NORMAL');
  db.pragma('cache_size = -1024');
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or closing: the next round, or the writer's own checkpoint, copies it.
    }
  }, CHECKPOINT_EVERY_MS);
  return {
    stop() {
      clearInterval(timer);
      db.close();
    },
  };
}
