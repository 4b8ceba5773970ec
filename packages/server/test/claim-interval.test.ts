import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { loadConfig } from '../src/index.js';
import { createAppAndEndpoint, createTenant, startHerald, startReceiver, waitFor, type Receiver, type TestHerald } from './helpers.js';

// HERALD_CLAIM_INTERVAL_MS: the least time between the starts of two claims that did not come back full.
const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers) await close();
});

test('HERALD_CLAIM_INTERVAL_MS: 10 ms on PostgreSQL, none on SQLite, settable, non-integers refused', () => {
  assert.equal(loadConfig({}).delivery.claimIntervalMs, 0);
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/herald' }).delivery.claimIntervalMs, 10);
  assert.equal(loadConfig({ HERALD_CLAIM_INTERVAL_MS: '250' }).delivery.claimIntervalMs, 250);
  assert.throws(() => loadConfig({ HERALD_CLAIM_INTERVAL_MS: 'soon' }), /HERALD_CLAIM_INTERVAL_MS must be a non-negative integer/);
  assert.throws(() => loadConfig({ HERALD_CLAIM_INTERVAL_MS: '-5' }), /HERALD_CLAIM_INTERVAL_MS/);
});

test('HERALD_PUBLISH_HANDOFF: on unless "false"; anything but true/false refused', () => {
  assert.equal(loadConfig({}).delivery.publishHandoff, true);
  assert.equal(loadConfig({ HERALD_PUBLISH_HANDOFF: 'false' }).delivery.publishHandoff, false);
  assert.equal(loadConfig({ HERALD_PUBLISH_HANDOFF: 'true' }).delivery.publishHandoff, true);
  assert.throws(() => loadConfig({ HERALD_PUBLISH_HANDOFF: 'no' }), /HERALD_PUBLISH_HANDOFF must be true or false/);
});

test('a wake-up does not cut the interval short: a message published right after a claim waits for the next one', async () => {
  const intervalMs = 600;
  // Without the publish hand-off (which skips claims altogether; see handoff.test.ts).
  const h: TestHerald = await startHerald({ delivery: { ...loadConfig({}).delivery, pollIntervalMs: 50, claimIntervalMs: intervalMs, publishHandoff: false } });
  const rx: Receiver = await startReceiver();
  closers.push(() => rx.close(), () => h.close());
  const key = (await createTenant(h)).test;
  const { appId } = await createAppAndEndpoint(h, key, `${rx.url}/hook`);
  const publish = (n: number) => h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type: 'interval.test', payload: { n } } });

  const firstPublished = Date.now();
  assert.equal((await publish(1)).status, 202);
  await waitFor(() => rx.received.length === 1);
  assert.equal((await publish(2)).status, 202);
  await waitFor(() => rx.received.length === 2);
  // The claim that found message 1 started after it was published; the one that found message 2
  // is a later claim, so it started at least one interval after that. A lower bound: slowness cannot break it.
  const secondArrived = Date.now();
  assert.ok(secondArrived - firstPublished >= intervalMs, `message 2 arrived ${secondArrived - firstPublished} ms after message 1 was published`);
  assert.deepEqual(rx.received.map((r) => JSON.parse(r.body).data.n), [1, 2]);
});
