import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenant, startHerald, type TestHerald } from './helpers.js';

describe('tenants, API keys and isolation', () => {
  let h: TestHerald;
  before(async () => {
    h = await startHerald();
  });
  after(async () => h.close());

  test('admin creates a tenant with test and live keys, shown once and stored hashed', async () => {
    const res = await h.admin('POST', '/api/v1/tenants', { name: 'Acme' });
    assert.equal(res.status, 201);
    assert.match(res.body.id, /^tnt_[0-9a-z]{26}$/);
    assert.match(res.body.api_keys.test, /^hk_test_[A-Za-z0-9_-]{32}$/);
    assert.match(res.body.api_keys.live, /^hk_live_[A-Za-z0-9_-]{32}$/);
    const keys = await h.admin('GET', `/api/v1/tenants/${res.body.id}/api-keys`);
    assert.equal(keys.status, 200);
    assert.equal(keys.body.data.length, 2);
    const serialized = JSON.stringify(keys.body);
    assert.ok(!serialized.includes(res.body.api_keys.test), 'listing must not reveal the key');
    assert.ok(keys.body.data.every((k: { key_hint: string }) => k.key_hint.includes('…')));
  });

  test('tenant routes need a valid API key; admin routes need the admin token', async () => {
    const t = await createTenant(h);
    assert.equal((await h.call('GET', '/api/v1/app')).status, 401);
    assert.equal((await h.call('GET', '/api/v1/app', { token: 'hk_test_nope' })).status, 401);
    assert.equal((await h.call('GET', '/api/v1/app', { token: 'test-admin-token' })).status, 401);
    const noAdmin = await h.call('POST', '/api/v1/tenants', { token: t.test, body: { name: 'x' } });
    assert.equal(noAdmin.status, 401);
    assert.equal(noAdmin.headers['content-type'], 'application/problem+json; charset=utf-8');
    assert.equal(noAdmin.body.status, 401);
    assert.equal((await h.call('GET', '/api/v1/app', { token: t.test })).status, 200);
  });

  test('a revoked key stops working; a new key for an environment works', async () => {
    const t = await createTenant(h);
    const created = await h.admin('POST', `/api/v1/tenants/${t.id}/api-keys`, { environment: 'test', name: 'ci' });
    assert.equal(created.status, 201);
    assert.equal((await h.call('GET', '/api/v1/app', { token: created.body.key })).status, 200);
    assert.equal((await h.admin('DELETE', `/api/v1/tenants/${t.id}/api-keys/${created.body.id}`)).status, 204);
    assert.equal((await h.call('GET', '/api/v1/app', { token: created.body.key })).status, 401);
    assert.equal((await h.admin('DELETE', `/api/v1/tenants/${t.id}/api-keys/${created.body.id}`)).status, 404);
    assert.equal((await h.admin('POST', `/api/v1/tenants/tnt_missing/api-keys`, { environment: 'test' })).status, 404);
    assert.equal((await h.admin('POST', `/api/v1/tenants/${t.id}/api-keys`, { environment: 'staging' })).status, 422);
  });

  // On SQLite these lookups (API key, application, event type) run on a second, read-only
  // connection on the main thread while writes go through the store thread: each write must be
  // visible to the very next request.
  test('the next request sees each write at once: new key, new application, archived event type, revoked key', async () => {
    const t = await createTenant(h);
    for (let i = 0; i < 20; i++) {
      const key = await h.admin('POST', `/api/v1/tenants/${t.id}/api-keys`, { environment: 'test', name: `k${i}` });
      const token = key.body.key as string;
      const app = await h.call('POST', '/api/v1/app', { token, body: { name: `a${i}`, uid: `uid-${i}` } });
      assert.equal(app.status, 201);
      const type = `order.n${i}`;
      assert.equal((await h.call('POST', '/api/v1/event-type', { token, body: { name: type } })).status, 201);
      assert.equal((await h.call('POST', `/api/v1/app/uid-${i}/msg`, { token, body: { type, payload: { i } } })).status, 202);
      assert.equal((await h.call('PATCH', `/api/v1/event-type/${type}`, { token, body: { archived: true } })).status, 200);
      assert.equal((await h.call('POST', `/api/v1/app/uid-${i}/msg`, { token, body: { type, payload: { i } } })).status, 422);
      assert.equal((await h.call('DELETE', `/api/v1/app/${app.body.id}`, { token })).status, 204);
      assert.equal((await h.call('POST', `/api/v1/app/uid-${i}/msg`, { token, body: { type: 'other', payload: { i } } })).status, 404);
      assert.equal((await h.admin('DELETE', `/api/v1/tenants/${t.id}/api-keys/${key.body.id}`)).status, 204);
      assert.equal((await h.call('GET', '/api/v1/app', { token })).status, 401);
    }
  });

  test("a key of tenant A gets 404 for every one of tenant B's ids, and writes nothing", async () => {
    const a = await createTenant(h, 'A');
    const b = await createTenant(h, 'B');
    const app = await h.call('POST', '/api/v1/app', { token: b.test, body: { name: 'B app', uid: 'b-app' } });
    const appId = app.body.id;
    const ep = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: b.test, body: { url: 'http://127.0.0.1:9/b' } });
    await h.call('POST', '/api/v1/event-type', { token: b.test, body: { name: 'b.only' } });
    const msg = await h.call('POST', `/api/v1/app/${appId}/msg`, { token: b.test, body: { type: 'b.only', payload: {} } });
    const dlv = await h.call('GET', `/api/v1/app/${appId}/delivery`, { token: b.test });
    const dlvId = dlv.body.data[0].id;

    const probes: [string, string, unknown?][] = [
      ['GET', `/api/v1/app/${appId}`],
      ['GET', `/api/v1/app/b-app`],
      ['PATCH', `/api/v1/app/${appId}`, { name: 'stolen' }],
      ['DELETE', `/api/v1/app/${appId}`],
      ['GET', `/api/v1/app/${appId}/endpoint`],
      ['GET', `/api/v1/app/${appId}/endpoint/${ep.body.id}`],
      ['PATCH', `/api/v1/app/${appId}/endpoint/${ep.body.id}`, { url: 'http://127.0.0.1:9/evil' }],
      ['DELETE', `/api/v1/app/${appId}/endpoint/${ep.body.id}`],
      ['POST', `/api/v1/app/${appId}/endpoint`, { url: 'http://127.0.0.1:9/evil' }],
      ['POST', `/api/v1/app/${appId}/endpoint/${ep.body.id}/recover`, { since: '2020-01-01T00:00:00Z' }],
      ['POST', `/api/v1/app/${appId}/msg`, { type: 'x', payload: {} }],
      ['GET', `/api/v1/app/${appId}/msg`],
      ['GET', `/api/v1/app/${appId}/msg/${msg.body.id}`],
      ['GET', `/api/v1/app/${appId}/msg/${msg.body.id}/delivery`],
      ['POST', `/api/v1/app/${appId}/msg/${msg.body.id}/endpoint/${ep.body.id}/resend`],
      ['GET', `/api/v1/app/${appId}/delivery`],
      ['GET', `/api/v1/app/${appId}/delivery/${dlvId}`],
      ['GET', `/api/v1/app/${appId}/delivery/${dlvId}/attempt`],
      ['POST', `/api/v1/app/${appId}/delivery/${dlvId}/retry`],
      ['GET', `/api/v1/app/${appId}/attempt`],
      ['GET', `/api/v1/event-type/b.only`],
      ['PATCH', `/api/v1/event-type/b.only`, { description: 'stolen' }],
      ['DELETE', `/api/v1/event-type/b.only`],
    ];
    for (const [method, path, body] of probes) {
      const res = await h.call(method, path, { token: a.test, ...(body !== undefined ? { body } : {}) });
      assert.equal(res.status, 404, `${method} ${path} answered ${res.status} to another tenant`);
      assert.equal(res.body.title, 'Not Found');
    }
    // B's own live environment cannot see its test data either.
    assert.equal((await h.call('GET', `/api/v1/app/${appId}`, { token: b.live })).status, 404);
    // Nothing was changed or created by A's attempts.
    const after = await h.call('GET', `/api/v1/app/${appId}`, { token: b.test });
    assert.equal(after.body.name, 'B app');
    const eps = await h.call('GET', `/api/v1/app/${appId}/endpoint`, { token: b.test });
    assert.equal(eps.body.data.length, 1);
    assert.equal(eps.body.data[0].url, 'http://127.0.0.1:9/b');
    const msgs = await h.call('GET', `/api/v1/app/${appId}/msg`, { token: b.test });
    assert.equal(msgs.body.data.length, 1);
    assert.equal((await h.call('GET', '/api/v1/event-type/b.only', { token: b.test })).body.description, '');
    assert.equal((await h.call('GET', '/api/v1/app', { token: a.test })).body.data.length, 0);
  });
});
