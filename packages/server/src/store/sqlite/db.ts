import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ASSETS } from '../../paths.js';

export type Db = Database.Database;

const MIGRATIONS_DIR = ASSETS.sqliteMigrations;

/** Opens (creating if needed) the SQLite file in WAL mode, tuned for many small transactions. */
export function openDatabase(path: string): Db {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // SQLite creates the -wal and -shm files with the database file's mode: make that 0600 first.
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode is durable against process crashes (kill -9); only an OS crash or power
  // loss can lose the last transactions. FULL would fsync every commit.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 16 MB of page cache: the hot pages are the tails of the due/in-flight indexes and the newest
  // rows; a 1 M-delivery backlog drained no faster with 64 MB, and the cache counts toward RSS.
  db.pragma('cache_size = -16384');
  // Statement journals in memory: each publish in a group commit is a savepoint, and a savepoint's
  // journal of ~30 pages spilled to a temporary file, one pwrite per page (16 % of a publish's CPU
  // under perf). They last one transaction, so they stay small.
  db.pragma('temp_store = MEMORY');
  cachePreparedStatements(db);
  return db;
}

/**
 * A second, read-only connection to the same file, for lookups made outside the connection's
 * owning thread (see store/threaded). A WAL reader never waits for the writer.
 */
export function openReadOnlyDatabase(path: string): Db {
  const db = new Database(path, { readonly: true });
  db.pragma('busy_timeout = 5000');
  // Small: it serves lookups in small tables, and the cache counts toward RSS.
  db.pragma('cache_size = -2048');
  cachePreparedStatements(db);
  return db;
}

/**
 * Statements by SQL text. Preparing costs more than running the small lookups the API makes per
 * request (application, event type), which prepare where they are written. Nothing here switches
 * a statement's mode (pluck/raw/expand), so a shared statement behaves the same for every caller.
 * Dynamic SQL (filters, partial updates) makes the set open-ended: it is dropped when it grows.
 */
function cachePreparedStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      if (cache.size >= 500) cache.clear();
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}

/**
 * Applies numbered `NNN_name.sql` migrations in order, each in its own transaction that first
 * records itself, so a second process migrating at the same time cannot apply it twice.
 */
export function migrate(db: Db): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS herald_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_.+\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const run = db.transaction(() => {
      const inserted = db.prepare('INSERT OR IGNORE INTO herald_migrations (name, applied_at) VALUES (?, ?)').run(file, Date.now());
      if (inserted.changes === 0) return false;
      db.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
      return true;
    });
    if (run.immediate()) applied.push(file);
  }
  return applied;
}
