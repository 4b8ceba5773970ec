import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Webhook } from '@herald/webhooks';
import { createAppAndEndpoint, createTenant, isProblem, rowCounts, startHerald, startReceiver, TEST_STORE, waitFor, type Receiver, type TestHerald } from './helpers.js';

describe(`per-message headers (${TEST_STORE})`, () => {
  let h: TestHerald;
  let rx: Receiver;
  let key: string;
  let appId: string;
  let secret: string;
  before(async () => {
    h = await startHerald();
    rx = await startReceiver();
    key = (await createTenant(h)).test;
    ({ appId, secret } = await createAppAndEndpoint(h, key, `${rx.url}/hook`, { headers: { 'X-Team': 'payments', 'X-Region': 'eu' } }));
  });
  after(async () => {
    await rx.close();
    await h.close();
  });

  const publish = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'order.paid', payload: { n: 1 }, ...body }, headers });

  test("a publish's headers go out with each delivery, over the endpoint's, and the signature still verifies", async () => {
    const res = await publish({ payload: { n: 1 }, headers: { 'x-region': 'us', 'X-Correlation-Id': 'corr-42', Authorization: 'Bearer per-message' } });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    assert.deepEqual(res.body.headers, { 'x-region': 'us', 'X-Correlation-Id': 'corr-42', Authorization: '********' });
    const got = await waitFor(() => rx.received.find((r) => r.headers['webhook-id'] === res.body.id));
    assert.equal(got.headers['x-correlation-id'], 'corr-42');
    assert.equal(got.headers['x-region'], 'us', "the message's value wins over the endpoint's");
    assert.equal(got.headers['x-team'], 'payments');
    assert.equal(got.headers.authorization, 'Bearer per-message');
    assert.doesNotThrow(() => new Webhook(secret).verify(got.body, got.headers as Record<string, string>));
    // Read back and in the attempt log, the credential is masked.
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/msg/${res.body.id}`, { token: key })).body.headers.Authorization, '********');
    const delivery = (await h.call('GET', `/api/v1/app/${appId}/msg/${res.body.id}/delivery`, { token: key })).body.data[0];
    const attempts = await waitFor(async () => {
      const list = (await h.call('GET', `/api/v1/app/${appId}/delivery/${delivery.id}/attempt`, { token: key })).body.data;
      return list?.length ? list : null;
    });
    assert.equal(attempts[0].request_headers.Authorization ?? attempts[0].request_headers.authorization, '********');
    assert.ok(!JSON.stringify(attempts).includes('per-message'));
  });

  test('a message without headers reads back {} and gets the endpoint headers only', async () => {
    const res = await publish({ payload: { n: 2 } });
    assert.deepEqual(res.body.headers, {});
    const got = await waitFor(() => rx.received.find((r) => r.headers['webhook-id'] === res.body.id));
    assert.equal(got.headers['x-region'], 'eu');
    assert.equal(got.headers['x-correlation-id'], undefined);
  });

  test('signature, framing and malformed headers are refused with 422 and nothing is written', async () => {
    const before = await rowCounts(h);
    for (const [headers, field] of [
      [{ 'webhook-signature': 'v1,forged' }, 'body.headers.webhook-signature'],
      [{ 'Content-Type': 'text/plain' }, 'body.headers.Content-Type'],
      [{ Host: 'evil.example' }, 'body.headers.Host'],
      [{ 'X-A': '1', 'x-a': '2' }, 'body.headers.x-a'],
    ] as const) {
      const res = await publish({ headers });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.ok(isProblem(res));
      assert.equal(res.body.errors[0].field, field);
    }
    for (const headers of [{ 'Bad Name': 'x' }, { 'X-Line': 'a\r\nInjected: yes' }, { 'X-N': 5 }, Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`X-${i}`, 'v']))]) {
      const res = await publish({ headers });
      assert.equal(res.status, 422, JSON.stringify(headers));
    }
    const batch = await h.call('POST', `/api/v1/app/${appId}/msg/batch`, { token: key, body: { messages: [{ type: 'a.b', payload: {}, headers: { 'svix-id': 'x' } }] } });
    assert.equal(batch.body.data[0].status, 422);
    assert.deepEqual(await rowCounts(h), before);
  });

  test('the headers are part of what an Idempotency-Key replays', async () => {
    const first = await publish({ headers: { 'X-Run': '1' } }, { 'idempotency-key': 'hdr-1' });
    const again = await publish({ headers: { 'X-Run': '1' } }, { 'idempotency-key': 'hdr-1' });
    assert.equal(again.body.id, first.body.id);
    const changed = await publish({ headers: { 'X-Run': '2' } }, { 'idempotency-key': 'hdr-1' });
    assert.equal(changed.status, 422);
  });
});
