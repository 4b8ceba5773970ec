import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planEndpointHealth, type HealthEvent } from '../src/store/decisions/endpoint-health.js';
import { allocateFairly } from '../src/store/decisions/fair-share.js';
import { rateAllowance } from '../src/store/decisions/rate-window.js';

// The store's decisions, in plain TypeScript, called by both dialects.
const HOUR = 3600_000;
const ok = (at: number, endpoint_id = 'ep'): HealthEvent => ({ endpoint_id, ok: true, at, disable: null });
const fail = (at: number, endpoint_id = 'ep', disable: string | null = null): HealthEvent => ({ endpoint_id, ok: false, at, disable });
const healthy = new Map([['ep', { failing_since: null, status: 'enabled' }]]);
const failingSince = (t: number) => new Map([['ep', { failing_since: t, status: 'enabled' }]]);

test('health: a success then a failure in one batch leaves the endpoint failing since the failure', () => {
  const plan = planEndpointHealth(healthy, [ok(10), fail(20)], 30, HOUR).get('ep')!;
  assert.deepEqual(plan, { failing_since: 20, write: 'set', recovered: false, disable: null });
  // Already failing: the success resets the clock, the failure after it starts a new one.
  assert.deepEqual(planEndpointHealth(failingSince(1), [ok(10), fail(20)], 30, HOUR).get('ep'), { failing_since: 20, write: 'set', recovered: true, disable: null });
});

test('health: a failure then a success ends healthy; recovered only if it was failing before', () => {
  assert.deepEqual(planEndpointHealth(healthy, [fail(10), ok(20)], 30, HOUR).get('ep'), { failing_since: null, write: 'none', recovered: false, disable: null });
  assert.deepEqual(planEndpointHealth(failingSince(5), [fail(10), ok(20)], 30, HOUR).get('ep'), { failing_since: null, write: 'set', recovered: true, disable: null });
});

test('health: failures start the clock once; the earliest failure counts', () => {
  assert.deepEqual(planEndpointHealth(healthy, [fail(10), fail(20)], 30, HOUR).get('ep'), { failing_since: 10, write: 'start', recovered: false, disable: null });
  assert.deepEqual(planEndpointHealth(failingSince(5), [fail(10)], 30, HOUR).get('ep'), { failing_since: 5, write: 'none', recovered: false, disable: null });
  assert.deepEqual(planEndpointHealth(healthy, [ok(10)], 30, HOUR).get('ep'), { failing_since: null, write: 'none', recovered: false, disable: null });
});

test('health: failing for the whole window disables; an attempt can disable at once; only an enabled endpoint', () => {
  assert.deepEqual(planEndpointHealth(failingSince(0), [fail(HOUR)], HOUR, HOUR).get('ep')!.disable, { reason: 'failing', failing_since: 0 });
  assert.equal(planEndpointHealth(failingSince(1), [fail(HOUR)], HOUR, HOUR).get('ep')!.disable, null, 'one millisecond short');
  assert.deepEqual(planEndpointHealth(healthy, [fail(10, 'ep', 'gone')], 20, HOUR).get('ep')!.disable, { reason: 'gone', failing_since: 10 });
  const disabled = new Map([['ep', { failing_since: 0, status: 'disabled' }]]);
  assert.equal(planEndpointHealth(disabled, [fail(HOUR, 'ep', 'gone')], HOUR, HOUR).get('ep')!.disable, null);
  // A success before the disabling failure reset the clock: not failing long enough.
  assert.equal(planEndpointHealth(failingSince(0), [ok(HOUR - 1), fail(HOUR)], HOUR, HOUR).get('ep')!.disable, null);
});

test('health: endpoints are planned apart; an endpoint the store no longer has is left out', () => {
  const current = new Map([
    ['a', { failing_since: null, status: 'enabled' }],
    ['b', { failing_since: 3, status: 'enabled' }],
  ]);
  const plans = planEndpointHealth(current, [fail(10, 'a'), ok(11, 'b'), fail(12, 'gone')], 20, HOUR);
  assert.deepEqual([...plans.keys()].sort(), ['a', 'b']);
  assert.equal(plans.get('a')!.failing_since, 10);
  assert.equal(plans.get('b')!.recovered, true);
});

test('rate window: counts within one second, starts a new window after it; no limit is unlimited', () => {
  assert.deepEqual(rateAllowance({ rate_limit: 5, rate_window_start: 1000, rate_window_count: 3 }, 1500), { left: 2, windowStart: 1000, used: 3 });
  assert.deepEqual(rateAllowance({ rate_limit: 5, rate_window_start: 1000, rate_window_count: 3 }, 2000), { left: 5, windowStart: 2000, used: 0 });
  assert.deepEqual(rateAllowance({ rate_limit: 5, rate_window_start: null, rate_window_count: 0 }, 7), { left: 5, windowStart: 7, used: 0 });
  assert.deepEqual(rateAllowance({ rate_limit: 2, rate_window_start: 1000, rate_window_count: 9 }, 1001), { left: 0, windowStart: 1000, used: 9 });
  assert.equal(rateAllowance({ rate_limit: null, rate_window_start: null, rate_window_count: 0 }, 1).left, Number.POSITIVE_INFINITY);
});

test('fair share: equal shares first, capped by capacity, rotating who goes first', () => {
  assert.deepEqual(allocateFairly([100, 100, 100], 7, 0), [3, 2, 2]);
  assert.deepEqual(allocateFairly([100, 100, 100], 7, 1), [2, 3, 2]);
  assert.deepEqual(allocateFairly([100, 1, 0], 10, 0), [9, 1, 0]);
  assert.deepEqual(allocateFairly([2, 3], 100, 0), [2, 3], 'never more than the capacity');
  assert.deepEqual(allocateFairly([], 10, 0), []);
});
