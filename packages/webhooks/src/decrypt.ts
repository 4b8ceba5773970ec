import { base64UrlToBytes as fromBase64Url } from './encoding.js';
import { WebhookVerificationError } from './errors.js';

export interface EncryptedData {
  alg: 'A256GCM';
  key_id: string;
  iv: string;
  ciphertext: string;
  tag: string;
}

/**
 * Decrypt an envelope's encrypted `data` (AES-256-GCM, seed 004): pick the key by `key_id` from
 * your map of webhook keys (key id → base64 key, as returned when each key was created) and
 * return the parsed payload. Verify the signature first: it covers the encrypted body.
 *
 * @example
 * const envelope = await wh.verify(rawBody, req.headers);
 * const data = await decryptData(envelope, { key_01h…: process.env.WEBHOOK_KEY_1, key_01j…: process.env.WEBHOOK_KEY_2 });
 */
export async function decryptData<T = any>(envelope: unknown, keys: Record<string, string>, field = 'data'): Promise<T> {
  const encrypted = (envelope as Record<string, unknown>)?.[field] as Partial<EncryptedData> | undefined;
  if (!encrypted || encrypted.alg !== 'A256GCM' || !encrypted.iv || !encrypted.ciphertext || !encrypted.tag) {
    throw new WebhookVerificationError(`The envelope's "${field}" is not A256GCM-encrypted data`);
  }
  const keyId = encrypted.key_id ?? ((envelope as Record<string, unknown>).key_id as string | undefined);
  const key = keyId ? keys[keyId] : undefined;
  if (!keyId || !key) throw new WebhookVerificationError(`No key for key_id "${keyId}": add it to the key map`);
  const raw = fromBase64Url(key.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
  if (raw.length !== 32) throw new WebhookVerificationError(`Key "${keyId}" is not 32 bytes`);
  const cryptoKey = await crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['decrypt']);
  const ct = fromBase64Url(encrypted.ciphertext);
  const tag = fromBase64Url(encrypted.tag);
  const sealed = new Uint8Array(ct.length + tag.length);
  sealed.set(ct);
  sealed.set(tag, ct.length);
  let plain: ArrayBuffer;
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(encrypted.iv), tagLength: 128 }, cryptoKey, sealed);
  } catch (cause) {
    throw new WebhookVerificationError(`Could not decrypt with key "${keyId}": wrong key or tampered data`, { cause });
  }
  const text = new TextDecoder().decode(plain);
  return JSON.parse(text) as T;
}
