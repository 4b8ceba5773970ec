import { base64ToBytes, bytesToBase64, bytesToHex, ed25519Verify, hmacSha256, rawBodyToString, timingSafeEqual, utf8, type Bytes } from './encoding.js';
import { WebhookVerificationError } from './errors.js';
import { header, type WebhookHeaders } from './headers.js';
import { checkTimestamp, parseJson } from './timestamp.js';
import { verifyWebhookSignature } from './timestamped.js';

export type Scheme = 'standard' | 'standard-ed25519' | 'hmac-hex' | 'timestamped';

export interface WebhookOptions {
  /** Default: `standard`, or `standard-ed25519` when the key is a `whpk_` public key. */
  scheme?: Scheme;
  /**
   * Allowed clock difference in seconds. Default 300 (5 minutes), except `hmac-hex`, whose
   * timestamp is when the event was created (retries keep it), so it is not checked unless set.
   */
  toleranceSeconds?: number | null;
  /** Clock used for the tolerance check; handy in tests. */
  now?: () => Date;
  /** timestamped: the signature header (default `X-Webhook-Signature`). */
  headerName?: string;
  /** hmac-hex: what the sender signed (default the raw body). */
  signedContent?: 'body' | 'timestamp.body';
}

function decodeKey(key: string, prefix: string): Bytes {
  try {
    return base64ToBytes(key.startsWith(prefix) ? key.slice(prefix.length) : key);
  } catch (cause) {
    throw new Error(`The key must be "${prefix}" followed by base64`, { cause });
  }
}

/**
 * Verifies Herald deliveries for every scheme. `standard` is Standard Webhooks v1 (HMAC), so it
 * also verifies any Standard Webhooks sender.
 *
 * @example
 * const wh = new Webhook(process.env.WEBHOOK_SECRET);               // whsec_…: standard
 * const event = await wh.verify(rawBody, req.headers);              // throws WebhookVerificationError
 * const ed = new Webhook('whpk_…');                                 // Ed25519 public key: standard-ed25519
 * const kyc = new Webhook(secret, { scheme: 'hmac-hex' });           // X-Webhook-Signature: sha256=…
 * const kf = new Webhook(secret, { scheme: 'timestamped', headerName: 'X-Klarefi-Signature' });
 */
export class Webhook {
  readonly #secret: string;
  readonly #scheme: Scheme;
  readonly #options: WebhookOptions;

  constructor(secret: string, options: WebhookOptions = {}) {
    if (!secret) throw new Error('Webhook secret is required');
    this.#secret = secret;
    this.#scheme = options.scheme ?? (secret.startsWith('whpk_') ? 'standard-ed25519' : 'standard');
    this.#options = options;
    if (this.#scheme === 'standard') decodeKey(secret, 'whsec_');
    if (this.#scheme === 'standard-ed25519' && decodeKey(secret, 'whpk_').length !== 32) throw new Error('An Ed25519 public key is 32 bytes: whpk_ + base64');
  }

  #now(): Date {
    return (this.#options.now ?? (() => new Date()))();
  }

  /** Compute the `webhook-signature` value a `standard` sender would send (for tests and senders). */
  async sign(id: string, timestamp: Date | number, body: string): Promise<string> {
    const seconds = typeof timestamp === 'number' ? timestamp : Math.floor(timestamp.getTime() / 1000);
    return `v1,${bytesToBase64(await hmacSha256(decodeKey(this.#secret, 'whsec_'), `${id}.${seconds}.${body}`))}`;
  }

  /** Verify signature and timestamp; return the parsed JSON body. */
  async verify(rawBody: string | Uint8Array | ArrayBuffer, headers: WebhookHeaders): Promise<unknown> {
    const body = rawBodyToString(rawBody);
    switch (this.#scheme) {
      case 'standard':
      case 'standard-ed25519':
        return this.#verifyStandard(body, headers);
      case 'hmac-hex':
        return this.#verifyHmacHex(body, headers);
      case 'timestamped':
        return verifyWebhookSignature(body, header(headers, this.#options.headerName ?? 'X-Webhook-Signature'), this.#secret, {
          ...(this.#options.toleranceSeconds != null ? { toleranceSeconds: this.#options.toleranceSeconds } : {}),
          now: () => this.#now(),
        });
    }
  }

  async #verifyStandard(body: string, headers: WebhookHeaders): Promise<unknown> {
    const id = header(headers, 'webhook-id');
    const timestamp = header(headers, 'webhook-timestamp');
    const signatures = header(headers, 'webhook-signature');
    if (!id || !timestamp || !signatures) {
      throw new WebhookVerificationError('Missing required headers: webhook-id, webhook-timestamp, webhook-signature');
    }
    const seconds = checkTimestamp(timestamp, this.#options.toleranceSeconds === undefined ? 300 : this.#options.toleranceSeconds, this.#now());
    const content = `${id}.${seconds}.${body}`;
    const candidates = signatures.split(' ').filter(Boolean).map((c) => c.split(',', 2) as [string, string | undefined]);
    let matched = false;
    if (this.#scheme === 'standard') {
      const expected = bytesToBase64(await hmacSha256(decodeKey(this.#secret, 'whsec_'), content));
      matched = candidates.some(([version, value]) => version === 'v1' && value !== undefined && timingSafeEqual(value, expected));
    } else {
      const publicKey = decodeKey(this.#secret, 'whpk_');
      for (const [version, value] of candidates) {
        if (version !== 'v1a' || !value) continue;
        let signature: Bytes;
        try {
          signature = base64ToBytes(value);
        } catch {
          continue;
        }
        if (signature.length === 64 && (await ed25519Verify(publicKey, signature, content))) {
          matched = true;
          break;
        }
      }
    }
    if (!matched) throw new WebhookVerificationError('No matching signature found');
    return parseJson(body);
  }

  async #verifyHmacHex(body: string, headers: WebhookHeaders): Promise<unknown> {
    const signature = header(headers, 'x-webhook-signature');
    const timestamp = header(headers, 'x-webhook-timestamp');
    if (!signature || !header(headers, 'x-webhook-id')) throw new WebhookVerificationError('Missing required headers: X-Webhook-ID, X-Webhook-Signature');
    const tolerance = this.#options.toleranceSeconds ?? null;
    const signsTimestamp = this.#options.signedContent === 'timestamp.body';
    const seconds = signsTimestamp || tolerance !== null ? checkTimestamp(timestamp, tolerance, this.#now()) : null;
    const content = signsTimestamp ? `${seconds}.${body}` : body;
    const expected = 'sha256=' + bytesToHex(await hmacSha256(utf8(this.#secret), content));
    const matched = signature.split(/[ ,]+/).some((candidate) => timingSafeEqual(candidate, expected));
    if (!matched) throw new WebhookVerificationError('No matching signature found');
    return parseJson(body);
  }
}

export type { WebhookHeaders };
