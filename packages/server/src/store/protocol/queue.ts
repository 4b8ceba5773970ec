import type { Store } from '../types.js';
import type { Sql } from '../sql/executor.js';

/** What is waiting: for metrics, and for when the claim loop must look next. */
export function queueOps(sql: Sql): Pick<Store, 'queueStats' | 'nextDueAt'> {
  return {
    async queueStats(now = Date.now()) {
      const rows = await sql.all<{ status: string; n: number }>("SELECT status, COUNT(*) AS n FROM deliveries WHERE status IN ('pending', 'delivering') GROUP BY status");
      const get = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
      // Per endpoint its oldest due delivery, one index probe each (as in nextDueAt); a paused endpoint's backlog ages too.
      const oldest = await sql.get<{ at: number | string | null }>(
        `SELECT MIN(due) AS at FROM (
           SELECT (SELECT MIN(d.next_attempt_at) FROM deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= ?) AS due FROM endpoints e
         ) AS t`,
        [now],
      );
      return { pending: get('pending'), delivering: get('delivering'), oldest_due_at: oldest?.at == null ? null : Number(oldest.at) };
    },
    async nextDueAt() {
      // Per enabled endpoint, its oldest pending delivery (one index probe), held back while the endpoint is paused.
      const row = await sql.get<{ at: number | null }>(
        `SELECT MIN(${sql.dialect.greatest}(due, COALESCE(throttled_until, 0))) AS at FROM (
           SELECT (SELECT MIN(d.next_attempt_at) FROM deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending') AS due, e.throttled_until
           FROM endpoints e WHERE e.status = 'enabled' AND e.deleted_at IS NULL
         ) AS t WHERE due IS NOT NULL`,
      );
      return row?.at ?? null;
    },
  };
}
