import { createHmac } from 'node:crypto';
import type { SignatureScheme } from './scheme.js';

/**
 * Seed 002's contract: `X-Webhook-ID`, `X-Webhook-Timestamp` (when the event was created),
 * `X-Webhook-Signature: sha256=<hex>`. The HMAC key is the whole secret string as UTF-8 (what a
 * receiver written from that document does); the content is the raw body, or `timestamp.body`.
 * The header has room for one signature, so during a rotation only the newest secret signs.
 */
export const hmacHexScheme: SignatureScheme = {
  name: 'hmac-hex',
  description: 'X-Webhook-Signature: sha256=<hex HMAC-SHA256(secret as UTF-8, raw body | "timestamp.body")>, newest secret only',
  sign({ id, createdAt, body, keys, options }) {
    const content = options.signed_content === 'timestamp.body' ? `${createdAt}.${body}` : body;
    return {
      'X-Webhook-ID': id,
      'X-Webhook-Timestamp': String(createdAt),
      'X-Webhook-Signature': 'sha256=' + createHmac('sha256', keys[0]!.secret).update(content).digest('hex'),
    };
  },
};
