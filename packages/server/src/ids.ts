import { randomBytes } from 'node:crypto';

// Crockford base32, lower-case: ids sort by creation time and read unambiguously.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'tnt' | 'key' | 'app' | 'ep' | 'et' | 'msg' | 'evt' | 'dlv' | 'atmpt' | 'sec' | 'rec';

/** ULID-style id: 48-bit millisecond time + 80 random bits, base32, with a type prefix. */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const rand = randomBytes(10);
  let random = '';
  // 80 bits → 16 base32 characters, 5 bits at a time.
  let acc = 0;
  let bits = 0;
  for (const byte of rand) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      random += ALPHABET[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return `${prefix}_${time}${random}`;
}
