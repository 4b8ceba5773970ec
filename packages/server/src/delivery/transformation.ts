import type { FieldError } from '../errors.js';
import type { TransformationSandbox } from '../transformations/sandbox.js';
import { checkDeliveryHeaders, FIELD_VALUE_PATTERN, MASKED_HEADER_VALUE } from './header-policy.js';

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
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
const HEADER_VALUE = new RegExp(FIELD_VALUE_PATTERN);

/** Problems with code to be saved: size, and that it compiles and defines a handler (in the sandbox). */
export async function checkTransformation(sandbox: TransformationSandbox, code: string | null | undefined, field = 'body.transformation'): Promise<FieldError[]> {
  if (code === null || code === undefined) return [];
  if (Buffer.byteLength(code) > MAX_TRANSFORMATION_BYTES) return [{ field, message: `is longer than ${MAX_TRANSFORMATION_BYTES} bytes` }];
  const checked = await sandbox.run(code, null);
  return checked.ok ? [] : [{ field, message: `does not run: ${checked.message}` }];
}

/**
 * Runs the transformation and checks what it returned. `openHeaders` are the real values of
 * `input.headers` (which carries them masked); `checkUrl` applies the endpoint URL rules.
 */
export async function applyTransformation(
  sandbox: TransformationSandbox,
  code: string,
  input: TransformInput,
  openHeaders: Record<string, string>,
  checkUrl: (url: string) => string | null,
): Promise<Transformed & { duration_ms: number }> {
  const ran = await sandbox.run(code, JSON.stringify(input));
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
  const badUrl = url === input.url ? null : checkUrl(url);
  if (badUrl) throw new TransformationError(`The transformed url ${badUrl}`);
  return { cancel: false, payload, url, headers: checkHeaders(webhook.headers ?? input.headers, input.headers, openHeaders), duration_ms: ran.duration_ms };
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
