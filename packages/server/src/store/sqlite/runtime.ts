import type { StoredHeaders } from '../../delivery/header-policy.js';
import type { EnvelopeChoice } from '../../envelopes/index.js';
import type { SchemeOptions } from '../../signing/scheme.js';
import type { EmailChannelConfig, EndpointRuntime } from '../types.js';
import { json, type Db } from './db.js';

/**
 * One place resolves an endpoint against its application's defaults, for the claim loop and for
 * one-off sends (challenges, examples) alike.
 */
export const RUNTIME_COLUMNS = `e.id, e.kind, e.channel_config, e.url, e.environment, e.timeout_ms, e.max_in_flight, e.headers,
  e.retry_schedule, a.retry_schedule AS app_retry_schedule,
  COALESCE(e.signature_scheme, a.signature_scheme) AS scheme,
  a.scheme_options AS app_scheme_options, e.scheme_options,
  COALESCE(e.envelope, a.envelope) AS envelope,
  COALESCE(e.encrypt_data, a.encrypt_data) AS encrypt_data,
  (SELECT k.id || ' ' || k.sealed FROM webhook_keys k WHERE k.app_id = a.id AND k.status = 'active') AS active_key`;

export type RuntimeRow = Record<string, unknown>;

function activeKey(joined: string | null): { id: string; sealed: string } | null {
  if (!joined) return null;
  const space = joined.indexOf(' ');
  return { id: joined.slice(0, space), sealed: joined.slice(space + 1) };
}

export function makeRuntimeResolver(db: Db) {
  const liveSecrets = db.prepare(
    'SELECT sealed FROM endpoint_secrets WHERE endpoint_id = ? AND (expires_at IS NULL OR expires_at > ?) ORDER BY created_at DESC, id DESC',
  );
  return (r: RuntimeRow, now: number): EndpointRuntime => runtimeFromRow(r, (liveSecrets.all(r.id, now) as { sealed: string }[]).map((s) => s.sealed));
}

/** Dialect-neutral: a runtime row plus its live sealed secrets (newest first). */
export function runtimeFromRow(r: RuntimeRow, sealedSecrets: string[]): EndpointRuntime {
  return {
    id: r.id as string,
    kind: r.kind as EndpointRuntime['kind'],
    channel_config: json.parse<EmailChannelConfig>(r.channel_config as string | null),
    url: r.url as string,
    environment: r.environment as EndpointRuntime['environment'],
    timeout_ms: r.timeout_ms as number,
    retry_schedule: json.parse<number[]>(r.retry_schedule as string | null) ?? json.parse<number[]>(r.app_retry_schedule as string | null),
    max_in_flight: r.max_in_flight as number,
    headers: json.parse<StoredHeaders>(r.headers as string) ?? {},
    scheme: r.scheme as string,
    scheme_options: {
      ...json.parse<SchemeOptions>(r.app_scheme_options as string),
      ...json.parse<SchemeOptions>(r.scheme_options as string | null),
    },
    envelope: json.parse<EnvelopeChoice>(r.envelope as string)!,
    encrypt_data: r.encrypt_data === 1,
    active_key: activeKey(r.active_key as string | null),
    sealed_secrets: sealedSecrets,
  };
}
