import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { decideNext, parseRetryAfter } from '../src/delivery/retry.js';
import { createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

const base = { scheduleIndex: 0, schedule: [0, 60, 300, 1800, 7200], ok: false, status: 500, retryAfterSeconds: null, now: 1_000_000, jitter: 0.2, maxRetryAfterSeconds: 3600 };

describe('retry policy (pure)', () => {
  test('the default schedule walks 1 min, 5 min, 30 min, 2 h with at most ±20 % jitter, then fails', () => {
    const expected = [60, 300, 1800, 7200];
    for (let i = 0; i < 4; i++) {
      for (const r of [0, 0.5, 0.999999]) {
        const next = decideNext({ ...base, scheduleIndex: i, random: () => r });
        assert.equal(next.status, 'pending');
        assert.equal(next.schedule_index, i + 1);
        const delay = (next.next_attempt_at! - base.now) / 1000;
        assert.ok(delay >= expected[i]! * 0.8 - 0.001 && delay <= expected[i]! * 1.2 + 0.001, `attempt ${i + 2}: ${delay}s`);
      }
    }
    assert.deepEqual(decideNext({ ...base, scheduleIndex: 4 }), { status: 'failed', next_attempt_at: null, schedule_index: 4, disable_endpoint: null });
  });

  test('success ends the delivery; 410 fails it and disables the endpoint', () => {
    assert.equal(decideNext({ ...base, ok: true, status: 200 }).status, 'succeeded');
    const gone = decideNext({ ...base, status: 410 });
    assert.equal(gone.status, 'failed');
    assert.equal(gone.disable_endpoint, 'gone');
  });

  test('Retry-After lengthens the wait, but only up to the bound, and never shortens it', () => {
    const longer = decideNext({ ...base, status: 429, retryAfterSeconds: 600, random: () => 0.5 });
    assert.equal(longer.next_attempt_at! - base.now, 600_000);
    const bounded = decideNext({ ...base, status: 503, retryAfterSeconds: 999_999, random: () => 0.5 });
    assert.equal(bounded.next_attempt_at! - base.now, 3_600_000);
    const shorter = decideNext({ ...base, status: 429, retryAfterSeconds: 1, random: () => 0.5 });
    assert.equal(shorter.next_attempt_at! - base.now, 60_000);
  });

  test('parses Retry-After as seconds or an HTTP date', () => {
    assert.equal(parseRetryAfter('120', 0), 120);
    assert.equal(parseRetryAfter(new Date(30_000).toUTCString(), 0), 30);
    assert.equal(parseRetryAfter('soon', 0), null);
    assert.equal(parseRetryAfter(undefined, 0), null);
  });
});

describe('retries end to end', () => {
  let h: TestHerald;
  let key: string;
  let rx: Receiver;
  before(async () => {
    h = await startHerald();
    key = (await createTenant(h)).test;
    rx = await startReceiver();
  });
  after(async () => {
    await rx.close();
    await h.close();
  });

  async function setup(path: string, endpoint: Record<string, unknown>, app: Record<string, unknown> = {}) {
    const appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: path, ...app } })).body.id;
    const ep = (await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `${rx.url}${path}`, ...endpoint } })).body;
    const msg = (await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'retry.test', payload: { path } } })).body;
    const delivery = async () => (await h.call('GET', `/api/v1/app/${appId}/msg/${msg.id}/delivery`, { token: key })).body.data[0];
    const attempts = async () => (await h.call('GET', `/api/v1/app/${appId}/attempt?limit=250`, { token: key })).body.data.reverse();
    return { appId, ep, msg, delivery, attempts };
  }
  const hits = (path: string) => rx.received.filter((r) => r.path === path);

  test('a receiver that keeps failing gets every scheduled attempt, then the delivery is failed', async () => {
    rx.handler = (r, res) => void res.writeHead(r.path === '/always-500' ? 500 : 204).end();
    const { delivery, attempts } = await setup('/always-500', { retry_schedule: [0, 0.2, 0.2] });
    const final = await waitFor(async () => ((await delivery()).status === 'failed' ? delivery() : null));
    assert.equal(final.attempt_count, 3);
    assert.equal(final.last_status_code, 500);
    assert.equal(hits('/always-500').length, 3);
    const log = await attempts();
    assert.deepEqual(log.map((a: { attempt_number: number }) => a.attempt_number), [1, 2, 3]);
    const gaps = [1, 2].map((i) => Date.parse(log[i].created_at) - Date.parse(log[i - 1].created_at));
    assert.ok(gaps.every((g) => g >= 150), `gaps ${gaps}`);
    // Same message id on every attempt so receivers can dedupe; fresh timestamps per attempt are allowed.
    assert.equal(new Set(hits('/always-500').map((r) => r.headers['webhook-id'])).size, 1);
  });

  test('a receiver that recovers gets the delivery on a later attempt', async () => {
    let calls = 0;
    rx.handler = (r, res) => void res.writeHead(r.path === '/flaky' && ++calls < 3 ? 503 : 200).end();
    const { delivery } = await setup('/flaky', { retry_schedule: [0, 0.1, 0.1, 0.1] });
    const final = await waitFor(async () => ((await delivery()).status === 'succeeded' ? delivery() : null));
    assert.equal(final.attempt_count, 3);
  });

  test("the application's schedule applies when the endpoint has none", async () => {
    rx.handler = (r, res) => void res.writeHead(r.path === '/app-schedule' ? 500 : 204).end();
    const { delivery } = await setup('/app-schedule', {}, { retry_schedule: [0, 0.1] });
    const final = await waitFor(async () => ((await delivery()).status === 'failed' ? delivery() : null));
    assert.equal(final.attempt_count, 2);
  });

  test('Retry-After from the receiver delays the next attempt', async () => {
    rx.handler = (r, res) => void (hits('/slow-down').length === 1 ? res.writeHead(429, { 'retry-after': '1' }).end() : res.writeHead(200).end());
    const { delivery } = await setup('/slow-down', { retry_schedule: [0, 0.05] });
    await waitFor(async () => (await delivery()).status === 'succeeded', { timeoutMs: 5000 });
    const [first, second] = hits('/slow-down');
    assert.ok(second!.at - first!.at >= 950, `retried after ${second!.at - first!.at} ms`);
  });

  test('410 Gone fails the delivery and disables the endpoint; later messages skip it', async () => {
    rx.handler = (r, res) => void res.writeHead(r.path === '/gone' ? 410 : 204).end();
    const { appId, ep, delivery } = await setup('/gone', { retry_schedule: [0, 0.1, 0.1] });
    const final = await waitFor(async () => ((await delivery()).status === 'failed' ? delivery() : null));
    assert.equal(final.attempt_count, 1);
    const after = (await h.call('GET', `/api/v1/app/${appId}/endpoint/${ep.id}`, { token: key })).body;
    assert.equal(after.status, 'disabled');
    assert.equal(after.disabled_reason, 'gone');
    const next = (await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'retry.test', payload: {} } })).body;
    assert.equal((await h.call('GET', `/api/v1/app/${appId}/msg/${next.id}/delivery`, { token: key })).body.data.length, 0);
  });
});
