import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEFAULT_LIMITS, loadConfig } from '../src/config.js';
import { createTenant, isProblem, rowCounts, startHerald, type TestHerald } from './helpers.js';

/** Fixed one-second windows: start a burst just after a window opens so it all falls in one. */
async function freshSecond(): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000 - (Date.now() % 1000) + 10));
}

type Res = { status: number; body: any; headers: Record<string, unknown> };

/**
 * Sends until the first 429 (a loaded machine may still split a burst over two windows) and
 * checks, from the server's own RateLimit-Remaining, that the window it came in had let exactly
 * `limit` requests through. Returns the responses, the refused one last.
 */
async function untilRefused(send: () => Promise<Res>, limit: number): Promise<Res[]> {
  await freshSecond();
  const seen: Res[] = [];
  for (let i = 0; i < 4 * limit + 4; i++) {
    const res = await send();
    seen.push(res);
    if (res.status === 429) break;
    assert.ok(res.status < 300, `${res.status} ${JSON.stringify(res.body)}`);
  }
  assert.equal(seen.at(-1)!.status, 429, `never refused: ${seen.map((r) => r.status)}`);
  const countdown = seen.slice(0, -1).map((r) => Number(r.headers['ratelimit-remaining'])).reverse();
  let run = 0;
  while (run < countdown.length && countdown[run] === run) run++;
  assert.equal(run, limit, `remaining before the 429: ${countdown.reverse()}`);
  return seen;
}

describe('limits: defaults and configuration', () => {
  test('the documented defaults, and HERALD_LIMIT_* / HERALD_FAILED_AUTH_* override them', () => {
    const base = loadConfig({});
    assert.deepEqual(base.limits, DEFAULT_LIMITS);
    assert.deepEqual(DEFAULT_LIMITS, {
      publish_per_second: 1000,
      api_per_second: 100,
      max_applications: 10_000,
      max_endpoints_per_app: 100,
      max_event_types: 1000,
      max_schema_bytes: 65_536,
      max_payload_bytes: 524_288,
    });
    assert.equal(base.security.failedAuthPerWindow, 30);
    assert.equal(base.security.failedAuthWindowMs, 60_000);
    assert.equal(base.security.jsonMaxDepth, 64);
    const set = loadConfig({ HERALD_LIMIT_PUBLISH_PER_SECOND: '50', HERALD_LIMIT_ENDPOINTS_PER_APP: '7', HERALD_FAILED_AUTH_LIMIT: '5', HERALD_FAILED_AUTH_WINDOW: '10' });
    assert.equal(set.limits.publish_per_second, 50);
    assert.equal(set.limits.max_endpoints_per_app, 7);
    assert.equal(set.security.failedAuthPerWindow, 5);
    assert.equal(set.security.failedAuthWindowMs, 10_000);
    assert.throws(() => loadConfig({ HERALD_LIMIT_API_PER_SECOND: 'lots' }), /HERALD_LIMIT_API_PER_SECOND must be a non-negative integer/);
  });
});

describe('rate limits per environment, quotas per tenant', () => {
  let h: TestHerald;
  let acme: Awaited<ReturnType<typeof createTenant>>;
  let globex: Awaited<ReturnType<typeof createTenant>>;
  let appId: string;
  before(async () => {
    h = await startHerald({ limits: { publish_per_second: 5, api_per_second: 8 } });
    acme = await createTenant(h, 'Acme');
    globex = await createTenant(h, 'Globex');
    appId = (await h.call('POST', '/api/v1/app', { token: acme.test, body: { name: 'A' } })).body.id;
  });
  after(() => h.close());
  const publish = (token: string, app = appId) => h.call('POST', `/api/v1/app/${app}/msg`, { token, body: { type: 'rate.test', payload: {} } });

  test('past the publish rate: 429 problem with Retry-After and RateLimit headers, nothing written; other budgets untouched', async () => {
    const before = await rowCounts(h);
    const seen = await untilRefused(() => publish(acme.test), 5);
    const refused = seen.at(-1)!;
    assert.equal(seen[0]!.headers['ratelimit-limit'], '5');
    assert.ok(isProblem(refused));
    assert.match(refused.body.detail, /5 publish requests per second/);
    assert.ok(Number(refused.headers['retry-after']) >= 1);
    assert.equal(refused.headers['ratelimit-limit'], '5');
    assert.equal(refused.headers['ratelimit-remaining'], '0');
    assert.ok(refused.headers['ratelimit-reset'] !== undefined);
    const after = await rowCounts(h);
    assert.equal(after.messages! - before.messages!, seen.length - 1, 'the refused publish stored no message');
    // Reading is another budget; another tenant and another environment have their own.
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/msg`, { token: acme.test })).status, 200);
    const globexApp = (await h.call('POST', '/api/v1/app', { token: globex.test, body: { name: 'G' } })).body.id;
    assert.equal((await publish(globex.test, globexApp)).status, 202);
    const liveApp = (await h.call('POST', '/api/v1/app', { token: acme.live, body: { name: 'L' } })).body.id;
    assert.equal((await publish(acme.live, liveApp)).status, 202);
    // The next window opens the budget again.
    await freshSecond();
    assert.equal((await publish(acme.test)).status, 202);
  });

  test('the management API has its own per-second budget', async () => {
    await untilRefused(() => h.call('GET', '/api/v1/app', { token: globex.test }), 8);
  });

  test("a portal link spends a budget of its own, not the tenant's", async () => {
    const link = (await h.call('POST', `/api/v1/app/${appId}/portal-link`, { token: acme.test, body: {} })).body;
    await untilRefused(() => h.call('GET', `/api/v1/app/${appId}/endpoint`, { headers: { authorization: `Portal ${link.token}` } }), 8);
    assert.equal((await h.call('GET', `/api/v1/app/${appId}`, { token: acme.test })).status, 200, 'the tenant still has its own');
  });

  test('the admin sets, reads and resets a tenant limit; bad values are refused', async () => {
    const initial = await h.admin('GET', `/api/v1/tenants/${acme.id}/limits`);
    assert.equal(initial.status, 200);
    assert.equal(initial.body.limits.publish_per_second, 5);
    assert.deepEqual(initial.body.overrides, {});
    const set = await h.admin('PATCH', `/api/v1/tenants/${acme.id}/limits`, { publish_per_second: 2, max_applications: 50 });
    assert.equal(set.status, 200);
    assert.equal(set.body.limits.publish_per_second, 2);
    assert.deepEqual(set.body.overrides, { publish_per_second: 2, max_applications: 50 });
    assert.equal(set.body.defaults.publish_per_second, 5);
    await untilRefused(() => publish(acme.test), 2);
    const reset = await h.admin('PATCH', `/api/v1/tenants/${acme.id}/limits`, { publish_per_second: null });
    assert.deepEqual(reset.body.overrides, { max_applications: 50 });
    for (const bad of [{ publish_per_second: -1 }, { publish_per_second: 'many' }, { unknown_limit: 1 }, { max_endpoints_per_app: 1.5 }]) {
      const res = await h.admin('PATCH', `/api/v1/tenants/${acme.id}/limits`, bad);
      assert.equal(res.status, 422, JSON.stringify(bad));
    }
    assert.equal((await h.call('PATCH', `/api/v1/tenants/${acme.id}/limits`, { token: acme.test, body: { publish_per_second: 1e6 } })).status, 401, 'tenants cannot raise their own');
    assert.equal((await h.admin('GET', '/api/v1/tenants/tnt_missing/limits')).status, 404);
  });

  test('quotas: applications, endpoints per application, event types, payload size; refused writes nothing', async () => {
    const t = await createTenant(h, 'Quota');
    await h.admin('PATCH', `/api/v1/tenants/${t.id}/limits`, { max_applications: 2, max_endpoints_per_app: 1, max_event_types: 1, max_payload_bytes: 100, api_per_second: 1000, publish_per_second: 1000 });
    const api = (method: string, path: string, body?: unknown) => h.call(method, path, { token: t.test, ...(body !== undefined ? { body } : {}) });
    const first = (await api('POST', '/api/v1/app', { name: 'one' })).body.id;
    assert.equal((await api('POST', '/api/v1/app', { name: 'two' })).status, 201);
    assert.equal((await api('POST', '/api/v1/event-type', { name: 'only.one' })).status, 201);
    assert.equal((await api('POST', `/api/v1/app/${first}/endpoint`, { url: 'http://127.0.0.1:9/a' })).status, 201);
    const before = await rowCounts(h);
    const refused = [
      await api('POST', '/api/v1/app', { name: 'three' }),
      await api('POST', `/api/v1/app/${first}/endpoint`, { url: 'http://127.0.0.1:9/b' }),
      await api('POST', '/api/v1/event-type', { name: 'two.of.them' }),
    ];
    for (const res of refused) {
      assert.equal(res.status, 409, JSON.stringify(res.body));
      assert.equal(res.body.type, 'https://herald.dev/problems/quota-exceeded');
      assert.ok(isProblem(res));
    }
    const big = await api('POST', `/api/v1/app/${first}/msg`, { type: 'only.one', payload: { blob: 'x'.repeat(200) } });
    assert.equal(big.status, 413);
    assert.match(big.body.detail, /limited to 100/);
    assert.deepEqual(await rowCounts(h), before);
    assert.equal((await api('POST', `/api/v1/app/${first}/msg`, { type: 'only.one', payload: { small: true } })).status, 202);
    // The live environment has its own count.
    assert.equal((await h.call('POST', '/api/v1/app', { token: t.live, body: { name: 'live one' } })).status, 201);
    // Deleting makes room again.
    const second = (await api('GET', '/api/v1/app')).body.data.find((a: { name: string }) => a.name === 'two').id;
    assert.equal((await api('DELETE', `/api/v1/app/${second}`)).status, 204);
    assert.equal((await api('POST', '/api/v1/app', { name: 'three' })).status, 201);
  });
});

describe('failed credentials are throttled per client address', () => {
  let h: TestHerald;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  before(async () => {
    // Behind a proxy: X-Forwarded-For names the client (HERALD_TRUST_PROXY).
    h = await startHerald({ security: { failedAuthPerWindow: 3, failedAuthWindowMs: 60_000, trustProxy: true } });
    tenant = await createTenant(h);
  });
  after(() => h.close());
  const from = (ip: string, headers: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...headers });

  test('past the limit every credential from that address is refused, right or wrong; other addresses are not', async () => {
    const ip = '203.0.113.7';
    for (const token of ['hk_test_wrong1', 'hk_test_wrong2', 'not-a-key']) {
      assert.equal((await h.call('GET', '/api/v1/app', { token, headers: from(ip) })).status, 401);
    }
    const blocked = await h.call('GET', '/api/v1/app', { token: tenant.test, headers: from(ip) });
    assert.equal(blocked.status, 429);
    assert.ok(isProblem(blocked));
    assert.ok(Number(blocked.headers['retry-after']) > 0);
    assert.equal((await h.call('GET', '/api/v1/tenants', { token: 'test-admin-token', headers: from(ip) })).status, 429, 'the admin token too');
    assert.equal((await h.call('GET', '/api/v1/app', { token: tenant.test, headers: from('203.0.113.8') })).status, 200);
  });

  test('every kind of credential counts: admin token, sign-in, portal links, download links, the metrics token', async () => {
    const cases: [string, () => Promise<{ status: number }>][] = [
      ['admin token', () => h.call('GET', '/api/v1/tenants', { token: 'wrong-admin', headers: from('198.51.100.1') })],
      ['sign-in', () => h.call('POST', '/api/v1/session', { body: { token: 'wrong' }, headers: from('198.51.100.2') })],
      ['portal token', () => h.call('GET', '/api/v1/session', { headers: from('198.51.100.3', { authorization: 'Portal forged' }) })],
      ['portal link sign-in', () => h.call('POST', '/api/v1/session', { body: { portal_token: 'forged' }, headers: from('198.51.100.4') })],
      ['download link', () => h.call('GET', `/records/rec_missing?expires=${Math.floor(Date.now() / 1000) + 60}&token=abc`, { headers: from('198.51.100.5') })],
      ['metrics token', () => h.call('GET', '/metrics', { token: 'wrong', headers: from('198.51.100.6') })],
    ];
    for (const [what, attempt] of cases) {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
      assert.equal(statuses[3], 429, `${what}: ${statuses}`);
      assert.ok(statuses.slice(0, 3).every((s) => s >= 400 && s < 500 && s !== 429), `${what}: ${statuses}`);
    }
  });
});
