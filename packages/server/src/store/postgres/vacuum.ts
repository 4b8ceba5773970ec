import { isBrokenConnection, type PgDb } from './db.js';

/**
 * Every claim and every outcome leaves a dead row version behind in the partial queue indexes
 * (due, in flight); until VACUUM removes them, each claim's per-endpoint probes step over them.
 * After a 90,000-delivery drain, paced publish→receive p50 with 2 workers was 200 ms – 1.3 s
 * and growing; after one VACUUM, 40–60 ms. autovacuum looks at most once a minute (a server-wide
 * setting), so workers vacuum the table themselves after enough churn, one at a time across
 * processes (an advisory lock), never in a request's path. A failure (say, a role that does not
 * own the table) only leaves it to autovacuum. No ANALYZE: statistics taken when nothing happens
 * to be pending (right after a drain) are suspected of a run where claims nearly stopped; planner
 * statistics stay autovacuum's.
 */
export function makeDeliveriesVacuum(pool: PgDb['pool'], every: number): (outcomes: number) => void {
  let churn = 0;
  let running = false;
  async function vacuum(): Promise<void> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      const [{ locked }] = (await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext('herald.vacuum.deliveries')) AS locked")).rows as [{ locked: boolean }];
      if (!locked) return;
      try {
        // A large table may take longer than the statement deadline that guards requests.
        await client.query('SET statement_timeout = 0');
        await client.query('VACUUM deliveries');
      } finally {
        await client.query("RESET statement_timeout; SELECT pg_advisory_unlock(hashtext('herald.vacuum.deliveries'))");
      }
    } catch (err) {
      if (isBrokenConnection(err)) broken = err as Error;
      throw err;
    } finally {
      client.release(broken);
    }
  }
  return (outcomes) => {
    churn += outcomes;
    if (churn < every || running) return;
    churn = 0;
    running = true;
    vacuum()
      .catch(() => undefined)
      .finally(() => (running = false));
  };
}
