import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createHerald, loadConfig, type Herald } from '../src/index.js';
import { makeWindowCounters } from '../src/limits/counters.js';
import { makeLogger } from '../src/logger.js';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { createTestDatabase, waitFor } from './helpers.js';

// Two Herald processes' worth of state on one PostgreSQL database: what one counts, revokes or
// configures holds in the other.
describe('limits, throttles and revocation across processes (PostgreSQL)', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const dirs: string[] = [];
  let a: Herald;
  let b: Herald;
  const masterKey = randomBytes(32).toString('base64');
  const open = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'herald-pg-limits-'));
    dirs.push(dir);
    const base = loadConfig({}, { dataDir: dir });
    const herald = await createHerald(
      {
        ...base,
        port: 0,
        logLevel: 'silent',
        adminToken: 'pg-admin',
        masterKey,
        databaseUrl: db.url,
        role: 'api',
        allowNetworks: ['127.0.0.1/32'],
        security: { ...base.security, failedAuthPerWindow: 3, failedAuthWindowMs: 60_000, trustProxy: true },
        limits: { ...base.limits, api_per_second: 1_000_000 },
      },
      { logger: makeLogger('silent') },
    );
    await herald.listen();
    return herald;
  };
  const call = async (h: Herald, method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await h.api.inject({
      method: method as 'GET',
      url,
      headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
    });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null, headers: res.headers };
  };
  let tenant: { id: string; key: string };

  before(async () => {
    db = await createTestDatabase();
    a = await open();
    b = await open();
    const created = await call(a, 'POST', '/api/v1/tenants', { token: 'pg-admin', body: { name: 'Shared' } });
    tenant = { id: created.body.id, key: created.body.api_keys.test };
  });
  after(async () => {
    await a.close();
    await b.close();
    await db.drop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  test('window counters add up across processes through the store', async () => {
    const storeA = await openPostgresStore(db.url);
    const storeB = await openPostgresStore(db.url);
    const ca = makeWindowCounters(storeA, makeLogger('silent'), 60_000);
    const cb = makeWindowCounters(storeB, makeLogger('silent'), 60_000);
    try {
      for (let i = 0; i < 10; i++) ca.hit('shared-key', 60_000);
      await ca.sync();
      assert.equal(cb.hit('shared-key', 60_000).count, 1, 'before it syncs, B knows only its own');
      await cb.sync();
      assert.equal(cb.peek('shared-key', 60_000).count, 11);
      await ca.sync();
      assert.equal(ca.peek('shared-key', 60_000).count, 11);
      // A hit while a sync is on its way counts the hits being sent too (it read 1 here before).
      ca.hit('race', 60_000);
      const sending = ca.sync();
      assert.equal(ca.hit('race', 60_000).count, 2);
      await sending;
      assert.equal(ca.peek('race', 60_000).count, 2);
      // The store goes away: counting goes on locally, nothing is lost when it comes back.
      await storeB.close();
      cb.hit('shared-key', 60_000);
      await cb.sync();
      assert.equal(cb.peek('shared-key', 60_000).count, 12);
    } finally {
      await ca.close();
      await cb.close().catch(() => undefined);
      await storeA.close();
    }
  });

  test('failed credentials counted by one process refuse the address in the other', async () => {
    const from = { 'x-forwarded-for': '192.0.2.50' };
    for (let i = 0; i < 3; i++) assert.equal((await call(a, 'GET', '/api/v1/app', { token: `hk_test_wrong${i}`, headers: from })).status, 401);
    const refused = await waitFor(async () => ((await call(b, 'GET', '/api/v1/app', { token: tenant.key, headers: from })).status === 429 ? true : null), {
      timeoutMs: 3000,
      what: 'B to hear of the failures',
    });
    assert.ok(refused);
  });

  test('quotas hold when two processes create at once', async () => {
    const other = await call(a, 'POST', '/api/v1/tenants', { token: 'pg-admin', body: { name: 'Quota' } });
    const key = other.body.api_keys.test as string;
    await call(a, 'PATCH', `/api/v1/tenants/${other.body.id}/limits`, { token: 'pg-admin', body: { max_endpoints_per_app: 5 } });
    const appId = (await call(a, 'POST', '/api/v1/app', { token: key, body: { name: 'Q' } })).body.id;
    await new Promise((r) => setTimeout(r, 5100)); // B's cached limits expire (5 s)
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => call(i % 2 ? a : b, 'POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `http://127.0.0.1:9/q${i}` } })),
    );
    assert.equal(results.filter((r) => r.status === 201).length, 5, JSON.stringify(results.map((r) => [r.status, r.body?.detail])));
    assert.ok(results.filter((r) => r.status !== 201).every((r) => r.status === 409));
  });

  test('a session signed out in one process is dead in the other; a limit set in one holds in the other within 5 s', async () => {
    const other = await call(a, 'POST', '/api/v1/tenants', { token: 'pg-admin', body: { name: 'Sessions' } });
    const key = other.body.api_keys.test as string;
    const signIn = await call(a, 'POST', '/api/v1/session', { body: { token: key } });
    const cookie = ([] as string[]).concat(signIn.headers['set-cookie'] as string[]).map((c) => c.split(';')[0]).join('; ');
    assert.equal((await call(b, 'GET', '/api/v1/app', { headers: { cookie } })).status, 200);
    assert.equal((await call(a, 'DELETE', '/api/v1/session', { headers: { cookie, 'x-csrf-token': signIn.body.csrf_token } })).status, 204);
    assert.equal((await call(b, 'GET', '/api/v1/app', { headers: { cookie } })).status, 401);

    const appId = (await call(b, 'POST', '/api/v1/app', { token: key, body: { name: 'Rate' } })).body.id;
    await call(a, 'PATCH', `/api/v1/tenants/${other.body.id}/limits`, { token: 'pg-admin', body: { publish_per_second: 1 } });
    const limited = await waitFor(
      async () => {
        const statuses = [];
        for (let i = 0; i < 3; i++) statuses.push((await call(b, 'POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'x', payload: {} } })).status);
        return statuses.includes(429) ? statuses : null;
      },
      { timeoutMs: 7000, intervalMs: 500, what: 'the new limit in process B' },
    );
    assert.ok(limited.includes(429));
  });
});
