import { hmacHexScheme } from './hmac-hex.js';
import type { SignatureScheme } from './scheme.js';
import { standardEd25519Scheme } from './standard-ed25519.js';
import { standardScheme } from './standard.js';
import { timestampedScheme } from './timestamped.js';

export type { SchemeOptions, SignatureScheme, SignInput } from './scheme.js';

/** Registered schemes by name; adding one is a module plus a line here. */
export const schemes: Record<string, SignatureScheme> = Object.fromEntries(
  [standardScheme, standardEd25519Scheme, hmacHexScheme, timestampedScheme].map((s) => [s.name, s]),
);
export const SCHEME_NAMES = Object.keys(schemes) as [string, ...string[]];

export function getScheme(name: string): SignatureScheme {
  const scheme = schemes[name];
  if (!scheme) throw new Error(`Unknown signature scheme "${name}"`);
  return scheme;
}
