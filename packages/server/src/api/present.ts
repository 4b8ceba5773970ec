import type { ApiKeyRow, ApplicationRow, AttemptRow, DeliveryRow, EndpointRow, EventTypeRow, MessageRow, Page, TenantRow } from '../store/types.js';

/** Store rows → API representations: ISO times, no internal columns. */
const iso = (ms: number) => new Date(ms).toISOString();
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

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
  application: (a: ApplicationRow) => ({ ...a, created_at: iso(a.created_at), updated_at: iso(a.updated_at) }),
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
    url: e.url,
    description: e.description,
    status: e.status,
    disabled_reason: e.disabled_reason,
    filter_types: e.filter_types,
    timeout_seconds: e.timeout_ms / 1000,
    retry_schedule: e.retry_schedule,
    max_in_flight: e.max_in_flight,
    headers: e.headers,
    metadata: e.metadata,
    secret: fullSecret ?? e.secret_hints[0] ?? '',
    enabled_at: isoOrNull(e.enabled_at),
    created_at: iso(e.created_at),
    updated_at: iso(e.updated_at),
  }),
  message: (m: MessageRow) => ({
    id: m.id,
    event_id: m.event_id,
    type: m.event_type,
    payload: JSON.parse(m.payload) as unknown,
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
