import { createHmac } from 'node:crypto';
import type { SignatureScheme } from './scheme.js';

export const DEFAULT_TIMESTAMPED_HEADER = 'X-Webhook-Signature';

/**
 * Seed 003's contract: `<Name>-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]` with
 * HMAC-SHA256(secret as UTF-8, `t + "." + raw_body`); one `v1=` per live secret.
 */
export const timestampedScheme: SignatureScheme = {
  name: 'timestamped',
  description: '<header_name>: t=<unix>,v1=<hex HMAC-SHA256(secret as UTF-8, "t.body")>, one v1= per live secret',
  sign({ timestamp, body, keys, options }) {
    const content = `${timestamp}.${body}`;
    const v1 = keys.map((k) => 'v1=' + createHmac('sha256', k.secret).update(content).digest('hex'));
    return { [options.header_name ?? DEFAULT_TIMESTAMPED_HEADER]: [`t=${timestamp}`, ...v1].join(',') };
  },
};
