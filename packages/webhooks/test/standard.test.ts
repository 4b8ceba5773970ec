import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Webhook, WebhookVerificationError } from '../src/index.js';

const vectors = JSON.parse(readFileSync(new URL('../../../test-vectors/signatures.json', import.meta.url), 'utf8'));
const vector = vectors.standard[0];
const at = (seconds: number) => () => new Date(seconds * 1000);

// Independent fixture: node:crypto, not the code under test.
function signIndependently(secret: string, id: string, ts: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${id}.${ts}.${body}`).digest('base64');
}

const secret = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
const now = 1_700_000_000;
const body = JSON.stringify({ type: 'invoice.paid', data: { amount: 5 } });
const goodHeaders = () => ({
  'webhook-id': 'msg_1',
  'webhook-timestamp': String(now),
  'webhook-signature': signIndependently(secret, 'msg_1', now, body),
});

test('signs the Standard Webhooks test vector', async () => {
  const wh = new Webhook(vector.secret);
  assert.equal(await wh.sign(vector.id, vector.timestamp, vector.body), vector.signature);
});

test('verifies the Standard Webhooks test vector', async () => {
  const wh = new Webhook(vector.secret, { now: at(vector.timestamp) });
  const event = await wh.verify(vector.body, {
    'webhook-id': vector.id,
    'webhook-timestamp': String(vector.timestamp),
    'webhook-signature': vector.signature,
  });
  assert.deepEqual(event, { test: 2432232314 });
});

test('verifies a body signed independently, from bytes and with a Headers instance', async () => {
  const wh = new Webhook(secret, { now: at(now) });
  assert.deepEqual(await wh.verify(Buffer.from(body), new Headers(goodHeaders())), JSON.parse(body));
});

test('header names are case-insensitive in a plain record', async () => {
  const wh = new Webhook(secret, { now: at(now) });
  const h = goodHeaders();
  const upper = { 'Webhook-Id': h['webhook-id'], 'Webhook-Timestamp': h['webhook-timestamp'], 'Webhook-Signature': h['webhook-signature'] };
  assert.deepEqual(await wh.verify(body, upper), JSON.parse(body));
});

test('accepts when any one of several space-separated signatures matches', async () => {
  const wh = new Webhook(secret, { now: at(now) });
  const other = signIndependently('whsec_' + Buffer.alloc(32, 9).toString('base64'), 'msg_1', now, body);
  const h = { ...goodHeaders(), 'webhook-signature': `v1a,abc ${other} ${goodHeaders()['webhook-signature']}` };
  assert.deepEqual(await wh.verify(body, h), JSON.parse(body));
});

for (const missing of ['webhook-id', 'webhook-timestamp', 'webhook-signature'] as const) {
  test(`rejects a request without ${missing}`, async () => {
    const wh = new Webhook(secret, { now: at(now) });
    const h: Record<string, string> = goodHeaders();
    delete h[missing];
    await assert.rejects(wh.verify(body, h), (err: unknown) => err instanceof WebhookVerificationError && /Missing/.test(err.message));
  });
}

test('rejects a tampered body', async () => {
  const wh = new Webhook(secret, { now: at(now) });
  await assert.rejects(wh.verify(body.replace('5', '6'), goodHeaders()), WebhookVerificationError);
});

test('rejects a signature made with another secret', async () => {
  const wh = new Webhook('whsec_' + Buffer.alloc(32, 8).toString('base64'), { now: at(now) });
  await assert.rejects(wh.verify(body, goodHeaders()), /No matching signature/);
});

test('rejects a correct value under the wrong version tag', async () => {
  const wh = new Webhook(secret, { now: at(now) });
  const h = { ...goodHeaders(), 'webhook-signature': goodHeaders()['webhook-signature'].replace('v1,', 'v2,') };
  await assert.rejects(wh.verify(body, h), WebhookVerificationError);
});

test('rejects timestamps outside the 5 minute tolerance, both ways, and accepts inside it', async () => {
  await assert.rejects(new Webhook(secret, { now: at(now + 301) }).verify(body, goodHeaders()), /too old/);
  await assert.rejects(new Webhook(secret, { now: at(now - 301) }).verify(body, goodHeaders()), /too new/);
  assert.ok(await new Webhook(secret, { now: at(now + 299) }).verify(body, goodHeaders()));
});

test('rejects a non-numeric timestamp', async () => {
  const wh = new Webhook(secret, { now: at(now) });
  await assert.rejects(wh.verify(body, { ...goodHeaders(), 'webhook-timestamp': '17e8' }), /Invalid or missing timestamp/);
});

test('rejects a validly signed body that is not JSON', async () => {
  const wh = new Webhook(secret, { now: at(now) });
  const raw = 'not json';
  const h = { ...goodHeaders(), 'webhook-signature': signIndependently(secret, 'msg_1', now, raw) };
  await assert.rejects(wh.verify(raw, h), /not valid JSON/);
});

test('the error class survives instanceof checks', () => {
  const err = new WebhookVerificationError('x');
  assert.ok(err instanceof WebhookVerificationError);
  assert.ok(err instanceof Error);
  assert.equal(err.name, 'WebhookVerificationError');
});
