import { WebhookVerificationError } from './errors.js';
import { type Bytes, base64ToBytes, bytesToBase64, hmacSha256, rawBodyToString, timingSafeEqual } from './encoding.js';

/** Headers as a Fetch `Headers`, a Node `IncomingHttpHeaders`, or a plain record (any case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface WebhookOptions {
  /** Allowed clock difference in seconds between sender and receiver. Default 300 (5 minutes). */
  toleranceSeconds?: number;
  /** Clock used for the tolerance check; handy in tests. */
  now?: () => Date;
}

const SECRET_PREFIX = 'whsec_';

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const direct = record[name] ?? Object.entries(record).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(direct) ? direct.join(' ') : direct;
}

/**
 * Standard Webhooks verifier (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64>`).
 *
 * @example
 * const wh = new Webhook(process.env.WEBHOOK_SECRET);
 * const event = await wh.verify(rawBody, req.headers); // throws WebhookVerificationError
 */
export class Webhook {
  readonly #key: Bytes;
  readonly #tolerance: number;
  readonly #now: () => Date;

  constructor(secret: string, options: WebhookOptions = {}) {
    if (!secret) throw new Error('Webhook secret is required');
    const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
    try {
      this.#key = base64ToBytes(encoded);
    } catch (cause) {
      throw new Error('Webhook secret must be "whsec_" followed by base64', { cause });
    }
    this.#tolerance = options.toleranceSeconds ?? 300;
    this.#now = options.now ?? (() => new Date());
  }

  /** Compute the `webhook-signature` value for a message (used by tests and senders). */
  async sign(id: string, timestamp: Date | number, body: string): Promise<string> {
    const seconds = typeof timestamp === 'number' ? timestamp : Math.floor(timestamp.getTime() / 1000);
    const mac = await hmacSha256(this.#key, `${id}.${seconds}.${body}`);
    return `v1,${bytesToBase64(mac)}`;
  }

  /** Verify the signature and timestamp; return the parsed JSON body. */
  async verify(rawBody: string | Uint8Array | ArrayBuffer, headers: WebhookHeaders): Promise<unknown> {
    const id = header(headers, 'webhook-id');
    const timestamp = header(headers, 'webhook-timestamp');
    const signatures = header(headers, 'webhook-signature');
    if (!id || !timestamp || !signatures) {
      throw new WebhookVerificationError('Missing required headers: webhook-id, webhook-timestamp, webhook-signature');
    }
    const seconds = this.#checkTimestamp(timestamp);
    const body = rawBodyToString(rawBody);
    const expected = (await this.sign(id, seconds, body)).slice('v1,'.length);
    const matched = signatures
      .split(' ')
      .filter(Boolean)
      .some((candidate) => {
        const [version, value] = candidate.split(',', 2);
        return version === 'v1' && value !== undefined && timingSafeEqual(value, expected);
      });
    if (!matched) throw new WebhookVerificationError('No matching signature found');
    try {
      return JSON.parse(body);
    } catch (cause) {
      throw new WebhookVerificationError('Signed body is not valid JSON', { cause });
    }
  }

  #checkTimestamp(value: string): number {
    if (!/^\d+$/.test(value)) throw new WebhookVerificationError('Invalid webhook-timestamp header');
    const seconds = Number(value);
    const now = Math.floor(this.#now().getTime() / 1000);
    if (seconds < now - this.#tolerance) throw new WebhookVerificationError('Message timestamp too old');
    if (seconds > now + this.#tolerance) throw new WebhookVerificationError('Message timestamp too new');
    return seconds;
  }
}
