import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Webhook, WebhookVerificationError, verifyWebhookSignature } from '../src/index.js';

// Vectors computed independently (Python hmac/hashlib and the cryptography package).
const vectors = JSON.parse(readFileSync(new URL('../../../test-vectors/signatures.json', import.meta.url), 'utf8'));
const at = (seconds: number) => () => new Date(seconds * 1000);
const rejects = (p: Promise<unknown>, message?: RegExp) =>
  assert.rejects(p, (err: unknown) => err instanceof WebhookVerificationError && (!message || message.test((err as Error).message)));

test('standard: every vector verifies, including one of several signatures', async () => {
  for (const v of vectors.standard) {
    const wh = new Webhook(v.secret, { now: at(v.timestamp) });
    const headers = { 'webhook-id': v.id, 'webhook-timestamp': String(v.timestamp), 'webhook-signature': `v1,bogus ${v.signature}` };
    assert.deepEqual(await wh.verify(v.body, headers), JSON.parse(v.body));
  }
});

test('standard-ed25519: verifies v1a with the whpk_ key; rejects tampering, other keys and HMAC signatures', async () => {
  const [v] = vectors['standard-ed25519'];
  const headers = { 'webhook-id': v.id, 'webhook-timestamp': String(v.timestamp), 'webhook-signature': v.signature };
  const wh = new Webhook(v.public_key, { now: at(v.timestamp) });
  assert.deepEqual(await wh.verify(v.body, headers), JSON.parse(v.body));
  await rejects(wh.verify(v.body.replace('42', '43'), headers), /No matching signature/);
  await rejects(wh.verify(v.body, { ...headers, 'webhook-signature': 'v1,' + v.signature.slice(4) }));
  const other = new Webhook('whpk_' + Buffer.alloc(32, 3).toString('base64'), { now: at(v.timestamp) });
  await rejects(other.verify(v.body, headers));
  await rejects(new Webhook(v.public_key, { now: at(v.timestamp + 301) }).verify(v.body, headers), /too old/);
  assert.throws(() => new Webhook('whpk_AAAA'), /32 bytes/);
});

test('hmac-hex: raw-body and timestamp.body vectors; tampering and wrong secrets fail', async () => {
  for (const v of vectors['hmac-hex']) {
    const headers = { 'X-Webhook-ID': v.id, 'X-Webhook-Timestamp': String(v.timestamp), 'X-Webhook-Signature': v.signature };
    const wh = new Webhook(v.secret, { scheme: 'hmac-hex', signedContent: v.signed_content, now: at(v.timestamp + 7200) });
    assert.deepEqual(await wh.verify(v.body, headers), JSON.parse(v.body), v.signed_content);
    await rejects(wh.verify(v.body + ' ', headers));
    await rejects(new Webhook('whsec_other_secret_value', { scheme: 'hmac-hex', signedContent: v.signed_content }).verify(v.body, headers));
  }
  const [v] = vectors['hmac-hex'];
  const headers = { 'X-Webhook-ID': v.id, 'X-Webhook-Timestamp': String(v.timestamp), 'X-Webhook-Signature': v.signature };
  // The timestamp is the event's creation time, so it is only checked when asked.
  await rejects(new Webhook(v.secret, { scheme: 'hmac-hex', toleranceSeconds: 300, now: at(v.timestamp + 7200) }).verify(v.body, headers), /too old/);
  await rejects(new Webhook(v.secret, { scheme: 'hmac-hex' }).verify(v.body, { 'X-Webhook-Signature': v.signature }), /Missing/);
});

test('timestamped: verifyWebhookSignature as seed 003 calls it, with one or several v1= values', async () => {
  for (const v of vectors.timestamped) {
    for (const secret of v.secrets) {
      const event = await verifyWebhookSignature(v.body, v.header, secret, { now: at(v.timestamp) });
      assert.deepEqual(event, JSON.parse(v.body));
      const wh = new Webhook(secret, { scheme: 'timestamped', headerName: v.header_name, now: at(v.timestamp) });
      assert.deepEqual(await wh.verify(v.body, { [v.header_name.toLowerCase()]: v.header }), JSON.parse(v.body));
    }
  }
  const [v] = vectors.timestamped;
  await rejects(verifyWebhookSignature(v.body, v.header, 'whsec_wrong', { now: at(v.timestamp) }), /No matching/);
  await rejects(verifyWebhookSignature(v.body.replace('42', '24'), v.header, v.secrets[0], { now: at(v.timestamp) }));
  await rejects(verifyWebhookSignature(v.body, v.header, v.secrets[0], { now: at(v.timestamp + 301) }), /too old/);
  await rejects(verifyWebhookSignature(v.body, undefined, v.secrets[0]), /Missing/);
  await rejects(verifyWebhookSignature(v.body, 't=1704067200', v.secrets[0]), /no v1=/);
  await rejects(verifyWebhookSignature(v.body, v.header.replace('t=1704067200', 't=1704067201'), v.secrets[0], { now: at(v.timestamp) }));
});
