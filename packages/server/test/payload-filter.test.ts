import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { checkPayloadFilter, matchesFilter, type PayloadFilter } from '../src/delivery/payload-filter.js';
import { createTenant, isProblem, rowCounts, startHerald, TEST_STORE, type TestHerald } from './helpers.js';

const order = {
  id: 'ord_1',
  amount: 1500,
  currency: 'EUR',
  status: 'paid',
  placed_at: '2026-11-30T10:00:00Z',
  customer: { id: 'cus_9', tier: 'gold', email: 'ada@example.com', tags: ['vip', 'beta'] },
  items: [
    { sku: 'A-1', qty: 2, price: 500 },
    { sku: 'B-7', qty: 1, price: 500 },
  ],
  coupon: null,
};

describe('payload filter evaluation', () => {
  const cases: [string, PayloadFilter, boolean][] = [
    ['empty filter', {}, true],
    ['scalar equality', { status: 'paid' }, true],
    ['scalar inequality', { status: 'refunded' }, false],
    ['$eq / $neq', { currency: { $eq: 'EUR' }, status: { $neq: 'refunded' } }, true],
    ['$gt $gte $lt $lte on numbers', { amount: { $gt: 1000, $gte: 1500, $lt: 2000, $lte: 1500 } }, true],
    ['$gt fails on the boundary', { amount: { $gt: 1500 } }, false],
    ['strings order lexically (ISO timestamps by time)', { placed_at: { $gte: '2026-11-01T00:00:00Z', $lt: '2026-12-01' } }, true],
    ['a number never orders against a string', { amount: { $gt: '1000' } }, false],
    ['$in / $nin', { currency: { $in: ['EUR', 'USD'] }, status: { $nin: ['refunded', 'void'] } }, true],
    ['$in misses', { currency: { $in: ['GBP'] } }, false],
    ['$startsWith', { customer: { email: { $startsWith: 'ada@' } } }, true],
    ['$startsWith on a number is false', { amount: { $startsWith: '15' } }, false],
    ['$exists true / false', { customer: { id: { $exists: true }, phone: { $exists: false } } }, true],
    ['null is present, and equals null', { coupon: { $exists: true, $eq: null } }, true],
    ['a missing field is not null', { missing: null }, false],
    ['a missing field is $neq anything', { missing: { $neq: 'x' } }, true],
    ['nested objects', { customer: { tier: 'gold', id: 'cus_9' } }, true],
    ['a scalar matches an array holding it', { customer: { tags: 'vip' } }, true],
    ['an array condition: the array holds each item', { customer: { tags: ['beta', 'vip'] } }, true],
    ['an array condition misses an item', { customer: { tags: ['vip', 'staff'] } }, false],
    ['$neq on an array: no element equals', { customer: { tags: { $neq: 'vip' } } }, false],
    ['a filter over an array of objects: one element matches all of it', { items: { sku: 'A-1', qty: { $gte: 2 } } }, true],
    ['…the same element, not one each', { items: { sku: 'B-7', qty: { $gte: 2 } } }, false],
    ['numeric keys index arrays', { items: { '1': { sku: 'B-7' } } }, true],
    ['$or', { $or: [{ status: 'refunded' }, { amount: { $gte: 1000 } }] }, true],
    ['$and', { $and: [{ status: 'paid' }, { amount: { $lt: 1000 } }] }, false],
    ['$not', { $not: { customer: { tier: 'bronze' } } }, true],
    ['operators combine at a field', { amount: { $or: [{ $lt: 10 }, { $gt: 1000 }] } }, true],
    ['a type mismatch on equality', { amount: '1500' }, false],
    ['a prototype key is not a field', { constructor: { $exists: true } }, false],
  ];
  for (const [name, filter, expected] of cases) {
    test(name, () => {
      assert.deepEqual(checkPayloadFilter(filter), [], 'the filter is valid');
      assert.equal(matchesFilter(filter, order), expected);
    });
  }

  test('$not, $neq and $nin are the negations of the filter, $eq and $in', () => {
    const scalar = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom('a', 'b', 'ab'), fc.boolean(), fc.constant(null));
    const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.constant(undefined));
    fc.assert(
      fc.property(value, scalar, fc.array(scalar, { minLength: 1, maxLength: 3 }), (v, s, list) => {
        const doc = v === undefined ? {} : { f: v };
        assert.equal(matchesFilter({ f: { $neq: s } }, doc), !matchesFilter({ f: { $eq: s } }, doc));
        assert.equal(matchesFilter({ f: { $nin: list } }, doc), !matchesFilter({ f: { $in: list } }, doc));
        assert.equal(matchesFilter({ $not: { f: { $gte: s } } }, doc), !matchesFilter({ f: { $gte: s } }, doc));
      }),
      { numRuns: 300 },
    );
  });

  test('a bad filter is refused naming the operator and where it is', () => {
    const field = (f: unknown) => checkPayloadFilter(f).map((e) => `${e.field}: ${e.message}`);
    assert.match(field({ amount: { $gtx: 1 } })[0]!, /^body\.payload_filter\.amount\.\$gtx: is not an operator/);
    assert.match(field({ $or: [{ a: 1 }, { b: { $in: 'x' } }] })[0]!, /^body\.payload_filter\.\$or\[1\]\.b\.\$in: must be a non-empty array/);
    assert.match(field({ a: { $exists: 'yes' } })[0]!, /\$exists: must be true or false/);
    assert.match(field({ a: { $startsWith: 3 } })[0]!, /\$startsWith: must be a string/);
    assert.match(field({ a: { $gt: { b: 1 } } })[0]!, /\$gt: must be a string, number, boolean or null/);
    assert.match(field({ $not: [{ a: 1 }] })[0]!, /\$not: must be a filter object/);
    assert.match(field({ $and: [] })[0]!, /\$and: must be a non-empty array/);
    assert.match(field([{ a: 1 }])[0]!, /^body\.payload_filter: must be an object/);
    let deep: PayloadFilter = { leaf: 1 };
    for (let i = 0; i < 9; i++) deep = { d: deep };
    assert.match(field(deep)[0]!, /nests deeper than 8 levels/);
    const wide = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`f${i}`, i]));
    assert.match(field(wide)[0]!, /has more than 256 conditions/);
    assert.match(field({ a: 'x'.repeat(9000) })[0]!, /longer than 8192 bytes/);
  });
});

describe(`payload filters on endpoints (${TEST_STORE})`, () => {
  let h: TestHerald;
  let key: string;
  let appId: string;
  const eps: Record<string, string> = {};
  before(async () => {
    // A closed port and a long retry keep the deliveries in place to be counted.
    h = await startHerald();
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'filters' } })).body.id;
    const mk = async (name: string, extra: Record<string, unknown>) => {
      const res = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: `http://127.0.0.1:9/${name}`, retry_schedule: [3600], ...extra } });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      eps[name] = res.body.id;
    };
    await mk('everything', {});
    await mk('big', { payload_filter: { amount: { $gte: 1000 } } });
    await mk('gold_eur', { filter_types: ['order.paid'], payload_filter: { currency: 'EUR', customer: { tier: { $in: ['gold', 'platinum'] } } } });
    await mk('sku', { payload_filter: { items: { sku: { $startsWith: 'B-' } } } });
  });
  after(async () => h.close());

  const receivers = async (type: string, payload: unknown) => {
    const res = await h.call('POST', `/api/v1/app/${appId}/msg`, { token: key, body: { type, payload } });
    assert.equal(res.status, 202);
    const deliveries = (await h.call('GET', `/api/v1/app/${appId}/msg/${res.body.id}/delivery`, { token: key })).body.data as { endpoint_id: string }[];
    const names = Object.fromEntries(Object.entries(eps).map(([k, v]) => [v, k]));
    return deliveries.map((d) => names[d.endpoint_id]).sort();
  };

  test('an endpoint gets a delivery row only for payloads its filter matches', async () => {
    assert.deepEqual(await receivers('order.paid', order), ['big', 'everything', 'gold_eur', 'sku']);
    assert.deepEqual(await receivers('order.paid', { ...order, amount: 20, items: [] }), ['everything', 'gold_eur']);
    assert.deepEqual(await receivers('order.paid', { ...order, customer: { tier: 'bronze' } }), ['big', 'everything', 'sku']);
    // The event-type filter still applies first.
    assert.deepEqual(await receivers('order.created', order), ['big', 'everything', 'sku']);
    // A payload that is not an object matches no field condition.
    assert.deepEqual(await receivers('order.paid', [1, 2]), ['everything']);
  });

  test('a bulk publish filters each message on its own', async () => {
    const res = await h.call('POST', `/api/v1/app/${appId}/msg/batch`, {
      token: key,
      body: { messages: [{ type: 'order.paid', payload: { amount: 5000 } }, { type: 'order.paid', payload: { amount: 5 } }] },
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    const counts = [];
    for (const r of res.body.data) counts.push((await h.call('GET', `/api/v1/app/${appId}/msg/${r.message.id}/delivery`, { token: key })).body.data.length);
    assert.deepEqual(counts, [2, 1]);
  });

  test('the filter is returned, changed and removed through the API', async () => {
    const got = await h.call('GET', `/api/v1/app/${appId}/endpoint/${eps.big}`, { token: key });
    assert.deepEqual(got.body.payload_filter, { amount: { $gte: 1000 } });
    const changed = await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${eps.big}`, { token: key, body: { payload_filter: { amount: { $lt: 10 } } } });
    assert.equal(changed.status, 200);
    assert.deepEqual(await receivers('x.y', { amount: 5 }), ['big', 'everything']);
    const removed = await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${eps.big}`, { token: key, body: { payload_filter: null } });
    assert.equal(removed.body.payload_filter, null);
    assert.deepEqual(await receivers('x.y', { amount: 5000 }), ['big', 'everything']);
    await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${eps.big}`, { token: key, body: { payload_filter: { amount: { $gte: 1000 } } } });
  });

  test('a bad filter is a 422 naming the operator and path, and nothing is written', async () => {
    const before = await rowCounts(h);
    for (const [payload_filter, field] of [
      [{ amount: { $gtx: 1 } }, 'body.payload_filter.amount.$gtx'],
      [{ $or: [{ a: { $in: [] } }] }, 'body.payload_filter.$or[0].a.$in'],
      [{ a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } }, 'body.payload_filter.a.b.c.d.e.f.g.h'],
    ] as const) {
      const created = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: 'http://127.0.0.1:9/bad', payload_filter } });
      assert.equal(created.status, 422, JSON.stringify(created.body));
      assert.ok(isProblem(created));
      assert.equal(created.body.errors[0].field, field);
      const patched = await h.call('PATCH', `/api/v1/app/${appId}/endpoint/${eps.big}`, { token: key, body: { payload_filter } });
      assert.equal(patched.status, 422);
      assert.equal(patched.body.errors[0].field, field);
    }
    const wrongType = await h.call('POST', `/api/v1/app/${appId}/endpoint`, { token: key, body: { url: 'http://127.0.0.1:9/bad', payload_filter: 'amount > 5' } });
    assert.equal(wrongType.status, 422);
    assert.deepEqual(await rowCounts(h), before);
    assert.deepEqual((await h.call('GET', `/api/v1/app/${appId}/endpoint/${eps.big}`, { token: key })).body.payload_filter, { amount: { $gte: 1000 } });
  });
});
