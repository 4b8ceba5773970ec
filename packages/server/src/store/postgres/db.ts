import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASSETS } from '../../paths.js';
import pg from 'pg';
import { storeFailureReason } from '../failures.js';

const MIGRATIONS_DIR = ASSETS.postgresMigrations;
const INT8 = 20;
/** deadlock_detected, serialization_failure: the transaction was aborted whole and can run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const TX_ATTEMPTS = 3;

/** Runs one statement; `?` placeholders (shared with the SQLite SQL) become $1, $2, … */
export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<pg.QueryResult & { rows: T[] }>;

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

/** Every wait on PostgreSQL is bounded: a database that is gone or frozen fails calls, not the process. */
export interface PgTimeouts {
  /** Opening a connection, and waiting for a free one in the pool. */
  connectTimeoutMs: number;
  /** Server side: PostgreSQL cancels a statement running longer. */
  statementTimeoutMs: number;
  /** Client side: no answer at all (a frozen server, a dead network) within this fails the query. */
  queryTimeoutMs: number;
  poolSize: number;
}

export const DEFAULT_PG_TIMEOUTS: PgTimeouts = { connectTimeoutMs: 5000, statementTimeoutMs: 15_000, queryTimeoutMs: 20_000, poolSize: 10 };

/** Connection settings shared by the pool and the LISTEN connection. */
export function clientConfig(url: string, timeouts: PgTimeouts): pg.ClientConfig {
  return {
    connectionString: url,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    statement_timeout: timeouts.statementTimeoutMs,
    query_timeout: timeouts.queryTimeoutMs,
    // A transaction left open by a process that froze holds its row locks; the server ends it.
    idle_in_transaction_session_timeout: timeouts.queryTimeoutMs,
    // Herald's statements are short and indexed; JIT compiling one (at a misjudged cost) took
    // longer than running it.
    options: '-c jit=off',
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  };
}

/**
 * A connection whose failure is the connection's, not the statement's: it is discarded, not
 * returned to the pool (where its next user would wait on a dead socket or a hung query).
 */
export const isBrokenConnection = (err: unknown) => {
  const reason = storeFailureReason(err);
  return reason === 'unavailable' || reason === 'timeout';
};

export function openPool(url: string, timeouts: PgTimeouts = DEFAULT_PG_TIMEOUTS): PgDb {
  const pool = new pg.Pool({
    ...clientConfig(url, timeouts),
    max: timeouts.poolSize,
    // Times are BIGINT milliseconds: numbers, not strings (per pool, not pg's global parsers).
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format as 'text'))) as never },
  });
  // A connection the server closes (restart, failover, `pg_ctl stop -m immediate`) emits 'error'.
  // The pool listens only while a client is idle; a client checked out for a transaction or a
  // VACUUM has no listener of its own, and an unhandled 'error' ends the process. So every client
  // gets one for life; the statement in flight fails on its own and the pool replaces the client.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const run = (client: pg.Pool | pg.PoolClient): Query => (text, params = []) => client.query(toPositional(text), params) as never;
  return {
    pool,
    q: run(pool),
    async tx(fn) {
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        let result: Awaited<ReturnType<typeof fn>>;
        try {
          await client.query('BEGIN');
          result = await fn(run(client));
          await client.query('COMMIT');
        } catch (err) {
          if (isBrokenConnection(err)) {
            client.release(err as Error);
            throw err;
          }
          await client.query('ROLLBACK').catch(() => undefined);
          client.release();
          // Two transactions that lock rows in opposite orders (an endpoint deleted while its
          // outcomes are recorded): PostgreSQL aborts one. Rolled back, it had no effect: run it again.
          if (attempt < TX_ATTEMPTS && RETRYABLE.has((err as { code?: string }).code ?? '')) {
            await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
            continue;
          }
          throw err;
        }
        client.release();
        return result;
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
      // A migration may rewrite a large table: no statement deadline for it.
      await q('SET LOCAL statement_timeout = 0');
      const inserted = await q('INSERT INTO herald_migrations (name, applied_at) VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING name', [file, Date.now()]);
      if (!inserted.rowCount) return;
      const client = q;
      for (const statement of readFileSync(join(MIGRATIONS_DIR, file), 'utf8').split(/;\s*$/m).map((s) => s.trim()).filter(Boolean)) {
        await client(statement);
      }
      applied.push(file);
    });
  }
  return applied;
}
