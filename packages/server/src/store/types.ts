import type { Environment } from '../crypto/tokens.js';
import type { EnvelopeChoice } from '../envelopes/index.js';
import type { StoredHeaders } from '../delivery/header-policy.js';
import type { SchemeOptions } from '../signing/scheme.js';

/**
 * The store seam. Every method is async so a networked dialect (PostgreSQL) fits behind the
 * same contract as embedded SQLite. Tenant-owned reads and writes always take a Scope; an id
 * from another tenant or environment simply is not found.
 */
export interface Scope {
  tenant_id: string;
  environment: Environment;
}

export interface Page<T> {
  data: T[];
  /** Pass back as `iterator` to get the next page; null when done. */
  iterator: string | null;
  done: boolean;
}

export interface PageQuery {
  limit: number;
  iterator?: string | undefined;
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
  kind: EndpointKind;
  channel_config: EmailChannelConfig | null;
  url: string;
  description: string;
  status: EndpointStatus;
  disabled_reason: string | null;
  filter_types: string[] | null;
  timeout_ms: number;
  retry_schedule: number[] | null;
  max_in_flight: number;
  /** Requests per second across all workers; null for none. */
  rate_limit: number | null;
  /** Custom delivery headers; credentials among them sealed. */
  headers: StoredHeaders;
  metadata: Record<string, string>;
  /** Null: the application's default. */
  signature_scheme: string | null;
  scheme_options: SchemeOptions | null;
  envelope: EnvelopeChoice | null;
  encrypt_data: boolean | null;
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
    | 'url' | 'description' | 'filter_types' | 'timeout_ms' | 'retry_schedule' | 'max_in_flight' | 'rate_limit' | 'headers' | 'metadata'
    | 'signature_scheme' | 'scheme_options' | 'envelope' | 'encrypt_data' | 'channel_config'
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

export type ErrorClass = 'timeout' | 'connection_refused' | 'dns' | 'tls' | 'http_status' | 'connection' | 'blocked' | 'configuration' | 'smtp';

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

export interface PublishInput {
  id: string;
  app_id: string;
  event_type: string;
  event_id: string | null;
  payload: string;
  record?: { id: string; format: string } | null;
  now: number;
  idempotency: { key: string; request_hash: string; window_ms: number } | null;
  newDeliveryId: () => string;
  /**
   * The publishing process also delivers and has room: deliveries that could be claimed at once
   * are stored already leased to it and come back in the result, saving a claim. A store may
   * ignore this (PostgreSQL does: its workers are other processes).
   */
  handoff?: HandoffRequest | null;
}

export interface HandoffRequest {
  owner: string;
  /** At most this many of the publish's deliveries. */
  limit: number;
  leaseGraceMs: number;
}

export type PublishResult =
  | { kind: 'created'; message: MessageRow; deliveries: number; handedOff?: ClaimResult }
  | { kind: 'replayed'; message: MessageRow }
  | { kind: 'idempotency_mismatch' };

export interface LogFilter {
  status?: DeliveryStatus | 'succeeded' | 'failed' | undefined;
  endpoint_id?: string | undefined;
  event_type?: string | undefined;
  message_id?: string | undefined;
  delivery_id?: string | undefined;
  since?: number | undefined;
  until?: number | undefined;
}

/** What a worker holds while it sends one delivery. Carries ids and the payload, not endpoint config. */
export interface ClaimedDelivery {
  id: string;
  tenant_id: string;
  environment: Environment;
  app_id: string;
  message_id: string;
  endpoint_id: string;
  attempt_count: number;
  schedule_index: number;
  event_type: string;
  event_id: string | null;
  payload: string;
  message_created_at: number;
  /** The attached record, for the pointer the delivery carries. */
  record: { id: string; format: string; content_hash: string } | null;
}

/** An endpoint as the delivery path needs it: config resolved against its application. */
export interface EndpointRuntime {
  id: string;
  kind: EndpointKind;
  channel_config: EmailChannelConfig | null;
  url: string;
  environment: Environment;
  timeout_ms: number;
  /** Endpoint's schedule, else its application's, else null (use the server default). */
  retry_schedule: number[] | null;
  max_in_flight: number;
  /** Credentials among them sealed: open them only to build the request (header-policy.ts). */
  headers: StoredHeaders;
  scheme: string;
  /** The application's options overlaid with the endpoint's. */
  scheme_options: SchemeOptions;
  envelope: EnvelopeChoice;
  encrypt_data: boolean;
  /** The application's active webhook key (sealed), if it has one. */
  active_key: { id: string; sealed: string } | null;
  /** Sealed key material that signs right now, newest first. */
  sealed_secrets: string[];
}

export interface ClaimRequest {
  now: number;
  owner: string;
  limit: number;
  leaseGraceMs: number;
}

export interface ClaimResult {
  deliveries: ClaimedDelivery[];
  endpoints: Map<string, EndpointRuntime>;
}

/** Something recording outcomes changed about an endpoint, for operational events. */
export interface EndpointEffect {
  kind: 'disabled' | 'recovered';
  tenant_id: string;
  environment: Environment;
  app_id: string;
  endpoint_id: string;
  reason: string | null;
  failing_since: number | null;
}

/** Pause an endpoint (back-pressure): no claims for it before `until`. */
export interface EndpointThrottle {
  until: number;
  reason: 'rate_limited' | 'unavailable' | 'timeouts';
}

export interface RecordOptions {
  /** Disable an endpoint whose attempts have all failed for this long. */
  autoDisableAfterMs: number;
}

/** What recording an outcome needs of its delivery: ids, not the payload (it crosses a thread). */
export type DeliveryRef = Pick<ClaimedDelivery, 'id' | 'tenant_id' | 'environment' | 'app_id' | 'message_id' | 'endpoint_id' | 'event_type'>;

export interface AttemptOutcome {
  delivery: DeliveryRef;
  owner: string;
  /** attempt_number is assigned by the store (one more than the attempts already recorded), so it is unique per delivery. */
  attempt: Omit<AttemptRow, 'app_id' | 'delivery_id' | 'message_id' | 'endpoint_id' | 'event_type' | 'attempt_number'>;
  next: { status: 'pending' | 'succeeded' | 'failed'; next_attempt_at: number | null; schedule_index: number };
  disable_endpoint: string | null;
  /** The receiver asked for a pause: the endpoint is not claimed for before `throttle.until`. */
  throttle?: EndpointThrottle | null;
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

/** A process's increments to shared rate-limit windows. */
export interface CounterIncrement {
  key: string;
  window_start: number;
  n: number;
}

export interface QueueStats {
  pending: number;
  delivering: number;
}

/** What the wake-up channel reports about itself (for metrics and tests). */
export interface WorkHooks {
  /** Listening (true) or lost and reconnecting, polling meanwhile (false). */
  onListening?(up: boolean): void;
  /** A notification arrived. */
  onNotification?(): void;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
  ping(): Promise<void>;
  /**
   * Call `wake` whenever another process made work due (PostgreSQL LISTEN/NOTIFY). Absent for
   * embedded SQLite, where every writer is this process. Returns the unsubscribe.
   */
  onWork?(wake: () => void, hooks?: WorkHooks): Promise<() => Promise<void>>;

  // tenants and keys (admin)
  createTenant(tenant: TenantRow, keys: NewApiKey[]): Promise<void>;
  listTenants(page: PageQuery): Promise<Page<TenantRow>>;
  getTenant(id: string): Promise<TenantRow | null>;
  createApiKey(tenantId: string, key: NewApiKey, now: number): Promise<void>;
  listApiKeys(tenantId: string): Promise<ApiKeyRow[]>;
  revokeApiKey(tenantId: string, keyId: string, now: number): Promise<boolean>;
  findApiKey(keyHash: string): Promise<{ id: string; tenant_id: string; environment: Environment } | null>;

  getEnvironmentSettings(scope: Scope): Promise<EnvironmentSettings>;
  putEnvironmentSettings(scope: Scope, settings: EnvironmentSettings, now: number): Promise<void>;

  /** The admin's overrides of the default limits for a tenant (empty when none). */
  getTenantLimits(tenantId: string): Promise<TenantLimitOverrides>;
  putTenantLimits(tenantId: string, limits: TenantLimitOverrides, now: number): Promise<void>;

  // browser sessions and portal links (server-side, so they can be revoked)
  createSession(session: SessionRow): Promise<void>;
  /** The session if it exists, is not revoked and has not expired. */
  getLiveSession(id: string, now: number): Promise<SessionRow | null>;
  /** Revokes the matching live sessions; returns how many. */
  revokeSessions(filter: SessionFilter, now: number): Promise<number>;
  createPortalLink(link: PortalLinkRow): Promise<void>;
  /** Unscoped (the sealed token names it): the link if it exists, is not revoked and has not expired. */
  getLivePortalLink(id: string, now: number): Promise<PortalLinkRow | null>;
  /** An application's links that have not expired, newest first (revoked ones included). */
  listPortalLinks(scope: Scope, appId: string, page: PageQuery, now: number): Promise<Page<PortalLinkRow>>;
  /** Revokes one link (or, without `id`, every live link of the application) and the sessions opened from it. */
  revokePortalLinks(scope: Scope, appId: string, id: string | null, now: number): Promise<number>;
  /**
   * Adds each process's counts to shared rate-limit windows and returns the totals. Only stores
   * shared by several processes have it (PostgreSQL); SQLite's one process counts in memory.
   */
  addToCounters?(increments: CounterIncrement[], now: number): Promise<{ key: string; window_start: number; count: number }[]>;

  // applications
  /** With `maxApplications`, refuses (false) when the environment already has that many. */
  createApplication(scope: Scope, app: ApplicationRow, maxApplications?: number): Promise<boolean>;
  /** Create event types that do not exist yet; returns the names created. */
  ensureEventTypes(scope: Scope, types: EventTypeRow[]): Promise<string[]>;
  listApplications(scope: Scope, page: PageQuery): Promise<Page<ApplicationRow>>;
  /** By `app_…` id or by the tenant's own uid. */
  getApplication(scope: Scope, idOrUid: string): Promise<ApplicationRow | null>;
  updateApplication(scope: Scope, id: string, patch: ApplicationPatch, now: number): Promise<ApplicationRow | null>;
  deleteApplication(scope: Scope, id: string): Promise<boolean>;

  // records (pointer payloads) and the keys that sign them
  createRecord(scope: Scope, record: RecordRow): Promise<void>;
  getRecord(scope: Scope, appId: string, id: string): Promise<RecordRow | null>;
  /** Unscoped: the download URL's token is the authorisation. */
  getRecordForDownload(id: string): Promise<RecordRow | null>;
  /** Mark up to `batch` records older than `cutoff` purged; returns their ids (the caller deletes the bytes). */
  purgeRecords(cutoff: number, now: number, batch: number): Promise<string[]>;
  getActiveSigningKey(): Promise<SigningKeyRow | null>;
  listSigningKeys(): Promise<SigningKeyRow[]>;
  /** Store a new key as the active one; the previous active key is retired (still published). */
  addSigningKey(key: SigningKeyRow): Promise<void>;

  // webhook encryption keys (seed 004)
  /** Store a new key and make it the active one; the previous active key becomes inactive. */
  createWebhookKey(scope: Scope, appId: string, key: { id: string; sealed: string; hint: string }, now: number): Promise<WebhookKeyRow>;
  listWebhookKeys(scope: Scope, appId: string): Promise<WebhookKeyRow[]>;
  /** 'active' demotes the current active key; retiring the active key is refused ('is_active'). */
  setWebhookKeyStatus(scope: Scope, appId: string, keyId: string, status: 'active' | 'retired', now: number): Promise<WebhookKeyRow | 'is_active' | 'retired' | null>;

  // event types
  /** With `maxEventTypes`, refuses (false) when the environment already has that many. */
  createEventType(scope: Scope, et: EventTypeRow, maxEventTypes?: number): Promise<boolean>;
  listEventTypes(scope: Scope, page: PageQuery, includeArchived: boolean): Promise<Page<EventTypeRow>>;
  getEventType(scope: Scope, name: string): Promise<EventTypeRow | null>;
  updateEventType(scope: Scope, name: string, patch: Partial<Pick<EventTypeRow, 'description' | 'schema' | 'example' | 'archived'>>, now: number): Promise<EventTypeRow | null>;
  deleteEventType(scope: Scope, name: string): Promise<boolean>;

  // endpoints
  /** With `maxEndpoints`, refuses ('quota_exceeded') when the application already has that many. */
  createEndpoint(scope: Scope, ep: NewEndpoint, secret: EndpointSecretInput, maxEndpoints?: number): Promise<EndpointRow | 'quota_exceeded'>;
  listEndpoints(scope: Scope, appId: string, page: PageQuery): Promise<Page<EndpointRow>>;
  getEndpoint(scope: Scope, appId: string, id: string): Promise<EndpointRow | null>;
  updateEndpoint(scope: Scope, appId: string, id: string, patch: EndpointPatch, now: number): Promise<EndpointRow | null>;
  /** Soft-deletes the endpoint and discards its unfinished deliveries. */
  deleteEndpoint(scope: Scope, appId: string, id: string, now: number): Promise<boolean>;
  /** Add a new primary secret; every older live secret keeps signing until `previousExpireAt`. */
  rotateEndpointSecret(scope: Scope, appId: string, id: string, secret: EndpointSecretInput, previousExpireAt: number, now: number): Promise<EndpointRow | null>;
  /** The endpoint as the delivery path sees it (for challenges, examples and test sends). */
  getEndpointRuntime(scope: Scope, appId: string, id: string, now: number): Promise<EndpointRuntime | null>;
  /**
   * Store a challenge's outcome. Success enables a `pending_verification` endpoint whose URL is
   * still `url` (a URL changed meanwhile needs its own challenge).
   */
  recordVerification(scope: Scope, appId: string, id: string, result: { url: string; ok: boolean; error: string | null }, now: number): Promise<EndpointRow | null>;

  // messages
  publish(scope: Scope, input: PublishInput): Promise<PublishResult>;
  listMessages(scope: Scope, appId: string, filter: LogFilter, page: PageQuery): Promise<Page<MessageRow>>;
  getMessage(scope: Scope, appId: string, id: string): Promise<MessageRow | null>;

  // delivery log and replay
  listDeliveries(scope: Scope, appId: string, filter: LogFilter, page: PageQuery): Promise<Page<DeliveryRow>>;
  getDelivery(scope: Scope, appId: string, id: string): Promise<DeliveryRow | null>;
  listAttempts(scope: Scope, appId: string, filter: LogFilter, page: PageQuery): Promise<Page<AttemptRow>>;
  /**
   * What an endpoint should have received, in publish order: its deliveries with their messages,
   * after the delivery id `after` (exclusive) or from `since`. Purged messages are left out.
   */
  listEndpointEvents(scope: Scope, appId: string, endpointId: string, from: { after?: string | undefined; since?: number | undefined }, limit: number): Promise<{ delivery: DeliveryRow; message: MessageRow }[]>;
  /** Queue (message × endpoint) now, creating the delivery if the endpoint never had one. */
  resend(scope: Scope, appId: string, messageId: string, endpointId: string, now: number, newId: string): Promise<DeliveryRow | 'in_flight'>;
  /** Make a failed or waiting delivery due now with a fresh retry budget. */
  retryNow(scope: Scope, appId: string, deliveryId: string, now: number): Promise<DeliveryRow | 'in_flight' | 'succeeded' | 'discarded' | null>;
  /** Requeue every failed delivery of an endpoint created in [since, until). Returns how many. */
  recoverFailed(scope: Scope, appId: string, endpointId: string, since: number, until: number, now: number): Promise<number>;

  // delivery pipeline
  claimDue(req: ClaimRequest): Promise<ClaimResult>;
  /** Attempts, next states and endpoint health in one transaction; returns endpoint changes. */
  recordOutcomes(outcomes: AttemptOutcome[], now: number, options: RecordOptions): Promise<EndpointEffect[]>;
  /**
   * Keep the leases of deliveries this owner is still sending or recording (never shortened): a
   * live attempt is never taken back and sent a second time.
   */
  extendLeases(owner: string, deliveryIds: string[], until: number): Promise<number>;
  /** Return deliveries whose lease ran out (their worker died) to the queue. */
  releaseExpiredLeases(now: number): Promise<number>;
  /** Return every lease, whatever its expiry: only safe when this process owns the whole store. */
  releaseAllLeases(now: number): Promise<number>;
  queueStats(): Promise<QueueStats>;
  /** Soonest next_attempt_at among pending deliveries of enabled endpoints, or null. */
  nextDueAt(): Promise<number | null>;

  /**
   * Retention, one bounded batch: drop the payload (keeping a tombstone), deliveries and attempts
   * of up to `batch` messages older than `cutoff` that have nothing left to send; plus expired
   * idempotency keys and endpoint secrets. Returns how many messages were purged.
   */
  purgeExpired(cutoff: number, now: number, batch: number): Promise<number>;
}
