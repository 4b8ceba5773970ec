import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

/** The most requests that arrived within any `windowMs`. */
function peakPerWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= windowMs) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

describe('rate limits and backlogs', () => {
  let h: TestHerald;
  let key: string;
  const receivers: Receiver[] = [];
  before(async () => {
    h = await startHerald();
    key = (await createTenant(h)).test;
  });
  after(async () => {
    for (const r of receivers) await r.close();
    await h.close();
  });
  const api = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });
  const publishMany = (appId: string, type: string, n: number) =>
    Promise.all(Array.from({ length: n }, (_, i) => api('POST', `/api/v1/app/${appId}/msg`, { type, payload: { i } })));

  test('an endpoint rate limit spreads deliveries over one-second windows', async () => {
    const rx = await startReceiver();
    receivers.push(rx);
    const app = (await api('POST', '/api/v1/app', { name: 'rate' })).body;
    const ep = (await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/rate`, rate_limit_per_second: 20, max_in_flight: 50 })).body;
    assert.equal(ep.rate_limit_per_second, 20);
    await publishMany(app.id, 'r', 60);
    await waitFor(() => rx.received.length === 60, { timeoutMs: 15_000 });
    const times = rx.received.map((r) => r.at);
    const span = Math.max(...times) - Math.min(...times);
    // 60 at 20/s in fixed one-second windows: at least three windows, so at least two seconds apart end to end.
    assert.ok(span >= 1800, `60 deliveries took only ${span} ms at 20/s`);
    assert.ok(peakPerWindow(times, 1000) <= 40, `more than two windows' worth within one second: ${peakPerWindow(times, 1000)}`);
    assert.equal((await api('PATCH', `/api/v1/app/${app.id}/endpoint/${ep.id}`, { rate_limit_per_second: 0 })).status, 422);
    assert.equal((await api('PATCH', `/api/v1/app/${app.id}/endpoint/${ep.id}`, { rate_limit_per_second: null })).body.rate_limit_per_second, null);
  });

  test('a down endpoint builds a backlog without slowing others, then drains within its limits', async () => {
    let down = true;
    let open = 0;
    let peak = 0;
    const flaky = await startReceiver((_r, res) => {
      if (down) return void res.writeHead(503).end();
      open++;
      peak = Math.max(peak, open);
      setTimeout(() => {
        open--;
        res.writeHead(200).end();
      }, 5);
    });
    const healthy = await startReceiver();
    receivers.push(flaky, healthy);
    const app = (await api('POST', '/api/v1/app', { name: 'backlog' })).body;
    await api('POST', `/api/v1/app/${app.id}/endpoint`, {
      url: `${flaky.url}/down`, filter_types: ['a'], max_in_flight: 4, rate_limit_per_second: 50, retry_schedule: [0, ...Array(19).fill(0.3)],
    });
    await api('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${healthy.url}/up`, filter_types: ['b'] });
    const started = Date.now();
    await Promise.all([publishMany(app.id, 'a', 150), publishMany(app.id, 'b', 100)]);
    await waitFor(() => healthy.received.length === 100, { timeoutMs: 15_000 });
    const healthyDone = Date.now() - started;
    const backlog = (await api('GET', `/api/v1/app/${app.id}/delivery?status=pending&limit=250`)).body.data.length;
    assert.ok(backlog >= 140, `the down endpoint should hold a backlog, has ${backlog} pending`);

    down = false;
    const recovered = Date.now();
    const before = flaky.received.length;
    await waitFor(async () => (await api('GET', `/api/v1/app/${app.id}/delivery?status=succeeded&limit=250`)).body.data.length === 250, { timeoutMs: 20_000 });
    const drained = flaky.received.slice(before).filter((r) => r.at >= recovered).map((r) => r.at);
    // One-second windows: 150 at 50/s need at least three windows, the first of which may have
    // opened just before recovery, so at least one second from recovery; and never more than
    // two windows' worth (100) inside any one second.
    const span = Math.max(...drained) - recovered;
    assert.ok(span >= 1000, `150 backlogged deliveries at 50/s drained in ${span} ms`);
    assert.ok(peakPerWindow(drained, 1000) <= 100, `${peakPerWindow(drained, 1000)} within one second at 50/s`);
    assert.ok(peak <= 4, `max_in_flight 4, saw ${peak}`);
    assert.ok(healthyDone < 5000, `healthy deliveries took ${healthyDone} ms while the other endpoint was down`);
  });
});
