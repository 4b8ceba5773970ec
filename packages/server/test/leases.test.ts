import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import type { AttemptOutcome, ClaimedDelivery, Scope, Store } from '../src/store/types.js';
import { createTestDatabase, seedStoreEndpoint } from './helpers.js';

/**
 * The store operations behind "a live attempt is never taken back": lease renewal, the reaper
 * honouring it, attempt numbers that stay unique when a lease was lost anyway, and a pause
 * (back-pressure) that keeps an endpoint out of claims. Both dialects, real databases.
 */
const scope: Scope = { tenant_id: 'ten_l', environment: 'test' };
const dir = mkdtempSync(join(tmpdir(), 'herald-leases-'));
const pgDb = await createTestDatabase();
const stores: [string, Store][] = [
  ['sqlite', openSqliteStore(join(dir, 'herald.sqlite'))],
  ['postgres', await openPostgresStore(pgDb.url)],
];
after(async () => {
  for (const [, s] of stores) await s.close();
  await pgDb.drop();
  rmSync(dir, { recursive: true, force: true });
});

const outcome = (d: ClaimedDelivery, owner: string, id: string, extra: Partial<AttemptOutcome> = {}): AttemptOutcome => ({
  delivery: d,
  owner,
  next: { status: 'pending', next_attempt_at: 0, schedule_index: 1 },
  disable_endpoint: null,
  attempt: { id, status: 'failed', url: 'http://127.0.0.1:9/', request_headers: {}, response_status: 500, response_headers: {}, response_body: '', error_class: 'http_status', error_message: 'x', duration_ms: 1, created_at: Date.now() },
  ...extra,
});

for (const [dialect, store] of stores) {
  describe(`leases and pauses (${dialect})`, () => {
    let seq = 0;
    async function publishOne(appId: string): Promise<void> {
      const id = `msg_${dialect}_${++seq}`;
      await store.publish(scope, { id, app_id: appId, event_type: 'e', event_id: null, payload: '{}', now: Date.now(), idempotency: null });
    }

    test('a renewed lease is not reaped; another owner cannot renew it; a lost lease still numbers its attempt', async () => {
      const { appId } = await seedStoreEndpoint(store, scope, `l${dialect}`);
      await publishOne(appId);
      const now = Date.now();
      const [d] = (await store.claimDue({ now, owner: 'w1', limit: 10, leaseGraceMs: 100 })).deliveries;
      assert.ok(d);
      // The lease is timeout (5 s) + 100 ms; renewed to a minute from now.
      assert.equal(await store.extendLeases('w2', [d.id], now + 60_000), 0, "another owner's renewal changes nothing");
      assert.equal(await store.extendLeases('w1', [d.id], now + 60_000), 1);
      assert.equal(await store.extendLeases('w1', [d.id], now + 1000), 1, 'never shortened (the row matches, the time stays)');
      assert.equal(await store.releaseExpiredLeases(now + 10_000), 0, 'a renewed lease outlives its first expiry');
      assert.equal(await store.releaseExpiredLeases(now + 61_000), 1, 'a lease nobody renews is taken back');

      // w1's lease is gone and w2 claims the delivery; both attempts are recorded with distinct numbers.
      const [again] = (await store.claimDue({ now: now + 61_000, owner: 'w2', limit: 10, leaseGraceMs: 100 })).deliveries;
      assert.equal(again?.id, d.id);
      await store.recordOutcomes([outcome(d, 'w1', `atmpt_${dialect}_a`)], Date.now(), { autoDisableAfterMs: 1e12 });
      await store.recordOutcomes([outcome(again!, 'w2', `atmpt_${dialect}_b`)], Date.now(), { autoDisableAfterMs: 1e12 });
      const attempts = (await store.listAttempts(scope, appId, {}, { limit: 10 })).data.map((a) => [a.id, a.attempt_number]).sort();
      assert.deepEqual(attempts, [[`atmpt_${dialect}_a`, 1], [`atmpt_${dialect}_b`, 2]]);
    });

    test('a paused endpoint is not claimed for until its pause ends', async () => {
      const { appId, endpointId } = await seedStoreEndpoint(store, { ...scope, tenant_id: `ten_p${dialect}` }, `p${dialect}`);
      const pscope = { ...scope, tenant_id: `ten_p${dialect}` };
      await store.publish(pscope, { id: `msg_p${dialect}_1`, app_id: appId, event_type: 'e', event_id: null, payload: '{}', now: Date.now(), idempotency: null });
      const now = Date.now();
      const claimed = (await store.claimDue({ now, owner: 'w1', limit: 10, leaseGraceMs: 100 })).deliveries.filter((d) => d.endpoint_id === endpointId);
      assert.equal(claimed.length, 1);
      await store.recordOutcomes([outcome(claimed[0]!, 'w1', `atmpt_p${dialect}`, { throttle: { until: now + 30_000, reason: 'rate_limited' } })], now, { autoDisableAfterMs: 1e12 });
      // Published after the pause began: it waits too.
      await store.publish(pscope, { id: `msg_p${dialect}_2`, app_id: appId, event_type: 'e', event_id: null, payload: '{}', now: Date.now(), idempotency: null });
      const ep = await store.getEndpoint(pscope, appId, endpointId);
      assert.equal(ep?.throttled_until, now + 30_000);
      assert.equal(ep?.throttle_reason, 'rate_limited');
      const during = (await store.claimDue({ now: now + 1000, owner: 'w1', limit: 10, leaseGraceMs: 100 })).deliveries.filter((d) => d.endpoint_id === endpointId);
      assert.equal(during.length, 0, 'nothing claimed while paused');
      const afterwards = (await store.claimDue({ now: now + 31_000, owner: 'w1', limit: 10, leaseGraceMs: 100 })).deliveries.filter((d) => d.endpoint_id === endpointId);
      assert.equal(afterwards.length, 2, 'both claimed once the pause is over');
    });
  });
}
