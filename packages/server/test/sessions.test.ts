import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { makeSessions } from '../src/api/session.js';
import { makeSecretBox } from '../src/crypto/secret-box.js';
import { createTenant, startHerald, type TestHerald } from './helpers.js';

/** Cookies from a Set-Cookie list, as a Cookie header. */
function cookiesOf(res: { headers: Record<string, unknown> }): { header: string; raw: string[] } {
  const raw = ([] as string[]).concat((res.headers['set-cookie'] as string | string[] | undefined) ?? []);
  return { raw, header: raw.map((c) => c.split(';')[0]).join('; ') };
}

describe('dashboard sessions and portal links', () => {
  let h: TestHerald;
  let tenant: Awaited<ReturnType<typeof createTenant>>;
  let appA: string;
  let appB: string;
  before(async () => {
    h = await startHerald();
    tenant = await createTenant(h);
    appA = (await h.call('POST', '/api/v1/app', { token: tenant.test, body: { name: 'A' } })).body.id;
    appB = (await h.call('POST', '/api/v1/app', { token: tenant.test, body: { name: 'B' } })).body.id;
    for (const app of [appA, appB]) await h.call('POST', `/api/v1/app/${app}/endpoint`, { token: tenant.test, body: { url: `http://127.0.0.1:9/${app}` } });
  });
  after(() => h.close());

  const countApps = async () => (await h.call('GET', '/api/v1/app', { token: tenant.test })).body.data.length;

  test('signing in with an API key sets an HttpOnly, SameSite=Strict session cookie that authenticates later requests', async () => {
    const res = await h.call('POST', '/api/v1/session', { body: { token: tenant.test } });
    assert.equal(res.status, 201);
    assert.equal(res.body.kind, 'key');
    assert.equal(res.body.tenant_id, tenant.id);
    const { raw, header } = cookiesOf(res);
    const session = raw.find((c) => c.startsWith('herald_session='))!;
    assert.match(session, /HttpOnly/);
    assert.match(session, /SameSite=Strict/);
    assert.ok(!session.includes(tenant.test), 'the API key never appears in the cookie');
    assert.ok(!/HttpOnly/.test(raw.find((c) => c.startsWith('herald_csrf='))!), 'the CSRF cookie is readable by the page');
    const list = await h.call('GET', '/api/v1/app', { headers: { cookie: header } });
    assert.equal(list.status, 200);
    assert.equal(list.body.data.length, 2);
    const me = await h.call('GET', '/api/v1/session', { headers: { cookie: header } });
    assert.equal(me.body.csrf_token, res.body.csrf_token);
  });

  test('unsafe requests with a session cookie need its CSRF token; without it nothing is written', async () => {
    const res = await h.call('POST', '/api/v1/session', { body: { token: tenant.test } });
    const { header } = cookiesOf(res);
    const before = await countApps();
    const forged = await h.call('POST', '/api/v1/app', { headers: { cookie: header }, body: { name: 'forged' } });
    assert.equal(forged.status, 403);
    assert.match(String(forged.headers['content-type']), /^application\/problem\+json/);
    const wrong = await h.call('POST', '/api/v1/app', { headers: { cookie: header, 'x-csrf-token': 'guess' }, body: { name: 'forged' } });
    assert.equal(wrong.status, 403);
    assert.equal(await countApps(), before);
    const ok = await h.call('POST', '/api/v1/app', { headers: { cookie: header, 'x-csrf-token': res.body.csrf_token }, body: { name: 'from the dashboard' } });
    assert.equal(ok.status, 201);
    assert.equal(await countApps(), before + 1);
    await h.call('DELETE', `/api/v1/app/${ok.body.id}`, { token: tenant.test });
  });

  test('bad sign-ins are 4xx problems and set no cookie', async () => {
    for (const [body, status] of [
      [{ token: 'hk_test_nope' }, 401],
      [{ token: 'not-a-token' }, 401],
      [{}, 400],
      [{ token: tenant.test, portal_token: 'x' }, 400],
      [{ token: 42 }, 422],
      [{ portal_token: 'v1.tampered.token.x' }, 401],
    ] as const) {
      const res = await h.call('POST', '/api/v1/session', { body });
      assert.equal(res.status, status, JSON.stringify(body));
      assert.equal(cookiesOf(res).raw.length, 0);
    }
    const malformed = await h.call('POST', '/api/v1/session', { rawBody: '{"token":' });
    assert.equal(malformed.status, 400);
  });

  test('a tampered or foreign session cookie is not a session', async () => {
    const res = await h.call('POST', '/api/v1/session', { body: { token: tenant.test } });
    const { header } = cookiesOf(res);
    const tampered = header.replace(/herald_session=([^;]+)/, (_m, v: string) => `herald_session=${v.slice(0, -4)}AAAA`);
    assert.equal((await h.call('GET', '/api/v1/app', { headers: { cookie: tampered } })).status, 401);
    const other = await startHerald();
    try {
      assert.equal((await other.call('GET', '/api/v1/session', { headers: { cookie: header } })).status, 401, 'another master key cannot open it');
    } finally {
      await other.close();
    }
  });

  test('an admin session picks the tenant and environment per request, and reaches admin routes', async () => {
    const res = await h.call('POST', '/api/v1/session', { body: { token: 'test-admin-token' } });
    assert.equal(res.body.kind, 'admin');
    const { header } = cookiesOf(res);
    assert.equal((await h.call('GET', '/api/v1/tenants', { headers: { cookie: header } })).status, 200);
    assert.equal((await h.call('GET', '/api/v1/app', { headers: { cookie: header } })).status, 400);
    assert.equal((await h.call('GET', '/api/v1/app', { headers: { cookie: header, 'x-herald-tenant': 'tnt_missing' } })).status, 404);
    const apps = await h.call('GET', '/api/v1/app', { headers: { cookie: header, 'x-herald-tenant': tenant.id, 'x-herald-environment': 'test' } });
    assert.equal(apps.status, 200);
    assert.ok(apps.body.data.length >= 2);
    const live = await h.call('GET', '/api/v1/app', { headers: { cookie: header, 'x-herald-tenant': tenant.id, 'x-herald-environment': 'live' } });
    assert.equal(live.body.data.length, 0, 'live is another environment');
    // An API-key session is not an admin.
    const keySession = cookiesOf(await h.call('POST', '/api/v1/session', { body: { token: tenant.test } })).header;
    assert.equal((await h.call('GET', '/api/v1/tenants', { headers: { cookie: keySession } })).status, 401);
  });

  test('sign-out needs the CSRF token and clears the cookies', async () => {
    const res = await h.call('POST', '/api/v1/session', { body: { token: tenant.test } });
    const { header } = cookiesOf(res);
    assert.equal((await h.call('DELETE', '/api/v1/session', { headers: { cookie: header } })).status, 403);
    const out = await h.call('DELETE', '/api/v1/session', { headers: { cookie: header, 'x-csrf-token': res.body.csrf_token } });
    assert.equal(out.status, 204);
    assert.ok(cookiesOf(out).raw.every((c) => /Expires=Thu, 01 Jan 1970/.test(c)));
  });

  test('a portal link opens one application: its endpoints and logs, nothing else', async () => {
    const link = await h.call('POST', `/api/v1/app/${appA}/portal-link`, { token: tenant.test, body: { expires_in_seconds: 600 } });
    assert.equal(link.status, 201);
    assert.ok(link.body.url.endsWith(`/portal#${link.body.token}`));
    const res = await h.call('POST', '/api/v1/session', { body: { portal_token: link.body.token } });
    assert.equal(res.status, 201);
    assert.equal(res.body.kind, 'portal');
    assert.equal(res.body.app_id, appA);
    assert.ok(Date.parse(res.body.expires_at) <= Date.parse(link.body.expires_at), 'the session ends with the link');
    const cookie = cookiesOf(res).header;
    const csrf = { cookie, 'x-csrf-token': res.body.csrf_token };
    const get = (path: string) => h.call('GET', path, { headers: { cookie } });
    assert.equal((await get(`/api/v1/app/${appA}`)).status, 200);
    const endpoints = await get(`/api/v1/app/${appA}/endpoint`);
    assert.equal(endpoints.status, 200);
    assert.equal(endpoints.body.data.length, 1);
    assert.equal((await get(`/api/v1/app/${appA}/delivery`)).status, 200);
    assert.equal((await get('/api/v1/event-type')).status, 200);
    // The other application, the application list, keys, settings, tenants: as if absent.
    for (const path of [`/api/v1/app/${appB}`, `/api/v1/app/${appB}/endpoint`, '/api/v1/app', `/api/v1/app/${appA}/webhook-keys`, '/api/v1/settings', `/api/v1/app/${appA}/records`]) {
      assert.equal((await get(path)).status, 404, path);
    }
    assert.equal((await get('/api/v1/tenants')).status, 401);
    const before = await countApps();
    for (const [method, path] of [
      ['POST', `/api/v1/app/${appA}/portal-link`],
      ['PATCH', `/api/v1/app/${appA}`],
      ['DELETE', `/api/v1/app/${appA}`],
      ['POST', '/api/v1/app'],
      ['POST', `/api/v1/app/${appB}/endpoint`],
    ]) {
      const r = await h.call(method!, path!, { headers: csrf, body: { name: 'x', url: 'http://127.0.0.1:9/x' } });
      assert.equal(r.status, 404, `${method} ${path}`);
    }
    assert.equal(await countApps(), before);
    assert.equal((await h.call('GET', `/api/v1/app/${appB}/endpoint`, { token: tenant.test })).body.data.length, 1, 'nothing written to B');
    // Its own endpoints it may manage.
    const created = await h.call('POST', `/api/v1/app/${appA}/endpoint`, { headers: csrf, body: { url: 'http://127.0.0.1:9/from-portal' } });
    assert.equal(created.status, 201);
  });

  test('the embeddable portal sends its token as "Authorization: Portal …": same scope, no cookie, no CSRF', async () => {
    const link = await h.call('POST', `/api/v1/app/${appA}/portal-link`, { token: tenant.test, body: {} });
    assert.equal(link.status, 201);
    const portal = { authorization: `Portal ${link.body.token}` };
    const me = await h.call('GET', '/api/v1/session', { headers: portal });
    assert.equal(me.status, 200);
    assert.equal(me.body.app_id, appA);
    assert.equal((await h.call('GET', `/api/v1/app/${appA}/endpoint`, { headers: portal })).status, 200);
    assert.equal((await h.call('GET', `/api/v1/app/${appB}/endpoint`, { headers: portal })).status, 404);
    assert.equal((await h.call('GET', '/api/v1/app', { headers: portal })).status, 404);
    assert.equal((await h.call('POST', `/api/v1/app/${appA}/portal-link`, { headers: portal, body: {} })).status, 404);
    assert.equal((await h.call('GET', '/api/v1/tenants', { headers: portal })).status, 401);
    const created = await h.call('POST', `/api/v1/app/${appA}/endpoint`, { headers: portal, body: { url: 'http://127.0.0.1:9/via-header' } });
    assert.equal(created.status, 201);
    const tampered = { authorization: `Portal ${link.body.token.slice(0, -3)}xyz` };
    assert.equal((await h.call('GET', `/api/v1/app/${appA}/endpoint`, { headers: tampered })).status, 401);
    assert.equal((await h.call('GET', '/api/v1/session', { headers: tampered })).status, 401);
    // Portal pages may be framed by the tenant's app; operator pages may not.
    assert.match(String((await h.call('GET', '/portal/endpoints')).headers['content-security-policy']), /frame-ancestors \*/);
    const operator = await h.call('GET', '/apps/x');
    assert.match(String(operator.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(operator.headers['x-frame-options'], 'DENY');
  });

  test('portal tokens expire, name a stored link and are bound to their purpose', async () => {
    const box = makeSecretBox(randomBytes(32));
    const store = h.herald.store;
    const sessions = makeSessions(box, store, { ttlMs: 3600_000, secureCookies: () => false });
    const now = Date.now();
    const link = { id: 'plk_unit', tenant_id: tenant.id, environment: 'test' as const, app_id: appA, read_only: false, created_at: now, expires_at: now + 60_000, revoked_at: null };
    await store.createPortalLink(link);
    const token = sessions.portalToken(link);
    assert.deepEqual(await sessions.openPortalToken(token, now), link);
    assert.equal(await sessions.openPortalToken(token, now + 60_001), null, 'expired');
    assert.equal(await sessions.openPortalToken(box.seal(JSON.stringify({ lid: link.id, exp: now + 60_000 })), now), null, 'not sealed as a portal token');
    assert.equal(await sessions.openPortalToken('garbage', now), null);
    await store.revokePortalLinks({ tenant_id: tenant.id, environment: 'test' }, appA, link.id, now);
    assert.equal(await sessions.openPortalToken(token, now), null, 'revoked');
  });

  test('the dashboard is served at / and on page paths; API paths keep problem responses', async () => {
    const page = await h.call('GET', '/');
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(String(page.body), /<div id="root">/);
    assert.equal((await h.call('GET', '/apps/app_x/messages')).status, 200);
    assert.equal((await h.call('GET', '/portal/endpoints')).status, 200);
    const missing = await h.call('GET', '/api/v1/nope');
    assert.equal(missing.status, 404);
    assert.match(String(missing.headers['content-type']), /^application\/problem\+json/);
  });
});
