import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PORTAL_SCOPE } from '../src/api/portal-scope.js';
import { createTenant, rowCounts, startHerald, type TestHerald } from './helpers.js';

const cookieOf = (res: { headers: Record<string, unknown> }) =>
  ([] as string[]).concat((res.headers['set-cookie'] as string[] | string | undefined) ?? []).map((c) => c.split(';')[0]).join('; ');

describe('sessions and portal links end when they are revoked', () => {
  let h: TestHerald;
  let acme: Awaited<ReturnType<typeof createTenant>>;
  let globex: Awaited<ReturnType<typeof createTenant>>;
  let appId: string;
  before(async () => {
    h = await startHerald();
    acme = await createTenant(h, 'Acme');
    globex = await createTenant(h, 'Globex');
    appId = (await h.call('POST', '/api/v1/app', { token: acme.test, body: { name: 'A' } })).body.id;
  });
  after(() => h.close());
  const signIn = async (token: string) => {
    const res = await h.call('POST', '/api/v1/session', { body: { token } });
    assert.equal(res.status, 201);
    return { cookie: cookieOf(res), csrf: res.body.csrf_token as string };
  };
  const as = (s: { cookie: string; csrf: string }) => ({ cookie: s.cookie, 'x-csrf-token': s.csrf });

  test('after sign-out the old cookie creates nothing (it kept creating tenants for 12 h)', async () => {
    const admin = await signIn('test-admin-token');
    assert.equal((await h.call('POST', '/api/v1/tenants', { headers: as(admin), body: { name: 'before sign-out' } })).status, 201);
    assert.equal((await h.call('DELETE', '/api/v1/session', { headers: as(admin) })).status, 204);
    const before = await rowCounts(h);
    const replayed = await h.call('POST', '/api/v1/tenants', { headers: as(admin), body: { name: 'after sign-out' } });
    assert.equal(replayed.status, 401);
    assert.equal((await h.call('GET', '/api/v1/session', { headers: { cookie: admin.cookie } })).status, 401);
    assert.deepEqual(await rowCounts(h), before);
  });

  test('an admin signs out everywhere: every admin session ends, tenant sessions do not', async () => {
    const first = await signIn('test-admin-token');
    const second = await signIn('test-admin-token');
    const tenantSession = await signIn(acme.test);
    const out = await h.call('POST', '/api/v1/session/sign-out-everywhere', { headers: as(first) });
    assert.equal(out.status, 200);
    assert.ok(out.body.revoked >= 2);
    for (const s of [first, second]) assert.equal((await h.call('GET', '/api/v1/tenants', { headers: { cookie: s.cookie } })).status, 401);
    assert.equal((await h.call('GET', '/api/v1/app', { headers: { cookie: tenantSession.cookie } })).status, 200);
    // With the admin token itself (a lost laptop: no session at hand).
    const third = await signIn('test-admin-token');
    assert.equal((await h.call('POST', '/api/v1/session/sign-out-everywhere', { token: 'test-admin-token' })).body.revoked, 1);
    assert.equal((await h.call('GET', '/api/v1/tenants', { headers: { cookie: third.cookie } })).status, 401);
    assert.equal((await h.call('POST', '/api/v1/session/sign-out-everywhere', { headers: { cookie: third.cookie } })).status, 401);
  });

  test("a tenant signs out everywhere: its dashboard and portal sessions end, another tenant's do not", async () => {
    const mine = await signIn(acme.test);
    const link = (await h.call('POST', `/api/v1/app/${appId}/portal-link`, { token: acme.test, body: {} })).body;
    const portal = await h.call('POST', '/api/v1/session', { body: { portal_token: link.token } });
    const portalCookie = cookieOf(portal);
    const theirs = await signIn(globex.test);
    assert.equal((await h.call('POST', '/api/v1/session/sign-out-everywhere', { headers: { cookie: mine.cookie } })).status, 403, 'needs the CSRF token');
    const out = await h.call('POST', '/api/v1/session/sign-out-everywhere', { headers: as(mine) });
    assert.equal(out.status, 200);
    assert.ok(out.body.revoked >= 2, `${out.body.revoked}`);
    assert.equal((await h.call('GET', '/api/v1/app', { headers: { cookie: mine.cookie } })).status, 401);
    assert.equal((await h.call('GET', `/api/v1/app/${appId}`, { headers: { cookie: portalCookie } })).status, 401);
    assert.equal((await h.call('GET', '/api/v1/app', { headers: { cookie: theirs.cookie } })).status, 200);
    // The portal link itself is not a session: it still opens the portal until revoked.
    assert.equal((await h.call('GET', `/api/v1/app/${appId}`, { headers: { authorization: `Portal ${link.token}` } })).status, 200);
  });

  test("the admin ends a tenant's sessions", async () => {
    const s = await signIn(globex.test);
    assert.equal((await h.admin('DELETE', `/api/v1/tenants/${globex.id}/sessions`)).body.revoked, 2);
    assert.equal((await h.call('GET', '/api/v1/app', { headers: { cookie: s.cookie } })).status, 401);
    assert.equal((await h.admin('DELETE', '/api/v1/tenants/tnt_missing/sessions')).status, 404);
    assert.equal((await h.call('DELETE', `/api/v1/tenants/${globex.id}/sessions`, { token: globex.test })).status, 401);
  });

  test('portal links: 15 minutes by default, 24 h at most, listed, revocable one by one or all at once', async () => {
    const made = await h.call('POST', `/api/v1/app/${appId}/portal-link`, { token: acme.test, body: {} });
    assert.equal(made.status, 201);
    const ttl = Date.parse(made.body.expires_at) - Date.parse(made.body.created_at);
    assert.equal(ttl, 15 * 60 * 1000);
    assert.equal((await h.call('POST', `/api/v1/app/${appId}/portal-link`, { token: acme.test, body: { expires_in_seconds: 86_401 } })).status, 422);
    assert.equal((await h.call('POST', `/api/v1/app/${appId}/portal-link`, { token: acme.test, body: { expires_in_seconds: 7 * 86_400 } })).status, 422, 'seven days was accepted before');
    const day = await h.call('POST', `/api/v1/app/${appId}/portal-link`, { token: acme.test, body: { expires_in_seconds: 86_400 } });
    assert.equal(day.status, 201);

    const listed = await h.call('GET', `/api/v1/app/${appId}/portal-link`, { token: acme.test });
    assert.equal(listed.status, 200);
    const ids = listed.body.data.map((l: { id: string }) => l.id);
    assert.ok(ids.includes(made.body.id) && ids.includes(day.body.id));
    assert.ok(listed.body.data.every((l: Record<string, unknown>) => !('token' in l) && !('url' in l)), 'a listing never shows a link again');
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/portal-link`, { token: globex.test })).status, 404, "another tenant's app is not found");

    const cookie = cookieOf(await h.call('POST', '/api/v1/session', { body: { portal_token: made.body.token } }));
    assert.equal((await h.call('DELETE', `/api/v1/app/${appId}/portal-link/${made.body.id}`, { token: globex.test })).status, 404);
    assert.equal((await h.call('DELETE', `/api/v1/app/${appId}/portal-link/${made.body.id}`, { token: acme.test })).status, 204);
    assert.equal((await h.call('GET', `/api/v1/app/${appId}`, { headers: { authorization: `Portal ${made.body.token}` } })).status, 401, 'the link is dead');
    assert.equal((await h.call('GET', `/api/v1/app/${appId}`, { headers: { cookie } })).status, 401, 'and so are sessions opened from it');
    assert.equal((await h.call('POST', '/api/v1/session', { body: { portal_token: made.body.token } })).status, 401);
    const after = (await h.call('GET', `/api/v1/app/${appId}/portal-link`, { token: acme.test })).body.data.find((l: { id: string }) => l.id === made.body.id);
    assert.ok(after.revoked_at);
    assert.equal((await h.call('DELETE', `/api/v1/app/${appId}/portal-link/${made.body.id}`, { token: acme.test })).status, 404, 'already revoked');

    const all = await h.call('DELETE', `/api/v1/app/${appId}/portal-link`, { token: acme.test });
    assert.ok(all.body.revoked >= 1);
    assert.equal((await h.call('GET', `/api/v1/app/${appId}`, { headers: { authorization: `Portal ${day.body.token}` } })).status, 401);
  });
});

describe('portal scope: the table, row by row', () => {
  let h: TestHerald;
  let key: string;
  let appId: string;
  let otherApp: string;
  let ids: Record<string, string>;
  before(async () => {
    h = await startHerald();
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'Mine' } })).body.id;
    otherApp = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'Not mine' } })).body.id;
    const endpoint = (await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: 'http://127.0.0.1:9/x' } })).body.id;
    await h.call('POST', '/api/v1/event-type', { token: key, body: { name: 'scope.test', example: { a: 1 } } });
    const msg = (await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'scope.test', payload: {} } })).body.id;
    const delivery = (await h.call('GET', `/api/v1/app/${appId}/delivery`, { token: key })).body.data[0].id;
    ids = { ':app': appId, ':endpoint': endpoint, ':msg': msg, ':delivery': delivery, ':name': 'scope.test' };
  });
  after(() => h.close());

  const path = (route: string, app = appId) => route.replace(/:[a-z]+/g, (p) => (p === ':app' ? app : ids[p]!));
  const bodyFor = (route: string, method: string): unknown =>
    method === 'GET' || method === 'DELETE'
      ? undefined
      : route.endsWith('/send-example')
        ? { type: 'scope.test' }
        : route.endsWith('/transformation/apply')
          ? { type: 'scope.test', payload: {}, code: 'function handler(w) { return w; }' }
          : route.endsWith('/recover')
            ? { since: new Date(Date.now() - 60_000).toISOString() }
            : route.endsWith('/endpoint')
              ? { url: 'http://127.0.0.1:9/portal' }
              : route.endsWith('/:endpoint') && method === 'PATCH'
                ? { description: 'from the portal' }
                : {};
  /** A row's request; the live stream stays open, so it is asked over HTTP and only its status read. */
  const callRow = async (method: string, route: string, app: string, headers: Record<string, string>): Promise<{ status: number; body: unknown }> => {
    if (route.endsWith('/stream')) {
      const abort = new AbortController();
      const res = await fetch(`${h.url}${path(route, app)}`, { headers, signal: abort.signal });
      abort.abort();
      return { status: res.status, body: null };
    }
    const body = bodyFor(route, method);
    return h.call(method, path(route, app), { headers, ...(body !== undefined ? { body } : {}) });
  };
  const link = async (readOnly: boolean) =>
    `Portal ${(await h.call('POST', `/api/v1/app/${appId}/portal-link`, { token: key, body: { read_only: readOnly } })).body.token}`;

  test('every row of PORTAL_SCOPE is reachable with a portal link, and only on its own application', async () => {
    const auth = await link(false);
    // Deleting the endpoint would break the rows after it: run DELETE last.
    for (const row of [...PORTAL_SCOPE].sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'))) {
      const res = await callRow(row.method, row.route, appId, { authorization: auth });
      assert.ok(res.status < 400 || res.status === 409, `${row.method} ${row.route}: ${res.status} ${JSON.stringify(res.body)}`);
      if (row.route.includes(':app')) {
        const other = await callRow(row.method, row.route, otherApp, { authorization: auth });
        assert.equal(other.status, 404, `${row.method} ${row.route} on another application`);
      }
    }
  });

  test('a read-only link reaches the read rows only', async () => {
    // The row-by-row test above deleted its endpoint.
    ids[':endpoint'] = (await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: 'http://127.0.0.1:9/y' } })).body.id;
    const auth = await link(true);
    for (const row of PORTAL_SCOPE) {
      const res = await callRow(row.method, row.route, appId, { authorization: auth });
      if (row.access === 'read') assert.ok(res.status < 400, `${row.method} ${row.route}: ${res.status}`);
      else assert.equal(res.status, 404, `${row.method} ${row.route}`);
    }
    const session = await h.call('GET', '/api/v1/session', { headers: { authorization: auth } });
    assert.equal(session.body.read_only, true);
  });

  test('every other tenant route is absent for a portal link: publishing among them', async () => {
    const auth = await link(false);
    const doc = (await h.call('GET', '/api/v1/openapi.json')).body;
    const inTable = new Set(PORTAL_SCOPE.map((r) => `${r.method} ${r.route}`));
    const before = await rowCounts(h);
    let checked = 0;
    for (const [route, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      const fastifyRoute = route.replace(/\{([a-z]+)\}/g, ':$1');
      if (!fastifyRoute.startsWith('/api/v1/') || fastifyRoute.startsWith('/api/v1/session') || fastifyRoute.startsWith('/api/v1/tenants') || fastifyRoute === '/api/v1/signing-keys/rotate') continue;
      for (const method of Object.keys(ops).map((m) => m.toUpperCase())) {
        if (inTable.has(`${method} ${fastifyRoute}`)) continue;
        const res = await h.call(method, path(fastifyRoute).replace(/:[a-z]+/g, 'x'), { headers: { authorization: auth }, body: { type: 'scope.test', payload: {}, name: 'x' } });
        assert.equal(res.status, 404, `${method} ${fastifyRoute}: ${res.status}`);
        checked++;
      }
    }
    assert.ok(checked >= 15, `${checked} routes checked`);
    assert.ok(!inTable.has('POST /api/v1/app/:app/msg'), 'a portal link cannot publish');
    assert.deepEqual(await rowCounts(h), before);
  });
});
