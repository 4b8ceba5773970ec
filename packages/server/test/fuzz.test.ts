// OpenAPI-driven fuzzing: for every operation in /api/v1/openapi.json, requests built from its
// own schemas and then made hostile (wrong types, sizes, nesting, unicode, encodings, header
// injection in fields that become headers, other tenants' ids, bad credentials). Every answer
// must be below 500; every 4xx a problem response; a refused request must change no row.
// Bounded: RUNS_PER_OPERATION per operation and TIME_LIMIT_MS overall. HERALD_FUZZ_SEED
// replays a run (fast-check prints the seed and the shrunk request on failure).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { startDnsServer } from './dns-server.js';
import { createTenant, isProblem, rowCounts, startHerald, startReceiver, type Receiver, type TestHerald } from './helpers.js';

const RUNS_PER_OPERATION = Number(process.env.HERALD_FUZZ_RUNS ?? 25);
const TIME_LIMIT_MS = Number(process.env.HERALD_FUZZ_TIME_LIMIT_MS ?? 90_000);
const SEED = Number(process.env.HERALD_FUZZ_SEED ?? 20261201);

type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  params: { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema }[];
  body: Schema | null;
}
interface FuzzRequest {
  auth: string;
  path: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body: { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; type: string } | { kind: 'none' };
}

let h: TestHerald;
let dns: { server: string; close(): Promise<void> };
let rx: Receiver;
let ops: Operation[] = [];
/** Real ids to aim at: ours (valid) and another tenant's (must be 404). */
const mine: Record<string, string> = {};
const theirs: Record<string, string> = {};
const auth: Record<string, string> = {};
const tally = { requests: 0, byClass: {} as Record<string, number>, refused: 0 };

before(async () => {
  // Every name a fuzzed URL might use resolves to nothing, at once and on loopback.
  dns = await startDnsServer({});
  // API role: nothing delivers in the background, so every row that changes was written by the
  // request being checked.
  h = await startHerald({ dnsServers: [dns.server], role: 'api' });
  rx = await startReceiver();
  const a = await createTenant(h, 'Fuzzed');
  const b = await createTenant(h, 'Bystander');
  auth.key = `Bearer ${a.test}`;
  auth.other = `Bearer ${b.test}`;
  auth.admin = 'Bearer test-admin-token';
  for (const [ids, key, tenantId] of [[mine, a.test, a.id], [theirs, b.test, b.id]] as const) {
    const call = (method: string, path: string, body?: unknown) => h.call(method, path, { token: key, ...(body !== undefined ? { body } : {}) });
    const app = (await call('POST', '/api/v1/app', { name: 'fuzz', uid: `fuzz-${tenantId.slice(-6)}` })).body;
    await call('POST', '/api/v1/event-type', { name: 'fuzz.event', example: { a: 1 }, schema: { type: 'object', properties: { a: { type: 'integer' } } } });
    const ep = (await call('POST', `/api/v1/app/${app.id}/endpoint`, { url: `${rx.url}/fuzz` })).body;
    const msg = (await call('POST', `/api/v1/app/${app.id}/msg`, { type: 'fuzz.event', payload: { a: 1 } })).body;
    const delivery = (await call('GET', `/api/v1/app/${app.id}/delivery`)).body.data[0];
    const up = await fetch(`${h.url}/api/v1/app/${app.id}/records`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/plain' }, body: 'r' });
    const record = (await up.json()) as { record_id: string };
    const whKey = (await call('POST', `/api/v1/app/${app.id}/webhook-keys`)).body;
    const link = (await call('POST', `/api/v1/app/${app.id}/portal-link`, {})).body;
    Object.assign(ids, { app: app.id, endpoint: ep.id, msg: msg.id, delivery: delivery.id, record: record.record_id, key: whKey.key_id, name: 'fuzz.event', tenant: tenantId, link: link.id, portal: link.token });
  }
  auth.portal = `Portal ${mine.portal}`;
  const doc = (await h.call('GET', '/api/v1/openapi.json')).body;
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
    // The live stream stays open on success; live.test.ts asks it over HTTP, hostile ids included.
    if (path.endsWith('/stream')) continue;
    for (const [method, op] of Object.entries(methods)) {
      ops.push({
        method: method.toUpperCase(),
        path,
        params: (op.parameters ?? []) as Operation['params'],
        body: inlineRefs(op.requestBody?.content?.['application/json']?.schema ?? null, doc.components?.schemas ?? {}),
      });
    }
  }
});
after(async () => {
  await h?.close();
  await rx?.close();
  await dns?.close();
});

/** The schema with every `$ref` to a component replaced by the component (the API has no cycles). */
function inlineRefs(schema: unknown, components: Record<string, unknown>): any {
  if (Array.isArray(schema)) return schema.map((s) => inlineRefs(s, components));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: string }).$ref;
  if (ref) return inlineRefs(components[ref.split('/').pop()!], components);
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inlineRefs(v, components)]));
}

// --- hostile values -------------------------------------------------------------------------

const hostileString = fc.constantFrom(
  '', ' ', 'a'.repeat(10_000), '\u0000', 'a\r\nX-Injected: 1', '\ud800', '\udfff\ud800', '../../../etc/passwd', '%00', '%E0%A4%A', '<script>alert(1)</script>',
  "' OR 1=1 --", '😀'.repeat(300), 'null', '1e309', '__proto__', 'constructor', '\u202e', 'ǅ', '\t', 'app_' + 'x'.repeat(300), 'https://user:pass@evil.example/',
  'http://169.254.169.254/latest/meta-data', 'javascript:alert(1)', '-1', '9'.repeat(400),
);
const hostileScalar = fc.oneof(hostileString, fc.constantFrom(-1, 0, -0, 1.5, 1e308, -1e308, 2 ** 53 + 1, true, false, null), fc.double(), fc.integer());
const deep = (depth: number) => JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown;
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileScalar,
  fc.constant([]),
  fc.constant({}),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(deep(40)),
  fc.array(hostileScalar, { maxLength: 5 }),
  fc.dictionary(hostileString, hostileScalar, { maxKeys: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** A value that satisfies `schema` (within reason): the starting point hostile variants mutate. */
function valid(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.jsonValue({ maxDepth: 2 });
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valid(s, depth + 1)));
  switch (schema.type) {
    case 'string': {
      if (schema.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      if (schema.format === 'email') return fc.constant('ops@globex.example');
      const max = Math.min(schema.maxLength ?? 40, 40);
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? 1e9));
      return fc.string({ minLength: Math.min(schema.minLength ?? 0, max), maxLength: max });
    }
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e6), max: Math.min(schema.maximum ?? 1000, 1e6) });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valid(schema.items, depth + 1), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 3, 3) });
    case 'object': {
      if (schema.patternProperties) {
        const [pattern, value] = Object.entries(schema.patternProperties as Record<string, Schema>)[0]!;
        return fc.dictionary(pattern === '^(.*)$' ? fc.string({ maxLength: 10 }) : fc.stringMatching(new RegExp(pattern)), valid(value, depth + 1), { maxKeys: 3 });
      }
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set<string>((schema.required as string[] | undefined) ?? []);
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valid(s, depth + 1)])), { requiredKeys: [...required].filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A valid value with one hostile change: a field replaced, a field added, the whole thing replaced. */
function hostile(schema: Schema | null): fc.Arbitrary<unknown> {
  const base = valid(schema ?? undefined);
  return fc.oneof(
    { weight: 3, arbitrary: base },
    { weight: 3, arbitrary: fc.tuple(base, hostileValue, fc.nat()).map(([v, bad, i]) => replaceOne(v, bad, i)) },
    { weight: 1, arbitrary: fc.tuple(base, hostileString, hostileValue).map(([v, k, bad]) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...v, [k || 'extra']: bad } : v)) },
    { weight: 1, arbitrary: hostileValue },
  );
}

/** Replace the i-th leaf (or member) of `v`, depth first. */
function replaceOne(v: unknown, bad: unknown, i: number): unknown {
  if (!v || typeof v !== 'object') return bad;
  const entries = Object.entries(v as Record<string, unknown>);
  if (!entries.length) return bad;
  const [k, child] = entries[i % entries.length]!;
  const copy: any = Array.isArray(v) ? [...v] : { ...v };
  copy[k] = child && typeof child === 'object' && i % 2 ? replaceOne(child, bad, Math.floor(i / 2)) : bad;
  return copy;
}

const rawBodies = fc.constantFrom(
  { text: '{"type": "a", "payload": ', type: 'application/json' },
  { text: '', type: 'application/json' },
  { text: 'null', type: 'application/json' },
  { text: '{"__proto__": {"admin": true}}', type: 'application/json' },
  { text: '{"constructor": {"prototype": {"admin": true}}}', type: 'application/json' },
  { text: '[' .repeat(100) + ']'.repeat(100), type: 'application/json' },
  { text: '{"a":1}', type: 'text/plain' },
  { text: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
  { text: '{"a":1}', type: 'application/json; charset=utf-16' },
  { text: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--', type: 'multipart/form-data; boundary=x' },
  { text: '{"a": NaN, "b": Infinity}', type: 'application/json' },
  { text: '\ufeff{"name":"bom"}', type: 'application/json' },
  { text: 'x'.repeat(1024 * 1024 + 10), type: 'application/json' },
);

function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const idFor = (name: string): fc.Arbitrary<string> => {
    const key = name === 'msg' ? 'msg' : name;
    // Deleting the fixtures would leave the rest of the run nothing real to aim at.
    const ours = op.method === 'DELETE' ? [] : [fc.constant(mine[key] ?? 'x')];
    return fc.oneof(...ours, ...ours, fc.constant(theirs[key] ?? 'y'), hostileString.filter((s) => s.length > 0 && s.length < 2000));
  };
  const query = fc.array(
    fc.oneof(
      ...op.params.filter((p) => p.in === 'query').map((p) => fc.tuple(fc.constant(p.name), fc.oneof(valid(p.schema).map(String), hostileString))),
      fc.tuple(hostileString, hostileString),
    ),
    { maxLength: 4 },
  );
  const headers = fc.oneof(
    { weight: 4, arbitrary: fc.constant({}) },
    { weight: 1, arbitrary: fc.record({ 'idempotency-key': fc.oneof(fc.string({ maxLength: 10 }), hostileString.filter((s) => /^[\x20-\x7e]*$/.test(s))) }) },
    { weight: 1, arbitrary: fc.record({ 'x-herald-tenant': fc.constantFrom(mine.tenant!, theirs.tenant!, 'tnt_x'), 'x-herald-environment': fc.constantFrom('test', 'live', 'prod') }) },
  );
  const body: fc.Arbitrary<FuzzRequest['body']> = op.body
    ? fc.oneof({ weight: 8, arbitrary: hostile(op.body).map((value) => ({ kind: 'json' as const, value })) }, { weight: 2, arbitrary: rawBodies.map((r) => ({ kind: 'raw' as const, ...r })) }, { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) })
    : fc.oneof({ weight: 6, arbitrary: fc.constant({ kind: 'none' as const }) }, { weight: 1, arbitrary: hostileValue.map((value) => ({ kind: 'json' as const, value })) });
  const credentials = op.path.startsWith('/api/v1/tenants') || op.path.startsWith('/api/v1/signing-keys') ? ['admin', 'admin', 'key', 'none'] : ['key', 'key', 'key', 'other', 'portal', 'admin', 'none', 'bad'];
  return fc.record({
    auth: fc.constantFrom(...credentials),
    path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, idFor(p.name)]))) as fc.Arbitrary<Record<string, string>>,
    query,
    headers,
    body,
  });
}

/** Percent-encoding that also carries lone surrogates, as the bytes of one (invalid UTF-8). */
const enc = (s: string) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\u0000')).replace(/%00/g, '%ED%A0%80');

async function send(op: Operation, r: FuzzRequest) {
  const path = op.path.replace(/\{([a-z]+)\}/g, (_m, name: string) => enc(r.path[name] ?? 'x'));
  const qs = r.query.map(([k, v]) => `${enc(k)}=${enc(v)}`).join('&');
  const headers: Record<string, string> = { ...r.headers };
  const credential = { key: auth.key, other: auth.other, admin: auth.admin, portal: auth.portal, bad: 'Bearer hk_test_nope', none: undefined }[r.auth as 'key'];
  if (credential) headers.authorization = credential;
  let payload: string | undefined;
  if (r.body.kind === 'json') {
    payload = JSON.stringify(r.body.value) ?? 'null';
    headers['content-type'] = 'application/json';
  } else if (r.body.kind === 'raw') {
    payload = r.body.text;
    headers['content-type'] = r.body.type;
  }
  const res = await h.herald.api.inject({ method: op.method as 'GET', url: qs ? `${path}?${qs}` : path, headers, ...(payload !== undefined ? { payload } : {}) });
  let body: unknown = res.body;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, body, headers: res.headers as Record<string, unknown> };
}

test('every operation, fuzzed from its OpenAPI schemas: no 5xx, problem JSON on every 4xx, nothing written when refused', async (t) => {
  assert.ok(ops.length >= 50, `${ops.length} operations in the OpenAPI document`);
  const deadline = Date.now() + TIME_LIMIT_MS;
  for (const op of ops) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    const out = await fc.check(
      fc.asyncProperty(requestFor(op), async (r) => {
        const before = await rowCounts(h);
        const res = await send(op, r);
        tally.requests++;
        const cls = `${Math.floor(res.status / 100)}xx`;
        tally.byClass[cls] = (tally.byClass[cls] ?? 0) + 1;
        assert.ok(res.status < 500, `${op.method} ${op.path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        if (res.status >= 400) {
          tally.refused++;
          assert.ok(isProblem(res), `${op.method} ${op.path} → ${res.status} is not problem JSON: ${JSON.stringify(res.body).slice(0, 300)}`);
          assert.deepEqual(await rowCounts(h), before, `${op.method} ${op.path} → ${res.status} but wrote rows`);
        }
      }),
      { numRuns: RUNS_PER_OPERATION, seed: SEED, interruptAfterTimeLimit: left, markInterruptAsFailure: false },
    );
    if (out.failed) {
      const why = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
      assert.fail(`${why}\n  request: ${fc.stringify(out.counterexample)}\n  replay: HERALD_FUZZ_SEED=${out.seed} (path ${out.counterexamplePath})`);
    }
  }
  t.diagnostic(`fuzz: ${ops.length} operations, ${tally.requests} requests (${Object.entries(tally.byClass).map(([k, v]) => `${k} ${v}`).join(', ')}), ${tally.refused} refused, seed ${SEED}`);
  assert.ok(tally.requests >= ops.length * Math.min(RUNS_PER_OPERATION, 5), `${tally.requests} requests`);
});
