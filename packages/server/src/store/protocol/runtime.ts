import type { StoredAuth, StoredTls } from '../../delivery/endpoint-auth.js';
import type { StoredHeaders } from '../../delivery/header-policy.js';
import type { EnvelopeChoice } from '../../envelopes/index.js';
import type { SchemeOptions } from '../../signing/scheme.js';
import type { EmailChannelConfig, EndpointRuntime } from '../types.js';
import type { Sql } from '../sql/executor.js';
import { json } from '../sql/query.js';

/**
 * One place resolves an endpoint against its application's defaults, for the claim, the publish
 * hand-off and one-off sends (challenges, examples) alike.
 */
export const RUNTIME_COLUMNS = `e.id, e.kind, e.channel_config, e.url, e.environment, e.timeout_ms, e.max_in_flight, e.headers, e.auth, e.tls, e.transformation, e.trace_propagation,
  e.retry_schedule, a.retry_schedule AS app_retry_schedule,
  COALESCE(e.signature_scheme, a.signature_scheme) AS scheme,
  a.scheme_options AS app_scheme_options, e.scheme_options,
  COALESCE(e.envelope, a.envelope) AS envelope,
  COALESCE(e.encrypt_data, a.encrypt_data) AS encrypt_data,
  (SELECT k.id || ' ' || k.sealed FROM webhook_keys k WHERE k.app_id = a.id AND k.status = 'active') AS active_key`;

export type RuntimeRow = Record<string, unknown> & { id: string };

function activeKey(joined: string | null): { id: string; sealed: string } | null {
  if (!joined) return null;
  const space = joined.indexOf(' ');
  return { id: joined.slice(0, space), sealed: joined.slice(space + 1) };
}

/** A runtime row plus its live sealed secrets (newest first). */
export function runtimeFromRow(r: RuntimeRow, sealedSecrets: string[]): EndpointRuntime {
  return {
    id: r.id,
    kind: r.kind as EndpointRuntime['kind'],
    channel_config: json.parse<EmailChannelConfig>(r.channel_config as string | null),
    url: r.url as string,
    environment: r.environment as EndpointRuntime['environment'],
    timeout_ms: r.timeout_ms as number,
    retry_schedule: json.parse<number[]>(r.retry_schedule as string | null) ?? json.parse<number[]>(r.app_retry_schedule as string | null),
    max_in_flight: r.max_in_flight as number,
    headers: json.parse<StoredHeaders>(r.headers as string) ?? {},
    auth: json.parse<StoredAuth>(r.auth as string | null),
    tls: json.parse<StoredTls>(r.tls as string | null),
    transformation: (r.transformation as string | null) ?? null,
    scheme: r.scheme as string,
    scheme_options: {
      ...json.parse<SchemeOptions>(r.app_scheme_options as string),
      ...json.parse<SchemeOptions>(r.scheme_options as string | null),
    },
    envelope: json.parse<EnvelopeChoice>(r.envelope as string)!,
    encrypt_data: Number(r.encrypt_data) === 1,
    active_key: activeKey(r.active_key as string | null),
    sealed_secrets: sealedSecrets,
    trace_propagation: Number(r.trace_propagation) === 1,
  };
}

export interface LiveSecret {
  sealed: string;
  hint: string;
  public_key: string;
}

/** The secrets that sign now, newest first, of many endpoints in one statement. */
export async function liveSecrets(sql: Sql, endpointIds: string[], now: number): Promise<Map<string, LiveSecret[]>> {
  const byEndpoint = new Map<string, LiveSecret[]>();
  if (!endpointIds.length) return byEndpoint;
  const rows = await sql.all<LiveSecret & { endpoint_id: string }>(
    `SELECT endpoint_id, sealed, hint, public_key FROM endpoint_secrets
     WHERE endpoint_id ${sql.dialect.inList()} AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC, id DESC`,
    [sql.dialect.list(endpointIds), now],
  );
  for (const { endpoint_id, ...secret } of rows) {
    let list = byEndpoint.get(endpoint_id);
    if (!list) byEndpoint.set(endpoint_id, (list = []));
    list.push(secret);
  }
  return byEndpoint;
}

/** The endpoints' runtimes, secrets read in one statement for all of them. */
export async function resolveRuntimes(sql: Sql, rows: RuntimeRow[], now: number): Promise<Map<string, EndpointRuntime>> {
  const runtimes = new Map<string, EndpointRuntime>();
  if (!rows.length) return runtimes;
  const secrets = await liveSecrets(sql, rows.map((r) => r.id), now);
  for (const r of rows) runtimes.set(r.id, runtimeFromRow(r, (secrets.get(r.id) ?? []).map((k) => k.sealed)));
  return runtimes;
}

/** Runtimes of endpoints by id (with their applications). */
export async function runtimesOf(sql: Sql, endpointIds: string[], now: number): Promise<Map<string, EndpointRuntime>> {
  if (!endpointIds.length) return new Map();
  const rows = await sql.all<RuntimeRow>(`SELECT ${RUNTIME_COLUMNS} FROM endpoints e JOIN applications a ON a.id = e.app_id WHERE e.id ${sql.dialect.inList()}`, [sql.dialect.list(endpointIds)]);
  return resolveRuntimes(sql, rows, now);
}
