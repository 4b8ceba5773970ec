import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHerald, loadConfig, type DeliveryConfig, type Herald, type HeraldConfig, type RetentionConfig } from '../src/index.js';
import type { SchemaConfig, SecurityConfig, StoreConfig, TenantLimits } from '../src/config.js';
import type { Logger } from 'pino';
import { makeLogger } from '../src/logger.js';
import pg from 'pg';
import type { Scope, Store } from '../src/store/types.js';
// The same server npm test's prerequisite check asked for.
import { PG_URL as PG_ADMIN_URL } from '../../../scripts/prerequisites.mjs';

/** HERALD_TEST_STORE=postgres runs the suite on PostgreSQL: one fresh database per Herald, dropped after. */
export const TEST_STORE = process.env.HERALD_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `herald_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

export interface TestHerald {
  herald: Herald;
  url: string;
  dataDir: string;
  /** In-process request through the whole Fastify pipeline. */
  call(method: string, path: string, options?: { body?: unknown; token?: string; headers?: Record<string, string>; rawBody?: string }): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  admin(method: string, path: string, body?: unknown): ReturnType<TestHerald['call']>;
  close(): Promise<void>;
}

export type HeraldOverrides = Partial<Omit<HeraldConfig, 'delivery' | 'retention' | 'limits' | 'security' | 'schemas' | 'store'>> & {
  store?: Partial<StoreConfig>;
  delivery?: Partial<DeliveryConfig>;
  retention?: Partial<RetentionConfig>;
  limits?: Partial<TenantLimits>;
  security?: Partial<SecurityConfig>;
  schemas?: Partial<SchemaConfig>;
};

/**
 * Functional tests make hundreds of requests a second from one address and tenant: request
 * rates and failed-credential throttling are out of their way unless a test sets them (the
 * limits' own tests do; the defaults are tested in limits.test.ts).
 */
export const UNTHROTTLED = {
  limits: { publish_per_second: 1_000_000, api_per_second: 1_000_000 },
  security: { failedAuthPerWindow: 1_000_000 },
  env: { HERALD_LIMIT_PUBLISH_PER_SECOND: '1000000', HERALD_LIMIT_API_PER_SECOND: '1000000', HERALD_FAILED_AUTH_LIMIT: '1000000' },
} as const;

export async function startHerald(overrides: HeraldOverrides = {}, opts: { dataDir?: string; keepData?: boolean; logger?: Logger } = {}): Promise<TestHerald> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'herald-test-'));
  const database = TEST_STORE === 'postgres' ? await createTestDatabase() : null;
  const base = { ...loadConfig({}, { dataDir }), databaseUrl: database?.url };
  const config: HeraldConfig = {
    ...base,
    port: 0,
    logLevel: 'silent',
    adminToken: 'test-admin-token',
    // Test receivers live on 127.0.0.1; everything else private stays blocked.
    allowNetworks: ['127.0.0.1/32'],
    ...overrides,
    delivery: { ...base.delivery, pollIntervalMs: 50, ...overrides.delivery },
    retention: { ...base.retention, ...overrides.retention },
    limits: { ...base.limits, ...UNTHROTTLED.limits, ...overrides.limits },
    security: { ...base.security, ...UNTHROTTLED.security, ...overrides.security },
    schemas: { ...base.schemas, ...overrides.schemas },
    store: { ...base.store, ...overrides.store },
  };
  const herald = await createHerald(config, { logger: opts.logger ?? makeLogger(process.env.TEST_LOG_LEVEL ?? 'silent') });
  const url = await herald.listen();
  const call: TestHerald['call'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    } else if (payload !== undefined) headers['content-type'] ??= 'application/json';
    const res = await herald.api.inject({ method: method as 'GET', url: path, headers, ...(payload !== undefined ? { payload } : {}) });
    let body: unknown = res.body;
    try {
      body = res.body ? JSON.parse(res.body) : null;
    } catch {
      /* keep text */
    }
    return { status: res.statusCode, body, headers: res.headers as Record<string, unknown> };
  };
  return {
    herald,
    url,
    dataDir,
    call,
    admin: (method, path, body) => call(method, path, { body, token: 'test-admin-token' }),
    async close() {
      await herald.close();
      await database?.drop();
      if (!opts.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a tenant and returns its test and live API keys. */
export async function createTenant(h: TestHerald, name = 'Acme'): Promise<{ id: string; test: string; live: string }> {
  const res = await h.admin('POST', '/api/v1/tenants', { name });
  if (res.status !== 201) throw new Error(`tenant create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, test: res.body.api_keys.test, live: res.body.api_keys.live };
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
  path: string;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** Decide the response per request; default 204. */
  handler: (req: Received, res: ServerResponse) => void | Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 that records every request. */
export async function startReceiver(handler?: Receiver['handler']): Promise<Receiver> {
  const received: Received[] = [];
  const open = new Set<ServerResponse>();
  const receiver = {
    received,
    handler: handler ?? ((_req: Received, res: ServerResponse) => void res.writeHead(204).end()),
  } as Receiver;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r: Received = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now(), path: req.url ?? '/' };
      received.push(r);
      open.add(res);
      res.on('close', () => open.delete(res));
      // A handler that throws (say, a verifier rejecting) answers 500 rather than crashing the test.
      Promise.resolve()
        .then(() => receiver.handler(r, res))
        .catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
        });
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  receiver.port = port;
  receiver.url = `http://127.0.0.1:${port}`;
  receiver.close = async () => {
    for (const res of open) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return receiver;
}

export async function waitFor<T>(check: () => T | Promise<T>, { timeoutMs = 10_000, intervalMs = 20, what = 'condition' } = {}): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Creates an application and an endpoint pointing at `url`; returns their ids and the secret. */
export async function createAppAndEndpoint(h: TestHerald, key: string, url: string, endpoint: Record<string, unknown> = {}) {
  const app = await h.call('POST', '/api/v1/app', { token: key, body: { name: 'Customer' } });
  if (app.status !== 201) throw new Error(`app create failed: ${JSON.stringify(app.body)}`);
  const ep = await h.call('POST', `/api/v1/app/${app.body.id}/endpoint`, { token: key, body: { url, ...endpoint } });
  if (ep.status !== 201) throw new Error(`endpoint create failed: ${JSON.stringify(ep.body)}`);
  return { appId: app.body.id as string, endpointId: ep.body.id as string, secret: ep.body.secret as string };
}

/**
 * For tests that drive a store directly: a tenant, an application `app_<tag>` and one enabled
 * endpoint `ep_<tag>` (every event type, max 100 in flight) pointing at a closed port.
 */
export async function seedStoreEndpoint(store: Store, scope: Scope, tag: string): Promise<{ appId: string; endpointId: string }> {
  const now = Date.now();
  const appId = `app_${tag}`;
  const endpointId = `ep_${tag}`;
  await store.createTenant({ id: scope.tenant_id, name: tag, created_at: now }, []);
  await store.createApplication(scope, {
    id: appId, uid: null, name: tag, retry_schedule: null, metadata: {}, signature_scheme: 'standard', scheme_options: {}, envelope: 'herald',
    require_verification: false, default_timeout_ms: null, message_id_prefix: 'msg', encrypt_data: false, preset: null, created_at: now, updated_at: now,
  });
  await store.createEndpoint(
    scope,
    {
      id: endpointId, app_id: appId, uid: null, channels: null, kind: 'webhook', channel_config: null, url: 'http://127.0.0.1:9/', description: '', status: 'enabled', disabled_reason: null,
      filter_types: null, payload_filter: null, timeout_ms: 5000, retry_schedule: null, max_in_flight: 100, rate_limit: null, headers: {}, auth: null, tls: null, transformation: null, ordering: 'unordered', ordering_failure: 'continue', metadata: {}, signature_scheme: null,
      scheme_options: null, envelope: null, encrypt_data: null, trace_propagation: false, enabled_at: now, verified_at: null, verification_error: null, created_at: now, updated_at: now,
    },
    { id: `sec_${tag}`, sealed: 'x', hint: 'x', public_key: 'x' },
  );
  return { appId, endpointId };
}

/** Tables whose rows a rejected request may still change: shared rate-limit windows count every request. */
const COUNTED_ANYWAY = new Set(['rate_counters', 'herald_migrations', 'health_probe']);

/** Per Herald: one statement that counts every table's rows, and the connection it runs on. */
const counters = new WeakMap<TestHerald, () => Promise<Record<string, number>>>();

/**
 * Rows per table of a test Herald's store, read on a connection of its own: a request that was
 * refused must leave every count as it was.
 */
export async function rowCounts(h: TestHerald): Promise<Record<string, number>> {
  let count = counters.get(h);
  if (!count) {
    if (h.herald.store.dialect === 'sqlite') {
      const Database = (await import('better-sqlite3')).default;
      const db = new Database(h.herald.config.sqlitePath, { readonly: true });
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((t) => t.name).filter((t) => !COUNTED_ANYWAY.has(t));
      const statement = db.prepare(`SELECT ${tables.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`);
      count = async () => statement.get() as Record<string, number>;
    } else {
      const client = new pg.Client({ connectionString: h.herald.config.databaseUrl });
      await client.connect();
      const tables = (await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((t) => t.tablename).filter((t) => !COUNTED_ANYWAY.has(t));
      const sql = `SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`;
      // Closed with the test process: one small connection per test Herald.
      client.on('error', () => undefined);
      count = async () => (await client.query(sql)).rows[0] as Record<string, number>;
    }
    counters.set(h, count);
  }
  return { ...(await count()) };
}

/** A problem response as RFC 9457 and the API's convention say it must be. */
export function isProblem(res: { status: number; body: any; headers: Record<string, unknown> }): boolean {
  return (
    /^application\/problem\+json/.test(String(res.headers['content-type'])) &&
    typeof res.body === 'object' && res.body !== null &&
    res.body.status === res.status && typeof res.body.title === 'string' && typeof res.body.detail === 'string' && typeof res.body.type === 'string'
  );
}
