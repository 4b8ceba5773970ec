import type { ClaimedDelivery, ClaimResult, EndpointRuntime, HandoffRequest } from '../types.js';
import type { Db } from './db.js';
import { claimedDelivery, rateAllowance, type MessageForSend } from './pipeline.js';
import { makeRuntimeResolver, RUNTIME_COLUMNS, type RuntimeRow } from './runtime.js';

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
}

/** What every delivery of one publish shares. */
type PublishedFor = Pick<ClaimedDelivery, 'tenant_id' | 'environment' | 'app_id' | 'message_id'>;

export interface Handoff {
  /**
   * The lease for this endpoint's new delivery `deliveryId`, or null to store it pending. Call once
   * per endpoint, then insert the row with what it returned.
   */
  lease(ep: HandoffEndpoint, deliveryId: string): { owner: string; expires_at: number } | null;
  /** The leased deliveries as a claim would have returned them. */
  result(message: Omit<MessageForSend, 'content_hash'>): ClaimResult;
}

/**
 * Claim at publish, for a process that serves the API and delivers (SQLite is always one). A new
 * delivery is stored already leased to this process when a claim made now would take it: its
 * endpoint has nothing older due, room under max_in_flight and under its rate limit. The publish
 * then hands it straight to the dispatcher. That saves, per delivery, a claim transaction (its
 * WAL pages and its share of a scan over every endpoint with due work) and a round trip between
 * the main thread and the store thread. Under a backlog every endpoint has older work due, nothing
 * is handed off, and the claim loop's fair allocation applies as before. A crash loses nothing:
 * the lease expires (or, on SQLite, is released at the next start) like any claim's.
 */
export function makeHandoff(db: Db) {
  // Plain statements (no pluck): db.prepare shares statements by SQL text (see db.ts).
  const olderDue = db.prepare("SELECT 1 AS due FROM deliveries WHERE endpoint_id = ? AND status = 'pending' AND next_attempt_at <= ? LIMIT 1");
  const inFlight = db.prepare("SELECT COUNT(*) AS n FROM deliveries WHERE endpoint_id = ? AND status = 'delivering'");
  const updateWindow = db.prepare('UPDATE endpoints SET rate_window_start = ?, rate_window_count = ? WHERE id = ?');
  const runtimeRow = db.prepare(`SELECT ${RUNTIME_COLUMNS} FROM endpoints e JOIN applications a ON a.id = e.app_id WHERE e.id = ?`);
  const recordHash = db.prepare('SELECT content_hash FROM records WHERE id = ?');
  const resolveRuntime = makeRuntimeResolver(db);

  return function begin(request: HandoffRequest | null | undefined, now: number, shared: PublishedFor): Handoff | null {
    if (!request || request.limit <= 0) return null;
    let left = request.limit;
    const leased: { id: string; endpoint_id: string }[] = [];
    return {
      lease(ep, deliveryId) {
        if (left === 0 || (ep.throttled_until !== null && ep.throttled_until > now) || olderDue.get(ep.id, now) !== undefined || (inFlight.get(ep.id) as { n: number }).n >= ep.max_in_flight) return null;
        const allowance = rateAllowance(ep, now);
        if (allowance.left < 1) return null;
        if (allowance.windowStart !== null) updateWindow.run(allowance.windowStart, allowance.used + 1, ep.id);
        left--;
        leased.push({ id: deliveryId, endpoint_id: ep.id });
        return { owner: request.owner, expires_at: now + ep.timeout_ms + request.leaseGraceMs };
      },
      result(message) {
        const endpoints = new Map<string, EndpointRuntime>();
        if (!leased.length) return { deliveries: [], endpoints };
        const full: MessageForSend = { ...message, content_hash: message.record_id ? (recordHash.get(message.record_id) as { content_hash: string }).content_hash : null };
        for (const d of leased) endpoints.set(d.endpoint_id, resolveRuntime(runtimeRow.get(d.endpoint_id) as RuntimeRow, now));
        return { deliveries: leased.map((d) => claimedDelivery({ ...shared, ...d, attempt_count: 0, schedule_index: 0 }, full)), endpoints };
      },
    };
  };
}
