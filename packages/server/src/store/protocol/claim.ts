import { allocateFairly } from '../decisions/fair-share.js';
import { rateAllowance, type RateAllowance } from '../decisions/rate-window.js';
import type { ClaimRequest, ClaimResult } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { claimedDeliveries, type DueRow } from './claimed.js';
import { leaseFifoHeads, placeStragglers } from './claim-fifo.js';

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
  ordering: 'unordered' | 'fifo';
  ordering_failure: 'continue' | 'pause';
  timeout_ms: number;
  max_in_flight: number;
  in_flight: number;
  rate_limit: number | null;
  rate_window_start: number | null;
  rate_window_count: number;
}

/** How often a claim looks for deliveries of ordered endpoints stored without a place in line (claim-fifo.ts). */
const STRAY_CHECK_MS = 5000;

/** The key claims take in turn where several processes claim (`Dialect.tryLockKey`). */
export const CLAIM_KEY = 'herald:claim';

/**
 * Claim due deliveries, fairly across endpoints: every enabled, unpaused endpoint with due work gets
 * an equal share of `limit` (decisions/fair-share.ts), capped by its room under max_in_flight across
 * all workers and under its rate limit. Where several processes claim, they claim one at a time
 * (a transaction-scoped advisory lock), so the in-flight counts a claim reads stay true until it
 * has leased. A claim that finds the lock taken returns at once, `contended`, and its worker tries
 * again shortly. Locking the endpoint rows instead (SKIP LOCKED) serialised the claims just the
 * same — the first locked every endpoint with due work — but the second still paid for reading
 * every endpoint's counts before finding them locked, then slept as if nothing were due.
 * The messages and endpoints a claim sends with are read after its commit: they are not what the
 * lock protects.
 */
export function makeClaimDue(sql: Sql, leaseDue: LeaseDue): (req: ClaimRequest) => Promise<ClaimResult> {
  // Which endpoint goes first rotates between claims.
  let rotation = 0;
  let strayCheckAt = 0;
  return async (req) => {
    const rows = await sql.tx(async (q): Promise<DueRow[] | null> => {
      if (q.dialect.tryLockKey && !(await q.get<{ ok: boolean }>(q.dialect.tryLockKey, [CLAIM_KEY]))?.ok) return null;
      // The per-endpoint subqueries ride the partial indexes on pending/delivering rows: one index
      // probe per enabled endpoint, however deep the backlog is.
      const found = await q.all<Candidate>(
        `SELECT e.id, e.ordering, e.ordering_failure, e.timeout_ms, e.max_in_flight, e.rate_limit, e.rate_window_start, e.rate_window_count,
           (SELECT COUNT(*) FROM deliveries f WHERE f.endpoint_id = e.id AND f.status = 'delivering') AS in_flight
         FROM endpoints e
         WHERE e.status = 'enabled' AND e.deleted_at IS NULL AND (e.throttled_until IS NULL OR e.throttled_until <= ?)
           AND EXISTS (SELECT 1 FROM deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= ?)
         ORDER BY e.id`,
        [req.now, req.now],
      );
      if (!found.length) return [];
      const at = windowClock(req.now);
      const allowances = found.map((c) => rateAllowance(c, at));
      const shares = allocateFairly(
        found.map((c, i) => Math.max(0, Math.min(c.max_in_flight - Number(c.in_flight), allowances[i]!.left))),
        req.limit,
        rotation++ % found.length,
      );
      const grants = found.flatMap((c, i) => (shares[i]! > 0 ? [{ endpoint_id: c.id, take: shares[i]!, timeout_ms: c.timeout_ms, pause: c.ordering_failure === 'pause', fifo: c.ordering === 'fifo' }] : []));
      const fifo = grants.filter((g) => g.fifo);
      if (fifo.length && req.now >= strayCheckAt) {
        strayCheckAt = req.now + STRAY_CHECK_MS;
        await placeStragglers(q, fifo.map((g) => g.endpoint_id));
      }
      const unordered = grants.filter((g) => !g.fifo);
      const leased = [...(unordered.length ? await leaseDue(q, unordered, req) : []), ...(fifo.length ? await leaseFifoHeads(q, fifo, req) : [])];
      // What was started counts in each rate-limited endpoint's one-second window.
      const started = new Map<string, number>();
      for (const r of leased) started.set(r.endpoint_id, (started.get(r.endpoint_id) ?? 0) + 1);
      for (const [i, c] of found.entries()) await spendWindow(q, c.id, allowances[i]!, started.get(c.id) ?? 0);
      return leased;
    });
    if (rows === null) return { deliveries: [], endpoints: new Map(), contended: true };
    return claimedDeliveries(sql, rows, req.now);
  };
}
