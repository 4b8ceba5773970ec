import { json } from '../sqlite/db.js';
import { claimedDelivery, type MessageForSend } from '../sqlite/pipeline.js';
import { RUNTIME_COLUMNS, runtimeFromRow } from '../sqlite/runtime.js';
import type { AttemptOutcome, ClaimedDelivery, EndpointEffect, EndpointRuntime, Store } from '../types.js';
import { isBrokenConnection, type PgDb } from './db.js';

type PipelineOps = Pick<Store, 'claimDue' | 'recordOutcomes' | 'extendLeases' | 'releaseExpiredLeases' | 'releaseAllLeases' | 'queueStats' | 'nextDueAt' | 'purgeExpired'>;

/**
 * The delivery protocol on PostgreSQL, for many worker processes on one database: each
 * endpoint's claim locks the endpoint row (SKIP LOCKED: another worker busy with it is skipped,
 * not waited for), counts what is in flight across all workers, and claims only the remainder.
 */
export interface PgPipelineOptions {
  /** Outcomes this process records between its own VACUUMs of the deliveries table. */
  vacuumEvery?: number;
}

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
function makeDeliveriesVacuum(pool: PgDb['pool'], every: number): (outcomes: number) => void {
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

export function makePgPipelineOps({ pool, q, tx }: PgDb, notifyWork: () => void, options: PgPipelineOptions = {}): PipelineOps {
  const noteChurn = makeDeliveriesVacuum(pool, options.vacuumEvery ?? 20_000);
  let rotation = 0;
  const liveSecrets = (qq: typeof q, endpointIds: string[], now: number) =>
    qq<{ endpoint_id: string; sealed: string }>(
      'SELECT endpoint_id, sealed FROM endpoint_secrets WHERE endpoint_id = ANY(?::text[]) AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC, id DESC',
      [endpointIds, now],
    );

  return {
    async claimDue({ now, owner, limit, leaseGraceMs }) {
      // One statement claims for every endpoint with due work: lock the endpoint rows (SKIP
      // LOCKED: an endpoint another worker is claiming for is left to it; NO KEY UPDATE, not
      // UPDATE, because publishing inserts deliveries whose foreign-key check takes KEY SHARE on
      // the endpoint row, and FOR UPDATE made every publish wait for the claims in progress),
      // subtract what all workers have in flight, give each endpoint an equal share of `limit`
      // (rotating which endpoints go first), and lease that many of its oldest due deliveries.
      const offset = rotation++;
      return tx(async (qq) => {
        const rows = await qq<Omit<ClaimedDelivery, 'event_type' | 'event_id' | 'payload' | 'message_created_at' | 'record'>>(
          `WITH due AS (
             SELECT e.id, e.timeout_ms,
               LEAST(
                 e.max_in_flight - (SELECT COUNT(*) FROM deliveries f WHERE f.endpoint_id = e.id AND f.status = 'delivering'),
                 CASE WHEN e.rate_limit IS NULL THEN 2147483647
                      WHEN e.rate_window_start IS NULL OR ? - e.rate_window_start >= 1000 THEN e.rate_limit
                      ELSE e.rate_limit - e.rate_window_count END
               ) AS capacity
             FROM endpoints e
             WHERE e.status = 'enabled' AND e.deleted_at IS NULL AND (e.throttled_until IS NULL OR e.throttled_until <= ?)
               AND EXISTS (SELECT 1 FROM deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= ?)
             ORDER BY md5(e.id || ?::text)
             FOR NO KEY UPDATE OF e SKIP LOCKED
           ), shares AS (
             SELECT id, timeout_ms, LEAST(capacity, GREATEST(1, ?::int / GREATEST(1, COUNT(*) OVER ()))) AS take FROM due WHERE capacity > 0
           ), picked AS (
             SELECT p.id, s.timeout_ms FROM shares s,
               LATERAL (SELECT d.id FROM deliveries d WHERE d.endpoint_id = s.id AND d.status = 'pending' AND d.next_attempt_at <= ?
                        ORDER BY d.next_attempt_at LIMIT s.take FOR NO KEY UPDATE OF d SKIP LOCKED) p
           )
           UPDATE deliveries d SET status = 'delivering', lease_owner = ?, lease_expires_at = ? + p.timeout_ms + ?, updated_at = ?
           FROM picked p WHERE d.id = p.id
           RETURNING d.id, d.tenant_id, d.environment, d.app_id, d.message_id, d.endpoint_id, d.attempt_count, d.schedule_index`,
          [now, now, now, offset, limit, now, owner, now, leaseGraceMs, now],
        );
        if (rows.length) {
          // Count what was just started against each rate-limited endpoint's one-second window
          // (the endpoint rows are still locked by this transaction).
          const counts = new Map<string, number>();
          for (const r of rows) counts.set(r.endpoint_id, (counts.get(r.endpoint_id) ?? 0) + 1);
          await qq(
            `UPDATE endpoints e SET
               rate_window_count = CASE WHEN e.rate_window_start IS NULL OR ? - e.rate_window_start >= 1000 THEN c.n ELSE e.rate_window_count + c.n END,
               rate_window_start = CASE WHEN e.rate_window_start IS NULL OR ? - e.rate_window_start >= 1000 THEN ? ELSE e.rate_window_start END
             FROM unnest(?::text[], ?::int[]) AS c(id, n) WHERE e.id = c.id AND e.rate_limit IS NOT NULL`,
            [now, now, now, [...counts.keys()], [...counts.values()]],
          );
        }
        const deliveries: ClaimedDelivery[] = [];
        const endpoints = new Map<string, EndpointRuntime>();
        if (!rows.length) return { deliveries, endpoints };
        const endpointIds = [...new Set(rows.map((r) => r.endpoint_id))];
        // One after another: a client runs one query at a time anyway (node-postgres queued these,
        // and deprecates queueing them), so nothing is lost by awaiting each.
        const runtimeRows = await qq<Record<string, unknown> & { id: string }>(`SELECT ${RUNTIME_COLUMNS} FROM endpoints e JOIN applications a ON a.id = e.app_id WHERE e.id = ANY(?::text[])`, [endpointIds]);
        const messages = await qq<MessageForSend & { id: string }>(
          `SELECT m.id, m.event_type, m.event_id, m.payload, m.created_at, m.record_format, r.id AS record_id, r.content_hash
           FROM messages m LEFT JOIN records r ON r.id = m.record_id WHERE m.id = ANY(?::text[])`,
          [rows.map((r) => r.message_id)],
        );
        const secrets = await liveSecrets(qq, endpointIds, now);
        for (const r of runtimeRows) endpoints.set(r.id, runtimeFromRow(r, secrets.filter((s) => s.endpoint_id === r.id).map((s) => s.sealed)));
        const byId = new Map(messages.map((m) => [m.id, m]));
        for (const d of rows) deliveries.push(claimedDelivery(d, byId.get(d.message_id)!));
        return { deliveries, endpoints };
      });
    },

    async recordOutcomes(outcomes, now, options) {
      noteChurn(outcomes.length);
      // Three set-based statements per batch (attempts, deliveries, endpoint health) instead of
      // several per outcome: this is the write path of every delivery.
      const effects = await tx(async (qq) => {
        // Fenced by the lease: a worker whose lease expired and was re-claimed does not overwrite the new owner's state.
        const all = <T>(fn: (o: AttemptOutcome) => T) => outcomes.map(fn);
        const finished = await qq<{ id: string; attempt_count: number }>(
          `UPDATE deliveries d SET status = u.status, attempt_count = d.attempt_count + 1, schedule_index = u.schedule_index, next_attempt_at = u.next_attempt_at,
             lease_owner = NULL, lease_expires_at = NULL, last_attempt_at = u.last_attempt_at, last_status_code = u.last_status_code, last_error = u.last_error, updated_at = ?
           FROM unnest(?::text[], ?::text[], ?::int[], ?::bigint[], ?::bigint[], ?::bigint[], ?::text[], ?::text[])
             AS u(id, status, schedule_index, next_attempt_at, last_attempt_at, last_status_code, last_error, owner)
           WHERE d.id = u.id AND d.lease_owner = u.owner AND d.status = 'delivering'
           RETURNING d.id, d.attempt_count`,
          [
            now, all((o) => o.delivery.id), all((o) => o.next.status), all((o) => o.next.schedule_index), all((o) => o.next.next_attempt_at),
            all((o) => o.attempt.created_at), all((o) => o.attempt.response_status),
            all((o) => (o.attempt.error_class ? `${o.attempt.error_class}: ${o.attempt.error_message ?? ''}`.slice(0, 500) : null)), all((o) => o.owner),
          ],
        );
        const numbers = new Map(finished.map((r) => [r.id, r.attempt_count]));
        // A fenced-out attempt still ran: it is counted, so attempt numbers stay unique.
        const fenced = outcomes.filter((o) => !numbers.has(o.delivery.id)).map((o) => o.delivery.id);
        if (fenced.length) {
          for (const r of await qq<{ id: string; attempt_count: number }>(
            'UPDATE deliveries d SET attempt_count = d.attempt_count + 1 FROM unnest(?::text[]) AS u(id) WHERE d.id = u.id RETURNING d.id, d.attempt_count',
            [fenced],
          )) numbers.set(r.id, r.attempt_count);
        }
        // A delivery gone meanwhile (its message purged, its endpoint deleted) has nothing to record.
        const live = outcomes.filter((o) => numbers.has(o.delivery.id));
        const col = <T>(fn: (o: AttemptOutcome) => T) => live.map(fn);
        await qq(
          `INSERT INTO attempts (id, tenant_id, environment, app_id, delivery_id, message_id, endpoint_id, event_type, attempt_number, status, url,
             request_headers, response_status, response_headers, response_body, error_class, error_message, duration_ms, created_at)
           SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[],
             ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[])`,
          [
            col((o) => o.attempt.id), col((o) => o.delivery.tenant_id), col((o) => o.delivery.environment), col((o) => o.delivery.app_id),
            col((o) => o.delivery.id), col((o) => o.delivery.message_id), col((o) => o.delivery.endpoint_id), col((o) => o.delivery.event_type),
            col((o) => numbers.get(o.delivery.id)!), col((o) => o.attempt.status), col((o) => o.attempt.url), col((o) => JSON.stringify(o.attempt.request_headers)),
            col((o) => o.attempt.response_status), col((o) => json.stringify(o.attempt.response_headers)),
            col((o) => o.attempt.response_body?.replace(/\u0000/g, '') ?? null), col((o) => o.attempt.error_class), col((o) => o.attempt.error_message),
            col((o) => o.attempt.duration_ms), col((o) => o.attempt.created_at),
          ],
        );
        const throttles = new Map<string, { until: number; reason: string }>();
        for (const o of live) if (o.throttle && (throttles.get(o.delivery.endpoint_id)?.until ?? 0) < o.throttle.until) throttles.set(o.delivery.endpoint_id, o.throttle);
        if (throttles.size) {
          await qq(
            `UPDATE endpoints e SET throttled_until = GREATEST(e.throttled_until, u.until), throttle_reason = u.reason
             FROM unnest(?::text[], ?::bigint[], ?::text[]) AS u(id, until, reason) WHERE e.id = u.id`,
            [[...throttles.keys()], [...throttles.values()].map((t) => t.until), [...throttles.values()].map((t) => t.reason)],
          );
        }

        const effects: EndpointEffect[] = [];
        const sample = new Map(live.map((o) => [o.delivery.endpoint_id, o]));
        const effect = (endpointId: string, kind: EndpointEffect['kind'], reason: string | null, failingSince: number | null) => {
          const o = sample.get(endpointId)!;
          effects.push({ kind, tenant_id: o.delivery.tenant_id, environment: o.delivery.environment, app_id: o.delivery.app_id, endpoint_id: endpointId, reason, failing_since: failingSince });
        };
        const succeeded = [...new Set(live.filter((o) => o.attempt.status === 'succeeded').map((o) => o.delivery.endpoint_id))];
        const failed = [...new Set(live.filter((o) => o.attempt.status === 'failed').map((o) => o.delivery.endpoint_id))].filter((id) => !succeeded.includes(id));
        const gone = new Map(live.filter((o) => o.disable_endpoint).map((o) => [o.delivery.endpoint_id, o.disable_endpoint!]));
        if (succeeded.length) {
          for (const row of await qq<{ id: string }>('UPDATE endpoints SET failing_since = NULL WHERE id = ANY(?::text[]) AND failing_since IS NOT NULL RETURNING id', [succeeded])) {
            effect(row.id, 'recovered', null, null);
          }
        }
        const toDisable = new Map(gone);
        const failingSince = new Map<string, number>();
        if (failed.length) {
          const firstFailure = Math.min(...live.filter((o) => o.attempt.status === 'failed').map((o) => o.attempt.created_at));
          const rows = await qq<{ id: string; failing_since: number }>('UPDATE endpoints SET failing_since = COALESCE(failing_since, ?) WHERE id = ANY(?::text[]) RETURNING id, failing_since', [
            firstFailure, failed,
          ]);
          for (const row of rows) {
            failingSince.set(row.id, row.failing_since);
            if (!toDisable.has(row.id) && now - row.failing_since >= options.autoDisableAfterMs) toDisable.set(row.id, 'failing');
          }
        }
        if (toDisable.size) {
          const disabled = await qq<{ id: string; disabled_reason: string }>(
            `UPDATE endpoints e SET status = 'disabled', disabled_reason = u.reason, updated_at = ? FROM unnest(?::text[], ?::text[]) AS u(id, reason)
             WHERE e.id = u.id AND e.status = 'enabled' RETURNING e.id, e.disabled_reason`,
            [now, [...toDisable.keys()], [...toDisable.values()]],
          );
          for (const row of disabled) effect(row.id, 'disabled', row.disabled_reason, failingSince.get(row.id) ?? null);
        }
        return effects;
      });
      // A retry due now (a zero delay, a Retry-After of 0) wakes the workers, after the commit.
      if (outcomes.some((o) => o.next.status === 'pending')) notifyWork();
      return effects;
    },

    async extendLeases(owner, deliveryIds, until) {
      return (
        await q("UPDATE deliveries SET lease_expires_at = GREATEST(lease_expires_at, ?) WHERE id = ANY(?::text[]) AND lease_owner = ? AND status = 'delivering' RETURNING id", [until, deliveryIds, owner])
      ).length;
    },

    async releaseExpiredLeases(now) {
      return (
        await q("UPDATE deliveries SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE status = 'delivering' AND lease_expires_at <= ? RETURNING id", [now, now])
      ).length;
    },
    async releaseAllLeases() {
      // Other processes may be alive on a shared database: only expired leases are safe to take back.
      return 0;
    },
    async queueStats() {
      const rows = await q<{ status: string; n: number }>("SELECT status, COUNT(*)::int AS n FROM deliveries WHERE status IN ('pending', 'delivering') GROUP BY status");
      const get = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
      return { pending: get('pending'), delivering: get('delivering') };
    },
    async nextDueAt() {
      const [row] = await q<{ at: number | null }>(
        `SELECT MIN(GREATEST((SELECT MIN(d.next_attempt_at) FROM deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending'), e.throttled_until)) AS at
         FROM endpoints e WHERE e.status = 'enabled' AND e.deleted_at IS NULL`,
      );
      return row?.at ?? null;
    },
    async purgeExpired(cutoff, now, batch) {
      return tx(async (qq) => {
        const ids = (
          await qq<{ id: string }>(
            `SELECT id FROM messages m WHERE purged_at IS NULL AND created_at < ?
               AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.message_id = m.id AND d.status IN ('pending', 'delivering'))
             ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED`,
            [cutoff, batch],
          )
        ).map((r) => r.id);
        if (ids.length) {
          await qq('DELETE FROM attempts WHERE message_id = ANY(?::text[])', [ids]);
          await qq('DELETE FROM deliveries WHERE message_id = ANY(?::text[])', [ids]);
          await qq('UPDATE messages SET payload = NULL, purged_at = ? WHERE id = ANY(?::text[])', [now, ids]);
        }
        await qq('DELETE FROM idempotency_keys WHERE (tenant_id, environment, key) IN (SELECT tenant_id, environment, key FROM idempotency_keys WHERE created_at < ? LIMIT ?)', [
          now - 24 * 3600 * 1000, batch,
        ]);
        await qq('DELETE FROM endpoint_secrets WHERE id IN (SELECT id FROM endpoint_secrets WHERE expires_at IS NOT NULL AND expires_at < ? LIMIT ?)', [now, batch]);
        await qq('DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < ? LIMIT ?)', [now - 24 * 3600 * 1000, batch]);
        await qq('DELETE FROM portal_links WHERE id IN (SELECT id FROM portal_links WHERE expires_at < ? LIMIT ?)', [now - 24 * 3600 * 1000, batch]);
        await qq('DELETE FROM rate_counters WHERE window_start < ?', [now - 3600 * 1000]);
        return ids.length;
      });
    },
  };
}
