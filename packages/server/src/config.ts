import { resolve } from 'node:path';

/**
 * The one resolved options object. Built once from defaults and the environment at start,
 * then passed down explicitly; nothing reads `process.env` after this.
 */
export interface HeraldConfig {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://… selects the PostgreSQL store; unset means SQLite in the data dir. */
  databaseUrl: string | undefined;
  /** Absolute path of the SQLite file; `:memory:` is not supported (the pipeline must survive restarts). */
  sqlitePath: string;
  /** Admin token from the environment; when unset one is generated and kept in the data dir. */
  adminToken: string | undefined;
  /** Base64 32-byte key encrypting endpoint secrets at rest; when unset a key file in the data dir is used. */
  masterKey: string | undefined;
  logLevel: string;
  /** Networks deliveries may reach although private/loopback/reserved (HERALD_ALLOW_NETWORKS, CIDRs). */
  allowNetworks: string[];
  /** DNS servers for delivery lookups (HERALD_DNS_SERVERS, comma-separated host:port); null = the system resolver. */
  dnsServers: string[] | null;
  /** Largest accepted request body, bytes. */
  bodyLimit: number;
  /** Which loops this process runs. */
  role: 'all' | 'api' | 'worker';
  delivery: DeliveryConfig;
  retention: RetentionConfig;
  records: { maxBytes: number; urlTtlMs: number };
  /** Base URL receivers use to reach this server (download links); default http://HOST:PORT. */
  publicUrl: string | undefined;
  security: SecurityConfig;
  /** Every tenant's limits unless the admin set others for it. */
  limits: TenantLimits;
  schemas: SchemaConfig;
  /** The sandbox that runs endpoint transformations. */
  transformations: { threads: number; timeMs: number; memoryMb: number };
  store: StoreConfig;
  /** OpenTelemetry trace export, from the standard OTEL_* variables; null: tracing off. */
  tracing: TracingConfig | null;
}

export interface TracingConfig {
  /** The OTLP/HTTP traces URL. */
  url: string;
  protocol: 'http/protobuf' | 'http/json';
}

/**
 * Tracing is on when an OTLP endpoint is named (or OTEL_TRACES_EXPORTER=otlp, for the default
 * collector address) and the SDK is not disabled. Only OTLP over HTTP is built in: gRPC would add
 * a second network stack for the same spans (collectors take both, on 4317 and 4318).
 */
export function tracingFromEnv(env: NodeJS.ProcessEnv): TracingConfig | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (exporters.includes('none')) return null;
  if (exporters.some((e) => e !== 'otlp')) throw new Error(`OTEL_TRACES_EXPORTER: only "otlp" and "none" are supported, got "${env.OTEL_TRACES_EXPORTER}"`);
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim() || (base ? `${base.replace(/\/+$/, '')}/v1/traces` : exporters.includes('otlp') ? 'http://localhost:4318/v1/traces' : '');
  if (!url) return null;
  if (!/^https?:\/\//.test(url)) throw new Error(`The OTLP traces endpoint must be an http(s) URL, got "${url}"`);
  const protocol = (env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf').trim();
  if (protocol !== 'http/protobuf' && protocol !== 'http/json') {
    throw new Error(`OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf or http/json (send to the collector's port 4318), got "${protocol}"`);
  }
  return { url, protocol };
}

/** Bounded waits on the store (see README "Failure behaviour"). */
export interface StoreConfig {
  /** PostgreSQL: opening a connection or waiting for a pooled one. */
  connectTimeoutMs: number;
  /** PostgreSQL: the server cancels a statement running longer. */
  statementTimeoutMs: number;
  /** PostgreSQL: a query with no answer at all (frozen server, dead network) fails after this. */
  queryTimeoutMs: number;
  poolSize: number;
  /** Every API request's store calls (a publish included) answer or fail with 503 within this. */
  requestDeadlineMs: number;
  /** /health/ready answers 503 when the store does not answer within this. */
  readyTimeoutMs: number;
  /** PostgreSQL LISTEN: reconnection backoff, and the poll interval while it is down. */
  listenRetryMinMs: number;
  listenRetryMaxMs: number;
  outagePollMs: number;
}

/** Per-tenant limits and quotas (the admin can set each per tenant: PUT /tenants/{tenant}/limits). */
export interface TenantLimits {
  /** Publish requests per second, per environment (all its API keys together). */
  publish_per_second: number;
  /** Every other API request per second, per environment (dashboard sessions included). */
  api_per_second: number;
  /** Applications per environment. */
  max_applications: number;
  max_endpoints_per_app: number;
  /** Event types per environment. */
  max_event_types: number;
  /** Largest event-type JSON Schema, bytes of JSON. */
  max_schema_bytes: number;
  /** Largest message payload, bytes of JSON. */
  max_payload_bytes: number;
}

export interface SecurityConfig {
  /** Fastify's trustProxy: whose X-Forwarded-For gives the client address (for throttling). */
  trustProxy: boolean | string | number;
  /** Failed credentials one client address may present per window before it is refused. */
  failedAuthPerWindow: number;
  failedAuthWindowMs: number;
  /** Deepest JSON nesting accepted in any request body. */
  jsonMaxDepth: number;
  /** A separate origin for record downloads (HERALD_RECORDS_URL); links use it and /records answers only there. */
  recordsUrl: string | undefined;
  /** Bearer token for /metrics; unset: the admin token. */
  metricsToken: string | undefined;
  /** host:port of a separate listener for /metrics (no token there); unset: /metrics on the API port. */
  metricsAddr: string | undefined;
  /** Label the in-flight gauge by endpoint id (one series per endpoint of every tenant). */
  metricsEndpointLabels: boolean;
  /** Also count attempts and their latency per application id (one series per application of every tenant). */
  metricsAppLabels: boolean;
  /** An endpoint's or application's series is dropped after this long without an attempt (so deleted ones go). */
  metricsIdleSeriesMs: number;
  portalLinkDefaultTtlMs: number;
  portalLinkMaxTtlMs: number;
  sessionTtlMs: number;
}

export interface SchemaConfig {
  /** Threads running tenants' JSON Schemas. */
  threads: number;
  budgetMs: number;
  compileBudgetMs: number;
  quarantineMs: number;
  maxHeapMb: number;
}

export interface RetentionConfig {
  /** Payloads, deliveries and attempts older than this are purged (ms; default 30 days). */
  maxAgeMs: number;
  /** How often the purge job runs (ms). */
  intervalMs: number;
  /** Messages per transaction; a run does at most 20 batches. */
  batch: number;
}

export interface DeliveryConfig {
  /** Default retry schedule, seconds before each attempt; its length is the attempt budget. */
  retrySchedule: number[];
  /** ± fraction of each non-zero delay, to spread retries. */
  jitter: number;
  /** Upper bound on a receiver's `Retry-After`, seconds. */
  maxRetryAfterSeconds: number;
  defaultTimeoutMs: number;
  defaultMaxInFlight: number;
  /** Global cap on concurrent requests of one worker process. */
  maxConcurrency: number;
  /** Extra time past an endpoint's timeout before a lease is considered abandoned. */
  leaseGraceMs: number;
  /** How often the dispatcher looks for due work when nothing wakes it. */
  pollIntervalMs: number;
  /** Most deliveries claimed in one database round trip. */
  claimBatch: number;
  /**
   * Least time between the starts of two claims unless the last one came back full. Every claim
   * is a query over every endpoint with due work; claiming on each publish's wake-up spent
   * PostgreSQL's CPU on claims that found one message each (2 workers at 2,000 deliveries/s:
   * publish→receive p50 267 → 75 ms in the first 10 s).
   */
  claimIntervalMs: number;
  /**
   * A publish in a process that also delivers takes what can be sent at once straight to its
   * dispatcher, stored already leased (SQLite; see store/protocol/handoff.ts). Off: every delivery
   * waits for a claim.
   */
  publishHandoff: boolean;
  /** Max bytes of a receiver's response read; the stored excerpt is at most 4 KB of it. */
  maxResponseBytes: number;
  userAgent: string;
  /** Disable an endpoint whose attempts have all failed for this long (ms). */
  autoDisableAfterMs: number;
  /** Emit message.attempt.failing when this attempt number fails (Svix sends it on the 4th). */
  failingAttemptNumber: number;
  /** Back-pressure: a 429 without Retry-After pauses its endpoint this long (seconds). */
  throttleDefaultSeconds: number;
  /** Back-pressure: this many timeouts in a row pause the endpoint for `timeoutPauseMs`. */
  timeoutPauseAfter: number;
  timeoutPauseMs: number;
  /** How long past its deadline an attempt's transport may take to stop before the attempt is recorded as timed out without it. */
  abandonGraceMs: number;
}

export const DEFAULT_RETRY_SCHEDULE = [0, 60, 300, 1800, 7200];

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** `true`/`false`, a hop count, or a comma-separated list of addresses/CIDRs (Fastify's trustProxy). */
function trustProxy(value: string | undefined): boolean | string | number {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

export const DEFAULT_LIMITS: TenantLimits = {
  publish_per_second: 1000,
  api_per_second: 100,
  max_applications: 10_000,
  max_endpoints_per_app: 100,
  max_event_types: 1000,
  max_schema_bytes: 64 * 1024,
  max_payload_bytes: 512 * 1024,
};

function bool(value: string | undefined, fallback: boolean, name: string): boolean {
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be true or false, got "${value}"`);
}

export function parseSchedule(value: string, name = 'HERALD_RETRY_SCHEDULE'): number[] {
  const parts = value.split(',').map((s) => Number(s.trim()));
  if (!parts.length || parts.some((n) => !Number.isFinite(n) || n < 0)) {
    throw new Error(`${name} must be comma-separated seconds, e.g. "0,60,300", got "${value}"`);
  }
  return parts;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<HeraldConfig> = {}): HeraldConfig {
  const dataDir = resolve(overrides.dataDir ?? env.HERALD_DATA_DIR ?? './data');
  const role = (overrides.role ?? env.HERALD_ROLE ?? 'all') as HeraldConfig['role'];
  if (!['all', 'api', 'worker'].includes(role)) throw new Error(`HERALD_ROLE must be all, api or worker, got "${role}"`);
  const base: HeraldConfig = {
    port: int(env.PORT ?? env.HERALD_PORT, 8080, 'PORT'),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    sqlitePath: resolve(dataDir, 'herald.sqlite'),
    databaseUrl: env.DATABASE_URL || undefined,
    adminToken: env.HERALD_ADMIN_TOKEN || undefined,
    masterKey: env.HERALD_MASTER_KEY || undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    allowNetworks: (env.HERALD_ALLOW_NETWORKS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    dnsServers: env.HERALD_DNS_SERVERS ? env.HERALD_DNS_SERVERS.split(',').map((s) => s.trim()).filter(Boolean) : null,
    bodyLimit: int(env.HERALD_BODY_LIMIT, 1024 * 1024, 'HERALD_BODY_LIMIT'),
    role,
    publicUrl: env.HERALD_PUBLIC_URL?.replace(/\/$/, '') || undefined,
    tracing: tracingFromEnv(env),
    records: {
      maxBytes: int(env.HERALD_MAX_RECORD_BYTES, 50 * 1024 * 1024, 'HERALD_MAX_RECORD_BYTES'),
      urlTtlMs: int(env.HERALD_RECORD_URL_TTL, 15 * 60, 'HERALD_RECORD_URL_TTL') * 1000,
    },
    retention: {
      maxAgeMs: int(env.HERALD_RETENTION_DAYS, 30, 'HERALD_RETENTION_DAYS') * 24 * 3600 * 1000,
      intervalMs: 3600 * 1000,
      batch: 500,
    },
    delivery: {
      retrySchedule: env.HERALD_RETRY_SCHEDULE ? parseSchedule(env.HERALD_RETRY_SCHEDULE) : DEFAULT_RETRY_SCHEDULE,
      jitter: 0.2,
      maxRetryAfterSeconds: int(env.HERALD_MAX_RETRY_AFTER, 3600, 'HERALD_MAX_RETRY_AFTER'),
      defaultTimeoutMs: 15_000,
      defaultMaxInFlight: 10,
      maxConcurrency: int(env.HERALD_MAX_CONCURRENCY, 1000, 'HERALD_MAX_CONCURRENCY'),
      leaseGraceMs: int(env.HERALD_LEASE_GRACE, 30, 'HERALD_LEASE_GRACE') * 1000,
      pollIntervalMs: int(env.HERALD_POLL_INTERVAL_MS, 500, 'HERALD_POLL_INTERVAL_MS'),
      claimBatch: 500,
      // PostgreSQL: 10 ms. SQLite claims are cheap and run on the store's own thread: none.
      claimIntervalMs: int(env.HERALD_CLAIM_INTERVAL_MS, env.DATABASE_URL ? 10 : 0, 'HERALD_CLAIM_INTERVAL_MS'),
      publishHandoff: bool(env.HERALD_PUBLISH_HANDOFF, true, 'HERALD_PUBLISH_HANDOFF'),
      maxResponseBytes: 64 * 1024,
      userAgent: 'Herald-Webhooks/0.1',
      autoDisableAfterMs: int(env.HERALD_AUTO_DISABLE_AFTER, 5 * 24 * 3600, 'HERALD_AUTO_DISABLE_AFTER') * 1000,
      failingAttemptNumber: 4,
      throttleDefaultSeconds: int(env.HERALD_THROTTLE_DEFAULT, 10, 'HERALD_THROTTLE_DEFAULT'),
      timeoutPauseAfter: int(env.HERALD_TIMEOUT_PAUSE_AFTER, 5, 'HERALD_TIMEOUT_PAUSE_AFTER'),
      timeoutPauseMs: int(env.HERALD_TIMEOUT_PAUSE, 30, 'HERALD_TIMEOUT_PAUSE') * 1000,
      abandonGraceMs: 1000,
    },
    security: {
      trustProxy: trustProxy(env.HERALD_TRUST_PROXY),
      failedAuthPerWindow: int(env.HERALD_FAILED_AUTH_LIMIT, 30, 'HERALD_FAILED_AUTH_LIMIT'),
      failedAuthWindowMs: int(env.HERALD_FAILED_AUTH_WINDOW, 60, 'HERALD_FAILED_AUTH_WINDOW') * 1000,
      jsonMaxDepth: int(env.HERALD_JSON_MAX_DEPTH, 64, 'HERALD_JSON_MAX_DEPTH'),
      recordsUrl: env.HERALD_RECORDS_URL?.replace(/\/$/, '') || undefined,
      metricsToken: env.HERALD_METRICS_TOKEN || undefined,
      metricsAddr: env.HERALD_METRICS_ADDR || undefined,
      metricsEndpointLabels: bool(env.HERALD_METRICS_ENDPOINT_LABELS, false, 'HERALD_METRICS_ENDPOINT_LABELS'),
      metricsAppLabels: bool(env.HERALD_METRICS_APP_LABELS, false, 'HERALD_METRICS_APP_LABELS'),
      metricsIdleSeriesMs: int(env.HERALD_METRICS_IDLE_SERIES, 600, 'HERALD_METRICS_IDLE_SERIES') * 1000,
      portalLinkDefaultTtlMs: int(env.HERALD_PORTAL_LINK_TTL, 900, 'HERALD_PORTAL_LINK_TTL') * 1000,
      portalLinkMaxTtlMs: 24 * 3600 * 1000,
      sessionTtlMs: int(env.HERALD_SESSION_TTL, 12 * 3600, 'HERALD_SESSION_TTL') * 1000,
    },
    limits: {
      publish_per_second: int(env.HERALD_LIMIT_PUBLISH_PER_SECOND, DEFAULT_LIMITS.publish_per_second, 'HERALD_LIMIT_PUBLISH_PER_SECOND'),
      api_per_second: int(env.HERALD_LIMIT_API_PER_SECOND, DEFAULT_LIMITS.api_per_second, 'HERALD_LIMIT_API_PER_SECOND'),
      max_applications: int(env.HERALD_LIMIT_APPLICATIONS, DEFAULT_LIMITS.max_applications, 'HERALD_LIMIT_APPLICATIONS'),
      max_endpoints_per_app: int(env.HERALD_LIMIT_ENDPOINTS_PER_APP, DEFAULT_LIMITS.max_endpoints_per_app, 'HERALD_LIMIT_ENDPOINTS_PER_APP'),
      max_event_types: int(env.HERALD_LIMIT_EVENT_TYPES, DEFAULT_LIMITS.max_event_types, 'HERALD_LIMIT_EVENT_TYPES'),
      max_schema_bytes: int(env.HERALD_LIMIT_SCHEMA_BYTES, DEFAULT_LIMITS.max_schema_bytes, 'HERALD_LIMIT_SCHEMA_BYTES'),
      max_payload_bytes: int(env.HERALD_LIMIT_PAYLOAD_BYTES, DEFAULT_LIMITS.max_payload_bytes, 'HERALD_LIMIT_PAYLOAD_BYTES'),
    },
    schemas: {
      threads: int(env.HERALD_SCHEMA_THREADS, 1, 'HERALD_SCHEMA_THREADS'),
      budgetMs: int(env.HERALD_SCHEMA_BUDGET_MS, 250, 'HERALD_SCHEMA_BUDGET_MS'),
      compileBudgetMs: int(env.HERALD_SCHEMA_COMPILE_BUDGET_MS, 2000, 'HERALD_SCHEMA_COMPILE_BUDGET_MS'),
      quarantineMs: 60_000,
      maxHeapMb: 128,
    },
    transformations: {
      threads: int(env.HERALD_TRANSFORMATION_THREADS, 1, 'HERALD_TRANSFORMATION_THREADS'),
      timeMs: int(env.HERALD_TRANSFORMATION_TIME_MS, 50, 'HERALD_TRANSFORMATION_TIME_MS'),
      memoryMb: int(env.HERALD_TRANSFORMATION_MEMORY_MB, 16, 'HERALD_TRANSFORMATION_MEMORY_MB'),
    },
    store: {
      connectTimeoutMs: int(env.HERALD_DB_CONNECT_TIMEOUT_MS, 5000, 'HERALD_DB_CONNECT_TIMEOUT_MS'),
      statementTimeoutMs: int(env.HERALD_DB_STATEMENT_TIMEOUT_MS, 15_000, 'HERALD_DB_STATEMENT_TIMEOUT_MS'),
      queryTimeoutMs: int(env.HERALD_DB_QUERY_TIMEOUT_MS, 20_000, 'HERALD_DB_QUERY_TIMEOUT_MS'),
      poolSize: int(env.HERALD_DB_POOL_SIZE, 10, 'HERALD_DB_POOL_SIZE'),
      requestDeadlineMs: int(env.HERALD_REQUEST_DEADLINE_MS, 10_000, 'HERALD_REQUEST_DEADLINE_MS'),
      readyTimeoutMs: int(env.HERALD_READY_TIMEOUT_MS, 2000, 'HERALD_READY_TIMEOUT_MS'),
      listenRetryMinMs: 100,
      listenRetryMaxMs: int(env.HERALD_LISTEN_RETRY_MAX_MS, 5000, 'HERALD_LISTEN_RETRY_MAX_MS'),
      outagePollMs: int(env.HERALD_OUTAGE_POLL_MS, 250, 'HERALD_OUTAGE_POLL_MS'),
    },
  };
  return {
    ...base,
    ...overrides,
    sqlitePath: overrides.sqlitePath ?? (overrides.dataDir ? resolve(dataDir, 'herald.sqlite') : base.sqlitePath),
    delivery: { ...base.delivery, ...overrides.delivery },
    retention: { ...base.retention, ...overrides.retention },
    records: { ...base.records, ...overrides.records },
    security: { ...base.security, ...overrides.security },
    limits: { ...base.limits, ...overrides.limits },
    schemas: { ...base.schemas, ...overrides.schemas },
    transformations: { ...base.transformations, ...overrides.transformations },
    store: { ...base.store, ...overrides.store },
  };
}
