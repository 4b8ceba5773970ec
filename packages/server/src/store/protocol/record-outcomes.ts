import { planEndpointHealth, type HealthState } from '../decisions/endpoint-health.js';
import type { AttemptOutcome, EndpointEffect, RecordOptions } from '../types.js';
import type { Sql } from '../sql/executor.js';
import type { Columns } from '../sql/dialect.js';
import { chunks, json } from '../sql/query.js';

const T = 'TEXT';
const N = 'BIGINT';
const FINISHED: Columns = [['id', T], ['owner', T], ['status', T], ['schedule_index', N], ['next_attempt_at', N], ['last_attempt_at', N], ['last_status_code', N], ['last_error', T]];
const ATTEMPTS: Columns = [
  ['id', T], ['tenant_id', T], ['environment', T], ['app_id', T], ['delivery_id', T], ['message_id', T], ['endpoint_id', T], ['event_type', T], ['attempt_number', N],
  ['status', T], ['url', T], ['request_headers', T], ['response_status', N], ['response_headers', T], ['response_body', T], ['error_class', T], ['error_message', T],
  ['duration_ms', N], ['created_at', N],
];

/**
 * Attempts, the next state of their deliveries and their endpoints' health, in one transaction and
 * a few set-based statements per batch: this is the write path of every delivery. Each delivery's
 * update is fenced by its lease: a worker whose lease ran out and was re-claimed does not overwrite
 * the new owner's state. Returns what changed about endpoints, for operational events.
 */
export async function recordOutcomes(sql: Sql, outcomes: AttemptOutcome[], now: number, options: RecordOptions): Promise<EndpointEffect[]> {
  const effects = await sql.tx(async (q) => {
    const numbers = new Map<string, number>();
    for (const batch of chunks(outcomes)) {
      const u = q.dialect.rows(
        FINISHED,
        batch.map((o) => [
          o.delivery.id, o.owner, o.next.status, o.next.schedule_index, o.next.next_attempt_at, o.attempt.created_at, o.attempt.response_status,
          o.attempt.error_class ? `${o.attempt.error_class}: ${o.attempt.error_message ?? ''}`.slice(0, 500) : null,
        ]),
      );
      const finished = await q.all<{ id: string; attempt_count: number }>(
        `UPDATE deliveries SET status = u.status, attempt_count = deliveries.attempt_count + 1, schedule_index = u.schedule_index, next_attempt_at = u.next_attempt_at,
           lease_owner = NULL, lease_expires_at = NULL, last_attempt_at = u.last_attempt_at, last_status_code = u.last_status_code, last_error = u.last_error, updated_at = ?
         FROM ${u.sql} AS u
         WHERE deliveries.id = u.id AND deliveries.lease_owner = u.owner AND deliveries.status = 'delivering'
         RETURNING deliveries.id, deliveries.attempt_count`,
        [now, ...u.params],
      );
      for (const r of finished) numbers.set(r.id, r.attempt_count);
    }
    // A fenced-out attempt still ran: it is counted, so attempt numbers stay unique.
    const fenced = outcomes.filter((o) => !numbers.has(o.delivery.id)).map((o) => o.delivery.id);
    if (fenced.length) {
      for (const r of await q.all<{ id: string; attempt_count: number }>(`UPDATE deliveries SET attempt_count = attempt_count + 1 WHERE id ${q.dialect.inList()} RETURNING id, attempt_count`, [q.dialect.list(fenced)])) {
        numbers.set(r.id, r.attempt_count);
      }
    }
    // A delivery gone meanwhile (its message purged, its endpoint deleted) has nothing to record.
    const live = outcomes.filter((o) => numbers.has(o.delivery.id));
    for (const batch of chunks(live)) {
      const rows = q.dialect.rows(
        ATTEMPTS,
        batch.map((o) => {
          const d = o.delivery;
          const a = o.attempt;
          return [
            a.id, d.tenant_id, d.environment, d.app_id, d.id, d.message_id, d.endpoint_id, d.event_type, numbers.get(d.id)!, a.status, a.url,
            // PostgreSQL text cannot hold NUL; the body is stored for reading, so both stores drop it.
            JSON.stringify(a.request_headers), a.response_status, json.stringify(a.response_headers), a.response_body?.replace(/\u0000/g, '') ?? null,
            a.error_class, a.error_message, a.duration_ms, a.created_at,
          ];
        }),
      );
      await q.run(`INSERT INTO attempts (${ATTEMPTS.map(([name]) => name).join(', ')}) SELECT * FROM ${rows.sql} AS t`, rows.params);
    }

    const throttles = new Map<string, { until: number; reason: string }>();
    for (const o of live) if (o.throttle && (throttles.get(o.delivery.endpoint_id)?.until ?? 0) < o.throttle.until) throttles.set(o.delivery.endpoint_id, o.throttle);
    for (const [id, t] of throttles) {
      await q.run(`UPDATE endpoints SET throttled_until = ${q.dialect.greatest}(COALESCE(throttled_until, 0), ?), throttle_reason = ? WHERE id = ?`, [t.until, t.reason, id]);
    }
    return recordHealth(q, live, now, options);
  });
  // A retry due now (a zero delay, a Retry-After of 0) wakes the workers, after the commit.
  if (outcomes.some((o) => o.next.status === 'pending')) sql.workDue();
  return effects;
}

/** The endpoints' health after these attempts (decisions/endpoint-health.ts), written where it changed. */
async function recordHealth(q: Sql, live: AttemptOutcome[], now: number, options: RecordOptions): Promise<EndpointEffect[]> {
  // A delivery a transformation cancelled never reached the receiver: it says nothing of its health.
  live = live.filter((o) => o.next.status !== 'discarded');
  if (!live.length) return [];
  const ids = [...new Set(live.map((o) => o.delivery.endpoint_id))];
  const rows = await q.all<HealthState & { id: string }>(`SELECT id, failing_since, status FROM endpoints WHERE id ${q.dialect.inList()}`, [q.dialect.list(ids)]);
  const plans = planEndpointHealth(
    new Map(rows.map((r) => [r.id, r])),
    live.map((o) => ({ endpoint_id: o.delivery.endpoint_id, ok: o.attempt.status === 'succeeded', at: o.attempt.created_at, disable: o.disable_endpoint })),
    now,
    options.autoDisableAfterMs,
  );
  const effects: EndpointEffect[] = [];
  const sample = new Map(live.map((o) => [o.delivery.endpoint_id, o.delivery]));
  const effect = (id: string, kind: EndpointEffect['kind'], reason: string | null, failingSince: number | null) => {
    const d = sample.get(id)!;
    effects.push({ kind, tenant_id: d.tenant_id, environment: d.environment, app_id: d.app_id, endpoint_id: id, reason, failing_since: failingSince });
  };
  for (const [id, plan] of plans) {
    if (plan.write === 'set') await q.run('UPDATE endpoints SET failing_since = ? WHERE id = ?', [plan.failing_since, id]);
    // Unless another process started the clock meanwhile: the earlier start stands.
    if (plan.write === 'start') await q.run('UPDATE endpoints SET failing_since = COALESCE(failing_since, ?) WHERE id = ?', [plan.failing_since, id]);
    if (plan.recovered) effect(id, 'recovered', null, null);
    if (plan.disable && (await q.run("UPDATE endpoints SET status = 'disabled', disabled_reason = ?, updated_at = ? WHERE id = ? AND status = 'enabled'", [plan.disable.reason, now, id])) > 0) {
      effect(id, 'disabled', plan.disable.reason, plan.disable.failing_since);
    }
  }
  return effects;
}
