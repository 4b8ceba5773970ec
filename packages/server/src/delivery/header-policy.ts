import type { SecretBox } from '../crypto/secret-box.js';
import type { FieldError } from '../errors.js';

/**
 * Custom delivery headers: what an endpoint may set, and how credentials among them are kept.
 * A value that is a credential (a receiver's Authorization, a cookie, an API key) is sealed with
 * the master key when saved, shown as MASKED_HEADER_VALUE on every read, opened only to build the
 * request, and masked again in what the attempt log and one-off sends report.
 */
export type StoredHeaderValue = string | { sealed: string };
export type StoredHeaders = Record<string, StoredHeaderValue>;

/** What every read shows for a sealed value; sending it back in an update keeps the stored one. */
export const MASKED_HEADER_VALUE = '********';

const SENSITIVE = /^(authorization|proxy-authorization|cookie|api-?key|x-api-?key)$|[-_](token|key|secret|password|auth)$/i;
/** Headers Herald sets itself or that change how the request is framed or routed. */
const RESERVED = /^(webhook-.*|x-webhook-.*|svix-.*|content-(type|length|encoding)|user-agent|host|connection|transfer-encoding|keep-alive|upgrade|te|trailer|expect|proxy-connection)$/i;
/** RFC 9110 field names (tokens), at most 100 characters, for schemas. */
export const FIELD_NAME_PATTERN = "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$";
/** RFC 9110 field-value characters (visible ASCII, space, tab, obs-text; no CR, LF or NUL), for schemas. */
export const FIELD_VALUE_PATTERN = '^[\\t\\x20-\\x7e\\x80-\\xff]*$';

export const isSensitiveHeader = (name: string) => SENSITIVE.test(name);

/** Problems with custom headers as field errors under `field` (names and values are checked by schema). */
export function checkDeliveryHeaders(headers: Record<string, string> | null | undefined, field = 'body.headers'): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const name of Object.keys(headers ?? {})) {
    const lower = name.toLowerCase();
    if (RESERVED.test(name)) errors.push({ field: `${field}.${name}`, message: 'is set by Herald and cannot be overridden' });
    else if (seen.has(lower)) errors.push({ field: `${field}.${name}`, message: 'is given twice (header names are case-insensitive)' });
    seen.add(lower);
  }
  return errors;
}

/**
 * Headers as stored: credentials sealed. A credential sent back as MASKED_HEADER_VALUE keeps the
 * value stored under the same name in `previous`.
 */
export function sealHeaders(box: SecretBox, headers: Record<string, string>, previous: StoredHeaders = {}): StoredHeaders {
  const before = new Map(Object.entries(previous).map(([k, v]) => [k.toLowerCase(), v]));
  const out: StoredHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!isSensitiveHeader(name)) out[name] = value;
    else {
      const kept = before.get(name.toLowerCase());
      out[name] = value === MASKED_HEADER_VALUE && kept !== undefined ? (typeof kept === 'string' ? { sealed: box.seal(kept) } : kept) : { sealed: box.seal(value) };
    }
  }
  return out;
}

/** What reads show: credentials masked (sealed ones, and any stored before sealing existed). */
export function maskStoredHeaders(headers: StoredHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, typeof v === 'string' && !isSensitiveHeader(k) ? v : MASKED_HEADER_VALUE]));
}

/** The values to send. */
export function openHeaders(box: SecretBox, headers: StoredHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, typeof v === 'string' ? v : box.open(v.sealed)]));
}

/** `base` with `over` laid on it; a name in both (in any case) takes `over`'s value and spelling. */
export function overlayHeaders(base: Record<string, string>, over: Record<string, string>): Record<string, string> {
  const names = new Set(Object.keys(over).map((k) => k.toLowerCase()));
  return { ...Object.fromEntries(Object.entries(base).filter(([k]) => !names.has(k.toLowerCase()))), ...over };
}

/** A sent request's headers as logs and reports show them: credentials masked. */
export function maskSentHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, isSensitiveHeader(k) ? MASKED_HEADER_VALUE : v]));
}
