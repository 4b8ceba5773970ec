import { createHmac } from 'node:crypto';
import type { SignatureScheme } from './scheme.js';

/**
 * Standard Webhooks v1: HMAC-SHA256 over `id.timestamp.body`, keyed with the base64-decoded part
 * of the secret after `whsec_`; `webhook-signature` lists one `v1,<base64>` per live secret.
 */
export const standardScheme: SignatureScheme = {
  name: 'standard',
  sign({ id, timestamp, body, secrets }) {
    const content = `${id}.${timestamp}.${body}`;
    const signatures = secrets.map((secret) => {
      const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
      return 'v1,' + createHmac('sha256', key).update(content).digest('base64');
    });
    return {
      'webhook-id': id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatures.join(' '),
    };
  },
};
