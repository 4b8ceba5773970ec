import type { SigningKey } from '../crypto/endpoint-keys.js';

/**
 * A signature scheme turns (id, timestamps, body, live keys) into the headers a receiver
 * checks. Each scheme lives in its own module. During a rotation every unexpired key is passed,
 * newest first; a scheme whose header can carry several signatures signs with all of them.
 */
export interface SchemeOptions {
  /** timestamped: the signature header's name (default `X-Webhook-Signature`). */
  header_name?: string;
  /** hmac-hex: what is signed, the raw body (default) or `timestamp.body`. */
  signed_content?: 'body' | 'timestamp.body';
  /** standard schemes: `webhook-*` headers (default), Svix's `svix-*` names, or both sets. */
  header_names?: 'webhook' | 'svix' | 'both';
  /** Any scheme: the User-Agent sent with deliveries. */
  user_agent?: string;
}

export interface SignInput {
  /** The id the receiver dedupes on. */
  id: string;
  /** Unix seconds of this attempt. */
  timestamp: number;
  /** Unix seconds the message was published. */
  createdAt: number;
  /** The exact bytes sent, as a string. */
  body: string;
  /** Newest first; at least one. */
  keys: SigningKey[];
  options: SchemeOptions;
}

export interface SignatureScheme {
  readonly name: string;
  /** One line for docs and the API: what is signed, with which key. */
  readonly description: string;
  sign(input: SignInput): Record<string, string>;
}

/** The id, timestamp and signature headers of the Standard Webhooks schemes, under the names the options choose. */
export function standardHeaders(options: SchemeOptions, id: string, timestamp: number, signature: string): Record<string, string> {
  const names = options.header_names ?? 'webhook';
  const headers: Record<string, string> = {};
  for (const prefix of names === 'both' ? ['webhook', 'svix'] : [names]) {
    headers[`${prefix}-id`] = id;
    headers[`${prefix}-timestamp`] = String(timestamp);
    headers[`${prefix}-signature`] = signature;
  }
  return headers;
}
