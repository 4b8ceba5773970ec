import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenant, startHerald, type TestHerald } from './helpers.js';

describe('publish', () => {
  let h: TestHerald;
  let key: string;
  let appId: string;
  const eps: Record<string, string> = {};
  before(async () => {
    // Deliveries go to a closed port with a long retry, so rows stay put while we inspect them.
    h = await startHerald({ bodyLimit: 64 * 1024 });
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'pub' } })).body.id;
    const mk = async (name: string, extra: Record<string, unknown>) => {
      const res = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `http://127.0.0.1:9/${name}`, retry_schedule: [3600], ...extra } });
      eps[name] = res.body.id;
    };
    await mk('all', {});
    await mk('orders', { filter_types: ['order.created'] });
    await mk('off', { disabled: true });
    await h.call('POST', '/api/v1/event-type', {
      token: key,
      body: { name: 'order.created', schema: { type: 'object', required: ['order_id'], properties: { order_id: { type: 'string' }, total: { type: 'number' } } } },
    });
  });
  after(async () => h.close());

  const publish = (body: unknown, headers: Record<string, string> = {}) => h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body, headers });
  const messageCount = async () => (await h.call('GET', `/api/v1/app/${appId}/msg?limit=250`, { token: key })).body.data.length;
  const deliveriesOf = async (msgId: string) => (await h.call('GET', `/api/v1/app/${appId}/msg/${msgId}/delivery`, { token: key })).body.data;

  test('stores the message and one delivery per subscribed, enabled endpoint; answers 202 with the id', async () => {
    const res = await publish({ type: 'order.created', payload: { order_id: 'o1', total: 9.5 } });
    assert.equal(res.status, 202);
    assert.match(res.body.id, /^msg_/);
    assert.deepEqual(res.body.payload, { order_id: 'o1', total: 9.5 });
    const got = await h.call('GET', `/api/v1/app/${appId}/msg/${res.body.id}`, { token: key });
    assert.deepEqual(got.body, res.body);
    const targets = (await deliveriesOf(res.body.id)).map((d: { endpoint_id: string }) => d.endpoint_id).sort();
    assert.deepEqual(targets, [eps.all, eps.orders].sort());

    const other = await publish({ type: 'user.signed_up', payload: { user: 1 } });
    assert.deepEqual((await deliveriesOf(other.body.id)).map((d: { endpoint_id: string }) => d.endpoint_id), [eps.all]);
  });

  test('a payload that breaks the event type schema is refused with the schema errors, and nothing is written', async () => {
    const before = await messageCount();
    const res = await publish({ type: 'order.created', payload: { total: 'ten' } });
    assert.equal(res.status, 422);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    assert.deepEqual(fields, ['body.payload.order_id', 'body.payload.total']);
    assert.equal(await messageCount(), before);
  });

  test('Idempotency-Key: the same request returns the original response and creates nothing', async () => {
    const body = { type: 'user.signed_up', payload: { user: 2 } };
    const first = await publish(body, { 'idempotency-key': 'signup-2' });
    const count = await messageCount();
    const again = await publish(body, { 'idempotency-key': 'signup-2' });
    assert.equal(again.status, 202);
    assert.deepEqual(again.body, first.body);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(await messageCount(), count);
    assert.equal((await deliveriesOf(first.body.id)).length, 1);
    const changed = await publish({ ...body, payload: { user: 3 } }, { 'idempotency-key': 'signup-2' });
    assert.equal(changed.status, 422);
    assert.match(changed.body.detail, /different request/);
    assert.equal(await messageCount(), count);
  });

  test('concurrent duplicates over real HTTP create exactly one message', async () => {
    const count = await messageCount();
    const send = () =>
      fetch(`${h.url}/api/v1/app/${appId}/msg`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'race-1' },
        body: JSON.stringify({ type: 'race', payload: { n: 1 } }),
      }).then(async (r) => ({ status: r.status, body: await r.json() }));
    const results = await Promise.all(Array.from({ length: 20 }, send));
    assert.ok(results.every((r) => r.status === 202));
    assert.equal(new Set(results.map((r) => r.body.id)).size, 1);
    assert.equal(await messageCount(), count + 1);
  });

  test('a client-supplied event id is the webhook id and dedupes publishes', async () => {
    const first = await publish({ type: 'evt.custom', id: 'evt_abc123', payload: { a: 1 } });
    assert.equal(first.body.event_id, 'evt_abc123');
    const count = await messageCount();
    const again = await publish({ type: 'evt.custom', id: 'evt_abc123', payload: { a: 1 } });
    assert.equal(again.body.id, first.body.id);
    assert.equal(await messageCount(), count);
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/msg/evt_abc123`, { token: key })).body.id, first.body.id);
  });

  test('bad input gets a 4xx problem and writes nothing', async () => {
    const before = await messageCount();
    const raw = (rawBody: string, headers: Record<string, string> = {}) =>
      h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, rawBody, headers });
    const malformed = await raw('{"type": "a", "payload": ');
    assert.equal(malformed.status, 400);
    assert.match(malformed.body.detail, /not valid JSON/);
    assert.equal(malformed.headers['content-type'], 'application/problem+json; charset=utf-8');
    const wrongMedia = await raw('type=a', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(wrongMedia.status, 415);
    const tooBig = await publish({ type: 'big', payload: { blob: 'x'.repeat(70 * 1024) } });
    assert.equal(tooBig.status, 413);
    const cases: [unknown, string][] = [
      [{ type: 5, payload: {} }, 'body.type'],
      [{ payload: {} }, 'body.type'],
      [{ type: 'a' }, 'body.payload'],
      [{ type: 'a', payload: {}, extra: true }, 'body.extra'],
      [{ type: 'has spaces', payload: {} }, 'body.type'],
      [{ type: 'a', payload: {}, id: '' }, 'body.id'],
    ];
    for (const [body, field] of cases) {
      const res = await publish(body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.ok(res.body.errors.some((e: { field: string }) => e.field === field), `${JSON.stringify(body)} → ${JSON.stringify(res.body.errors)}`);
    }
    const badKey = await publish({ type: 'a', payload: {} }, { 'idempotency-key': 'x'.repeat(300) });
    assert.equal(badKey.status, 422);
    assert.equal((await h.call('POST', '/api/v1/app/app_missing/msg', { token: key, body: { type: 'a', payload: {} } })).status, 404);
    assert.equal(await messageCount(), before);
  });

  test('lists messages filtered by type and time', async () => {
    const since = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await publish({ type: 'filter.me', payload: { i: 1 } });
    await publish({ type: 'filter.me', payload: { i: 2 } });
    await publish({ type: 'filter.other', payload: { i: 3 } });
    const byType = await h.call('GET', `/api/v1/app/${appId}/msg?type=filter.me`, { token: key });
    assert.deepEqual(byType.body.data.map((m: { payload: { i: number } }) => m.payload.i), [2, 1]);
    const bySince = await h.call('GET', `/api/v1/app/${appId}/msg?since=${encodeURIComponent(since)}`, { token: key });
    assert.equal(bySince.body.data.length, 3);
    const byUntil = await h.call('GET', `/api/v1/app/${appId}/msg?until=${encodeURIComponent(since)}&type=filter.me`, { token: key });
    assert.equal(byUntil.body.data.length, 0);
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/msg?since=yesterday`, { token: key })).status, 422);
  });
});
