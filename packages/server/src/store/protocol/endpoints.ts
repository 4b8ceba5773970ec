import type { StoredAuth, StoredTls } from '../../delivery/endpoint-auth.js';
import type { PayloadFilter } from '../../delivery/payload-filter.js';
import type { StoredHeaders } from '../../delivery/header-policy.js';
import type { EnvelopeChoice } from '../../envelopes/index.js';
import type { SchemeOptions } from '../../signing/scheme.js';
import type { EmailChannelConfig, EndpointPatch, EndpointRow, EndpointSecretInput, EndpointStatus, Scope, Store } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { after, flag, insertRow, json, setClause, toPage } from '../sql/query.js';
import { withQuota } from './applications.js';
import { LINE_PLACE } from './claim-fifo.js';
import { liveSecrets, resolveRuntimes, RUNTIME_COLUMNS, type RuntimeRow } from './runtime.js';

type EndpointOps = Pick<
  Store,
  'createEndpoint' | 'listEndpoints' | 'getEndpoint' | 'updateEndpoint' | 'deleteEndpoint' | 'rotateEndpointSecret' | 'getEndpointRuntime' | 'recordVerification'
>;
type Raw = Record<string, unknown>;

const same = (v: unknown) => v;
const ENDPOINT_COLUMNS = {
  uid: same,
  url: same,
  description: same,
  filter_types: json.stringify,
  channels: json.stringify,
  payload_filter: json.stringify,
  timeout_ms: same,
  retry_schedule: json.stringify,
  max_in_flight: same,
  rate_limit: same,
  headers: json.stringify,
  auth: json.stringify,
  tls: json.stringify,
  transformation: same,
  ordering: same,
  ordering_failure: same,
  metadata: json.stringify,
  status: same,
  signature_scheme: same,
  scheme_options: json.stringify,
  envelope: json.stringify,
  encrypt_data: (v: unknown) => (v === null ? null : flag(v)),
  channel_config: json.stringify,
  trace_propagation: flag,
};

const endpointFromRow = (r: Raw, keys: { hint: string; public_key: string }[]): EndpointRow => ({
  id: r.id as string,
  app_id: r.app_id as string,
  uid: (r.uid as string | null) ?? null,
  kind: r.kind as EndpointRow['kind'],
  channel_config: json.parse<EmailChannelConfig>(r.channel_config as string | null),
  url: r.url as string,
  description: r.description as string,
  status: r.status as EndpointRow['status'],
  disabled_reason: r.disabled_reason as string | null,
  filter_types: json.parse<string[]>(r.filter_types as string | null),
  channels: json.parse<string[]>(r.channels as string | null),
  payload_filter: json.parse<PayloadFilter>(r.payload_filter as string | null),
  timeout_ms: r.timeout_ms as number,
  retry_schedule: json.parse<number[]>(r.retry_schedule as string | null),
  max_in_flight: r.max_in_flight as number,
  rate_limit: r.rate_limit as number | null,
  headers: json.parse<StoredHeaders>(r.headers as string) ?? {},
  auth: json.parse<StoredAuth>(r.auth as string | null),
  tls: json.parse<StoredTls>(r.tls as string | null),
  transformation: (r.transformation as string | null) ?? null,
  ordering: (r.ordering as EndpointRow['ordering'] | undefined) ?? 'unordered',
  ordering_failure: (r.ordering_failure as EndpointRow['ordering_failure'] | undefined) ?? 'continue',
  metadata: json.parse<Record<string, string>>(r.metadata as string) ?? {},
  signature_scheme: r.signature_scheme as string | null,
  scheme_options: json.parse<SchemeOptions>(r.scheme_options as string | null),
  envelope: json.parse<EnvelopeChoice>(r.envelope as string | null),
  encrypt_data: r.encrypt_data === null ? null : r.encrypt_data === 1,
  trace_propagation: Number(r.trace_propagation) === 1,
  enabled_at: r.enabled_at as number | null,
  verified_at: r.verified_at as number | null,
  verification_error: r.verification_error as string | null,
  throttled_until: (r.throttled_until as number | null) ?? null,
  throttle_reason: (r.throttle_reason as string | null) ?? null,
  created_at: r.created_at as number,
  updated_at: r.updated_at as number,
  secret_hints: keys.map((k) => k.hint),
  public_keys: keys.map((k) => k.public_key),
});

/**
 * The SET list of an endpoint update, with what a status change implies. Forward-only: enabling
 * starts the clock again and clears why the endpoint was disabled.
 */
function endpointUpdateSet(patch: EndpointPatch, currentStatus: EndpointStatus, now: number) {
  const { sets, params } = setClause(patch, ENDPOINT_COLUMNS);
  if (patch.status === 'enabled' && currentStatus !== 'enabled') {
    sets.push('enabled_at = ?', 'disabled_reason = NULL');
    params.push(now);
  } else if (patch.status === 'disabled' && currentStatus !== 'disabled') {
    sets.push("disabled_reason = 'manual'");
  } else if (patch.status === 'pending_verification') {
    sets.push('verified_at = NULL', 'verification_error = NULL', 'disabled_reason = NULL');
  }
  return { sets, params };
}

const insertSecret = (q: Sql, endpointId: string, secret: EndpointSecretInput, now: number) =>
  insertRow(q, 'endpoint_secrets', { id: secret.id, endpoint_id: endpointId, sealed: secret.sealed, hint: secret.hint, public_key: secret.public_key, created_at: now });

export function endpointOps(sql: Sql): EndpointOps {
  const SCOPED = 'tenant_id = ? AND environment = ? AND app_id = ? AND id = ? AND deleted_at IS NULL';
  const endpointRow = (q: Sql, scope: Scope, appId: string, id: string, lock = '') =>
    q.get(`SELECT * FROM endpoints WHERE ${SCOPED}${lock}`, [scope.tenant_id, scope.environment, appId, id]);
  /** Masked hints and public keys of the secrets that sign now, for many endpoints at once. */
  const liveKeys = async (ids: string[]) => {
    const secrets = await liveSecrets(sql, ids, Date.now());
    return (id: string) => secrets.get(id) ?? [];
  };

  const ops: EndpointOps = {
    async createEndpoint(scope, ep, secret, maxEndpoints) {
      const created = await withQuota(sql, scope, maxEndpoints, 'endpoints', 'AND app_id = ? AND deleted_at IS NULL', [ep.app_id], async (q) => {
        await insertRow(q, 'endpoints', {
          id: ep.id, tenant_id: scope.tenant_id, environment: scope.environment, app_id: ep.app_id, uid: ep.uid, kind: ep.kind, channels: json.stringify(ep.channels),
          channel_config: json.stringify(ep.channel_config), url: ep.url, description: ep.description, status: ep.status,
          disabled_reason: ep.disabled_reason, filter_types: json.stringify(ep.filter_types), payload_filter: json.stringify(ep.payload_filter), timeout_ms: ep.timeout_ms,
          retry_schedule: json.stringify(ep.retry_schedule), max_in_flight: ep.max_in_flight, rate_limit: ep.rate_limit, headers: json.stringify(ep.headers),
          auth: json.stringify(ep.auth), tls: json.stringify(ep.tls), transformation: ep.transformation, ordering: ep.ordering, ordering_failure: ep.ordering_failure,
          metadata: json.stringify(ep.metadata), signature_scheme: ep.signature_scheme, scheme_options: json.stringify(ep.scheme_options),
          envelope: json.stringify(ep.envelope), encrypt_data: ep.encrypt_data === null ? null : flag(ep.encrypt_data), enabled_at: ep.enabled_at,
          verified_at: ep.verified_at, verification_error: ep.verification_error, trace_propagation: flag(ep.trace_propagation),
          created_at: ep.created_at, updated_at: ep.updated_at,
        });
        await insertSecret(q, ep.id, secret, ep.created_at);
      });
      return created ? { ...ep, throttled_until: null, throttle_reason: null, secret_hints: [secret.hint], public_keys: [secret.public_key] } : 'quota_exceeded';
    },
    async listEndpoints(scope, appId, page) {
      const next = after(page);
      const rows = await sql.all(`SELECT * FROM endpoints WHERE tenant_id = ? AND environment = ? AND app_id = ? AND deleted_at IS NULL ${next.clause} ORDER BY id ${next.order} LIMIT ?`, [
        scope.tenant_id, scope.environment, appId, ...next.params, page.limit + 1,
      ]);
      const keysOf = await liveKeys(rows.map((r) => r.id as string));
      return toPage(rows.map((r) => endpointFromRow(r, keysOf(r.id as string))), page);
    },
    async getEndpoint(scope, appId, idOrUid) {
      // An id beats a uid that happens to equal it.
      const row = await sql.get(`SELECT * FROM endpoints WHERE tenant_id = ? AND environment = ? AND app_id = ? AND (id = ? OR uid = ?) AND deleted_at IS NULL ORDER BY (id = ?) DESC LIMIT 1`, [
        scope.tenant_id, scope.environment, appId, idOrUid, idOrUid, idOrUid,
      ]);
      return row ? endpointFromRow(row, (await liveKeys([row.id as string]))(row.id as string)) : null;
    },
    async updateEndpoint(scope, appId, id, patch, now) {
      const current = await endpointRow(sql, scope, appId, id);
      if (!current) return null;
      const { sets, params } = endpointUpdateSet(patch, current.status as EndpointStatus, now);
      await sql.tx(async (q) => {
        await q.run(`UPDATE endpoints SET ${[...sets, 'updated_at = ?'].join(', ')} WHERE id = ?`, [...params, now, id]);
        // Unfinished deliveries join (or leave) the lines in the order they were published.
        if (patch.ordering === 'fifo' && current.ordering !== 'fifo') {
          await q.run(`UPDATE deliveries SET ordering_seq = ${LINE_PLACE} WHERE endpoint_id = ? AND ordering_seq IS NULL AND status IN ('pending', 'delivering', 'failed')`, [id]);
        } else if (patch.ordering === 'unordered' && current.ordering === 'fifo') {
          await q.run("UPDATE deliveries SET ordering_seq = NULL WHERE endpoint_id = ? AND ordering_seq IS NOT NULL AND status IN ('pending', 'delivering', 'failed')", [id]);
        }
      });
      return ops.getEndpoint(scope, appId, id);
    },
    async deleteEndpoint(scope, appId, id, now) {
      return sql.tx(async (q) => {
        const changed = await q.run(`UPDATE endpoints SET deleted_at = ?, status = 'disabled', updated_at = ? WHERE ${SCOPED}`, [now, now, scope.tenant_id, scope.environment, appId, id]);
        if (changed) await q.run("UPDATE deliveries SET status = 'discarded', next_attempt_at = NULL, updated_at = ? WHERE endpoint_id = ? AND status IN ('pending', 'delivering')", [now, id]);
        return changed > 0;
      });
    },
    async rotateEndpointSecret(scope, appId, id, secret, previousExpireAt, now) {
      const done = await sql.tx(async (q) => {
        if (!(await endpointRow(q, scope, appId, id, q.dialect.forUpdate))) return false;
        // Older secrets keep signing until the grace window ends, never longer than they already would.
        await q.run(`UPDATE endpoint_secrets SET expires_at = ${q.dialect.least}(COALESCE(expires_at, ?), ?) WHERE endpoint_id = ? AND (expires_at IS NULL OR expires_at > ?)`, [
          previousExpireAt, previousExpireAt, id, now,
        ]);
        await insertSecret(q, id, secret, now);
        await q.run('UPDATE endpoints SET updated_at = ? WHERE id = ?', [now, id]);
        return true;
      });
      return done ? ops.getEndpoint(scope, appId, id) : null;
    },
    async getEndpointRuntime(scope, appId, id, now) {
      const row = await sql.get<RuntimeRow>(
        `SELECT ${RUNTIME_COLUMNS} FROM endpoints e JOIN applications a ON a.id = e.app_id
         WHERE e.tenant_id = ? AND e.environment = ? AND e.app_id = ? AND e.id = ? AND e.deleted_at IS NULL`,
        [scope.tenant_id, scope.environment, appId, id],
      );
      return row ? (await resolveRuntimes(sql, [row], now)).get(id)! : null;
    },
    async recordVerification(scope, appId, id, result, now) {
      const args = [scope.tenant_id, scope.environment, appId, id, result.url];
      if (result.ok) {
        await sql.run(
          `UPDATE endpoints SET status = 'enabled', enabled_at = ?, verified_at = ?, verification_error = NULL, updated_at = ?
           WHERE ${SCOPED} AND url = ? AND status = 'pending_verification'`,
          [now, now, now, ...args],
        );
      } else {
        await sql.run(`UPDATE endpoints SET verification_error = ?, updated_at = ? WHERE ${SCOPED} AND url = ?`, [result.error, now, ...args]);
      }
      return ops.getEndpoint(scope, appId, id);
    },
  };
  return ops;
}
