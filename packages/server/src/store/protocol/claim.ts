import { allocateFairly } from '../decisions/fair-share.js';
import { rateAllowance, type RateAllowance } from '../decisions/rate-window.js';
import type { ClaimedDelivery, ClaimRequest, ClaimResult } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { claimedDeliveries, type DueRow } from './claimed.js';

/** One endpoint's share of a claim. */
export interface Grant {
  endpoint_id: string;
  take: number;
  timeout_ms: number;
}

/**
 * Leases up to each grant's `take` of its endpoint's oldest due deliveries to `owner`; returns them.
 * The one step the dialects do differently (claim-lease.sqlite.ts, claim-lease.postgres.ts).
 */
export type LeaseDue = (q: Sql, grants: Grant[], req: ClaimRequest) => Promise<DueRow[]>;

/**
 * A rate window starts when the transaction runs, not at the `now` it was asked for: a claim or
 * publish that waited its turn behind other transactions would otherwise open a window that is
 * partly over when it sends.
 */
export const windowClock = (now: number) => Math.max(now, Date.now());

/** Counts `n` starts in an endpoint's one-second window (nothing to count without a rate limit). */
export async function spendWindow(q: Sql, endpointId: string, allowance: RateAllowance, n: number): Promise<void> {
  if (n > 0 && allowance.windowStart !== null) await q.run('UPDATE endpoints SET rate_window_start = ?, rate_window_count = ? WHERE id = ?', [allowance.windowStart, allowance.used + n, endpointId]);
}

interface Candidate {
  id: string;
  timeout_ms: number;
  max_in_flight: number;
  in_flight: number;
  rate_limit: number | null;
  rate_window_start: number | null;
  rate_window_count: number;
}

/**
 * Claim due deliveries, fairly across endpoints: every enabled, unpaused endpoint with due work gets
 * an equal share of `limit` (decisions/fair-share.ts), capped by its room under max_in_flight across
 * all workers and under its rate limit. Where several processes claim, each locks the endpoints it
 * claims for and skips those another is busy with, so the in-flight counts it reads stay true. The
 * lock is NO KEY UPDATE, not UPDATE: a publish inserting deliveries takes KEY SHARE on the endpoint
 * row for the foreign key, and FOR UPDATE made every publish wait for the claims in progress.
 */
export function makeClaimDue(sql: Sql, leaseDue: LeaseDue): (req: ClaimRequest) => Promise<ClaimResult> {
  // Which endpoint goes first rotates between claims.
  let rotation = 0;
  return (req) =>
    sql.tx(async (q) => {
      // The per-endpoint subqueries ride the partial indexes on pending/delivering rows: one index
      // probe per enabled endpoint, however deep the backlog is.
      const found = await q.all<Candidate>(
        `SELECT e.id, e.timeout_ms, e.max_in_flight, e.rate_limit, e.rate_window_start, e.rate_window_count,
           (SELECT COUNT(*) FROM deliveries f WHERE f.endpoint_id = e.id AND f.status = 'delivering') AS in_flight
         FROM endpoints e
         WHERE e.status = 'enabled' AND e.deleted_at IS NULL AND (e.throttled_until IS NULL OR e.throttled_until <= ?)
           AND EXISTS (SELECT 1 FROM deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= ?)
         ORDER BY e.id${q.dialect.skipLocked('e')}`,
        [req.now, req.now],
      );
      if (!found.length) return { deliveries: [] as ClaimedDelivery[], endpoints: new Map() };
      const at = windowClock(req.now);
      const allowances = found.map((c) => rateAllowance(c, at));
      const shares = allocateFairly(
        found.map((c, i) => Math.max(0, Math.min(c.max_in_flight - Number(c.in_flight), allowances[i]!.left))),
        req.limit,
        rotation++ % found.length,
      );
      const grants = found.flatMap((c, i) => (shares[i]! > 0 ? [{ endpoint_id: c.id, take: shares[i]!, timeout_ms: c.timeout_ms }] : []));
      const rows = grants.length ? await leaseDue(q, grants, req) : [];
      // What was started counts in each rate-limited endpoint's one-second window.
      const started = new Map<string, number>();
      for (const r of rows) started.set(r.endpoint_id, (started.get(r.endpoint_id) ?? 0) + 1);
      for (const [i, c] of found.entries()) await spendWindow(q, c.id, allowances[i]!, started.get(c.id) ?? 0);
      return claimedDeliveries(q, rows, req.now);
    });
}
