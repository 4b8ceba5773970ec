import { maskAuth, maskTls } from '../delivery/endpoint-auth.js';
import { maskStoredHeaders } from '../delivery/header-policy.js';
import type { ApiKeyRow, ApplicationRow, AttemptRow, DeliveryRow, EndpointRow, EventTypeRow, MessageRow, Page, PortalLinkRow, TenantRow, WebhookKeyRow } from '../store/types.js';

/** Store rows → API representations: ISO times, no internal columns. */
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** An endpoint's back-pressure pause, while it lasts (one that has run out is no longer news). */
function livePause(e: EndpointRow): { throttled_until: string | null; throttle_reason: string | null } {
  const paused = e.throttled_until !== null && e.throttled_until > Date.now();
  return { throttled_until: paused ? iso(e.throttled_until!) : null, throttle_reason: paused ? e.throttle_reason : null };
}

export const present = {
  page<T, U>(page: Page<T>, fn: (row: T) => U) {
    return { data: page.data.map(fn), iterator: page.iterator, done: page.done };
  },
  tenant: (t: TenantRow) => ({ id: t.id, name: t.name, created_at: iso(t.created_at) }),
  apiKey: (k: ApiKeyRow) => ({
    id: k.id,
    environment: k.environment,
    name: k.name,
    key_hint: k.key_hint,
    created_at: iso(k.created_at),
    revoked_at: isoOrNull(k.revoked_at),
  }),
  application: ({ default_timeout_ms, ...a }: ApplicationRow) => ({
    ...a,
    default_timeout_seconds: default_timeout_ms === null ? null : default_timeout_ms / 1000,
    created_at: iso(a.created_at),
    updated_at: iso(a.updated_at),
  }),
  eventType: (e: EventTypeRow) => ({
    name: e.name,
    description: e.description,
    schema: e.schema,
    example: e.example ?? null,
    archived: e.archived,
    created_at: iso(e.created_at),
    updated_at: iso(e.updated_at),
  }),
  /** `secret` is the full value only when the caller just created it. */
  endpoint: (e: EndpointRow, fullSecret?: string) => ({
    id: e.id,
    app_id: e.app_id,
    uid: e.uid,
    kind: e.kind,
    email: e.channel_config
      ? {
          to: e.channel_config.to,
          from: e.channel_config.from,
          subject_prefix: e.channel_config.subject_prefix,
          smtp: {
            host: e.channel_config.smtp.host,
            port: e.channel_config.smtp.port,
            security: e.channel_config.smtp.security,
            username: e.channel_config.smtp.username,
            has_password: e.channel_config.smtp.sealed_password !== null,
            reject_unauthorized: e.channel_config.smtp.reject_unauthorized,
          },
        }
      : null,
    url: e.url,
    description: e.description,
    status: e.status,
    disabled_reason: e.disabled_reason,
    ...livePause(e),
    filter_types: e.filter_types,
    channels: e.channels,
    payload_filter: e.payload_filter,
    timeout_seconds: e.timeout_ms / 1000,
    retry_schedule: e.retry_schedule,
    max_in_flight: e.max_in_flight,
    rate_limit_per_second: e.rate_limit,
    headers: maskStoredHeaders(e.headers),
    auth: maskAuth(e.auth),
    tls: maskTls(e.tls),
    transformation: e.transformation,
    ordering: e.ordering,
    ordering_failure: e.ordering_failure,
    metadata: e.metadata,
    signature_scheme: e.signature_scheme,
    scheme_options: e.scheme_options,
    envelope: e.envelope,
    encrypt_data: e.encrypt_data,
    trace_propagation: e.trace_propagation,
    secret: fullSecret ?? e.secret_hints[0] ?? '',
    public_key: e.public_keys[0] ?? '',
    enabled_at: isoOrNull(e.enabled_at),
    verified_at: isoOrNull(e.verified_at),
    verification_error: e.verification_error,
    created_at: iso(e.created_at),
    updated_at: iso(e.updated_at),
  }),
  /** A portal link as listed: never its token or URL (those are shown once, when it is made). */
  portalLink: (l: PortalLinkRow) => ({
    id: l.id,
    app_id: l.app_id,
    read_only: l.read_only,
    created_at: iso(l.created_at),
    expires_at: iso(l.expires_at),
    revoked_at: isoOrNull(l.revoked_at),
  }),
  webhookKey: (k: WebhookKeyRow) => ({ key_id: k.id, hint: k.hint, status: k.status, created_at: iso(k.created_at), updated_at: iso(k.updated_at) }),
  message: (m: MessageRow) => ({
    id: m.id,
    event_id: m.event_id,
    type: m.event_type,
    payload: m.payload === null ? null : (JSON.parse(m.payload) as unknown),
    record: m.record_id ? { id: m.record_id, format: m.record_format! } : null,
    channels: m.channels,
    headers: m.headers ? maskStoredHeaders(m.headers) : {},
    ordering_key: m.ordering_key,
    created_at: iso(m.created_at),
  }),
  delivery: (d: DeliveryRow) => ({
    id: d.id,
    message_id: d.message_id,
    endpoint_id: d.endpoint_id,
    type: d.event_type,
    status: d.status,
    attempt_count: d.attempt_count,
    next_attempt_at: isoOrNull(d.next_attempt_at),
    last_attempt_at: isoOrNull(d.last_attempt_at),
    last_status_code: d.last_status_code,
    last_error: d.last_error,
    created_at: iso(d.created_at),
    updated_at: iso(d.updated_at),
  }),
  attempt: (a: AttemptRow) => ({
    id: a.id,
    delivery_id: a.delivery_id,
    message_id: a.message_id,
    endpoint_id: a.endpoint_id,
    type: a.event_type,
    attempt_number: a.attempt_number,
    status: a.status,
    url: a.url,
    request_headers: a.request_headers,
    response_status: a.response_status,
    response_headers: a.response_headers,
    response_body: a.response_body,
    error_class: a.error_class,
    error_message: a.error_message,
    duration_ms: a.duration_ms,
    created_at: iso(a.created_at),
  }),
};
