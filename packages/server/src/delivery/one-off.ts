import type { SigningKey } from '../crypto/endpoint-keys.js';
import type { DataEncrypter } from '../envelopes/index.js';
import { buildRequest, type Destination, type OutgoingEvent } from './build-request.js';
import { maskSentHeaders } from './header-policy.js';
import type { Sender, SendResult } from './sender.js';

export interface OneOffResult {
  ok: boolean;
  status: number | null;
  latency_ms: number;
  body_excerpt: string | null;
  response_headers: Record<string, string> | null;
  error_class: string | null;
  error_message: string | null;
  request: { url: string; headers: Record<string, string>; body: string };
}

/** A sent request (credentials already masked) and what came back, as one-off sends report them. */
export const oneOffResult = (request: OneOffResult['request'], raw: SendResult): OneOffResult => ({
  ok: raw.ok,
  status: raw.status,
  latency_ms: raw.durationMs,
  body_excerpt: raw.bodyExcerpt,
  response_headers: raw.headers,
  error_class: raw.errorClass,
  error_message: raw.errorMessage,
  request,
});

/** Send one signed request now and report what the receiver said, credential headers masked (test sends, challenges). */
export async function sendOneOff(
  sender: Sender,
  event: OutgoingEvent,
  to: Destination,
  keys: SigningKey[],
  userAgent: string,
  encrypter?: DataEncrypter,
): Promise<OneOffResult & { raw: SendResult }> {
  const request = buildRequest(event, to, keys, Date.now(), userAgent, encrypter);
  const raw = await sender.send(request);
  return { ...oneOffResult({ url: request.url, headers: maskSentHeaders(request.headers), body: request.body }, raw), raw };
}
