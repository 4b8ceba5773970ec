import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenant, isProblem, rowCounts, startHerald, startReceiver, TEST_STORE, waitFor, type Received, type Receiver, type TestHerald } from './helpers.js';

describe(`ordered delivery (${TEST_STORE})`, () => {
  let h: TestHerald;
  let rx: Receiver;
  let key: string;
  let appId: string;
  /** What each request's payload says, per path, in arrival order. */
  const arrivals = (path: string) => rx.received.filter((r) => r.path === path).map((r) => JSON.parse(r.body).data as { key: string; n: number });
  /** Paths the receiver answers 500 to, per "key:n". */
  const failing = new Set<string>();
  let peakPerKey = 0;
  const openPerKey = new Map<string, number>();

  before(async () => {
    h = await startHerald();
    rx = await startReceiver((r: Received, res) => {
      const data = JSON.parse(r.body).data as { key?: string; n?: number };
      const k = `${r.path}|${data.key}`;
      openPerKey.set(k, (openPerKey.get(k) ?? 0) + 1);
      peakPerKey = Math.max(peakPerKey, openPerKey.get(k)!);
      // Decided on arrival: a test may stop failing a delivery while this request is open.
      const status = failing.has(`${data.key}:${data.n}`) ? 500 : 204;
      setTimeout(() => {
        openPerKey.set(k, openPerKey.get(k)! - 1);
        res.writeHead(status).end();
      }, 5);
    });
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'ordered' } })).body.id;
  });
  after(async () => {
    await rx.close();
    await h.close();
  });

  let types = 0;
  const endpoint = async (path: string, extra: Record<string, unknown>) => {
    const type = `ord.${++types}`;
    const res = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}${path}`, filter_types: [type], ordering: 'fifo', max_in_flight: 20, ...extra } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { id: res.body.id as string, type };
  };
  const publish = async (type: string, k: string | null, n: number) => {
    const res = await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type, payload: { key: k ?? 'none', n }, ...(k ? { ordering_key: k } : {}) } });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    return res.body as { id: string; ordering_key: string | null };
  };
  const deliveryOf = async (msgId: string) => (await h.call('GET', `/api/v1/app/${appId}/msg/${msgId}/delivery`, { token: key })).body.data[0];

  test('one delivery at a time per key, in publish order; keys do not wait for each other', async () => {
    const ep = await endpoint('/fifo', {});
    // Each key's messages one after another (that is its publish order); the keys side by side.
    await Promise.all(['a', 'b', 'c'].map(async (k) => {
      for (let n = 0; n < 30; n++) await publish(ep.type, k, n);
    }));
    await waitFor(() => arrivals('/fifo').length >= 90, { what: '90 deliveries' });
    for (const k of ['a', 'b', 'c']) assert.deepEqual(arrivals('/fifo').filter((a) => a.key === k).map((a) => a.n), Array.from({ length: 30 }, (_, i) => i), `key ${k}`);
    assert.equal(peakPerKey, 1, 'never two of one key in flight');
    const one = await publish(ep.type, 'c', 30);
    assert.equal(one.ordering_key, 'c');
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/msg/${one.id}`, { token: key })).body.ordering_key, 'c');
  });

  test('a failing head holds its line through its retries; other keys go on; then "continue" moves past it', async () => {
    const ep = await endpoint('/continue', { retry_schedule: [0, 0.3, 0.3] });
    failing.add('x:0');
    await publish(ep.type, 'x', 0);
    await publish(ep.type, 'x', 1);
    await publish(ep.type, 'y', 0);
    await waitFor(() => arrivals('/continue').some((a) => a.key === 'y'), { what: 'key y' });
    // y went while x's head was retrying; x:1 waits behind it.
    assert.ok(!arrivals('/continue').some((a) => a.key === 'x' && a.n === 1));
    await waitFor(() => arrivals('/continue').some((a) => a.key === 'x' && a.n === 1), { what: 'x:1 after x:0 failed for good' });
    assert.deepEqual(arrivals('/continue').filter((a) => a.key === 'x').map((a) => a.n), [0, 0, 0, 1], 'three attempts of x:0, then x:1');
    failing.delete('x:0');
  });

  test('"pause": a head that failed for good stops its line until it is retried', async () => {
    const ep = await endpoint('/pause', { retry_schedule: [0, 0.2], ordering_failure: 'pause' });
    failing.add('p:0');
    const head = await publish(ep.type, 'p', 0);
    await publish(ep.type, 'p', 1);
    await publish(ep.type, 'q', 0);
    await waitFor(async () => (await deliveryOf(head.id)).status === 'failed', { what: 'the head to fail for good' });
    await new Promise((r) => setTimeout(r, 400));
    assert.deepEqual(arrivals('/pause').map((a) => `${a.key}:${a.n}`).sort(), ['p:0', 'p:0', 'q:0']);
    failing.delete('p:0');
    const retried = await h.call('POST', `/api/v1/app/${appId}/delivery/${(await deliveryOf(head.id)).id}/retry`, { token: key });
    assert.equal(retried.status, 202, JSON.stringify(retried.body));
    await waitFor(() => arrivals('/pause').some((a) => a.key === 'p' && a.n === 1), { what: 'p:1 after the retry' });
    assert.deepEqual(arrivals('/pause').filter((a) => a.key === 'p').map((a) => a.n), [0, 0, 0, 1]);
  });

  test('a resend joins the back of its line: what is waiting keeps its order', async () => {
    const ep = await endpoint('/resend', { retry_schedule: [0, 0.5, 0.5] });
    const first = await publish(ep.type, 'r', 0);
    await waitFor(() => arrivals('/resend').length === 1, { what: 'r:0' });
    // r:1 fails twice while r:2 and r:3 wait behind it; r:0 is resent meanwhile.
    failing.add('r:1');
    await publish(ep.type, 'r', 1);
    await publish(ep.type, 'r', 2);
    await publish(ep.type, 'r', 3);
    await waitFor(() => arrivals('/resend').filter((a) => a.n === 1).length === 1, { what: 'the first try of r:1' });
    const resent = await h.call('POST', `/api/v1/app/${appId}/msg/${first.id}/endpoint/${ep.id}/resend`, { token: key });
    assert.equal(resent.status, 202, JSON.stringify(resent.body));
    failing.delete('r:1');
    await waitFor(() => arrivals('/resend').length >= 6, { what: 'every delivery' });
    assert.deepEqual(arrivals('/resend').map((a) => a.n), [0, 1, 1, 2, 3, 0]);
  });

  test('without an ordering key, the endpoint has one line; unordered endpoints are not held', async () => {
    const ep = await endpoint('/single', {});
    const unordered = await endpoint('/free', { ordering: 'unordered' });
    for (let n = 0; n < 10; n++) {
      await publish(ep.type, null, n);
      await publish(unordered.type, null, n);
    }
    await waitFor(() => arrivals('/single').length === 10 && arrivals('/free').length === 10, { what: 'both endpoints' });
    assert.deepEqual(arrivals('/single').map((a) => a.n), Array.from({ length: 10 }, (_, i) => i));
  });

  test('switching to fifo puts waiting deliveries in line by publish order; bad settings are a 422', async () => {
    // Unordered and failing: five deliveries wait an hour for their retry.
    const ep = await endpoint('/nowhere', { ordering: 'unordered', retry_schedule: [0, 3600] });
    await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${ep.id}`, { token: key, body: { url: 'http://127.0.0.1:9/closed' } });
    const ids: string[] = [];
    for (let n = 0; n < 5; n++) ids.push((await publish(ep.type, 's', n)).id);
    await waitFor(async () => (await Promise.all(ids.map(deliveryOf))).every((d) => d.attempt_count === 1), { what: 'a failed attempt each' });
    const patched = await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${ep.id}`, { token: key, body: { ordering: 'fifo', url: `${rx.url}/switch` } });
    assert.equal(patched.body.ordering, 'fifo');
    // Retried newest first, they still go out oldest first.
    for (const id of [...ids].reverse()) await h.call('POST', `/api/v1/app/${appId}/delivery/${(await deliveryOf(id)).id}/retry`, { token: key });
    await waitFor(() => arrivals('/switch').length === 5, { what: 'the five waiting' });
    assert.deepEqual(arrivals('/switch').map((a) => a.n), [0, 1, 2, 3, 4]);

    const before = await rowCounts(h);
    for (const body of [{ ordering: 'lifo' }, { ordering_failure: 'skip' }, { ordering: 'fifo', ordering_failure: 3 }]) {
      const res = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}/bad`, ...body } });
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.ok(isProblem(res));
    }
    for (const ordering_key of ['', 'has space', 'x'.repeat(257), 42]) {
      const res = await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: ep.type, payload: {}, ordering_key } });
      assert.equal(res.status, 422, JSON.stringify(ordering_key));
    }
    assert.deepEqual(await rowCounts(h), before);
  });
});
