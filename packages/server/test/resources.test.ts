import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenant, startHerald, type TestHerald } from './helpers.js';

describe('applications, event types and endpoints', () => {
  let h: TestHerald;
  let key: string;
  let live: string;
  before(async () => {
    h = await startHerald();
    ({ test: key, live } = await createTenant(h));
  });
  after(async () => h.close());
  const call = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });

  test('application CRUD, lookup by uid, uid conflicts', async () => {
    const created = await call('POST', '/api/v1/app', { name: 'Globex', uid: 'globex', metadata: { plan: 'pro' }, retry_schedule: [0, 5] });
    assert.equal(created.status, 201);
    assert.match(created.body.id, /^app_/);
    assert.deepEqual(created.body.retry_schedule, [0, 5]);
    assert.equal((await call('GET', '/api/v1/app/globex')).body.id, created.body.id);
    assert.equal((await call('POST', '/api/v1/app', { name: 'dup', uid: 'globex' })).status, 409);
    const patched = await call('PATCH', `/api/v1/app/${created.body.id}`, { name: 'Globex Corp' });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.name, 'Globex Corp');
    assert.equal(patched.body.uid, 'globex');
    assert.equal((await call('DELETE', '/api/v1/app/globex')).status, 204);
    assert.equal((await call('GET', `/api/v1/app/${created.body.id}`)).status, 404);
  });

  test('endpoint uids and channels: lookup by uid, 409 on a taken uid, channels route messages', async () => {
    const app = (await call('POST', '/api/v1/app', { name: 'Channels' })).body;
    const base = `/api/v1/app/${app.id}/endpoint`;
    const eu = await call('POST', base, { url: 'https://example.com/eu', uid: 'eu-hook', channels: ['eu'] });
    assert.equal(eu.status, 201);
    assert.equal(eu.body.uid, 'eu-hook');
    assert.deepEqual(eu.body.channels, ['eu']);
    const all = (await call('POST', base, { url: 'https://example.com/all' })).body;
    assert.equal(all.uid, null);
    assert.equal(all.channels, null);
    assert.equal((await call('GET', `${base}/eu-hook`)).body.id, eu.body.id);
    const taken = await call('POST', base, { url: 'https://example.com/x', uid: 'eu-hook' });
    assert.equal(taken.status, 409);
    assert.equal((await call('PATCH', `${base}/${all.id}`, { uid: 'eu-hook' })).status, 409);
    for (const bad of [{ channels: [] }, { channels: ['a b'] }, { channels: ['a', 'a'] }, { uid: 'has space' }, { channels: Array.from({ length: 11 }, (_, i) => `c${i}`) }]) {
      const res = await call('POST', base, { url: 'https://example.com/bad', ...bad });
      assert.equal(res.status, 422, JSON.stringify(bad));
    }
    const published = await call('POST', `/api/v1/app/${app.id}/msg`, { type: 'a.b', payload: {}, channels: ['eu'] });
    assert.equal(published.status, 202);
    assert.deepEqual(published.body.channels, ['eu']);
    const plain = await call('POST', `/api/v1/app/${app.id}/msg`, { type: 'a.b', payload: {} });
    const reached = async (msg: string) => (await call('GET', `/api/v1/app/${app.id}/msg/${msg}/delivery`)).body.data.map((d: { endpoint_id: string }) => d.endpoint_id).sort();
    assert.deepEqual(await reached(published.body.id), [eu.body.id, all.id].sort());
    assert.deepEqual(await reached(plain.body.id), [all.id]);
    assert.equal((await call('POST', `/api/v1/app/${app.id}/msg`, { type: 'a.b', payload: {}, channels: ['bad channel'] })).status, 422);
    assert.equal((await call('DELETE', `${base}/eu-hook`)).status, 204);
    assert.equal((await call('GET', `${base}/eu-hook`)).status, 404);
    assert.equal((await call('POST', base, { url: 'https://example.com/eu2', uid: 'eu-hook' })).status, 201, 'a deleted endpoint frees its uid');
  });

  test('cursor pagination walks every application exactly once, newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await call('POST', '/api/v1/app', { name: `page-${i}` })).body.id);
    const seen: string[] = [];
    let iterator: string | null = null;
    do {
      const res: { body: { data: { id: string }[]; iterator: string | null; done: boolean } } = await call('GET', `/api/v1/app?limit=3${iterator ? `&iterator=${iterator}` : ''}`);
      assert.ok(res.body.data.length <= 3);
      seen.push(...res.body.data.map((a) => a.id));
      iterator = res.body.iterator;
      assert.equal(res.body.done, iterator === null);
    } while (iterator);
    const mine = seen.filter((id) => ids.includes(id));
    assert.deepEqual(mine, [...ids].reverse());
    assert.equal(new Set(seen).size, seen.length);
    assert.equal((await call('GET', '/api/v1/app?limit=0')).status, 422);
    assert.equal((await call('GET', '/api/v1/app?limit=251')).status, 422);
    assert.equal((await call('GET', '/api/v1/app?limit=abc')).status, 422);
  });

  test('event types: CRUD, JSON Schema checked on write, archive', async () => {
    const schema = { type: 'object', required: ['amount'], properties: { amount: { type: 'integer' } } };
    const created = await call('POST', '/api/v1/event-type', { name: 'invoice.paid', description: 'Paid', schema, example: { amount: 5 } });
    assert.equal(created.status, 201);
    assert.deepEqual(created.body.schema, schema);
    assert.equal((await call('POST', '/api/v1/event-type', { name: 'invoice.paid' })).status, 409);
    const bad = await call('POST', '/api/v1/event-type', { name: 'bad.schema', schema: { type: 'nonsense' } });
    assert.equal(bad.status, 422);
    assert.match(bad.body.detail, /not a usable JSON Schema/);
    assert.equal((await call('GET', '/api/v1/event-type/bad.schema')).status, 404);
    assert.equal((await call('POST', '/api/v1/event-type', { name: 'has space' })).status, 422);
    const archived = await call('PATCH', '/api/v1/event-type/invoice.paid', { archived: true });
    assert.equal(archived.body.archived, true);
    const listed = await call('GET', '/api/v1/event-type');
    assert.ok(!listed.body.data.some((e: { name: string }) => e.name === 'invoice.paid'));
    const all = await call('GET', '/api/v1/event-type?include_archived=true');
    assert.ok(all.body.data.some((e: { name: string }) => e.name === 'invoice.paid'));
    assert.equal((await call('DELETE', '/api/v1/event-type/invoice.paid')).status, 204);
  });

  test('endpoints: defaults, secret shown once then masked, update, disable, delete', async () => {
    const app = (await call('POST', '/api/v1/app', { name: 'ep-app' })).body;
    const created = await call('POST', `/api/v1/app/${app.id}/endpoint`, { url: 'http://127.0.0.1:9/hook' });
    assert.equal(created.status, 201);
    const ep = created.body;
    assert.match(ep.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    assert.equal(Buffer.from(ep.secret.slice(6), 'base64').length, 32);
    assert.equal(ep.timeout_seconds, 15);
    assert.equal(ep.max_in_flight, 10);
    assert.equal(ep.status, 'enabled');
    assert.equal(ep.filter_types, null);
    const fetched = await call('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}`);
    assert.equal(fetched.body.secret, `whsec_****…${ep.secret.slice(-4)}`);
    const listed = await call('GET', `/api/v1/app/${app.id}/endpoint`);
    assert.ok(!JSON.stringify(listed.body).includes(ep.secret));

    const patched = await call('PATCH', `/api/v1/app/${app.id}/endpoint/${ep.id}`, {
      timeout_seconds: 30,
      max_in_flight: 3,
      filter_types: ['a.b'],
      headers: { 'X-Team': 'core' },
      retry_schedule: [0, 1],
      disabled: true,
    });
    assert.equal(patched.status, 200);
    assert.equal(patched.body.timeout_seconds, 30);
    assert.equal(patched.body.status, 'disabled');
    assert.equal(patched.body.disabled_reason, 'manual');
    assert.deepEqual(patched.body.headers, { 'X-Team': 'core' });
    const enabled = await call('PATCH', `/api/v1/app/${app.id}/endpoint/${ep.id}`, { disabled: false });
    assert.equal(enabled.body.status, 'enabled');
    assert.equal(enabled.body.disabled_reason, null);
    assert.equal((await call('DELETE', `/api/v1/app/${app.id}/endpoint/${ep.id}`)).status, 204);
    assert.equal((await call('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}`)).status, 404);
  });

  test('endpoints accept a caller-supplied whsec_ secret', async () => {
    const app = (await call('POST', '/api/v1/app', { name: 'byo' })).body;
    const secret = 'whsec_' + Buffer.alloc(32, 1).toString('base64');
    const created = await call('POST', `/api/v1/app/${app.id}/endpoint`, { url: 'http://127.0.0.1:9/x', secret });
    assert.equal(created.body.secret, secret);
    const bad = await call('POST', `/api/v1/app/${app.id}/endpoint`, { url: 'http://127.0.0.1:9/x', secret: 'plain' });
    assert.equal(bad.status, 422);
  });

  test('endpoint input is validated: URLs, live https-only, ranges, reserved headers, unknown fields', async () => {
    const app = (await call('POST', '/api/v1/app', { name: 'validation' })).body;
    const liveApp = (await h.call('POST', '/api/v1/app', { token: live, body: { name: 'live' } })).body;
    const cases: [unknown, string][] = [
      [{ url: 'not a url' }, 'body.url'],
      [{ url: 'ftp://example.com/x' }, 'body.url'],
      [{ url: 'http://example.com/x#frag' }, 'body.url'],
      [{ url: 'http://127.0.0.1:9/x', timeout_seconds: 0 }, 'body.timeout_seconds'],
      [{ url: 'http://127.0.0.1:9/x', timeout_seconds: 31 }, 'body.timeout_seconds'],
      [{ url: 'http://127.0.0.1:9/x', timeout_seconds: '10' }, 'body.timeout_seconds'],
      [{ url: 'http://127.0.0.1:9/x', max_in_flight: 0 }, 'body.max_in_flight'],
      [{ url: 'http://127.0.0.1:9/x', retry_schedule: [] }, 'body.retry_schedule'],
      [{ url: 'http://127.0.0.1:9/x', headers: { 'webhook-signature': 'x' } }, 'body.headers.webhook-signature'],
      [{ url: 'http://127.0.0.1:9/x', headers: { 'Content-Type': 'text/plain' } }, 'body.headers.Content-Type'],
      [{ url: 'http://127.0.0.1:9/x', colour: 'red' }, 'body.colour'],
      [{}, 'body.url'],
    ];
    for (const [body, field] of cases) {
      const res = await call('POST', `/api/v1/app/${app.id}/endpoint`, body);
      assert.equal(res.status, 422, `${JSON.stringify(body)} → ${res.status}`);
      assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), `${JSON.stringify(body)}: ${JSON.stringify(res.body.errors)}`);
    }
    const httpLive = await h.call('POST', `/api/v1/app/${liveApp.id}/endpoint`, { token: live, body: { url: 'http://example.com/hook' } });
    assert.equal(httpLive.status, 422);
    assert.match(httpLive.body.detail, /https/);
    const httpsLive = await h.call('POST', `/api/v1/app/${liveApp.id}/endpoint`, { token: live, body: { url: 'https://example.com/hook' } });
    assert.equal(httpsLive.status, 201);
    const patchLive = await h.call('PATCH', `/api/v1/app/${liveApp.id}/endpoint/${httpsLive.body.id}`, { token: live, body: { url: 'http://example.com/x' } });
    assert.equal(patchLive.status, 422);
    assert.equal((await call('GET', `/api/v1/app/${app.id}/endpoint`)).body.data.length, 0, 'no endpoint was written by a rejected request');
  });
});
