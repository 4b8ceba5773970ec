import type { SignatureScheme } from './scheme.js';
import { standardScheme } from './standard.js';

export type { SignatureScheme, SignInput } from './scheme.js';

/** Registered schemes by name; adding one is a module plus a line here. */
export const schemes: Record<string, SignatureScheme> = {
  [standardScheme.name]: standardScheme,
};

export function getScheme(name: string): SignatureScheme {
  const scheme = schemes[name];
  if (!scheme) throw new Error(`Unknown signature scheme "${name}"`);
  return scheme;
}
