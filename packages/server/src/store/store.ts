import type { Environment } from '../crypto/tokens.js';
import type { Scope, Page, PageQuery, TenantRow, ApiKeyRow, NewApiKey, ApplicationRow, WebhookKeyRow, ApplicationPatch, EnvironmentSettings, EventTypeRow, EndpointRow, NewEndpoint, EndpointSecretInput, EndpointPatch, MessageRow, RecordRow, SigningKeyRow, DeliveryRow, DeliveryStatus, AttemptRow, LogFilter, EndpointStats, SessionRow, SessionFilter, PortalLinkRow, TenantLimitOverrides } from './rows.js';
import type { PublishInput, PublishOutcome, PublishResult, EndpointRuntime, ClaimRequest, ClaimResult, EndpointEffect, RecordOptions, AttemptOutcome, CounterIncrement, QueueStats, WorkHooks } from './pipeline.js';

/**
 * The store seam. Every method is async so a networked dialect (PostgreSQL) fits behind the
 * same contract as embedded SQLite. Tenant-owned reads and writes always take a Scope; an id
 * from another tenant or environment simply is not found.
 */
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
  /** A live key, with its tenant's config_version read in the same statement (lookup-cache.ts). */
  findApiKey(keyHash: string): Promise<{ id: string; tenant_id: string; environment: Environment; config_version: number } | null>;
  /** Each tenant's config_version: counted up by every change to its API keys, applications and event types. A deleted tenant is absent. */
  configVersions(tenantIds: readonly string[]): Promise<Map<string, number>>;

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
  getEndpoint(scope: Scope, appId: string, idOrUid: string): Promise<EndpointRow | null>;
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
  /** Many publishes in one transaction (group commit, bulk publish): an outcome per publish, in order; one failing fails alone. */
  publishBatch(items: readonly { scope: Scope; input: PublishInput }[]): Promise<PublishOutcome[]>;
  listMessages(scope: Scope, appId: string, filter: LogFilter, page: PageQuery): Promise<Page<MessageRow>>;
  getMessage(scope: Scope, appId: string, id: string): Promise<MessageRow | null>;

  // delivery log and replay
  listDeliveries(scope: Scope, appId: string, filter: LogFilter, page: PageQuery): Promise<Page<DeliveryRow>>;
  getDelivery(scope: Scope, appId: string, id: string): Promise<DeliveryRow | null>;
  listAttempts(scope: Scope, appId: string, filter: LogFilter, page: PageQuery): Promise<Page<AttemptRow>>;
  /** Deliveries matching the filter, counted by status. */
  countDeliveries(scope: Scope, appId: string, filter: LogFilter): Promise<Record<DeliveryStatus, number>>;
  /** Each endpoint's attempts since `since`: counts, median latency, last failure (endpoint-stats.ts). */
  endpointStats(scope: Scope, appId: string, endpointIds: string[], since: number): Promise<EndpointStats[]>;
  /**
   * What an endpoint should have received, in publish order: its deliveries with their messages,
   * after the delivery id `after` (exclusive) or from `since`. Purged messages are left out.
   */
  listEndpointEvents(scope: Scope, appId: string, endpointId: string, from: { after?: string | undefined; since?: number | undefined }, limit: number): Promise<{ delivery: DeliveryRow; message: MessageRow }[]>;
  /** Queue (message × endpoint) now, creating the delivery if the endpoint never had one; null if the message is gone. */
  resend(scope: Scope, appId: string, messageId: string, endpointId: string, now: number, newId: string): Promise<DeliveryRow | 'in_flight' | null>;
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
  /** Deliveries waiting and in flight, and since when the longest-waiting due one has been due (at `now`, default the clock). */
  queueStats(now?: number): Promise<QueueStats>;
  /** Soonest next_attempt_at among pending deliveries of enabled endpoints, or null. */
  nextDueAt(): Promise<number | null>;

  /**
   * Retention, one bounded batch: drop the payload (keeping a tombstone), deliveries and attempts
   * of up to `batch` messages older than `cutoff` that have nothing left to send; plus expired
   * idempotency keys and endpoint secrets. Returns how many messages were purged.
   */
  purgeExpired(cutoff: number, now: number, batch: number): Promise<number>;
}
