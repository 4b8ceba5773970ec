import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from '../src/store/postgres/index.js';
import { CLAIM_KEY } from '../src/store/protocol/claim.js';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { openThreadedSqliteStore } from '../src/store/threaded/index.js';
import type { AttemptOutcome, ClaimedDelivery, NewEndpoint, PublishInput, Scope, Store } from '../src/store/types.js';
import { createTestDatabase } from './helpers.js';

/**
 * The store contract: the same cases against every store — SQLite in this thread, SQLite on its
 * own thread (as Herald runs it) and PostgreSQL — on real databases. What one store does, the
 * others must do too: this is where a difference between dialects shows up.
 */
const dir = mkdtempSync(join(tmpdir(), 'herald-contract-'));
const pgDb = await createTestDatabase();
const stores: [string, Store][] = [
  ['sqlite', openSqliteStore(join(dir, 'plain.sqlite'))],
  ['sqlite threaded', await openThreadedSqliteStore(join(dir, 'threaded.sqlite'))],
  ['postgres', await openPostgresStore(pgDb.url)],
];
after(async () => {
  for (const [, s] of stores) await s.close();
  await pgDb.drop();
  rmSync(dir, { recursive: true, force: true });
});

const HOUR = 3600_000;
let seq = 0;
const uid = (prefix: string) => `${prefix}_${(++seq).toString().padStart(6, '0')}`;

async function tenantWithApp(store: Store): Promise<{ scope: Scope; appId: string }> {
  const now = Date.now();
  const scope: Scope = { tenant_id: uid('ten'), environment: 'test' };
  const appId = uid('app');
  await store.createTenant({ id: scope.tenant_id, name: 'contract', created_at: now }, []);
  assert.equal(
    await store.createApplication(scope, {
      id: appId, uid: null, name: 'contract', retry_schedule: null, metadata: {}, signature_scheme: 'standard', scheme_options: {}, envelope: 'herald',
      require_verification: false, default_timeout_ms: null, message_id_prefix: 'msg', encrypt_data: false, preset: null, created_at: now, updated_at: now,
    }),
    true,
  );
  return { scope, appId };
}

/** Endpoints each store's tests created, so the next test starts with nothing due (claims see every tenant). */
const created = new Map<Store, [Scope, string, string][]>();

async function isolate(store: Store): Promise<void> {
  // Deleting an endpoint discards its unfinished deliveries.
  for (const [scope, appId, id] of created.get(store) ?? []) await store.deleteEndpoint(scope, appId, id, Date.now());
  created.set(store, []);
  assert.deepEqual(await store.queueStats(), { pending: 0, delivering: 0, oldest_due_at: null });
}

const queued = async (store: Store) => {
  const { pending, delivering } = await store.queueStats();
  return { pending, delivering };
};

async function endpoint(store: Store, scope: Scope, appId: string, extra: Partial<NewEndpoint> = {}): Promise<string> {
  const now = Date.now();
  const id = uid('ep');
  if (!created.has(store)) created.set(store, []);
  created.get(store)!.push([scope, appId, id]);
  const row = await store.createEndpoint(
    scope,
    {
      id, app_id: appId, uid: null, channels: null, kind: 'webhook', channel_config: null, url: 'http://127.0.0.1:9/', description: '', status: 'enabled', disabled_reason: null,
      filter_types: null, payload_filter: null, timeout_ms: 5000, retry_schedule: null, max_in_flight: 100, rate_limit: null, headers: {}, auth: null, tls: null, transformation: null, ordering: 'unordered', ordering_failure: 'continue', metadata: {}, signature_scheme: null,
      scheme_options: null, envelope: null, encrypt_data: null, trace_propagation: false, enabled_at: now, verified_at: null, verification_error: null, created_at: now, updated_at: now,
      ...extra,
    },
    { id: uid('sec'), sealed: 'sealed', hint: 'hint', public_key: 'whpk_x' },
  );
  assert.notEqual(row, 'quota_exceeded');
  return id;
}

const message = (appId: string, extra: Partial<PublishInput> = {}): PublishInput => ({
  id: uid('msg'), app_id: appId, event_type: 'order.created', event_id: null, payload: '{"n":1}', now: Date.now(), idempotency: null, ...extra,
});

const outcome = (d: ClaimedDelivery, owner: string, ok: boolean, at: number, extra: Partial<AttemptOutcome> = {}): AttemptOutcome => ({
  delivery: d,
  owner,
  next: ok ? { status: 'succeeded', next_attempt_at: null, schedule_index: 0 } : { status: 'pending', next_attempt_at: at + HOUR, schedule_index: 1 },
  disable_endpoint: null,
  attempt: {
    id: uid('atm'), status: ok ? 'succeeded' : 'failed', url: 'http://127.0.0.1:9/', request_headers: { a: 'b' }, response_status: ok ? 200 : 500,
    response_headers: {}, response_body: 'x', error_class: ok ? null : 'http_status', error_message: ok ? null : 'HTTP 500', duration_ms: 1, created_at: at,
  },
  ...extra,
});

const claim = (store: Store, owner: string, limit: number, now = Date.now()) => store.claimDue({ now, owner, limit, leaseGraceMs: 1000 });
const countBy = (ds: ClaimedDelivery[]) => ds.reduce((m, d) => m.set(d.endpoint_id, (m.get(d.endpoint_id) ?? 0) + 1), new Map<string, number>());

for (const [name, store] of stores) {
  describe(`store contract (${name})`, () => {
    test('publish: one delivery per enabled endpoint whose filter matches', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      const all = await endpoint(store, scope, appId);
      const orders = await endpoint(store, scope, appId, { filter_types: ['order.created', 'order.paid'] });
      await endpoint(store, scope, appId, { filter_types: ['invoice.paid'] });
      await endpoint(store, scope, appId, { status: 'disabled' });
      const deleted = await endpoint(store, scope, appId);
      assert.equal(await store.deleteEndpoint(scope, appId, deleted, Date.now()), true);
      const result = await store.publish(scope, message(appId));
      assert.equal(result.kind, 'created');
      assert.equal(result.kind === 'created' && result.deliveries, 2);
      const msgId = result.kind === 'created' ? result.message.id : '';
      const page = await store.listDeliveries(scope, appId, { message_id: msgId }, { limit: 10 });
      assert.deepEqual(page.data.map((d) => d.endpoint_id).sort(), [all, orders].sort());
      assert.ok(page.data.every((d) => d.status === 'pending' && d.event_type === 'order.created'));
      // Another tenant's scope sees none of it.
      const other = await tenantWithApp(store);
      assert.equal(await store.getMessage(other.scope, appId, msgId), null);
      assert.equal((await store.listDeliveries(other.scope, appId, {}, { limit: 10 })).data.length, 0);
    });

    test('publish: an event id or idempotency key replays; a different request under the key is refused', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      await endpoint(store, scope, appId);
      const first = await store.publish(scope, message(appId, { event_id: 'evt-1' }));
      const again = await store.publish(scope, message(appId, { event_id: 'evt-1' }));
      assert.equal(again.kind, 'replayed');
      assert.equal(again.kind === 'replayed' && first.kind === 'created' && again.message.id, first.kind === 'created' && first.message.id);
      const idempotency = { key: 'k', request_hash: 'h1', window_ms: HOUR };
      const keyed = await store.publish(scope, message(appId, { idempotency }));
      assert.equal(keyed.kind, 'created');
      assert.equal((await store.publish(scope, message(appId, { idempotency }))).kind, 'replayed');
      assert.equal((await store.publish(scope, message(appId, { idempotency: { ...idempotency, request_hash: 'h2' } }))).kind, 'idempotency_mismatch');
      // After the window the key is free again.
      const later = await store.publish(scope, message(appId, { idempotency: { ...idempotency, request_hash: 'h2' }, now: Date.now() + 2 * HOUR }));
      assert.equal(later.kind, 'created');
    });

    test('publish races: concurrent duplicates of a key or an event id create one message', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      await endpoint(store, scope, appId);
      const idempotency = { key: 'race', request_hash: 'h', window_ms: HOUR };
      const byKey = await Promise.all(Array.from({ length: 8 }, () => store.publish(scope, message(appId, { idempotency }))));
      assert.equal(byKey.filter((r) => r.kind === 'created').length, 1);
      assert.equal(new Set(byKey.map((r) => r.kind !== 'idempotency_mismatch' && r.message.id)).size, 1);
      const byEvent = await Promise.all(Array.from({ length: 8 }, () => store.publish(scope, message(appId, { event_id: 'evt-race' }))));
      assert.equal(byEvent.filter((r) => r.kind === 'created').length, 1);
      assert.equal(new Set(byEvent.map((r) => r.kind !== 'idempotency_mismatch' && r.message.id)).size, 1);
      assert.equal((await store.listMessages(scope, appId, {}, { limit: 50 })).data.length, 2);
    });

    test('publish batch: an outcome per publish, in order; repeats within it replay; one failing fails alone', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      await endpoint(store, scope, appId);
      const key = (request_hash: string) => ({ key: 'batch-key', request_hash, window_ms: HOUR });
      const outcomes = await store.publishBatch(
        [
          message(appId),
          message(appId, { idempotency: key('h1') }),
          message(appId, { idempotency: key('h1') }),
          message(appId, { idempotency: key('h2') }),
          message(appId, { event_id: 'evt-batch' }),
          message(appId, { event_id: 'evt-batch' }),
          // No such application: its message cannot be stored (the messages → applications key).
          message(uid('app')),
          message(appId),
        ].map((input) => ({ scope, input })),
      );
      assert.deepEqual(outcomes.map((o) => o.kind), ['created', 'created', 'replayed', 'idempotency_mismatch', 'created', 'replayed', 'failed', 'created']);
      const id = (i: number) => { const o = outcomes[i]!; return o.kind === 'created' || o.kind === 'replayed' ? o.message.id : null; };
      assert.equal(id(2), id(1), 'the repeated key replays the first use in the same batch');
      assert.equal(id(5), id(4), 'the repeated event id replays the first use in the same batch');
      assert.ok(outcomes.every((o) => o.kind !== 'created' || o.deliveries === 1));
      const stored = (await store.listMessages(scope, appId, {}, { limit: 50 })).data.map((m) => m.id).sort();
      assert.deepEqual(stored, [id(0), id(1), id(4), id(7)].sort());
      assert.deepEqual(await queued(store), { pending: 4, delivering: 0 });
    });

    test('publish: an endpoint with channels gets only messages sharing one of them, alone and in a batch', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      const all = await endpoint(store, scope, appId);
      const eu = await endpoint(store, scope, appId, { channels: ['eu', 'global'] });
      const us = await endpoint(store, scope, appId, { channels: ['us'] });
      const reached = async (outcome: Awaited<ReturnType<Store['publish']>>) => {
        assert.equal(outcome.kind, 'created');
        const id = outcome.kind === 'created' ? outcome.message.id : '';
        return (await store.listDeliveries(scope, appId, { message_id: id }, { limit: 10 })).data.map((d) => d.endpoint_id).sort();
      };
      assert.deepEqual(await reached(await store.publish(scope, message(appId))), [all]);
      const alone = await store.publish(scope, message(appId, { channels: ['global'] }));
      assert.deepEqual(await reached(alone), [all, eu].sort());
      assert.deepEqual(alone.kind === 'created' && alone.message.channels, ['global']);
      const batch = await store.publishBatch([message(appId, { channels: ['us', 'eu'] }), message(appId, { channels: ['mars'] }), message(appId)].map((input) => ({ scope, input })));
      assert.deepEqual(await reached(batch[0] as never), [all, eu, us].sort());
      assert.deepEqual(await reached(batch[1] as never), [all]);
      assert.deepEqual(batch.map((o) => o.kind === 'created' && o.deliveries), [3, 1, 1]);
      // Channels are stored with the message and filter the message list.
      const stored = await store.listMessages(scope, appId, { channel: 'eu' }, { limit: 10 });
      assert.deepEqual(stored.data.map((m) => m.channels), [['us', 'eu']]);
      assert.equal((await store.listMessages(scope, appId, { event_types: ['order.created', 'x'] }, { limit: 10 })).data.length, 5);
      assert.equal((await store.listMessages(scope, appId, { event_types: ['x'] }, { limit: 10 })).data.length, 0);
    });

    test('queue stats: since when the longest-waiting due delivery has been due, across endpoints', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      await endpoint(store, scope, appId, { filter_types: ['a'] });
      await endpoint(store, scope, appId, { filter_types: ['b'] });
      const now = Date.now();
      assert.equal((await store.publish(scope, message(appId, { event_type: 'a', now: now - 5000 }))).kind, 'created');
      assert.equal((await store.publish(scope, message(appId, { event_type: 'b', now: now - 9000 }))).kind, 'created');
      assert.equal((await store.publish(scope, message(appId, { event_type: 'a', now: now - 1000 }))).kind, 'created');
      assert.deepEqual(await store.queueStats(now), { pending: 3, delivering: 0, oldest_due_at: now - 9000 });
      assert.equal((await store.queueStats(now - 9001)).oldest_due_at, null, 'nothing is due yet then');
      const claimed = await claim(store, uid('w'), 10, now);
      assert.equal(claimed.deliveries.length, 3);
      assert.deepEqual(await store.queueStats(now), { pending: 0, delivering: 3, oldest_due_at: null }, 'leased deliveries are not waiting');
    });

    test('endpoints: a uid finds the endpoint, is unique among live ones, and is free again once deleted', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      const id = await endpoint(store, scope, appId, { uid: 'main' });
      assert.equal((await store.getEndpoint(scope, appId, 'main'))?.id, id);
      assert.equal((await store.getEndpoint(scope, appId, id))?.uid, 'main');
      await assert.rejects(endpoint(store, scope, appId, { uid: 'main' }), (err: Error) => /unique|UNIQUE/.test(String((err as { message?: string }).message ?? err)));
      const other = await tenantWithApp(store);
      assert.equal(await store.getEndpoint(other.scope, appId, 'main'), null, "another tenant's scope does not see it");
      assert.equal(await store.deleteEndpoint(scope, appId, id, Date.now()), true);
      assert.equal(await store.getEndpoint(scope, appId, 'main'), null);
      const again = await endpoint(store, scope, appId, { uid: 'main' });
      assert.equal((await store.getEndpoint(scope, appId, 'main'))?.id, again);
      const renamed = await store.updateEndpoint(scope, appId, again, { uid: 'renamed' }, Date.now());
      assert.equal(renamed?.uid, 'renamed');
    });

    test('pages: `before` reads the page before a cursor, newest first; deliveries counted by status', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      await endpoint(store, scope, appId);
      for (let i = 0; i < 5; i++) await store.publish(scope, message(appId, { now: Date.now() + i }));
      const first = await store.listMessages(scope, appId, {}, { limit: 2 });
      const second = await store.listMessages(scope, appId, {}, { limit: 2, iterator: first.iterator! });
      assert.equal(second.prev_iterator, second.data[0]!.id);
      const back = await store.listMessages(scope, appId, {}, { limit: 2, before: second.prev_iterator! });
      assert.deepEqual(back.data.map((m) => m.id), first.data.map((m) => m.id));
      assert.equal(back.done, true, 'nothing newer than the first page');
      assert.equal(back.iterator, first.iterator);
      const deliveries = await store.listDeliveries(scope, appId, {}, { limit: 2, before: (await store.listDeliveries(scope, appId, {}, { limit: 10 })).data[4]!.id });
      assert.equal(deliveries.data.length, 2);
      assert.ok(deliveries.data[0]!.id > deliveries.data[1]!.id, 'newest first');
      assert.equal(deliveries.done, false);
      const [delivery] = (await claim(store, 'w1', 1, Date.now() + 10)).deliveries;
      await store.recordOutcomes([outcome(delivery!, 'w1', true, Date.now())], Date.now(), { autoDisableAfterMs: HOUR });
      assert.deepEqual(await store.countDeliveries(scope, appId, {}), { pending: 4, delivering: 0, succeeded: 1, failed: 0, discarded: 0 });
      assert.deepEqual(await store.countDeliveries(scope, appId, { until: 0 }), { pending: 0, delivering: 0, succeeded: 0, failed: 0, discarded: 0 });
    });

    test('claim: fair shares across endpoints, capped by max_in_flight and the rate limit', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      const busy = await endpoint(store, scope, appId, { filter_types: ['busy', 'both'] });
      const quiet = await endpoint(store, scope, appId, { filter_types: ['quiet', 'both'] });
      const narrow = await endpoint(store, scope, appId, { filter_types: ['both'], max_in_flight: 2 });
      const limited = await endpoint(store, scope, appId, { filter_types: ['both'], rate_limit: 3 });
      for (let i = 0; i < 20; i++) await store.publish(scope, message(appId, { event_type: 'busy' }));
      for (let i = 0; i < 5; i++) await store.publish(scope, message(appId, { event_type: 'both' }));
      // Due: busy 25, quiet 5, narrow 5 (room 2), limited 5 (3 per second).
      const now = Date.now();
      const first = countBy((await claim(store, 'w1', 12, now)).deliveries);
      assert.equal([...first.values()].reduce((a, b) => a + b, 0), 12);
      assert.equal(first.get(narrow), 2, 'max_in_flight caps a share');
      assert.equal(first.get(limited), 3, 'the rate limit caps a share');
      assert.ok((first.get(quiet) ?? 0) >= 3 && (first.get(busy) ?? 0) >= 3, `every endpoint gets a share: ${JSON.stringify([...first])}`);
      const second = countBy((await claim(store, 'w2', 100, now + 10)).deliveries);
      assert.equal(second.get(narrow), undefined, 'no room left under max_in_flight');
      assert.equal(second.get(limited), undefined, 'the window is spent');
      assert.equal((second.get(busy) ?? 0) + (first.get(busy) ?? 0), 25);
      const third = countBy((await claim(store, 'w3', 100, now + 1100)).deliveries);
      assert.equal(third.get(limited), 2, 'a new one-second window');
      assert.deepEqual(await queued(store), { pending: 3, delivering: 37 });
    });

    test('claim: the claimed delivery carries its message, and its endpoint resolved against the application', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      const ep = await endpoint(store, scope, appId, { headers: { 'x-a': { value: '1' } } as never });
      const published = await store.publish(scope, message(appId, { payload: '{"hello":"world"}' }));
      const { deliveries, endpoints } = await claim(store, uid('w'), 10);
      const d = deliveries.find((x) => x.endpoint_id === ep)!;
      assert.ok(d);
      assert.equal(d.payload, '{"hello":"world"}');
      assert.equal(d.message_id, published.kind === 'created' ? published.message.id : '');
      assert.equal(d.attempt_count, 0);
      assert.equal(d.record, null);
      const runtime = endpoints.get(ep)!;
      assert.equal(runtime.scheme, 'standard');
      assert.equal(runtime.envelope, 'herald');
      assert.deepEqual(runtime.sealed_secrets, ['sealed']);
      assert.deepEqual(runtime, await store.getEndpointRuntime(scope, appId, ep, Date.now()));
    });

    test('outcomes: a success then a failure in one batch leaves the endpoint failing since that failure', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      const ep = await endpoint(store, scope, appId);
      await store.publish(scope, message(appId));
      await store.publish(scope, message(appId));
      const owner = uid('w');
      const [a, b] = (await claim(store, owner, 10)).deliveries.filter((d) => d.endpoint_id === ep);
      const t = Date.now();
      const effects = await store.recordOutcomes([outcome(a!, owner, true, t), outcome(b!, owner, false, t + 5)], t + 10, { autoDisableAfterMs: HOUR });
      assert.deepEqual(effects, []);
      // Recording the two one by one gives the same: the failure came last.
      const row = (await store.listEndpoints(scope, appId, { limit: 10 })).data.find((e) => e.id === ep)!;
      assert.equal(row.status, 'enabled');
      const attempts = await store.listAttempts(scope, appId, { endpoint_id: ep }, { limit: 10 });
      assert.deepEqual(attempts.data.map((x) => [x.status, x.attempt_number]).sort(), [['failed', 1], ['succeeded', 1]]);
      // The clock started at the failure: a failure an hour after it disables the endpoint.
      await store.retryNow(scope, appId, b!.id, t + HOUR);
      const [c] = (await claim(store, owner, 10, t + HOUR)).deliveries.filter((d) => d.endpoint_id === ep);
      const later = await store.recordOutcomes([outcome(c!, owner, false, t + HOUR + 10)], t + HOUR + 10, { autoDisableAfterMs: HOUR });
      assert.deepEqual(later.map((e) => [e.kind, e.endpoint_id, e.reason, e.failing_since]), [['disabled', ep, 'failing', t + 5]]);
      assert.equal((await store.getEndpoint(scope, appId, ep))!.disabled_reason, 'failing');
    });

    test('outcomes: a failure then a success recovers a failing endpoint; a 410 disables at once', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      const ep = await endpoint(store, scope, appId);
      for (let i = 0; i < 4; i++) await store.publish(scope, message(appId));
      const owner = uid('w');
      const [a, b, c, d] = (await claim(store, owner, 10)).deliveries.filter((x) => x.endpoint_id === ep);
      const t = Date.now();
      assert.deepEqual(await store.recordOutcomes([outcome(a!, owner, false, t)], t, { autoDisableAfterMs: HOUR }), []);
      const recovered = await store.recordOutcomes([outcome(b!, owner, false, t + 1), outcome(c!, owner, true, t + 2)], t + 3, { autoDisableAfterMs: HOUR });
      assert.deepEqual(recovered.map((e) => [e.kind, e.endpoint_id]), [['recovered', ep]]);
      const gone = await store.recordOutcomes([outcome(d!, owner, false, t + 4, { disable_endpoint: 'gone', next: { status: 'failed', next_attempt_at: null, schedule_index: 0 } })], t + 5, {
        autoDisableAfterMs: HOUR,
      });
      assert.deepEqual(gone.map((e) => [e.kind, e.reason, e.failing_since]), [['disabled', 'gone', t + 4]]);
      assert.equal((await store.getEndpoint(scope, appId, ep))!.status, 'disabled');
    });

    test('outcomes: fenced by the lease; a fenced-out attempt is still numbered; a throttle pauses claims', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      const ep = await endpoint(store, scope, appId);
      await store.publish(scope, message(appId));
      const now = Date.now();
      const [d] = (await claim(store, 'w-old', 10, now)).deliveries;
      assert.equal(await store.releaseExpiredLeases(now + 10_000), 1);
      const [again] = (await claim(store, 'w-new', 10, now + 10_000)).deliveries;
      assert.equal(again?.id, d!.id, 'the expired lease went back to the queue and was claimed again');
      // The old owner's outcome does not overwrite the new owner's lease.
      await store.recordOutcomes([outcome(d!, 'w-old', true, now + 10_001)], now + 10_001, { autoDisableAfterMs: HOUR });
      assert.equal((await store.getDelivery(scope, appId, d!.id))!.status, 'delivering');
      const retry = { status: 'pending' as const, next_attempt_at: now + 10_003, schedule_index: 1 };
      await store.recordOutcomes([outcome(again!, 'w-new', false, now + 10_002, { next: retry, throttle: { until: now + 60_000, reason: 'rate_limited' } })], now + 10_002, { autoDisableAfterMs: HOUR });
      const numbers = (await store.listAttempts(scope, appId, { delivery_id: d!.id }, { limit: 10 })).data.map((x) => x.attempt_number).sort();
      assert.deepEqual(numbers, [1, 2]);
      const paused = await store.getEndpoint(scope, appId, ep);
      assert.equal(paused!.throttled_until, now + 60_000);
      assert.equal(paused!.throttle_reason, 'rate_limited');
      assert.equal((await claim(store, 'w-new', 10, now + 20_000)).deliveries.length, 0, 'due, but paused: nothing is claimed');
      assert.equal(await store.nextDueAt(), now + 60_000, 'the claim loop looks again when the pause ends');
      assert.equal((await claim(store, 'w-new', 10, now + 60_000)).deliveries.length, 1, 'claimed once the pause ends');
    });

    test('leases: extended only by their owner, never shortened; all released only by a single writer', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      await endpoint(store, scope, appId);
      await store.publish(scope, message(appId));
      const now = Date.now();
      const owner = uid('w');
      const [d] = (await claim(store, owner, 10, now)).deliveries;
      assert.equal(await store.extendLeases('someone-else', [d!.id], now + HOUR), 0);
      assert.equal(await store.extendLeases(owner, [d!.id], now + HOUR), 1);
      assert.equal(await store.extendLeases(owner, [d!.id], now + 1), 1);
      assert.equal(await store.releaseExpiredLeases(now + HOUR - 1), 0);
      const all = await store.releaseAllLeases(now);
      if (name === 'postgres') assert.equal(all, 0, 'other processes may be sending');
      else assert.ok(all >= 1);
      assert.equal(await store.releaseExpiredLeases(now + HOUR + 1), name === 'postgres' ? 1 : 0);
    });

    test('publish hand-off: a single writer leases what it can send now; a shared store leaves it pending', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      const ep = await endpoint(store, scope, appId);
      const handoff = { owner: uid('w'), limit: 5, leaseGraceMs: 1000 };
      const result = await store.publish(scope, { ...message(appId), handoff });
      assert.equal(result.kind, 'created');
      const handed = result.kind === 'created' ? (result.handedOff?.deliveries ?? []) : [];
      if (name === 'postgres') {
        assert.equal(handed.length, 0);
        return;
      }
      assert.deepEqual(handed.map((d) => d.endpoint_id), [ep]);
      assert.equal(handed[0]!.payload, '{"n":1}');
      assert.ok(result.kind === 'created' && result.handedOff!.endpoints.get(ep));
      // Something older is due now: the next publish's delivery waits its turn.
      await store.releaseAllLeases(Date.now());
      const next = await store.publish(scope, { ...message(appId), handoff });
      assert.equal(next.kind === 'created' && (next.handedOff?.deliveries.length ?? 0), 0);
    });

    test('retention: old finished messages lose their payload, deliveries and attempts; unfinished ones stay', async () => {
      await isolate(store);
      const { scope, appId } = await tenantWithApp(store);
      await endpoint(store, scope, appId);
      const old = Date.now() - 10 * HOUR;
      const done = await store.publish(scope, message(appId, { now: old }));
      const waiting = await store.publish(scope, message(appId, { now: old + 1 }));
      const owner = uid('w');
      const claimed = (await claim(store, owner, 10)).deliveries.filter((d) => d.message_id === (done.kind === 'created' ? done.message.id : ''));
      assert.equal(claimed.length, 1);
      await store.recordOutcomes(claimed.map((d) => outcome(d, owner, true, Date.now())), Date.now(), { autoDisableAfterMs: HOUR });
      const purged = await store.purgeExpired(Date.now() - HOUR, Date.now(), 100);
      assert.ok(purged >= 1);
      const doneRow = await store.getMessage(scope, appId, done.kind === 'created' ? done.message.id : '');
      assert.equal(doneRow!.payload, null);
      assert.ok(doneRow!.purged_at);
      assert.equal((await store.listAttempts(scope, appId, { message_id: doneRow!.id }, { limit: 10 })).data.length, 0);
      const waitingRow = await store.getMessage(scope, appId, waiting.kind === 'created' ? waiting.message.id : '');
      assert.equal(waitingRow!.payload, '{"n":1}', 'a message with a delivery still to send is kept');
    });
  });
}

/** Where several processes share the store, what one process's open transaction does to another's claim and renewal. */
describe('store contract (postgres, other processes)', () => {
  const store = stores.find(([name]) => name === 'postgres')![1];
  const other = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString: pgDb.url });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };

  test("claim: another process's claim in progress → contended at once, nothing leased; then claimed", async () => {
    await isolate(store);
    const { scope, appId } = await tenantWithApp(store);
    await endpoint(store, scope, appId);
    await store.publish(scope, message(appId));
    await other(async (c) => {
      await c.query('BEGIN');
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [CLAIM_KEY]);
      const started = Date.now();
      const blocked = await claim(store, uid('w'), 10);
      assert.equal(blocked.contended, true);
      assert.equal(blocked.deliveries.length, 0);
      assert.ok(Date.now() - started < 1000, 'the claim does not wait for the other');
      assert.deepEqual(await queued(store), { pending: 1, delivering: 0 });
      await c.query('ROLLBACK');
    });
    const claimed = await claim(store, uid('w'), 10);
    assert.equal(claimed.contended, undefined);
    assert.equal(claimed.deliveries.length, 1);
  });

  test('leases: renewal skips a delivery whose outcome is being written, without waiting for it', async () => {
    await isolate(store);
    const { scope, appId } = await tenantWithApp(store);
    await endpoint(store, scope, appId);
    await store.publish(scope, message(appId));
    await store.publish(scope, message(appId));
    const owner = uid('w');
    const [a, b] = (await claim(store, owner, 10)).deliveries;
    await other(async (c) => {
      await c.query('BEGIN');
      await c.query('SELECT 1 FROM deliveries WHERE id = $1 FOR UPDATE', [a!.id]);
      assert.equal(await store.extendLeases(owner, [a!.id, b!.id], Date.now() + HOUR), 1, 'the locked row is skipped, the other renewed');
      await c.query('ROLLBACK');
    });
    assert.equal(await store.extendLeases(owner, [a!.id, b!.id], Date.now() + HOUR), 2);
  });
});
