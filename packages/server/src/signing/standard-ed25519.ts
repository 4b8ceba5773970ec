import { sign } from 'node:crypto';
import { standardHeaders, type SignatureScheme } from './scheme.js';

/**
 * Standard Webhooks v1a: Ed25519 over `id.timestamp.body` with the endpoint's `whsk_` key;
 * receivers verify with the `whpk_` public key, so a leaked verifying key cannot forge.
 */
export const standardEd25519Scheme: SignatureScheme = {
  name: 'standard-ed25519',
  description: 'webhook-signature: v1a,<base64 Ed25519(whsk_ key, "id.timestamp.body")>, one per live key; verify with the whpk_ public key',
  sign({ id, timestamp, body, keys, options }) {
    const content = Buffer.from(`${id}.${timestamp}.${body}`);
    const signature = keys
      .map((k) => {
        if (!k.ed25519) throw new Error('standard-ed25519 needs an endpoint key pair; a bare secret cannot sign it');
        return 'v1a,' + sign(null, content, k.ed25519).toString('base64');
      })
      .join(' ');
    return standardHeaders(options, id, timestamp, signature);
  },
};
