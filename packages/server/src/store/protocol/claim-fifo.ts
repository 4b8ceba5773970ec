import type { ClaimRequest } from '../types.js';
import type { Sql } from '../sql/executor.js';
import type { Grant } from './claim.js';
import type { DueRow } from './claimed.js';

/** A delivery's place in line from its message id, in SQL (publish-rows.ts `linePlace`). */
export const LINE_PLACE = 'substr(message_id, length(message_id) - 25)';

/** The unfinished deliveries of ordered endpoints: exactly the rows of the deliveries_fifo_line index. */
const unfinished = (alias: string) => `${alias}.ordering_seq IS NOT NULL AND ${alias}.status IN ('pending', 'delivering', 'failed')`;

/**
 * Ordered endpoints: lease the heads of their lines. A line is an endpoint's unfinished deliveries
 * of one ordering key, by ordering_seq; its head is the first that is waiting or in flight (and,
 * when the endpoint pauses on failure, failed): a due, waiting head may be sent, any other holds
 * its line. So each key has at most one delivery in flight, in publish order, across every
 * worker: claims run one at a time (the claim lock), and a lease is committed before the next
 * claim reads. A worker killed mid-send leaves its head leased until the lease runs out; then it
 * is the head again.
 *
 * The heads are found key by key (a recursive walk of the deliveries_fifo_line index, one probe
 * per key) rather than by checking every waiting delivery for an earlier one: behind 50 heads in
 * flight, 5,000 waiting deliveries made each claim 5,000 probes to find nothing.
 */
export async function leaseFifoHeads(q: Sql, grants: (Grant & { pause: boolean })[], { now, owner, leaseGraceMs }: ClaimRequest): Promise<DueRow[]> {
  const leased: DueRow[] = [];
  for (const g of grants) {
    const holds = g.pause ? '' : " AND h.status <> 'failed'";
    const heads = await q.all<DueRow>(
      `WITH RECURSIVE line(k) AS (
         SELECT MIN(u.ordering_key) FROM deliveries u WHERE u.endpoint_id = ? AND ${unfinished('u')}
         UNION ALL
         SELECT (SELECT MIN(u.ordering_key) FROM deliveries u WHERE u.endpoint_id = ? AND ${unfinished('u')} AND u.ordering_key > line.k) FROM line WHERE line.k IS NOT NULL
       ),
       head AS (
         SELECT (SELECT h.id FROM deliveries h WHERE h.endpoint_id = ? AND h.ordering_key = line.k AND ${unfinished('h')}${holds}
                 ORDER BY h.ordering_seq LIMIT 1) AS id
         FROM line WHERE line.k IS NOT NULL
       )
       SELECT d.id, d.tenant_id, d.environment, d.app_id, d.message_id, d.endpoint_id, d.attempt_count, d.schedule_index
       FROM deliveries d WHERE d.id IN (SELECT id FROM head) AND d.status = 'pending' AND d.next_attempt_at <= ?
       ORDER BY d.ordering_seq LIMIT ?${q.dialect.forUpdate}`,
      [g.endpoint_id, g.endpoint_id, g.endpoint_id, now, g.take],
    );
    if (!heads.length) continue;
    await q.run(
      `UPDATE deliveries SET status = 'delivering', lease_owner = ?, lease_expires_at = ?, updated_at = ? WHERE id ${q.dialect.inList()} AND status = 'pending'`,
      [owner, now + g.timeout_ms + leaseGraceMs, now, q.dialect.list(heads.map((h) => h.id))],
    );
    leased.push(...heads);
  }
  return leased;
}

/**
 * Deliveries of ordered endpoints stored without a place in line: published while the endpoint was
 * switched to fifo (the publish read it unordered). They join their line by their messages' ids.
 */
export async function placeStragglers(q: Sql, endpointIds: string[]): Promise<void> {
  if (!endpointIds.length) return;
  await q.run(
    `UPDATE deliveries SET ordering_seq = ${LINE_PLACE} WHERE endpoint_id ${q.dialect.inList()} AND status = 'pending' AND ordering_seq IS NULL`,
    [q.dialect.list(endpointIds)],
  );
}
