import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HeraldClient } from '../../webhooks/src/client.js';
import { createTenant, isProblem, rowCounts, startHerald, type TestHerald } from './helpers.js';

describe('bulk publish and group commit', () => {
  let h: TestHerald;
  let key: string;
  let appId: string;
  const eps: Record<string, string> = {};
  before(async () => {
    // Deliveries go to a closed port with a long retry, so rows stay put while we inspect them.
    h = await startHerald();
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'bulk' } })).body.id;
    for (const [name, extra] of [['all', {}], ['orders', { filter_types: ['order.created'] }]] as const) {
      const res = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `http://127.0.0.1:9/${name}`, retry_schedule: [3600], ...extra } });
      eps[name] = res.body.id;
    }
    await h.call('POST', '/api/v1/event-type', { token: key, body: { name: 'order.created', schema: { type: 'object', required: ['order_id'], properties: { order_id: { type: 'string' } } } } });
    await h.call('POST', '/api/v1/event-type', { token: key, body: { name: 'old.kind' } });
    await h.call('PATCH', '/api/v1/event-type/old.kind', { token: key, body: { archived: true } });
  });
  after(async () => h.close());

  // What a publish writes (attempts at the closed port keep being recorded meanwhile).
  const written = async () => {
    const counts = await rowCounts(h);
    return { messages: counts.messages!, deliveries: counts.deliveries!, idempotency_keys: counts.idempotency_keys! };
  };
  const batch = (messages: unknown[]) => h.call('POST', `/api/v1/app/${appId}/msg/batch`, { token: key, body: { messages } });
  const deliveriesOf = async (msgId: string) =>
    (await h.call('GET', `/api/v1/app/${appId}/msg/${msgId}/delivery`, { token: key })).body.data.map((d: { endpoint_id: string }) => d.endpoint_id).sort();

  test('a result per message, in order: accepted ones stored with their deliveries, refused ones with their problem', async () => {
    const before = await written();
    const res = await batch([
      { type: 'order.created', payload: { order_id: 'b1' } },
      { type: 'order.created', payload: { nope: true } },
      { type: 'user.signed_up', payload: { user: 1 }, id: 'evt-bulk-1' },
      { type: 'old.kind', payload: {} },
      { type: 'user.signed_up', payload: { user: 2 }, idempotency_key: 'bulk-key-1' },
    ]);
    assert.equal(res.status, 200);
    const [a, b, c, d, e] = res.body.data;
    assert.equal(a.status, 202);
    assert.match(a.message.id, /^msg_/);
    assert.deepEqual(await deliveriesOf(a.message.id), [eps.all, eps.orders].sort());
    assert.equal(b.status, 422);
    assert.equal(b.message, undefined);
    assert.deepEqual(b.problem.errors.map((x: { field: string }) => x.field), ['body.payload.order_id']);
    assert.equal(c.status, 202);
    assert.equal(c.message.event_id, 'evt-bulk-1');
    assert.deepEqual(await deliveriesOf(c.message.id), [eps.all]);
    assert.equal(d.status, 422);
    assert.match(d.problem.detail, /archived/);
    assert.equal(e.status, 202);
    assert.equal(e.replayed, false);
    const after = await written();
    assert.equal(after.messages - before.messages, 3);
    assert.equal(after.deliveries - before.deliveries, 4);

    // Sent again: the event id and the idempotency key replay the originals; nothing new is stored.
    const again = await batch([
      { type: 'user.signed_up', payload: { user: 1 }, id: 'evt-bulk-1' },
      { type: 'user.signed_up', payload: { user: 2 }, idempotency_key: 'bulk-key-1' },
      { type: 'user.signed_up', payload: { user: 99 }, idempotency_key: 'bulk-key-1' },
    ]);
    assert.deepEqual(again.body.data.map((r: { status: number }) => r.status), [202, 202, 422]);
    assert.equal(again.body.data[0].message.id, c.message.id);
    assert.equal(again.body.data[0].replayed, true);
    assert.equal(again.body.data[1].message.id, e.message.id);
    assert.equal(again.body.data[1].replayed, true);
    assert.equal(again.body.data[2].problem.title, 'Idempotency Key Reused');
    assert.deepEqual(await written(), after);
  });

  test('repeats within one batch: the second use of an event id or key replays the first', async () => {
    const res = await batch([
      { type: 't', payload: { n: 1 }, id: 'evt-twice' },
      { type: 't', payload: { n: 1 }, id: 'evt-twice' },
      { type: 't', payload: { n: 2 }, idempotency_key: 'twice' },
      { type: 't', payload: { n: 2 }, idempotency_key: 'twice' },
      { type: 't', payload: { n: 3 }, idempotency_key: 'twice' },
    ]);
    const [a, b, c, d, e] = res.body.data;
    assert.equal(b.message.id, a.message.id);
    assert.equal(b.replayed, true);
    assert.equal(d.message.id, c.message.id);
    assert.equal(d.replayed, true);
    assert.equal(e.status, 422);
    assert.deepEqual(await deliveriesOf(a.message.id), [eps.all]);
  });

  test('concurrent single publishes share commits and each keeps its own outcome', async () => {
    const before = await written();
    // Odd i: order.created, whose schema i % 7 === 3 breaks; i = 0, 20, 40: the same request under one Idempotency-Key.
    const one = (i: number) =>
      [0, 20, 40].includes(i)
        ? h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'x', payload: { same: true } }, headers: { 'idempotency-key': 'race-a' } })
        : h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: i % 2 ? 'order.created' : 'x', payload: i % 7 === 3 ? { bad: 1 } : { order_id: `c${i}` } } });
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => one(i)));
    const broken = Array.from({ length: 60 }, (_, i) => i).filter((i) => i % 2 === 1 && i % 7 === 3);
    results.forEach((r, i) => {
      assert.equal(r.status, broken.includes(i) ? 422 : 202, `publish ${i}`);
      if (r.status === 422) assert.ok(isProblem(r));
    });
    const keyed = [0, 20, 40].map((i) => results[i]!.body.id);
    assert.equal(new Set(keyed).size, 1);
    assert.equal([0, 20, 40].filter((i) => results[i]!.headers['idempotent-replayed'] === 'true').length, 2);
    const after = await written();
    assert.equal(after.messages - before.messages, 60 - broken.length - 2);
    // order.created reaches both endpoints, x only the unfiltered one.
    const odd = results.filter((r, i) => r.status === 202 && i % 2 === 1).length;
    assert.equal(after.deliveries - before.deliveries, odd * 2 + (60 - broken.length - 2 - odd));
  });

  test('the SDK client publishes a batch over HTTP and reads each result', async () => {
    const client = new HeraldClient({ baseUrl: h.url, token: key });
    const out = await client.publishBatch(appId, [
      { type: 'order.created', payload: { order_id: 'sdk-1' }, idempotency_key: 'sdk-1' },
      { type: 'order.created', payload: {} },
    ]);
    assert.equal(out.data[0]!.status, 202);
    assert.deepEqual(await deliveriesOf(out.data[0]!.message!.id), [eps.all, eps.orders].sort());
    assert.equal(out.data[1]!.status, 422);
    assert.equal(out.data[1]!.problem!.status, 422);
  });

  test('bad bulk input: 4xx problem and nothing written', async () => {
    const other = await createTenant(h, 'Other');
    const before = await written();
    const cases: [unknown, number][] = [
      [{ messages: [] }, 422],
      [{ messages: Array.from({ length: 101 }, () => ({ type: 't', payload: 1 })) }, 422],
      [{ messages: [{ type: 'bad type!', payload: 1 }] }, 422],
      [{ messages: [{ type: 't', payload: 1, extra: true }] }, 422],
      [{ messages: [{ type: 't', payload: 1, idempotency_key: '' }] }, 422],
      [{ messages: 'nope' }, 422],
      [{}, 422],
    ];
    for (const [body, status] of cases) {
      const res = await h.call('POST', `/api/v1/app/${appId}/msg/batch`, { token: key, body });
      assert.equal(res.status, status, JSON.stringify(body).slice(0, 80));
      assert.ok(isProblem(res));
    }
    const malformed = await h.call('POST', `/api/v1/app/${appId}/msg/batch`, { token: key, rawBody: '{"messages": [' });
    assert.equal(malformed.status, 400);
    const foreign = await h.call('POST', `/api/v1/app/${appId}/msg/batch`, { token: other.test, body: { messages: [{ type: 't', payload: 1 }] } });
    assert.equal(foreign.status, 404);
    assert.deepEqual(await written(), before);
  });
});

describe('bulk publish spends the publish rate limit per message', () => {
  let h: TestHerald;
  before(async () => {
    h = await startHerald({ limits: { publish_per_second: 50 } });
  });
  after(async () => h.close());

  test('a batch that would pass the per-second budget is refused whole with 429', async () => {
    const key = (await createTenant(h)).test;
    const appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'rl' } })).body.id;
    const before = await rowCounts(h);
    const messages = Array.from({ length: 60 }, (_, i) => ({ type: 't', payload: { i } }));
    const res = await h.call('POST', `/api/v1/app/${appId}/msg/batch`, { token: key, body: { messages } });
    assert.equal(res.status, 429);
    assert.ok(isProblem(res));
    assert.ok(Number(res.headers['retry-after']) >= 1);
    assert.deepEqual(await rowCounts(h), before);
  });
});
