import { hmacSha256, bytesToHex, rawBodyToString, timingSafeEqual, utf8 } from './encoding.js';
import { WebhookVerificationError } from './errors.js';
import { checkTimestamp, parseJson } from './timestamp.js';

export interface TimestampedOptions {
  /** Allowed clock difference in seconds; default 300. */
  toleranceSeconds?: number;
  now?: () => Date;
}

/**
 * Verify a `timestamped` signature header: `t=<unix>,v1=<hex>[,v1=<hex>…]` where each v1 is
 * HMAC-SHA256(signing secret as UTF-8, `t + "." + raw body`). Returns the parsed event.
 *
 * @example
 * const event = await verifyWebhookSignature(req.body.toString(), req.headers['x-klarefi-signature'], 'whsec_…');
 * if (event.event === 'session.complete') …
 */
export async function verifyWebhookSignature<T = any>(
  rawBody: string | Uint8Array | ArrayBuffer,
  signatureHeader: string | undefined | null,
  signingSecret: string,
  options: TimestampedOptions = {},
): Promise<T> {
  if (!signatureHeader) throw new WebhookVerificationError('Missing signature header');
  let t: string | undefined;
  const v1: string[] = [];
  for (const part of signatureHeader.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't') t = value;
    else if (key === 'v1' && value) v1.push(value);
  }
  if (!v1.length) throw new WebhookVerificationError('Signature header has no v1= signature');
  const seconds = checkTimestamp(t, options.toleranceSeconds ?? 300, (options.now ?? (() => new Date()))());
  const body = rawBodyToString(rawBody);
  const expected = bytesToHex(await hmacSha256(utf8(signingSecret), `${seconds}.${body}`));
  if (!v1.some((candidate) => timingSafeEqual(candidate, expected))) throw new WebhookVerificationError('No matching signature found');
  return parseJson(body) as T;
}
