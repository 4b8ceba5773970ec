import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverPath } from '../../paths.js';
import pg from 'pg';

const MIGRATIONS_DIR = serverPath('src', 'store', 'postgres', 'migrations');
const INT8 = 20;
/** deadlock_detected, serialization_failure: the transaction was aborted whole and can run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const TX_ATTEMPTS = 3;

/** Runs one statement; `?` placeholders (shared with the SQLite SQL) become $1, $2, … */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export interface PgDb {
  pool: pg.Pool;
  q: Query;
  /** A transaction on one connection; rolled back if `fn` throws, run again (up to 3 times) after a deadlock. */
  tx<T>(fn: (q: Query) => Promise<T>): Promise<T>;
}

export function toPositional(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

export function openPool(url: string): PgDb {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Times are BIGINT milliseconds: numbers, not strings (per pool, not pg's global parsers).
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as never },
  });
  // An idle connection the server closes (restart, failover) must not crash the process; the
  // pool replaces it on the next query.
  pool.on('error', () => undefined);
  const run = (client: pg.Pool | pg.PoolClient): Query => async (text, params = []) => (await client.query(toPositional(text), params)).rows;
  return {
    pool,
    q: run(pool),
    async tx(fn) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(run(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          // Two transactions that lock rows in opposite orders (an endpoint deleted while its
          // outcomes are recorded): PostgreSQL aborts one. Rolled back, it had no effect: run it again.
          if (attempt < TX_ATTEMPTS && RETRYABLE.has((err as { code?: string }).code ?? '')) {
            await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
            continue;
          }
          throw err;
        } finally {
          client.release();
        }
      }
    },
  };
}

/**
 * Numbered migrations, each in its own transaction that records itself first; an advisory lock
 * makes processes that start together take turns.
 */
export async function migrate(db: PgDb): Promise<string[]> {
  const applied: string[] = [];
  await db.tx(async (q) => {
    await q('SELECT pg_advisory_xact_lock(7314159)');
    await q('CREATE TABLE IF NOT EXISTS herald_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)');
  });
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => /^\d+_.+\.sql$/.test(f)).sort()) {
    await db.tx(async (q) => {
      await q('SELECT pg_advisory_xact_lock(7314159)');
      const inserted = await q('INSERT INTO herald_migrations (name, applied_at) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING name', [file, Date.now()]);
      if (!inserted.length) return;
      const client = q;
      for (const statement of readFileSync(join(MIGRATIONS_DIR, file), 'utf8').split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) {
        await client(statement);
      }
      applied.push(file);
    });
  }
  return applied;
}
