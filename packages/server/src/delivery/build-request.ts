import { envelopes } from '../envelopes/index.js';
import { getScheme } from '../signing/index.js';
import type { ClaimedDelivery, EndpointRuntime } from '../store/types.js';
import type { SendRequest } from './sender.js';

export interface BuildContext {
  userAgent: string;
  /** Plaintext secrets of the endpoint, newest first. */
  secrets: string[];
  now: number;
}

/**
 * Claimed delivery → the exact HTTP request: envelope the payload, then sign the bytes that go
 * out. Custom endpoint headers come first so they can never override the signature headers.
 */
export function buildRequest(d: ClaimedDelivery, ep: EndpointRuntime, ctx: BuildContext): SendRequest {
  const id = d.event_id ?? d.message_id;
  const body = envelopes.standard!({ id, type: d.event_type, payload: d.payload, createdAt: d.message_created_at });
  const signed = getScheme('standard').sign({ id, timestamp: Math.floor(ctx.now / 1000), body, secrets: ctx.secrets });
  return {
    url: ep.url,
    body,
    timeoutMs: ep.timeout_ms,
    headers: {
      ...ep.headers,
      'content-type': 'application/json',
      'user-agent': ctx.userAgent,
      ...signed,
    },
  };
}
