import type { LeaseDue } from './claim.js';
import type { DueRow } from './claimed.js';

/**
 * PostgreSQL: one statement for every endpoint's share, each endpoint's oldest due rows picked by
 * a LATERAL subquery (one index range each) and locked SKIP LOCKED, so a claim never waits for a
 * row another transaction holds (a replay requeueing it). The LIMIT (every grant's take together,
 * which the picked rows never exceed) is there for the planner: it cannot see a LATERAL's LIMIT,
 * guessed a hundred rows per endpoint and joined the picked ids by hashing the whole deliveries
 * table, a sequential scan per claim.
 */
export const leaseDuePostgres: LeaseDue = (q, grants, { now, owner, leaseGraceMs }) =>
  q.all<DueRow>(
    `WITH picked AS (
       SELECT p.id, s.timeout_ms FROM unnest(?::text[], ?::int[], ?::bigint[]) AS s(id, take, timeout_ms),
         LATERAL (SELECT d.id FROM deliveries d WHERE d.endpoint_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= ?
                  ORDER BY d.next_attempt_at LIMIT s.take FOR NO KEY UPDATE OF d SKIP LOCKED) p
     )
     UPDATE deliveries d SET status = 'delivering', lease_owner = ?, lease_expires_at = ? + p.timeout_ms + ?, updated_at = ?
     FROM (SELECT * FROM picked LIMIT ?) p WHERE d.id = p.id
     RETURNING d.id, d.tenant_id, d.environment, d.app_id, d.message_id, d.endpoint_id, d.attempt_count, d.schedule_index`,
    [grants.map((g) => g.endpoint_id), grants.map((g) => g.take), grants.map((g) => g.timeout_ms), now, owner, now, leaseGraceMs, now, grants.reduce((n, g) => n + g.take, 0)],
  );
