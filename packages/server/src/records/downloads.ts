import { createHmac, hkdfSync } from 'node:crypto';
import { tokensEqual } from '../crypto/tokens.js';

/**
 * Short-lived download links bound to one record and its content hash: the token is an HMAC
 * over `id.expires.content_hash` with a key derived from the master key, so changing any part of
 * the URL, or the record's bytes, breaks it.
 */
export function makeDownloadLinks(masterKey: Buffer, ttlMs: number, baseUrl: () => string) {
  const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'herald record download links', 32));
  const tokenFor = (id: string, expires: number, contentHash: string) => createHmac('sha256', key).update(`${id}.${expires}.${contentHash}`).digest('base64url');
  return {
    ttlMs,
    /** Where download links point: HERALD_RECORDS_URL (a separate origin) or the public URL. */
    base: baseUrl,
    url(id: string, contentHash: string, now = Date.now()): string {
      const expires = Math.floor((now + ttlMs) / 1000);
      return `${baseUrl()}/records/${id}?expires=${expires}&token=${tokenFor(id, expires, contentHash)}`;
    },
    check(id: string, expires: number, token: string, contentHash: string, now = Date.now()): 'ok' | 'expired' | 'invalid' {
      // Compared as digests: any token, of any length or alphabet, compares in constant time.
      if (!tokensEqual(token, tokenFor(id, expires, contentHash))) return 'invalid';
      return expires * 1000 < now ? 'expired' : 'ok';
    },
  };
}
export type DownloadLinks = ReturnType<typeof makeDownloadLinks>;

/** The pointer a delivery carries instead of the record (seed 000's `record`). */
export function withRecordPointer(payload: string, pointer: { format: string; content_hash: string; download_url: string }): string {
  const value = JSON.parse(payload) as Record<string, unknown>;
  return JSON.stringify({ ...value, record: pointer });
}
