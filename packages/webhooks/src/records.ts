import { base64UrlToBytes as b64urlToBytes, bytesToBase64, timingSafeEqual } from './encoding.js';
import { WebhookVerificationError } from './errors.js';

export interface Jwks {
  keys: (JsonWebKey & { kid?: string })[];
}

export interface FetchRecordOptions {
  /** The `content_hash` from the verified webhook (`sha512-…`). */
  expectedHash: string;
  /** The sender's published keys, or where to get them (e.g. https://herald.example/.well-known/jwks.json). */
  jwks?: Jwks;
  jwksUrl?: string;
  fetch?: typeof fetch;
}

export interface FetchedRecord {
  bytes: Uint8Array;
  contentType: string;
  /** The JWS claims Herald signed: rid, content_hash, content_type, size, iat. */
  claims: { rid: string; content_hash: string; content_type: string; size: number; iat: number };
  text(): string;
  json<T = unknown>(): T;
}

/**
 * Download a pointer payload's record and prove it is the one the webhook announced: its SHA-512
 * must equal `expectedHash`, and Herald's compact JWS (RS256, header `herald-record-signature`)
 * over {rid, content_hash, …} must verify with the JWKS and name the same hash and size.
 *
 * @example
 * const event = await wh.verify(rawBody, req.headers);
 * const rec = await fetchRecord(event.record.download_url, { expectedHash: event.record.content_hash, jwksUrl: 'https://herald.example/.well-known/jwks.json' });
 */
export async function fetchRecord(url: string, options: FetchRecordOptions): Promise<FetchedRecord> {
  const http = options.fetch ?? fetch;
  const res = await http(url);
  if (!res.ok) {
    const detail = await res.text().catch(() => '');
    throw new WebhookVerificationError(`Record download failed with ${res.status}${res.status === 410 ? ' (the link expired or the record was purged)' : ''}: ${detail.slice(0, 200)}`);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  const hash = 'sha512-' + bytesToBase64(new Uint8Array(await crypto.subtle.digest('SHA-512', bytes)));
  if (!timingSafeEqual(hash, options.expectedHash)) throw new WebhookVerificationError('The record does not match the content hash in the webhook');

  const jws = res.headers.get('herald-record-signature');
  const parts = jws?.split('.') ?? [];
  if (parts.length !== 3) throw new WebhookVerificationError('The record has no compact JWS (herald-record-signature header)');
  const [h, p, s] = parts as [string, string, string];
  const header = JSON.parse(new TextDecoder().decode(b64urlToBytes(h))) as { alg?: string; kid?: string };
  if (header.alg !== 'RS256') throw new WebhookVerificationError(`Unexpected JWS algorithm ${header.alg}`);
  const jwks = options.jwks ?? (options.jwksUrl ? ((await (await http(options.jwksUrl)).json()) as Jwks) : undefined);
  if (!jwks) throw new Error('fetchRecord needs the sender keys: pass jwks or jwksUrl');
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk) throw new WebhookVerificationError(`No key "${header.kid}" in the JWKS`);
  const key = await crypto.subtle.importKey('jwk', { kty: jwk.kty, n: jwk.n, e: jwk.e }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  const valid = await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, b64urlToBytes(s), new TextEncoder().encode(`${h}.${p}`));
  if (!valid) throw new WebhookVerificationError('The record signature (JWS) does not verify');
  const claims = JSON.parse(new TextDecoder().decode(b64urlToBytes(p))) as FetchedRecord['claims'];
  if (claims.content_hash !== hash || claims.size !== bytes.length) throw new WebhookVerificationError('The signed claims do not describe these bytes');
  return {
    bytes,
    contentType: res.headers.get('content-type') ?? claims.content_type,
    claims,
    text: () => new TextDecoder().decode(bytes),
    json: <T>() => JSON.parse(new TextDecoder().decode(bytes)) as T,
  };
}
