import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { decryptData, WebhookVerificationError } from '../src/index.js';

// Vectors encrypted with the Python cryptography package, independently of Herald.
const vectors = JSON.parse(readFileSync(new URL('../../../test-vectors/encryption.json', import.meta.url), 'utf8')).a256gcm;
const keys = Object.fromEntries(vectors.map((v: { key_id: string; key: string }) => [v.key_id, v.key]));

test('decrypts envelopes made with the old and the new key from one key map', async () => {
  for (const v of vectors) assert.deepEqual(await decryptData(v.envelope, keys), JSON.parse(v.plaintext));
});

test('a missing key, a wrong key, tampered ciphertext and plain data are errors in words', async () => {
  const [v] = vectors;
  await assert.rejects(decryptData(v.envelope, {}), /No key for key_id "key_old"/);
  await assert.rejects(decryptData(v.envelope, { key_old: vectors[1].key }), /wrong key or tampered/);
  const tampered = structuredClone(v.envelope);
  tampered.data.tag = 'A' + tampered.data.tag.slice(1);
  await assert.rejects(decryptData(tampered, keys), (e: unknown) => e instanceof WebhookVerificationError);
  await assert.rejects(decryptData({ data: { a: 1 } }, keys), /not A256GCM/);
});
