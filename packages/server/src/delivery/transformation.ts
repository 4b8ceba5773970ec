import type { FieldError } from '../errors.js';
import type { TransformationSandbox } from '../transformations/sandbox.js';
import type { Environment } from '../crypto/tokens.js';
import { checkEndpointUrl } from './endpoint-url.js';
import { checkDeliveryHeaders, FIELD_NAME_PATTERN, FIELD_VALUE_PATTERN, MASKED_HEADER_VALUE, maskSentHeaders } from './header-policy.js';
import type { NetworkPolicy } from './network-policy.js';

/**
 * An endpoint's transformation: JavaScript defining `function handler(webhook)`, run in the
 * sandbox (transformations/) before each attempt. It receives {eventType, payload, url, headers}
 * (the delivery's custom headers, credentials masked) and returns the webhook: `payload` becomes
 * what the envelope carries and the signature covers, `url` where it goes (within the endpoint
 * URL rules), `headers` the custom headers sent (a masked value keeps the real one), and
 * `cancel: true` sends nothing and ends the delivery.
 */
export interface TransformInput {
  eventType: string;
  payload: unknown;
  url: string;
  headers: Record<string, string>;
}

export type Transformed = { cancel: true } | { cancel: false; payload: string; url: string; headers: Record<string, string> };

/** Why a transformation produced nothing to send: the attempt's error class `transformation`. */
export class TransformationError extends Error {
  override name = 'TransformationError';
}

export const MAX_TRANSFORMATION_BYTES = 64 * 1024;
/** A transformed payload is at most this large (JSON). */
const MAX_OUTPUT_BYTES = 1024 * 1024;
const HEADER_NAME = new RegExp(FIELD_NAME_PATTERN);
const HEADER_VALUE = new RegExp(FIELD_VALUE_PATTERN);

/** Problems with code to be saved: size, and that it compiles and defines a handler (in the sandbox). */
export async function checkTransformation(sandbox: TransformationSandbox, code: string | null | undefined, field = 'body.transformation'): Promise<FieldError[]> {
  if (code === null || code === undefined) return [];
  if (Buffer.byteLength(code) > MAX_TRANSFORMATION_BYTES) return [{ field, message: `is longer than ${MAX_TRANSFORMATION_BYTES} bytes` }];
  const checked = await sandbox.run(code, null);
  return checked.ok ? [] : [{ field, message: `does not run: ${checked.message}` }];
}

/** Where a delivery goes and with what: the endpoint's URL and environment, the headers it sends (real values). */
export interface TransformTarget {
  url: string;
  environment: Environment;
  headers: Record<string, string>;
}

/**
 * Runs the transformation as a delivery to `to` would (deliveries and "try it" alike): the code
 * sees the headers with credentials masked, and what it returns is checked against the endpoint
 * URL rules of `to`'s environment and the header rules.
 */
export async function applyTransformation(
  deps: { sandbox: TransformationSandbox; policy: NetworkPolicy },
  code: string,
  event: { eventType: string; payload: unknown },
  to: TransformTarget,
): Promise<Transformed & { duration_ms: number }> {
  const input: TransformInput = { ...event, url: to.url, headers: maskSentHeaders(to.headers) };
  const ran = await deps.sandbox.run(code, JSON.stringify(input));
  if (!ran.ok) throw new TransformationError(`The transformation ${ran.reason === 'error' ? `threw ${ran.message}` : ran.message}`);
  const out = JSON.parse(ran.output) as unknown;
  if (typeof out !== 'object' || out === null || Array.isArray(out)) throw new TransformationError('The transformation must return the webhook object');
  const webhook = out as Record<string, unknown>;
  if (webhook.cancel === true) return { cancel: true, duration_ms: ran.duration_ms };
  if (webhook.payload === undefined) throw new TransformationError('The transformation returned no payload');
  const payload = JSON.stringify(webhook.payload);
  if (Buffer.byteLength(payload) > MAX_OUTPUT_BYTES) throw new TransformationError(`The transformed payload is larger than ${MAX_OUTPUT_BYTES} bytes`);
  const url = webhook.url ?? input.url;
  if (typeof url !== 'string') throw new TransformationError('The transformation returned a url that is not a string');
  const badUrl = url === input.url ? null : checkEndpointUrl(url, to.environment, deps.policy, 'url');
  if (badUrl) throw new TransformationError(`The transformed url ${badUrl.message}`);
  return { cancel: false, payload, url, headers: checkHeaders(webhook.headers ?? input.headers, input.headers, to.headers), duration_ms: ran.duration_ms };
}

function checkHeaders(value: unknown, given: Record<string, string>, open: Record<string, string>): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TransformationError('The transformation returned headers that are not an object');
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > 20) throw new TransformationError('The transformation returned more than 20 headers');
  const headers: Record<string, string> = {};
  for (const [name, v] of entries) {
    if (typeof v !== 'string' || !HEADER_NAME.test(name) || !HEADER_VALUE.test(v) || v.length > 4096) throw new TransformationError(`The transformation returned an invalid header "${name.slice(0, 100)}"`);
    // A credential it passed through unchanged (masked) is sent with its real value.
    headers[name] = v === MASKED_HEADER_VALUE && given[name] === MASKED_HEADER_VALUE && open[name] !== undefined ? open[name] : v;
  }
  const refused = checkDeliveryHeaders(headers, 'headers');
  if (refused.length) throw new TransformationError(`The transformation returned headers it may not set: ${refused.map((e) => `${e.field.slice('headers.'.length)} ${e.message}`).join('; ')}`);
  return headers;
}
