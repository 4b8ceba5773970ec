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
   * dispatcher, stored already leased (SQLite; see store/sqlite/handoff.ts). Off: every delivery
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
}

export const DEFAULT_RETRY_SCHEDULE = [0, 60, 300, 1800, 7200];

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

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
    },
  };
  return {
    ...base,
    ...overrides,
    sqlitePath: overrides.sqlitePath ?? (overrides.dataDir ? resolve(dataDir, 'herald.sqlite') : base.sqlitePath),
    delivery: { ...base.delivery, ...overrides.delivery },
    retention: { ...base.retention, ...overrides.retention },
    records: { ...base.records, ...overrides.records },
  };
}
