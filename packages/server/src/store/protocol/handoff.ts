import { rateAllowance } from '../decisions/rate-window.js';
import type { ClaimedDelivery, ClaimResult, HandoffRequest } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { spendWindow, windowClock } from './claim.js';
import { claimedDeliveries, type DueRow } from './claimed.js';

/** A subscribed endpoint as the publish reads it: enough to decide whether its delivery can be leased at once. */
export interface HandoffEndpoint {
  id: string;
  max_in_flight: number;
  timeout_ms: number;
  rate_limit: number | null;
  rate_window_start: number | null;
  rate_window_count: number;
  /** Paused by back-pressure until then: nothing is handed off to it. */
  throttled_until: number | null;
  /** Ordered endpoints take their deliveries through the claim, which keeps each line in order. */
  ordering: 'unordered' | 'fifo';
}

/** What every delivery of one publish shares. */
type PublishedFor = Pick<ClaimedDelivery, 'tenant_id' | 'environment' | 'app_id' | 'message_id'>;

export interface Handoff {
  /** The lease for this endpoint's new delivery `deliveryId`, or null to store it pending. */
  lease(ep: HandoffEndpoint, deliveryId: string): Promise<{ owner: string; expires_at: number } | null>;
  /** The leased deliveries as a claim would have returned them. */
  result(): Promise<ClaimResult>;
}

/**
 * Claim at publish, for a single writer that serves the API and delivers (SQLite). A new delivery
 * is stored already leased to this process when a claim made now would take it: its endpoint has
 * nothing older due, room under max_in_flight and under its rate limit. The publish then hands it
 * straight to the dispatcher, saving a claim transaction and a round trip to the store thread per
 * delivery. Under a backlog every endpoint has older work due, nothing is handed off, and the claim
 * loop's fair allocation applies. A crash loses nothing: the lease is released at the next start.
 * Where other processes claim too (PostgreSQL) the publish would have to lock the endpoint rows
 * their claims hold, so nothing is handed off there.
 */
export function beginHandoff(q: Sql, request: HandoffRequest | null | undefined, now: number, shared: PublishedFor): Handoff | null {
  if (!request || request.limit <= 0 || !q.dialect.singleWriter) return null;
  let left = request.limit;
  const leased: DueRow[] = [];
  return {
    async lease(ep, deliveryId) {
      if (left === 0 || ep.ordering === 'fifo' || (ep.throttled_until !== null && ep.throttled_until > now)) return null;
      if (await q.get("SELECT 1 AS due FROM deliveries WHERE endpoint_id = ? AND status = 'pending' AND next_attempt_at <= ? LIMIT 1", [ep.id, now])) return null;
      const inFlight = await q.get<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE endpoint_id = ? AND status = 'delivering'", [ep.id]);
      if (Number(inFlight!.n) >= ep.max_in_flight) return null;
      const allowance = rateAllowance(ep, windowClock(now));
      if (allowance.left < 1) return null;
      await spendWindow(q, ep.id, allowance, 1);
      // The row as now stored, for a later publish of the same batch reading this endpoint.
      if (allowance.windowStart !== null) Object.assign(ep, { rate_window_start: allowance.windowStart, rate_window_count: allowance.used + 1 });
      left--;
      leased.push({ ...shared, id: deliveryId, endpoint_id: ep.id, attempt_count: 0, schedule_index: 0 });
      return { owner: request.owner, expires_at: now + ep.timeout_ms + request.leaseGraceMs };
    },
    result: () => claimedDeliveries(q, leased, now),
  };
}
