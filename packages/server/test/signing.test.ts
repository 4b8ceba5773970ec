import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openKeys, sealKeys, generateEndpointKeys } from '../src/crypto/endpoint-keys.js';
import { makeSecretBox } from '../src/crypto/secret-box.js';
import { getScheme } from '../src/signing/index.js';
import { buildBody, ENVELOPES, resolveEnvelope } from '../src/envelopes/index.js';

// The server's signers must produce exactly the independently computed vectors the SDKs verify.
const vectors = JSON.parse(readFileSync(new URL('../../../test-vectors/signatures.json', import.meta.url), 'utf8'));
const box = makeSecretBox(Buffer.alloc(32, 5));
const keyFromSecret = (secret: string) => ({ secret });

test('standard signs every vector', () => {
  for (const v of vectors.standard) {
    const headers = getScheme('standard').sign({ id: v.id, timestamp: v.timestamp, createdAt: 0, body: v.body, keys: [keyFromSecret(v.secret)], options: {} });
    assert.equal(headers['webhook-signature'], v.signature);
    assert.equal(headers['webhook-id'], v.id);
    assert.equal(headers['webhook-timestamp'], String(v.timestamp));
  }
});

test("standard schemes sign under Svix's svix-* names, or both sets, when the options say so", () => {
  const [v] = vectors.standard;
  const sign = (header_names: 'webhook' | 'svix' | 'both') =>
    getScheme('standard').sign({ id: v.id, timestamp: v.timestamp, createdAt: 0, body: v.body, keys: [keyFromSecret(v.secret)], options: { header_names } });
  assert.deepEqual(sign('svix'), { 'svix-id': v.id, 'svix-timestamp': String(v.timestamp), 'svix-signature': v.signature });
  assert.deepEqual(Object.keys(sign('both')).sort(), ['svix-id', 'svix-signature', 'svix-timestamp', 'webhook-id', 'webhook-signature', 'webhook-timestamp']);
  assert.deepEqual(sign('webhook'), { 'webhook-id': v.id, 'webhook-timestamp': String(v.timestamp), 'webhook-signature': v.signature });
});

test('standard-ed25519 signs the vector from its whsk_ key', () => {
  const [v] = vectors['standard-ed25519'];
  const sealed = box.seal(JSON.stringify({ secret: 'whsec_x', signing_key: v.signing_key }));
  const keys = openKeys(box, sealed);
  const headers = getScheme('standard-ed25519').sign({ id: v.id, timestamp: v.timestamp, createdAt: 0, body: v.body, keys: [keys], options: {} });
  assert.equal(headers['webhook-signature'], v.signature);
});

test('hmac-hex signs both content variants, with the creation time as X-Webhook-Timestamp', () => {
  for (const v of vectors['hmac-hex']) {
    const headers = getScheme('hmac-hex').sign({
      id: v.id, timestamp: v.timestamp + 9999, createdAt: v.timestamp, body: v.body, keys: [keyFromSecret(v.secret), keyFromSecret('whsec_older')], options: { signed_content: v.signed_content },
    });
    assert.deepEqual(headers, { 'X-Webhook-ID': v.id, 'X-Webhook-Timestamp': String(v.timestamp), 'X-Webhook-Signature': v.signature });
  }
});

test('timestamped signs with every live secret under the configured header', () => {
  for (const v of vectors.timestamped) {
    const headers = getScheme('timestamped').sign({
      id: 'x', timestamp: v.timestamp, createdAt: 0, body: v.body, keys: v.secrets.map(keyFromSecret), options: { header_name: v.header_name },
    });
    assert.deepEqual(headers, { [v.header_name]: v.header });
  }
});

test('endpoint keys: whsec_ 32 bytes, whpk_ 32 bytes; sealed material opens to a key that signs verifiably', async () => {
  const keys = generateEndpointKeys();
  assert.equal(Buffer.from(keys.secret.slice(6), 'base64').length, 32);
  assert.equal(Buffer.from(keys.publicKey.slice(5), 'base64').length, 32);
  const opened = openKeys(box, sealKeys(box, keys));
  assert.equal(opened.secret, keys.secret);
  const sig = getScheme('standard-ed25519').sign({ id: 'm', timestamp: 1, createdAt: 1, body: '{}', keys: [opened], options: {} })['webhook-signature']!;
  const { Webhook } = await import('@herald/webhooks');
  assert.deepEqual(await new Webhook(keys.publicKey, { toleranceSeconds: null }).verify('{}', { 'webhook-id': 'm', 'webhook-timestamp': '1', 'webhook-signature': sig }), {});
});

test('envelopes are data: each named shape builds the documented body', () => {
  const input = { id: 'evt_1', type: 'case.completed', payload: JSON.stringify({ case_id: 'c1', session_id: 's1', score: 9 }), createdAt: Date.UTC(2026, 0, 2, 3, 4, 5) };
  const body = (name: string) => JSON.parse(buildBody(resolveEnvelope(name), input));
  assert.deepEqual(body('standard'), { type: 'case.completed', timestamp: '2026-01-02T03:04:05.000Z', data: { case_id: 'c1', session_id: 's1', score: 9 } });
  assert.deepEqual(body('classic'), { id: 'evt_1', type: 'case.completed', created: 1767323045, data: { case_id: 'c1', session_id: 's1', score: 9 } });
  assert.deepEqual(body('versioned'), { id: 'evt_1', type: 'case.completed', version: '1.0', created_at: '2026-01-02T03:04:05.000Z', data: { case_id: 'c1', session_id: 's1', score: 9 } });
  assert.deepEqual(body('event'), { id: 'evt_1', event: 'case.completed', created_at: '2026-01-02T03:04:05.000Z', case_id: 'c1', session_id: 's1', data: { score: 9 } });
  assert.deepEqual(body('flat'), { type: 'case.completed', case_id: 'c1', session_id: 's1', score: 9 });
  assert.equal(buildBody(resolveEnvelope('raw'), input), input.payload);
  // Envelopes that carry the payload under one key splice the stored text; the general path
  // (forced here by a lift field the payload does not have) parses and re-serialises. Same bytes.
  const rich = { ...input, payload: JSON.stringify({ text: 'é \u2028 "quoted" </script>', n: [1, 2.5, -0, 1e21, { x: null }], nested: { deep: [true] } }) };
  for (const name of Object.keys(ENVELOPES)) {
    const spec = resolveEnvelope(name);
    if (spec.lift_fields.length) continue;
    assert.equal(buildBody(spec, rich), buildBody({ ...spec, lift_fields: ['absent_field'] }, rich), `envelope ${name}`);
  }
  // A custom spec is just data.
  const custom = buildBody(resolveEnvelope({ ...ENVELOPES.standard!, type_field: 'kind', timestamp_format: 'unix_ms', static_fields: { v: 2 } }), input);
  assert.deepEqual(JSON.parse(custom), { kind: 'case.completed', v: 2, timestamp: 1767323045000, data: { case_id: 'c1', session_id: 's1', score: 9 } });
  assert.throws(() => resolveEnvelope('nope'), /Unknown envelope/);
});
