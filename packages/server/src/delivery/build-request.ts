import type { StoredHeaders } from './header-policy.js';
import type { SigningKey } from '../crypto/endpoint-keys.js';
import { buildBody, resolveEnvelope, type DataEncrypter } from '../envelopes/index.js';
import { getScheme } from '../signing/index.js';
import type { EndpointRuntime } from '../store/types.js';
import type { SendRequest } from './sender.js';

/** What is being sent, independent of where: a stored message, a challenge, an example. */
export interface OutgoingEvent {
  /** The id receivers dedupe on (webhook-id, X-Webhook-ID, the envelope's id). */
  id: string;
  type: string;
  /** Payload as JSON text. */
  payload: string;
  /** When the event was published, ms. */
  createdAt: number;
  /** The message's own delivery headers, credentials sealed. */
  headers?: StoredHeaders | null;
}

export type Destination = Pick<EndpointRuntime, 'url' | 'timeout_ms' | 'headers' | 'scheme' | 'scheme_options' | 'envelope'>;

/**
 * Event + destination → the exact HTTP request: envelope the payload, then sign the bytes that go
 * out. Custom endpoint headers come first so they can never override the signature headers.
 */
export function buildRequest(
  event: OutgoingEvent,
  to: Destination,
  keys: SigningKey[],
  now: number,
  defaultUserAgent: string,
  encrypter?: DataEncrypter,
): SendRequest {
  const body = buildBody(resolveEnvelope(to.envelope), event, encrypter);
  const signed = getScheme(to.scheme).sign({
    id: event.id,
    timestamp: Math.floor(now / 1000),
    createdAt: Math.floor(event.createdAt / 1000),
    body,
    keys,
    options: to.scheme_options,
  });
  return {
    url: to.url,
    body,
    timeoutMs: to.timeout_ms,
    headers: {
      ...to.headers,
      'content-type': 'application/json',
      'user-agent': to.scheme_options.user_agent ?? defaultUserAgent,
      ...signed,
    },
  };
}
