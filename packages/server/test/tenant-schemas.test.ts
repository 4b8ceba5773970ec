import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTenantAjv, makeValidatorCache } from '../src/tenant-schemas/engine.js';
import { SCHEMA_BOUNDS, checkSchemaBounds } from '../src/tenant-schemas/limits.js';
import { createTenant, isProblem, rowCounts, startHerald, type TestHerald } from './helpers.js';

/** allOf of two identical references per level: validation doubles with every level of the payload. */
const EXPONENTIAL = {
  $defs: { n: { allOf: [{ type: 'object', properties: { x: { $ref: '#/$defs/n' } } }, { type: 'object', properties: { x: { $ref: '#/$defs/n' } } }] } },
  $ref: '#/$defs/n',
};
const chain = (depth: number) => {
  let v: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) v = { x: v };
  return v;
};

describe('the tenant schema engine: linear regexes, linear uniqueItems, bounded schemas', () => {
  const validators = makeValidatorCache(makeTenantAjv());
  const check = (schema: Record<string, unknown>, value: unknown) => {
    const out = validators.validate(JSON.stringify(schema), schema, JSON.stringify(value));
    assert.notEqual(out, 'missing');
    return (out as { errors: unknown[] | null }).errors;
  };

  test('pattern and patternProperties run on RE2: a catastrophic pattern answers like any other', () => {
    const schema = { type: 'object', properties: { s: { type: 'string', pattern: '^(a+)+$' } }, patternProperties: { '^(x+x+)+y$': { type: 'number' } } };
    assert.ok(check(schema, { s: 'a'.repeat(100_000) + '!' }), 'no match: an error, at once');
    assert.equal(check(schema, { s: 'aaaa' }), null);
    assert.ok(check(schema, { ['x'.repeat(50_000) + 'y']: 'not a number' }));
  });

  test('uniqueItems compares canonical JSON: key order does not matter, 20,000 objects in one pass', () => {
    assert.ok(check({ uniqueItems: true }, [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }]));
    assert.equal(check({ uniqueItems: true }, [{ a: 1 }, { a: 2 }, [1], [1, 2], 1, '1', null]), null);
    assert.equal(check({ uniqueItems: true }, Array.from({ length: 20_000 }, (_, i) => ({ i, nested: { list: [i, i + 1] } }))), null);
  });

  test('formats are checked without backtracking, with the same verdicts on ordinary values', () => {
    const formats: [string, string, string][] = [
      ['email', 'ops@globex.example', 'not an email'],
      ['uri', 'https://globex.example/a?b=c', 'no scheme'],
      ['hostname', 'api.globex.example', '-bad-.example'],
      ['date-time', '2026-12-01T10:00:00Z', '2026-13-01T10:00:00Z'],
      ['duration', 'P1DT2H', 'P'],
      ['uuid', '0f8fad5b-d9cb-469f-a165-70867728950e', '0f8fad5b'],
      ['ipv4', '10.0.0.1', '10.0.0.256'],
      ['url', 'https://globex.example/path', 'globex.example'],
    ];
    for (const [format, good, bad] of formats) {
      assert.equal(check({ type: 'string', format }, good), null, `${format}: ${good}`);
      assert.ok(check({ type: 'string', format }, bad), `${format}: ${bad}`);
    }
    // The inputs that make the backtracking definitions slow are answered in one pass.
    assert.ok(check({ type: 'string', format: 'url' }, 'http://' + ':'.repeat(50_000)));
    assert.ok(check({ type: 'string', format: 'email' }, 'a'.repeat(50_000) + '@'));
  });

  test('schema defaults fill in what the publisher left out, and that is what is returned', () => {
    const out = validators.validate('defaults', { type: 'object', properties: { version: { type: 'string', default: '1.0' } } }, '{"a":1}');
    assert.deepEqual(out, { errors: null, filled: '{"a":1,"version":"1.0"}' });
  });

  test("a tenant's $id never becomes another schema's $ref target", () => {
    const a = makeValidatorCache(makeTenantAjv());
    a.validate('a', { $id: 'https://shared.example/s', type: 'string' }, '"x"');
    assert.throws(() => a.validate('b', { $ref: 'https://shared.example/s' }, '"x"'), /can't resolve reference/);
    // The same $id again (another tenant) compiles.
    assert.equal((a.validate('c', { $id: 'https://shared.example/s', type: 'number' }, '1') as { errors: null }).errors, null);
  });

  test('bounds at save: size, depth, objects, patterns and their syntax', () => {
    assert.deepEqual(checkSchemaBounds({ type: 'object', properties: { a: { type: 'string', pattern: '^[a-z]+$' } } }, 65536), []);
    assert.match(checkSchemaBounds({ description: 'x'.repeat(70_000) }, 65536)[0]!.message, /limited to 65536 bytes/);
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < SCHEMA_BOUNDS.maxDepth + 2; i++) deep = { items: deep };
    assert.match(checkSchemaBounds(deep, 1e6)[0]!.message, /deeper than 32/);
    const wide = { type: 'object', properties: Object.fromEntries(Array.from({ length: 2100 }, (_, i) => [`p${i}`, {}])) };
    assert.match(checkSchemaBounds(wide, 1e7)[0]!.message, /more than 2000 objects/);
    const flat = { type: 'object', properties: Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`p${i}`, true])) };
    assert.match(checkSchemaBounds(flat, 1e7)[0]!.message, /more than 10000 members/);
    const patterned = { patternProperties: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`^p${i}_[a-z]+$`, { type: 'string' }])) };
    assert.ok(checkSchemaBounds(patterned, 1e7).some((e) => /more than 100 patterns/.test(e.message)));
    const lookahead = checkSchemaBounds({ properties: { s: { pattern: '^(?=a)a+$' } } }, 65536);
    assert.equal(lookahead[0]!.field, 'body.schema.properties.s.pattern');
    assert.match(lookahead[0]!.message, /linear time/);
    assert.match(checkSchemaBounds({ pattern: '(a)\\1' }, 65536)[0]!.message, /linear time/);
  });
});

describe('tenant schemas in a running Herald: off the request thread, time-boxed', () => {
  let h: TestHerald;
  let key: string;
  let appId: string;
  before(async () => {
    // 500 ms: long enough that the requests raced against a stuck validation win on a loaded machine.
    h = await startHerald({ schemas: { budgetMs: 500, compileBudgetMs: 2000, quarantineMs: 60_000 } });
    key = (await createTenant(h)).test;
    appId = (await h.call('POST', '/api/v1/app', { token: key, body: { name: 'S' } })).body.id;
  });
  after(() => h.close());
  const api = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });
  const publish = (type: string, payload: unknown) => api('POST', `/api/v1/app/${appId}/msg`, { type, payload });

  test('the three reported attacks answer 422 and write nothing', async () => {
    // 1. ReDoS pattern, 31 characters (5 s on the main thread before): validated, refused, no stall.
    assert.equal((await api('POST', '/api/v1/event-type', { name: 'redos', schema: { type: 'object', properties: { s: { type: 'string', pattern: '^(a+)+$' } } } })).status, 201);
    // 2. uniqueItems over 20,000 items (2.2 s before).
    assert.equal((await api('POST', '/api/v1/event-type', { name: 'unique', schema: { type: 'array', uniqueItems: true } })).status, 201);
    const before = await rowCounts(h);
    const redos = await publish('redos', { s: 'a'.repeat(31) + '!' });
    assert.equal(redos.status, 422);
    assert.ok(redos.body.errors.some((e: { field: string }) => e.field === 'body.payload.s'));
    const items = Array.from({ length: 20_000 }, (_, i) => ({ i }));
    const unique = await publish('unique', [...items, { i: 7 }]);
    assert.equal(unique.status, 422);
    assert.match(unique.body.detail, /duplicate items/);
    // 3. 5,000 patterned properties (5.3 s to compile before): refused at save by the bounds.
    const patterned = { type: 'object', patternProperties: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`^p${i}_[a-z]+$`, { type: 'string' }])) };
    const wide = await api('POST', '/api/v1/event-type', { name: 'patterned', schema: patterned });
    assert.equal(wide.status, 422);
    assert.ok(isProblem(wide));
    assert.deepEqual(await rowCounts(h), before);
    assert.equal((await publish('redos', { s: 'aaaa' })).status, 202, 'a matching payload still publishes');
    assert.equal((await publish('unique', items)).status, 202);
  });

  test('a schema with lookaround or backreferences is refused at save, with the field', async () => {
    const res = await api('POST', '/api/v1/event-type', { name: 'look', schema: { properties: { a: { type: 'string', pattern: '^(?!x).*$' } } } });
    assert.equal(res.status, 422);
    assert.equal(res.body.errors[0].field, 'body.schema.properties.a.pattern');
    const patch = await api('PATCH', '/api/v1/event-type/redos', { schema: { patternProperties: { '(a)\\1': {} } } });
    assert.equal(patch.status, 422);
  });

  test('a validation past its budget is a 422, the schema is quarantined, and the server never stopped answering', async () => {
    assert.equal((await api('POST', '/api/v1/event-type', { name: 'exp', schema: EXPONENTIAL })).status, 201);
    assert.equal((await api('POST', '/api/v1/event-type', { name: 'plain', schema: { type: 'object', required: ['ok'] } })).status, 201);
    assert.equal((await publish('plain', { ok: 1 })).status, 202, 'warm: compiled');
    // While the sandbox thread is stuck, the request thread goes on serving: readiness and an
    // unrelated publish answer before the stuck validation does.
    const order: string[] = [];
    const stuck = publish('exp', chain(40)).then((r) => (order.push('exp'), r));
    const ready = h.call('GET', '/health/ready').then((r) => (order.push('ready'), r));
    const other = api('POST', `/api/v1/app/${appId}/msg`, { type: 'no.schema', payload: {} }).then((r) => (order.push('other'), r));
    const [exp, readyRes, otherRes] = await Promise.all([stuck, ready, other]);
    assert.equal(readyRes.status, 200);
    assert.equal(otherRes.status, 202);
    assert.equal(order.at(-1), 'exp', `${order}`);
    assert.equal(exp.status, 422);
    assert.match(exp.body.detail, /took longer than 500 ms/);
    // The thread was replaced: other schemas validate again at once.
    assert.equal((await publish('plain', { ok: 2 })).status, 202);
    assert.equal((await publish('plain', {})).status, 422);
    // The overrunning schema is refused without running for a while, even with a cheap payload.
    const again = await publish('exp', { x: {} });
    assert.equal(again.status, 422);
    assert.match(again.body.detail, /refused until/);
    // Changing the schema gives it a new chance.
    assert.equal((await api('PATCH', '/api/v1/event-type/exp', { schema: { type: 'object' } })).status, 200);
    assert.equal((await publish('exp', chain(40))).status, 202);
  });

  test('schema size is a per-tenant quota the admin sets', async () => {
    const tenant = await createTenant(h, 'Small schemas');
    const big = { type: 'object', description: 'x'.repeat(2000) };
    assert.equal((await h.admin('PATCH', `/api/v1/tenants/${tenant.id}/limits`, { max_schema_bytes: 1000 })).status, 200);
    const refused = await h.call('POST', '/api/v1/event-type', { token: tenant.test, body: { name: 'big', schema: big } });
    assert.equal(refused.status, 422);
    assert.match(refused.body.detail, /limited to 1000 bytes/);
    await h.admin('PATCH', `/api/v1/tenants/${tenant.id}/limits`, { max_schema_bytes: null });
    assert.equal((await h.call('POST', '/api/v1/event-type', { token: tenant.test, body: { name: 'big', schema: big } })).status, 201);
  });
});
