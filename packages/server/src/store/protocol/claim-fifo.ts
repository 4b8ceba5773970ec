import type { ClaimRequest } from '../types.js';
import type { Sql } from '../sql/executor.js';
import type { Grant } from './claim.js';
import type { DueRow } from './claimed.js';

/** A delivery's place in line from its message id, in SQL (publish-rows.ts `linePlace`). */
export const LINE_PLACE = 'substr(message_id, length(message_id) - 25)';

/** Statuses that hold a line: an earlier delivery of the key is waiting, being sent, or (pause) failed for good. */
const HOLDS = "o.status IN ('pending', 'delivering')";
const HOLDS_PAUSED = "o.status IN ('pending', 'delivering', 'failed')";

/**
 * Ordered endpoints: lease the heads of their lines. A due delivery is a head when no earlier
 * delivery (by ordering_seq) of the same endpoint and ordering key is still unfinished — waiting
 * for a retry, in flight on any worker, or, when the endpoint pauses on failure, failed. So each
 * key has at most one delivery in flight, in publish order, across every worker: claims run one
 * at a time (the claim lock), and a lease is committed before the next claim reads. A worker
 * killed mid-send leaves its head leased until the lease runs out; then it is the head again.
 */
export async function leaseFifoHeads(q: Sql, grants: (Grant & { pause: boolean })[], { now, owner, leaseGraceMs }: ClaimRequest): Promise<DueRow[]> {
  const leased: DueRow[] = [];
  for (const g of grants) {
    const heads = await q.all<DueRow>(
      `SELECT d.id, d.tenant_id, d.environment, d.app_id, d.message_id, d.endpoint_id, d.attempt_count, d.schedule_index
       FROM deliveries d
       WHERE d.endpoint_id = ? AND d.status = 'pending' AND d.ordering_seq IS NOT NULL AND d.next_attempt_at <= ?
         AND NOT EXISTS (SELECT 1 FROM deliveries o WHERE o.endpoint_id = d.endpoint_id AND o.ordering_key = d.ordering_key
                         AND o.ordering_seq IS NOT NULL AND o.ordering_seq < d.ordering_seq AND ${g.pause ? HOLDS_PAUSED : HOLDS})
       ORDER BY d.ordering_seq LIMIT ?${q.dialect.forUpdate}`,
      [g.endpoint_id, now, g.take],
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
