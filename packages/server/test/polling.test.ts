import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook } from '@herald/webhooks';
import { createTenant, startHerald, type TestHerald } from './helpers.js';

describe('polling fallback: GET …/endpoint/{ep}/events', () => {
  let h: TestHerald;
  let key: string;
  let other: string;
  before(async () => {
    h = await startHerald();
    key = (await createTenant(h)).test;
    other = (await createTenant(h, 'Other')).test;
  });
  after(async () => h.close());
  const api = (method: string, path: string, body?: unknown, token = key) => h.call(method, path, { token, ...(body !== undefined ? { body } : {}) });

  test('lists what a down endpoint should have received, in publish order, resumable by cursor', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'poll', preset: 'kyc' })).body;
    // The endpoint is down: deliveries fail, and polling is how the receiver catches up.
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: 'http://127.0.0.1:9/down', retry_schedule: [0], filter_types: ['kyc.session.created', 'kyc.session.processed'] })).body;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await api('POST', `/api/v1/app/${app.id}/msg`, { type: i % 2 ? 'kyc.session.created' : 'kyc.session.processed', payload: { i } })).body.id);
    await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'kyc.watchlist.match_found', payload: {} }); // not subscribed

    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const res: { status: number; body: { data: { cursor: string; message: { id: string; payload: { i: number } } }[]; cursor: string | null; done: boolean } } = await api(
        'GET',
        `/api/v1/app/${app.id}/endpoint/${ep.id}/events?limit=2${after ? `&after=${after}` : ''}`,
      );
      assert.equal(res.status, 200);
      seen.push(...res.body.data.map((d) => d.message.id));
      after = res.body.cursor;
      if (res.body.done) break;
    }
    assert.deepEqual(seen, ids, 'every subscribed message once, oldest first');
    const empty = await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}/events?after=${after}`);
    assert.deepEqual(empty.body.data, []);
    assert.equal(empty.body.cursor, after, 'an empty page keeps the cursor');
    const future = await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}/events?since=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    assert.equal(future.body.data.length, 0);
  });

  test('signed=true carries the exact request Herald would send, verifiable with the endpoint secret', async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'signed' })).body;
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: 'http://127.0.0.1:9/down', retry_schedule: [0] })).body;
    const msg = (await api('POST', `/api/v1/app/${app.id}/msg`, { type: 'x.y', payload: { hello: 'world' } })).body;
    const res = await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}/events?signed=true`);
    const [item] = res.body.data;
    assert.equal(item.message.id, msg.id);
    const event = await new Webhook(ep.secret).verify(item.request.body, item.request.headers);
    assert.deepEqual(event, { type: 'x.y', timestamp: msg.created_at, data: { hello: 'world' } });
    const unsigned = await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}/events`);
    assert.equal(unsigned.body.data[0].request, undefined);
  });

  test("bad input is 4xx and another tenant's endpoint is 404", async () => {
    const app = (await api('POST', '/api/v1/app', { name: 'poll-errors' })).body;
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: 'http://127.0.0.1:9/x' })).body;
    assert.equal((await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}/events?limit=0`)).status, 422);
    assert.equal((await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}/events?since=yesterday`)).status, 422);
    assert.equal((await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}/events?cursor=x`)).status, 422);
    assert.equal((await api('GET', `/api/v1/app/${app.id}/endpoint/${ep.id}/events`, undefined, other)).status, 404);
    assert.equal((await api('GET', `/api/v1/app/${app.id}/endpoint/ep_missing/events`)).status, 404);
  });
});
