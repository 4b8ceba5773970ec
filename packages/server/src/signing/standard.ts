import { createHmac } from 'node:crypto';
import { standardHeaders, type SignatureScheme } from './scheme.js';

/** The HMAC key of a Standard Webhooks secret: the base64-decoded part after `whsec_`. */
export function standardKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

/**
 * Standard Webhooks v1: HMAC-SHA256 over `id.timestamp.body`, keyed with the base64-decoded part
 * of the secret after `whsec_`; `webhook-signature` lists one `v1,<base64>` per live secret.
 */
export const standardScheme: SignatureScheme = {
  name: 'standard',
  description: 'webhook-signature: v1,<base64 HMAC-SHA256(base64-decoded whsec_ key, "id.timestamp.body")>, one per live secret',
  sign({ id, timestamp, body, keys, options }) {
    const content = `${id}.${timestamp}.${body}`;
    return standardHeaders(options, id, timestamp, keys.map((k) => 'v1,' + createHmac('sha256', standardKey(k.secret)).update(content).digest('base64')).join(' '));
  },
};
