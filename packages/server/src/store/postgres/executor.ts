import type { Sql } from '../sql/executor.js';
import { POSTGRES } from '../sql/dialect.js';
import type { PgDb, Query } from './db.js';

/** The PostgreSQL executor: statements on the pool, transactions on one connection (db.ts). */
export function postgresExecutor(db: PgDb, workDue: () => void): Sql {
  const over = (q: Query, tx: Sql['tx']): Sql => ({
    dialect: POSTGRES,
    all: async <T>(text: string, params?: unknown[]) => (await q<T>(text, params)).rows,
    get: async <T>(text: string, params?: unknown[]) => (await q<T>(text, params)).rows[0],
    run: async (text, params) => (await q(text, params)).rowCount ?? 0,
    tx,
    workDue,
  });
  return over(db.q, (fn) =>
    db.tx((q) => {
      const inside: Sql = over(q, (inner) => inner(inside));
      return fn(inside);
    }),
  );
}
