import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SecretBox } from './secret-box.js';
import { generateEndpointSecret } from './tokens.js';

/**
 * The key material behind one endpoint secret. Every secret row carries both an HMAC secret
 * (`whsec_`, used by standard, hmac-hex and timestamped) and an Ed25519 key pair (used by
 * standard-ed25519), so switching an endpoint's scheme never needs new keys.
 *
 * - `whsec_` + base64(32 random bytes), or the caller's own
 * - `whsk_` + base64(seed ‖ public key), 64 bytes: stays inside Herald
 * - `whpk_` + base64(raw 32-byte public key): what standard-ed25519 receivers verify with
 */
export interface EndpointKeys {
  secret: string;
  signingKey: string;
  publicKey: string;
}

export function generateEndpointKeys(secret = generateEndpointSecret()): EndpointKeys {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' });
  const seed = Buffer.from(jwk.d!, 'base64url');
  const pub = Buffer.from(jwk.x!, 'base64url');
  return { secret, signingKey: 'whsk_' + Buffer.concat([seed, pub]).toString('base64'), publicKey: 'whpk_' + pub.toString('base64') };
}

export function sealKeys(box: SecretBox, keys: EndpointKeys): string {
  return box.seal(JSON.stringify({ secret: keys.secret, signing_key: keys.signingKey }));
}

/** Plaintext keys ready to sign with. A bare secret (a test send) has no Ed25519 key. */
export interface SigningKey {
  secret: string;
  ed25519?: KeyObject;
}

export function openKeys(box: SecretBox, sealed: string): SigningKey {
  const { secret, signing_key } = JSON.parse(box.open(sealed)) as { secret: string; signing_key: string };
  const raw = Buffer.from(signing_key.slice('whsk_'.length), 'base64');
  const ed25519 = createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: raw.subarray(0, 32).toString('base64url'), x: raw.subarray(32).toString('base64url') },
    format: 'jwk',
  });
  return { secret, ed25519 };
}
