import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { HANDOFF_MAX } from '../src/delivery/dispatcher.js';
import { createAppAndEndpoint, createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

// The SQLite store hands a publish's deliveries straight to the dispatcher of the same process,
// stored already leased, when a claim made then would take them. Here the claim loop is held
// back (it claims at start, then not again for 30 s), so whatever arrives within a test's few
// seconds came by hand-off, and whatever a claim would have had to wait for stays pending.
describe('publish hand-off to the delivering process (SQLite)', () => {
  let h: TestHerald;
  let key: string;
  const receivers: Receiver[] = [];
  const held: ServerResponse[] = [];
  before(async () => {
    h = await startHerald({ delivery: { claimIntervalMs: 30_000, maxConcurrency: 50 } });
    key = (await createTenant(h)).test;
  });
  after(async () => {
    for (const res of held) res.writeHead(200).end();
    for (const rx of receivers) await rx.close();
    await h.close();
  });

  const publish = async (appId: string, i: number, type = 'order.created') => {
    const res = await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type, payload: { i } } });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return res.body.id as string;
  };
  const statuses = async (appId: string) => {
    const res = await h.call('GET', `/api/v1/app/${appId}/delivery?limit=100`, { token: key });
    return (res.body.data as { message_id: string; status: string }[]).reduce<Record<string, string>>((m, d) => ({ ...m, [d.message_id]: d.status }), {});
  };
  const holdingReceiver = async () => {
    const rx = await startReceiver((_r, res) => void held.push(res));
    receivers.push(rx);
    return rx;
  };

  test('a published message is sent at once, without waiting for a claim', async () => {
    const rx = await startReceiver();
    receivers.push(rx);
    const { appId } = await createAppAndEndpoint(h, key, `${rx.url}/hook`);
    const id = await publish(appId, 1);
    await waitFor(() => rx.received.length === 1, { timeoutMs: 5000, what: 'the handed-off delivery' });
    assert.equal(JSON.parse(rx.received[0]!.body).data.i, 1);
    await waitFor(async () => (await statuses(appId))[id] === 'succeeded', { what: 'the attempt recorded' });
  });

  test("an endpoint's max in flight caps the hand-off; the rest waits as pending", async () => {
    const rx = await holdingReceiver();
    const { appId } = await createAppAndEndpoint(h, key, `${rx.url}/slow`, { max_in_flight: 2 });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await publish(appId, i));
    await waitFor(() => rx.received.length === 2, { timeoutMs: 5000, what: 'two requests open' });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(rx.received.length, 2, 'no more than max_in_flight were handed off');
    const s = await statuses(appId);
    assert.deepEqual(ids.map((id) => s[id]), ['delivering', 'delivering', 'pending', 'pending', 'pending']);
  });

  test('a new delivery never overtakes an older one still due at its endpoint', async () => {
    const rx = await holdingReceiver();
    const { appId } = await createAppAndEndpoint(h, key, `${rx.url}/one-at-a-time`, { max_in_flight: 1 });
    const first = await publish(appId, 1);
    await waitFor(() => rx.received.length === 1, { timeoutMs: 5000, what: 'the first request' });
    const second = await publish(appId, 2); // the endpoint is full: stays pending
    held.splice(held.length - 1, 1)[0]!.writeHead(200).end();
    await waitFor(async () => (await statuses(appId))[first] === 'succeeded', { what: 'the first attempt recorded' });
    // The endpoint has room again, but the second message is older and still due.
    const third = await publish(appId, 3);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(rx.received.length, 1);
    const s = await statuses(appId);
    assert.deepEqual([s[second], s[third]], ['pending', 'pending']);
  });

  test("an endpoint's rate limit caps the hand-off", async () => {
    const rx = await startReceiver();
    receivers.push(rx);
    const { appId } = await createAppAndEndpoint(h, key, `${rx.url}/limited`, { rate_limit_per_second: 2 });
    const ids = [];
    ids.push(...(await Promise.all([0, 1, 2, 3].map((i) => publish(appId, i)))));
    await waitFor(() => rx.received.length === 2, { timeoutMs: 5000, what: 'two deliveries' });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(rx.received.length, 2);
    const s = await statuses(appId);
    assert.equal(ids.filter((id) => s[id] === 'pending').length, 2);
  });

  test(`one publish takes at most ${HANDOFF_MAX} deliveries; a wider fan-out's rest is claimed`, async () => {
    const rx = await holdingReceiver();
    const appId = await fanOutApp(h, rx, HANDOFF_MAX + 4);
    await publish(appId, 0, 'fan');
    await waitFor(() => rx.received.length === HANDOFF_MAX, { timeoutMs: 5000, what: `${HANDOFF_MAX} requests open` });
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(rx.received.length, HANDOFF_MAX);
    const pending = await h.call('GET', `/api/v1/app/${appId}/delivery?status=pending&limit=100`, { token: key });
    assert.equal(pending.body.data.length, 4);
  });

  test("the process's concurrency cap bounds the hand-off", async () => {
    const small = await startHerald({ delivery: { claimIntervalMs: 30_000, maxConcurrency: 5 } });
    try {
      const rx = await holdingReceiver();
      const smallKey = (await createTenant(small)).test;
      const appId = await fanOutApp(small, rx, 8, smallKey);
      const res = await small.call('POST', `/api/v1/app/${appId}/msg`, { token: smallKey, body: { type: 'fan', payload: {} } });
      assert.equal(res.status, 202);
      await waitFor(() => rx.received.length === 5, { timeoutMs: 5000, what: 'five requests open' });
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(rx.received.length, 5);
      assert.equal(small.herald.dispatcher!.inFlight(), 5);
    } finally {
      for (const res of held.splice(0)) res.writeHead(200).end();
      await small.close();
    }
  });

  /** An application with `n` endpoints on `rx`, all subscribed to type `fan`. */
  async function fanOutApp(on: TestHerald, rx: Receiver, n: number, token = key): Promise<string> {
    const app = await on.call('POST', '/api/v1/app', { token, body: { name: 'wide' } });
    for (let e = 0; e < n; e++) {
      const ep = await on.call('POST', `/api/v1/app/${app.body.id}/endpoint`, { token, body: { url: `${rx.url}/ep${e}`, filter_types: ['fan'] } });
      assert.equal(ep.status, 201);
    }
    return app.body.id;
  }
});
