import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

/** A receiver that counts how many requests it holds open at once. */
async function concurrencyReceiver(respond: (res: ServerResponse) => void) {
  let open = 0;
  let peak = 0;
  const rx = await startReceiver((_r, res) => {
    open++;
    peak = Math.max(peak, open);
    res.on('close', () => open--);
    respond(res);
  });
  return { rx, peak: () => peak };
}

describe('fairness and isolation', () => {
  let h: TestHerald;
  let key: string;
  const receivers: Receiver[] = [];
  before(async () => {
    // A small global cap makes the test meaningful: FIFO scheduling would let the hanging
    // endpoint's backlog fill it.
    h = await startHerald({ delivery: { maxConcurrency: 20 } });
    key = (await createTenant(h)).test;
  });
  after(async () => {
    for (const rx of receivers) await rx.close();
    await h.close();
  });

  test('one endpoint hanging until its timeout does not delay nine healthy endpoints', async (t) => {
    const appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'fair' } })).body.id;
    const hanging = await concurrencyReceiver(() => {
      /* never answers */
    });
    receivers.push(hanging.rx);
    // Generous, so a slow shared machine cannot blur the point: healthy work is done long before.
    const timeoutSeconds = 10;
    const hangEp = (await h.call('POST', `/api/v1/app/${appId}/endpoint`, {
      token: key,
      body: { url: `${hanging.rx.url}/hang`, timeout_seconds: timeoutSeconds, filter_types: ['hang'], retry_schedule: [0, 3600] },
    })).body;
    const healthy: Receiver[] = [];
    for (let i = 0; i < 9; i++) {
      const rx = await startReceiver();
      receivers.push(rx);
      healthy.push(rx);
      await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}/ok`, filter_types: ['work'] } });
    }
    const perType = 60;
    const started = Date.now();
    // The hanging endpoint's whole backlog is published first, ahead of the healthy work.
    const publishAll = (type: string) =>
      Promise.all(Array.from({ length: perType }, (_, i) => h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type, payload: { i } } })));
    await publishAll('hang');
    await publishAll('work');

    await waitFor(() => healthy.every((rx) => rx.received.length === perType), { timeoutMs: 15_000, what: 'all healthy deliveries' });
    const lastHealthy = Math.max(...healthy.flatMap((rx) => rx.received.map((r) => r.at)));
    const firstHang = Math.min(...hanging.rx.received.map((r) => r.at));
    const healthyDoneAfter = lastHealthy - started;
    t.diagnostic(`healthy: ${9 * perType} deliveries done ${healthyDoneAfter} ms after the first publish; hanging endpoint's first timeout at ${firstHang + timeoutSeconds * 1000 - started} ms`);
    assert.ok(
      lastHealthy < firstHang + timeoutSeconds * 1000,
      `all ${9 * perType} healthy deliveries took ${healthyDoneAfter} ms; the hanging endpoint's first timeout is at ${firstHang + timeoutSeconds * 1000 - started} ms`,
    );
    // The hanging endpoint never got more than its own share.
    assert.equal(hanging.peak(), 10);
    const attempts = await h.call('GET', `/api/v1/app/${appId}/attempt?endpoint_id=${hangEp.id}`, { token: key });
    assert.equal(attempts.body.data.length, 0, 'no hanging attempt had finished when the healthy work was done');
  });

  test("an endpoint's max in flight caps concurrent requests to it", async () => {
    const appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'cap' } })).body.id;
    const slow = await concurrencyReceiver((res) => setTimeout(() => res.writeHead(200).end(), 50));
    receivers.push(slow.rx);
    await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${slow.rx.url}/slow`, max_in_flight: 3 } });
    for (let i = 0; i < 30; i++) await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'cap', payload: { i } } });
    await waitFor(() => slow.rx.received.length === 30, { what: '30 deliveries' });
    assert.equal(slow.peak(), 3);
  });
});
