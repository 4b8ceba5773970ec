import { makeProtocol } from '../protocol/index.js';
import { counterOps } from '../protocol/counters.js';
import type { Store } from '../types.js';
import { DEFAULT_PG_TIMEOUTS, migrate, openPool, type PgTimeouts } from './db.js';
import { postgresExecutor } from './executor.js';
import { DEFAULT_LISTENER, listenForWork, type ListenerOptions } from './listener.js';
import { makeWorkNotifier } from './notify.js';
import { makeDeliveriesVacuum } from './vacuum.js';

export interface PgStoreOptions {
  timeouts?: PgTimeouts;
  listener?: Omit<ListenerOptions, 'timeouts'>;
  /** Outcomes this process records between its own VACUUMs of the deliveries table. */
  vacuumEvery?: number;
}

/**
 * The PostgreSQL store (DATABASE_URL=postgres://…): the same protocol and the same rows as the
 * embedded SQLite store, for many Herald processes on one database. Opening it migrates.
 */
export async function openPostgresStore(url: string, options: PgStoreOptions = {}): Promise<Store & { applied: string[] }> {
  const timeouts = options.timeouts ?? DEFAULT_PG_TIMEOUTS;
  const db = openPool(url, timeouts);
  const applied = await migrate(db);
  const sql = postgresExecutor(db, makeWorkNotifier(db.q));
  const protocol = makeProtocol(sql);
  const noteChurn = makeDeliveriesVacuum(db.pool, options.vacuumEvery ?? 20_000);
  return {
    dialect: 'postgres',
    applied,
    async close() {
      await db.pool.end();
    },
    async ping() {
      await sql.get('SELECT 1 AS ok');
    },
    async onWork(wake, hooks = {}) {
      // A dedicated connection: LISTEN holds it. Commits that make work due NOTIFY herald_work after they commit (notify.ts).
      return listenForWork(url, 'herald_work', wake, hooks, { timeouts, ...(options.listener ?? DEFAULT_LISTENER) });
    },
    ...protocol,
    async recordOutcomes(outcomes, now, recordOptions) {
      noteChurn(outcomes.length);
      return protocol.recordOutcomes(outcomes, now, recordOptions);
    },
    ...counterOps(sql),
  };
}
