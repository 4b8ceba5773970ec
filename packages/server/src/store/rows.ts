import type { Environment } from '../crypto/tokens.js';
import type { StoredHeaders } from '../delivery/header-policy.js';
import type { EnvelopeChoice } from '../envelopes/index.js';
import type { StoredAuth, StoredTls } from '../delivery/endpoint-auth.js';
import type { PayloadFilter } from '../delivery/payload-filter.js';
import type { SchemeOptions } from '../signing/scheme.js';

/** The rows the store keeps, as the API and the delivery path read them. */
/** Whose data: every tenant-owned read and write takes one, and an id outside it is not found. */
export interface Scope {
  tenant_id: string;
  environment: Environment;
}

export interface Page<T> {
  data: T[];
  /** Pass back as `iterator` to get the next page; null when done. */
  iterator: string | null;
  /** Pass back as `before` to get the page before this one (newer rows); null on an empty page. */
  prev_iterator: string | null;
  /** No more rows in the direction this page was read. */
  done: boolean;
}

export interface PageQuery {
  limit: number;
  /** Rows older than this id (the next page). */
  iterator?: string | undefined;
  /** Rows newer than this id, the nearest first (the page before); wins over `iterator`. */
  before?: string | undefined;
}

export interface TenantRow {
  id: string;
  name: string;
  created_at: number;
}

export interface ApiKeyRow {
  id: string;
  tenant_id: string;
  environment: Environment;
  name: string;
  key_hint: string;
  created_at: number;
  revoked_at: number | null;
}

export interface NewApiKey {
  id: string;
  environment: Environment;
  name: string;
  key_hash: string;
  key_hint: string;
}

export interface ApplicationRow {
  id: string;
  uid: string | null;
  name: string;
  retry_schedule: number[] | null;
  metadata: Record<string, string>;
  /** Defaults for the application's endpoints. */
  signature_scheme: string;
  scheme_options: SchemeOptions;
  envelope: EnvelopeChoice;
  /** New endpoints must pass the challenge before they receive anything. */
  require_verification: boolean;
  default_timeout_ms: number | null;
  message_id_prefix: 'msg' | 'evt';
  /** Encrypt the envelope's data with the application's active webhook key (seed 004). */
  encrypt_data: boolean;
  preset: string | null;
  created_at: number;
  updated_at: number;
}

export interface WebhookKeyRow {
  id: string;
  app_id: string;
  hint: string;
  status: 'active' | 'inactive' | 'retired';
  created_at: number;
  updated_at: number;
}

export type ApplicationPatch = Partial<Omit<ApplicationRow, 'id' | 'created_at' | 'updated_at'>>;

/** An environment's defaults: the contract its applications and test sends start from. */
export interface EnvironmentSettings {
  preset: string | null;
  /** Application (id or uid) that receives this environment's operational events. */
  operational_app: string | null;
  signature_scheme: string | null;
  scheme_options: SchemeOptions | null;
  envelope: EnvelopeChoice | null;
  /** How the customer portal looks and what it shows; null: Herald's defaults. */
  portal: PortalSettings | null;
}

export interface PortalSettings {
  /** The portal's title (default "Webhooks"). */
  name: string | null;
  /** An https image URL shown in the portal's header. */
  logo_url: string | null;
  /** #rrggbb for buttons, links and the active tab. */
  accent_color: string | null;
  theme: 'light' | 'dark' | 'auto';
  /** Show customers signature scheme, envelope and other delivery internals (default: hidden). */
  show_delivery_settings: boolean;
}

export interface EventTypeRow {
  id: string;
  name: string;
  description: string;
  schema: Record<string, unknown> | null;
  example: unknown;
  archived: boolean;
  created_at: number;
  updated_at: number;
}

export type EndpointStatus = 'enabled' | 'disabled' | 'pending_verification';

export type EndpointKind = 'webhook' | 'email' | 'slack';

/** Email channel settings as stored: the SMTP password sealed with the master key. */
export interface EmailChannelConfig {
  to: string[];
  from: string;
  subject_prefix: string;
  smtp: {
    host: string;
    port: number;
    /** tls: TLS from the first byte (465); starttls: upgrade required; none: plain (local relays only). */
    security: 'tls' | 'starttls' | 'none';
    username: string | null;
    sealed_password: string | null;
    reject_unauthorized: boolean;
  };
}

export interface EndpointRow {
  id: string;
  app_id: string;
  /** The caller's own id for the endpoint, unique in its application; paths take it in place of the id. */
  uid: string | null;
  kind: EndpointKind;
  channel_config: EmailChannelConfig | null;
  url: string;
  description: string;
  status: EndpointStatus;
  disabled_reason: string | null;
  filter_types: string[] | null;
  /** Only messages carrying one of these channels; null for every message. */
  channels: string[] | null;
  /** Only messages whose payload matches (delivery/payload-filter.ts); null for every message. */
  payload_filter: PayloadFilter | null;
  timeout_ms: number;
  retry_schedule: number[] | null;
  max_in_flight: number;
  /** Requests per second across all workers; null for none. */
  rate_limit: number | null;
  /** Custom delivery headers; credentials among them sealed. */
  headers: StoredHeaders;
  /** How Herald authenticates to the receiver (secrets sealed); null: the signature only. */
  auth: StoredAuth | null;
  /** Client certificate (key sealed) and the CA the receiver must chain to; null: neither. */
  tls: StoredTls | null;
  /** JavaScript run before each attempt (delivery/transformation.ts); null: none. */
  transformation: string | null;
  /** fifo: one delivery at a time per ordering key, in publish order (a failing head holds its line). */
  ordering: 'unordered' | 'fifo';
  /** What a head that failed for good does to its line: continue past it, or pause the line. */
  ordering_failure: 'continue' | 'pause';
  metadata: Record<string, string>;
  /** Null: the application's default. */
  signature_scheme: string | null;
  scheme_options: SchemeOptions | null;
  envelope: EnvelopeChoice | null;
  encrypt_data: boolean | null;
  /** Deliveries carry a W3C traceparent header (when tracing is on). */
  trace_propagation: boolean;
  enabled_at: number | null;
  verified_at: number | null;
  verification_error: string | null;
  /** Back-pressure: nothing is sent to this endpoint before this time (the receiver asked for a pause). */
  throttled_until: number | null;
  /** rate_limited (429), unavailable (503) or timeouts (repeated). */
  throttle_reason: string | null;
  created_at: number;
  updated_at: number;
  /** Masked hints of the secrets that currently sign, newest first. */
  secret_hints: string[];
  /** whpk_ keys of the secrets that currently sign, newest first. */
  public_keys: string[];
}

export type NewEndpoint = Omit<EndpointRow, 'secret_hints' | 'public_keys' | 'throttled_until' | 'throttle_reason'>;

export interface EndpointSecretInput {
  id: string;
  sealed: string;
  hint: string;
  public_key: string;
}

export type EndpointPatch = Partial<
  Pick<
    EndpointRow,
    | 'uid' | 'url' | 'description' | 'filter_types' | 'channels' | 'payload_filter' | 'timeout_ms' | 'retry_schedule' | 'max_in_flight' | 'rate_limit' | 'headers' | 'auth' | 'tls' | 'transformation' | 'ordering' | 'ordering_failure' | 'metadata'
    | 'signature_scheme' | 'scheme_options' | 'envelope' | 'encrypt_data' | 'channel_config' | 'trace_propagation'
  >
> & { status?: EndpointStatus };

export interface MessageRow {
  id: string;
  app_id: string;
  event_type: string;
  event_id: string | null;
  /** JSON text; null once retention purged it (see purged_at). */
  payload: string | null;
  purged_at: number | null;
  record_id: string | null;
  record_format: string | null;
  /** The channels endpoints may subscribe to; null for none. */
  channels: string[] | null;
  /** Delivery headers of this message alone (credentials sealed); null for none. */
  headers: StoredHeaders | null;
  /** The line it waits in at ordered endpoints; null: the endpoint's one line. */
  ordering_key: string | null;
  created_at: number;
}

export interface RecordRow {
  id: string;
  app_id: string;
  content_type: string;
  size: number;
  /** `sha512-` + base64 of the SHA-512 of the bytes. */
  content_hash: string;
  jws: string;
  created_at: number;
  purged_at: number | null;
}

export interface SigningKeyRow {
  kid: string;
  sealed_private: string;
  public_jwk: Record<string, unknown>;
  status: 'active' | 'retired';
  created_at: number;
}

export type DeliveryStatus = 'pending' | 'delivering' | 'succeeded' | 'failed' | 'discarded';

export interface DeliveryRow {
  id: string;
  app_id: string;
  message_id: string;
  endpoint_id: string;
  event_type: string;
  status: DeliveryStatus;
  attempt_count: number;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

export type ErrorClass = 'timeout' | 'connection_refused' | 'dns' | 'tls' | 'http_status' | 'connection' | 'blocked' | 'configuration' | 'smtp' | 'auth' | 'transformation';

export interface AttemptRow {
  id: string;
  app_id: string;
  delivery_id: string;
  message_id: string;
  endpoint_id: string;
  event_type: string;
  attempt_number: number;
  status: 'succeeded' | 'failed';
  url: string;
  request_headers: Record<string, string>;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  error_class: ErrorClass | null;
  error_message: string | null;
  duration_ms: number;
  created_at: number;
}

/** An endpoint's health over a window of attempts. */
export interface EndpointStats {
  endpoint_id: string;
  attempts: number;
  succeeded: number;
  /** Median attempt duration of the newest attempts in the window; null without attempts. */
  p50_latency_ms: number | null;
  last_error: { created_at: number; error_class: string | null; response_status: number | null; error_message: string | null } | null;
}

export interface LogFilter {
  status?: DeliveryStatus | 'succeeded' | 'failed' | undefined;
  endpoint_id?: string | undefined;
  event_type?: string | undefined;
  /** Messages of any of these types (messages only). */
  event_types?: string[] | undefined;
  /** Messages carrying this channel (messages only). */
  channel?: string | undefined;
  message_id?: string | undefined;
  delivery_id?: string | undefined;
  /** One attempt (attempts only). */
  attempt_id?: string | undefined;
  since?: number | undefined;
  until?: number | undefined;
  /** Event types starting with this (deliveries only). */
  event_type_prefix?: string | undefined;
  /** Payloads containing this text, case-insensitively (deliveries only; the newest SEARCH_WINDOW deliveries). */
  payload_contains?: string | undefined;
}

export interface SessionRow {
  id: string;
  kind: 'admin' | 'key' | 'portal';
  /** Null for admin sessions. */
  tenant_id: string | null;
  /** Portal sessions opened from a link: revoking the link ends them too. */
  portal_link_id: string | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** Which sessions to end: one, every admin session, or every session of a tenant or of a portal link. */
export type SessionFilter = { id: string } | { kind: 'admin' } | { tenant_id: string } | { portal_link_id: string };

export interface PortalLinkRow {
  id: string;
  tenant_id: string;
  environment: Environment;
  app_id: string;
  read_only: boolean;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

/** Per-tenant overrides of the default limits (see config TenantLimits). */
export type TenantLimitOverrides = Partial<Record<string, number>>;
