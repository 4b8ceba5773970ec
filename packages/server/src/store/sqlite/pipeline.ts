import type { AttemptOutcome, ClaimedDelivery, EndpointEffect, EndpointRuntime, Store } from '../types.js';
import { json, type Db } from './db.js';
import { makeRuntimeResolver, RUNTIME_COLUMNS, type RuntimeRow } from './runtime.js';

type PipelineOps = Pick<Store, 'claimDue' | 'recordOutcomes' | 'extendLeases' | 'releaseExpiredLeases' | 'releaseAllLeases' | 'queueStats' | 'nextDueAt' | 'purgeExpired'>;

type Candidate = RuntimeRow & {
  id: string;
  timeout_ms: number;
  max_in_flight: number;
  in_flight: number;
  rate_limit: number | null;
  rate_window_start: number | null;
  rate_window_count: number;
};

/** What the claim reads of a delivery's message (and its record, for pointer payloads). */
export interface MessageForSend {
  event_type: string;
  event_id: string | null;
  payload: string;
  created_at: number;
  record_id: string | null;
  record_format: string | null;
  content_hash: string | null;
}

/** The delivery columns a claim reads; the rest of a ClaimedDelivery comes from its message. */
type DueRow = Omit<ClaimedDelivery, 'event_type' | 'event_id' | 'payload' | 'message_created_at' | 'record'>;

/** A claimed delivery row plus its message, as the worker holds it; shared by both dialects. */
export function claimedDelivery(d: DueRow, m: MessageForSend): ClaimedDelivery {
  // Named, not spread: a SQLite claim row also carries its rowid, which stays behind.
  return {
    id: d.id,
    tenant_id: d.tenant_id,
    environment: d.environment,
    app_id: d.app_id,
    message_id: d.message_id,
    endpoint_id: d.endpoint_id,
    attempt_count: d.attempt_count,
    schedule_index: d.schedule_index,
    event_type: m.event_type,
    event_id: m.event_id,
    payload: m.payload,
    message_created_at: m.created_at,
    record: m.record_id ? { id: m.record_id, format: m.record_format!, content_hash: m.content_hash! } : null,
  };
}

/** Per-second rate limits in one-second windows: how many more may start now, and the window they count in. */
export function rateAllowance(c: { rate_limit: number | null; rate_window_start: number | null; rate_window_count: number }, now: number) {
  if (c.rate_limit === null) return { left: Number.POSITIVE_INFINITY, windowStart: null, used: 0 };
  const fresh = c.rate_window_start === null || now - c.rate_window_start >= 1000;
  const used = fresh ? 0 : c.rate_window_count;
  return { left: Math.max(0, c.rate_limit - used), windowStart: fresh ? now : c.rate_window_start!, used };
}

/**
 * Splits `limit` claims across endpoints round-robin: every endpoint with due work and spare
 * in-flight capacity gets an equal share before any gets more, so one busy endpoint can never
 * take the whole batch. `offset` rotates who goes first between batches.
 */
export function allocateFairly(capacities: number[], limit: number, offset: number): number[] {
  const n = capacities.length;
  const grant = new Array<number>(n).fill(0);
  let remaining = limit;
  let progressed = true;
  while (remaining > 0 && progressed) {
    progressed = false;
    for (let k = 0; k < n && remaining > 0; k++) {
      const i = (k + offset) % n;
      if (grant[i]! < capacities[i]!) {
        grant[i]!++;
        remaining--;
        progressed = true;
      }
    }
  }
  return grant;
}

export function makePipelineOps(db: Db): PipelineOps {
  // The per-endpoint subqueries ride the partial indexes on pending/delivering rows, so this
  // costs one index probe per enabled endpoint, however deep the backlog is.
  const candidates = db.prepare(`
    SELECT ${RUNTIME_COLUMNS}, e.rate_limit, e.rate_window_start, e.rate_window_count,
      (SELECT COUNT(*) FROM deliveries f WHERE f.endpoint_id = e.id AND f.status = 'delivering') AS in_flight
    FROM endpoints e JOIN applications a ON a.id = e.app_id
    WHERE e.status = 'enabled' AND e.deleted_at IS NULL AND (e.throttled_until IS NULL OR e.throttled_until <= ?)
      AND EXISTS (SELECT 1 FROM deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending' AND d.next_attempt_at <= ?)
    ORDER BY e.id`);
  // Read the due rows, then update each by rowid: half the time of one UPDATE … WHERE rowid IN
  // (SELECT … LIMIT ?) RETURNING … (which builds an ephemeral table per statement). The claim runs
  // in an IMMEDIATE transaction, so nothing else writes between the read and the updates.
  const dueForEndpoint = db.prepare(`
    SELECT rowid AS row, id, tenant_id, environment, app_id, message_id, endpoint_id, attempt_count, schedule_index
    FROM deliveries WHERE endpoint_id = ? AND status = 'pending' AND next_attempt_at <= ?
    ORDER BY next_attempt_at LIMIT ?`);
  const lease = db.prepare(`UPDATE deliveries SET status = 'delivering', lease_owner = ?, lease_expires_at = ?, updated_at = ? WHERE rowid = ?`);
  const messageForSend = db.prepare(
    `SELECT m.event_type, m.event_id, m.payload, m.created_at, m.record_format, r.id AS record_id, r.content_hash
     FROM messages m LEFT JOIN records r ON r.id = m.record_id WHERE m.id = ?`,
  );
  const resolveRuntime = makeRuntimeResolver(db);
  const updateWindow = db.prepare('UPDATE endpoints SET rate_window_start = ?, rate_window_count = ? WHERE id = ?');
  const insertAttempt = db.prepare(`
    INSERT INTO attempts (id, tenant_id, environment, app_id, delivery_id, message_id, endpoint_id, event_type, attempt_number, status, url,
      request_headers, response_status, response_headers, response_body, error_class, error_message, duration_ms, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // Fenced by the lease: a worker whose lease expired and was re-claimed must not overwrite the new owner's state.
  const finishDelivery = db.prepare(`
    UPDATE deliveries SET status = ?, attempt_count = attempt_count + 1, schedule_index = ?, next_attempt_at = ?, lease_owner = NULL,
      lease_expires_at = NULL, last_attempt_at = ?, last_status_code = ?, last_error = ?, updated_at = ?
    WHERE id = ? AND lease_owner = ? AND status = 'delivering' RETURNING attempt_count`);
  // A fenced-out attempt still ran: it is counted, so attempt numbers stay unique.
  const countAttempt = db.prepare('UPDATE deliveries SET attempt_count = attempt_count + 1 WHERE id = ? RETURNING attempt_count');
  const disableEndpoint = db.prepare(
    "UPDATE endpoints SET status = 'disabled', disabled_reason = ?, updated_at = ? WHERE id = ? AND status = 'enabled'",
  );
  // Endpoint health: the first failure since the last success starts the clock; a success stops it.
  const markFailing = db.prepare('UPDATE endpoints SET failing_since = COALESCE(failing_since, ?) WHERE id = ? RETURNING failing_since, status');
  const markHealthy = db.prepare('UPDATE endpoints SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL RETURNING id');
  const throttleEndpoint = db.prepare('UPDATE endpoints SET throttled_until = MAX(COALESCE(throttled_until, 0), ?), throttle_reason = ? WHERE id = ?');
  const extendLease = db.prepare("UPDATE deliveries SET lease_expires_at = MAX(lease_expires_at, ?) WHERE id = ? AND lease_owner = ? AND status = 'delivering'");
  let rotation = 0;

  return {
    async claimDue({ now, owner, limit, leaseGraceMs }) {
      return db.transaction(() => {
        const found = candidates.all(now, now) as Candidate[];
        const endpoints = new Map<string, EndpointRuntime>();
        const deliveries: ClaimedDelivery[] = [];
        if (!found.length) return { deliveries, endpoints };
        // A fanned-out message is due at many endpoints at once: read it once per claim.
        const messages = new Map<string, MessageForSend>();
        const messageFor = (id: string) => {
          let m = messages.get(id);
          if (m === undefined) messages.set(id, (m = messageForSend.get(id) as MessageForSend));
          return m;
        };
        const allowances = found.map((c) => rateAllowance(c, now));
        const grants = allocateFairly(
          found.map((c, i) => Math.max(0, Math.min(c.max_in_flight - c.in_flight, allowances[i]!.left))),
          limit,
          rotation++ % found.length,
        );
        found.forEach((c, i) => {
          const take = grants[i]!;
          if (take === 0) return;
          const claimed = dueForEndpoint.all(c.id, now, take) as (DueRow & { row: number })[];
          if (!claimed.length) return;
          const allowance = allowances[i]!;
          if (allowance.windowStart !== null) updateWindow.run(allowance.windowStart, allowance.used + claimed.length, c.id);
          endpoints.set(c.id, resolveRuntime(c, now));
          const leaseExpiresAt = now + c.timeout_ms + leaseGraceMs;
          for (const d of claimed) {
            lease.run(owner, leaseExpiresAt, now, d.row);
            deliveries.push(claimedDelivery(d, messageFor(d.message_id)));
          }
        });
        return { deliveries, endpoints };
      }).immediate();
    },

    async recordOutcomes(outcomes, now, options) {
      return db.transaction(() => {
        const effects: EndpointEffect[] = [];
        const effect = (o: AttemptOutcome, kind: EndpointEffect['kind'], reason: string | null, failingSince: number | null) =>
          effects.push({ kind, tenant_id: o.delivery.tenant_id, environment: o.delivery.environment, app_id: o.delivery.app_id, endpoint_id: o.delivery.endpoint_id, reason, failing_since: failingSince });
        for (const o of outcomes) {
          const d = o.delivery;
          const a = o.attempt;
          const lastError = a.error_class ? `${a.error_class}: ${a.error_message ?? ''}`.slice(0, 500) : null;
          const counted = (finishDelivery.get(o.next.status, o.next.schedule_index, o.next.next_attempt_at, a.created_at, a.response_status, lastError, now, d.id, o.owner) ??
            countAttempt.get(d.id)) as { attempt_count: number } | undefined;
          if (!counted) continue; // the delivery is gone (its message purged, its endpoint deleted)
          insertAttempt.run(
            a.id, d.tenant_id, d.environment, d.app_id, d.id, d.message_id, d.endpoint_id, d.event_type, counted.attempt_count, a.status, a.url,
            JSON.stringify(a.request_headers), a.response_status, json.stringify(a.response_headers), a.response_body, a.error_class,
            a.error_message, a.duration_ms, a.created_at,
          );
          if (o.throttle) throttleEndpoint.run(o.throttle.until, o.throttle.reason, d.endpoint_id);
          if (a.status === 'succeeded') {
            if (markHealthy.get(d.endpoint_id)) effect(o, 'recovered', null, null);
            continue;
          }
          const health = markFailing.get(a.created_at, d.endpoint_id) as { failing_since: number; status: string } | undefined;
          const reason = o.disable_endpoint ?? (health && now - health.failing_since >= options.autoDisableAfterMs ? 'failing' : null);
          if (reason && disableEndpoint.run(reason, now, d.endpoint_id).changes > 0) effect(o, 'disabled', reason, health?.failing_since ?? null);
        }
        return effects;
      }).immediate();
    },

    async extendLeases(owner, deliveryIds, until) {
      return db.transaction(() => deliveryIds.reduce((n, id) => n + extendLease.run(until, id, owner).changes, 0)).immediate();
    },

    async releaseExpiredLeases(now) {
      return db
        .prepare(
          "UPDATE deliveries SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE status = 'delivering' AND lease_expires_at <= ?",
        )
        .run(now, now).changes;
    },

    async releaseAllLeases(now) {
      return db
        .prepare("UPDATE deliveries SET status = 'pending', lease_owner = NULL, lease_expires_at = NULL, updated_at = ? WHERE status = 'delivering'")
        .run(now).changes;
    },

    async queueStats() {
      const rows = db
        .prepare("SELECT status, COUNT(*) AS n FROM deliveries WHERE status IN ('pending', 'delivering') GROUP BY status")
        .all() as { status: string; n: number }[];
      const get = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
      return { pending: get('pending'), delivering: get('delivering') };
    },

    async purgeExpired(cutoff, now, batch) {
      return db.transaction(() => {
        const ids = (
          db
            .prepare(
              `SELECT id FROM messages m WHERE purged_at IS NULL AND created_at < ?
                 AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.message_id = m.id AND d.status IN ('pending', 'delivering'))
               ORDER BY created_at LIMIT ?`,
            )
            .all(cutoff, batch) as { id: string }[]
        ).map((r) => r.id);
        if (ids.length) {
          const list = `(${ids.map(() => '?').join(', ')})`;
          db.prepare(`DELETE FROM attempts WHERE message_id IN ${list}`).run(...ids);
          db.prepare(`DELETE FROM deliveries WHERE message_id IN ${list}`).run(...ids);
          db.prepare(`UPDATE messages SET payload = NULL, purged_at = ? WHERE id IN ${list}`).run(now, ...ids);
        }
        db.prepare('DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE created_at < ? LIMIT ?)').run(now - 24 * 3600 * 1000, batch);
        db.prepare('DELETE FROM endpoint_secrets WHERE id IN (SELECT id FROM endpoint_secrets WHERE expires_at IS NOT NULL AND expires_at < ? LIMIT ?)').run(now, batch);
        db.prepare('DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE expires_at < ? LIMIT ?)').run(now - 24 * 3600 * 1000, batch);
        db.prepare('DELETE FROM portal_links WHERE id IN (SELECT id FROM portal_links WHERE expires_at < ? LIMIT ?)').run(now - 24 * 3600 * 1000, batch);
        return ids.length;
      }).immediate();
    },

    async nextDueAt() {
      const row = db
        .prepare(
          `SELECT MIN(MAX((SELECT MIN(d.next_attempt_at) FROM deliveries d WHERE d.endpoint_id = e.id AND d.status = 'pending'), COALESCE(e.throttled_until, 0))) AS at
           FROM endpoints e WHERE e.status = 'enabled' AND e.deleted_at IS NULL`,
        )
        .get() as { at: number | null };
      return row.at;
    },
  };
}
