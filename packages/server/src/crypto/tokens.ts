import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export type Environment = 'test' | 'live';

/** `whsec_` + base64 of 32 random bytes: the Standard Webhooks secret format. */
export function generateEndpointSecret(): string {
  return 'whsec_' + randomBytes(32).toString('base64');
}

/** API keys carry their environment in the prefix so a leaked key is recognisable. */
export function generateApiKey(environment: Environment): string {
  return `hk_${environment}_${randomBytes(24).toString('base64url')}`;
}

export function generateAdminToken(): string {
  return 'hadm_' + randomBytes(24).toString('base64url');
}

/** Keys are 192-bit random, so a fast hash is enough to store them (no password stretching needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function tokensEqual(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** `whsec_****…a1b2`: enough to tell secrets apart, nothing to sign with. */
export function maskSecret(secret: string): string {
  const prefix = secret.match(/^[a-z]+_/)?.[0] ?? '';
  return `${prefix}****…${secret.slice(-4)}`;
}
