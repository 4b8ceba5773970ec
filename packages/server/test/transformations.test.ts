import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook } from '@herald/webhooks';
import { createTenant, isProblem, rowCounts, startHerald, startReceiver, TEST_STORE, waitFor, type Receiver, type TestHerald } from './helpers.js';

describe(`transformations (${TEST_STORE})`, () => {
  let h: TestHerald;
  let rx: Receiver;
  let key: string;
  let appId: string;
  before(async () => {
    h = await startHerald();
    rx = await startReceiver();
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'transform' } })).body.id;
  });
  after(async () => {
    await rx.close();
    await h.close();
  });

  let n = 0;
  const endpoint = async (path: string, transformation: string, extra: Record<string, unknown> = {}) => {
    const res = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}${path}`, filter_types: [`t.${++n}`], retry_schedule: [3600], transformation, ...extra } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return { id: res.body.id as string, secret: res.body.secret as string, type: `t.${n}` };
  };
  /** Publishes one message of the endpoint's own type and returns its delivery and first attempt. */
  const deliver = async (ep: { id: string; type: string }, payload: unknown) => {
    const msg = (await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: ep.type, payload } })).body;
    const delivery = (await h.call('GET', `/api/v1/app/${appId}/msg/${msg.id}/delivery`, { token: key })).body.data[0];
    const attempt = await waitFor(async () => (await h.call('GET', `/api/v1/app/${appId}/delivery/${delivery.id}/attempt`, { token: key })).body.data[0], { what: 'an attempt' });
    const after = (await h.call('GET', `/api/v1/app/${appId}/delivery/${delivery.id}`, { token: key })).body;
    return { msg, attempt, delivery: after };
  };

  test('the handler rewrites payload, URL and headers; the receiver gets the result, signed', async () => {
    const ep = await endpoint(
      '/original',
      `function handler(webhook) {
         webhook.payload = { kind: webhook.eventType, cents: webhook.payload.amount * 100, currency: webhook.payload.currency.toLowerCase() };
         webhook.url = webhook.url.replace('/original', '/rewritten');
         webhook.headers['X-Amount-Band'] = webhook.payload.cents >= 1000 ? 'high' : 'low';
         return webhook;
       }`,
      { headers: { 'X-Team': 'billing', Authorization: 'Bearer kept-secret' } },
    );
    const { attempt } = await deliver(ep, { amount: 12, currency: 'EUR' });
    assert.equal(attempt.status, 'succeeded', JSON.stringify(attempt));
    const got = rx.received.find((r) => r.path === '/rewritten')!;
    assert.ok(got, 'sent to the rewritten URL');
    assert.deepEqual(JSON.parse(got.body).data, { kind: ep.type, cents: 1200, currency: 'eur' });
    assert.equal(got.headers['x-amount-band'], 'high');
    assert.equal(got.headers['x-team'], 'billing');
    // The handler saw the credential masked and passed it on unchanged: the real value goes out.
    assert.equal(got.headers.authorization, 'Bearer kept-secret');
    assert.doesNotThrow(() => new Webhook(ep.secret).verify(got.body, got.headers as Record<string, string>));
    assert.ok(!rx.received.some((r) => r.path === '/original'));
  });

  test('cancel: nothing is sent and the delivery ends discarded, without retries', async () => {
    const ep = await endpoint('/cancel', 'function handler(webhook) { if (webhook.payload.test) webhook.cancel = true; return webhook; }');
    const before = rx.received.length;
    const { attempt, delivery } = await deliver(ep, { test: true });
    assert.equal(delivery.status, 'discarded');
    assert.equal(attempt.error_class, 'transformation');
    assert.match(attempt.error_message, /Cancelled/);
    assert.equal(rx.received.length, before);
    const sent = await deliver(ep, { test: false });
    assert.equal(sent.delivery.status, 'succeeded');
  });

  test('a busy loop, a 1 GB allocation, a stack overflow or a throw fail only their own attempt, class "transformation"', async () => {
    const plain = await endpoint('/plain', 'function handler(w) { return w; }');
    const cases: [string, RegExp][] = [
      ['function handler(w) { for (;;) {} }', /ran longer than 50 ms/],
      ['function handler(w) { w.payload = new Uint8Array(1024 * 1024 * 1024).length; return w; }', /used more than 16 MB/],
      ['function handler(w) { const a = []; for (let i = 0; i < 1e6; i++) a.push(String(i).repeat(1e5)); return w; }', /used more than 16 MB|ran longer/],
      ['function f() { return f(); } function handler(w) { return f(); }', /stack overflow/],
      ['function handler(w) { throw new Error("nope"); }', /threw Error: nope \(line 1\)/],
      ['function handler(w) { return 42; }', /must return the webhook object/],
      ['function handler(w) { w.url = "http://169.254.169.254/latest/meta-data"; return w; }', /transformed url points at a private/],
      ['function handler(w) { w.headers["webhook-signature"] = "v1,forged"; return w; }', /webhook-signature is set by Herald/],
    ];
    for (const [code, why] of cases) {
      const ep = await endpoint('/never', code, { retry_schedule: [0, 3600] });
      const { attempt, delivery } = await deliver(ep, { amount: 1 });
      assert.equal(attempt.error_class, 'transformation', code);
      assert.match(attempt.error_message, why, code);
      assert.equal(delivery.status, 'pending', 'a failed transformation is retried like any failed attempt');
      // Deliveries without the failing code keep going meanwhile.
      assert.equal((await deliver(plain, { amount: 2 })).attempt.status, 'succeeded');
    }
    assert.ok(!rx.received.some((r) => r.path === '/never'));
  });

  test("a verification challenge is not run through the endpoint's transformation", async () => {
    const ep = await endpoint('/challenge', 'function handler(w) { w.cancel = true; return w; }');
    const res = await h.call('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/verify`, { token: key });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.response.error_class, null);
    const got = rx.received.find((r) => r.path === '/challenge')!;
    assert.ok(got, 'the challenge reached the receiver');
    assert.match(got.body, /"challenge"/);
  });

  test('the sandbox has no host: no require, process, fetch, timers or I/O', async () => {
    const ep = await endpoint('/host', 'function handler(w) { w.payload = [typeof require, typeof process, typeof fetch, typeof setTimeout, typeof XMLHttpRequest, typeof WebAssembly, typeof std, typeof os]; return w; }');
    await deliver(ep, {});
    const got = rx.received.find((r) => r.path === '/host')!;
    assert.deepEqual(JSON.parse(got.body).data, Array(8).fill('undefined'));
  });

  test('code that does not compile or defines no handler is refused at save with 422; nothing is written', async () => {
    const before = await rowCounts(h);
    for (const [code, why] of [
      ['function handler(w) { return w', /SyntaxError/],
      ['const handle = (w) => w', /must define function handler/],
      ['for (;;) {}', /ran longer than/],
      ['x'.repeat(70_000), /./],
    ] as const) {
      const res = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}/bad`, transformation: code } });
      assert.equal(res.status, 422, code.slice(0, 40));
      assert.ok(isProblem(res));
      assert.equal(res.body.errors[0].field, 'body.transformation');
      assert.match(JSON.stringify(res.body.errors), why);
    }
    assert.deepEqual(await rowCounts(h), before);
  });

  test('try it: the endpoint runs code on a sample with its URL and headers, sending nothing', async () => {
    const ep = await endpoint('/try', 'function handler(w) { w.payload.seen = true; return w; }', { headers: { 'X-Api-Key': 'real-key' } });
    const before = rx.received.length;
    const apply = (body: Record<string, unknown>) => h.call('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/transformation/apply`, { token: key, body });
    const saved = await apply({ type: 'order.paid', payload: { id: 1 } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual(saved.body.webhook, { payload: { id: 1, seen: true }, url: `${rx.url}/try`, headers: { 'X-Api-Key': '********' } });
    const draft = await apply({ type: 'order.paid', payload: { id: 2 }, code: 'function handler(w) { w.cancel = w.eventType === "order.paid"; return w; }' });
    assert.equal(draft.body.cancelled, true);
    const broken = await apply({ type: 'x', payload: {}, code: 'function handler(w) { while (true) {} }' });
    assert.deepEqual([broken.body.ok, broken.body.webhook], [false, null]);
    assert.match(broken.body.error, /ran longer than 50 ms/);
    assert.equal(rx.received.length, before);
    // Another tenant's key cannot reach this endpoint.
    const other = (await createTenant(h, 'Other')).test;
    assert.equal((await h.call('POST', `/api/v1/app/${appId}/endpoint/${ep.id}/transformation/apply`, { token: other, body: { type: 'x', payload: {} } })).status, 404);
    assert.equal((await apply({ type: 'x' })).status, 422);
  });
});
