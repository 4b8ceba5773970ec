import { randomFillSync } from 'node:crypto';

// Crockford base32, lower-case: ids sort by creation time and read unambiguously.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'tnt' | 'key' | 'app' | 'ep' | 'et' | 'msg' | 'evt' | 'dlv' | 'atmpt' | 'sec' | 'rec';

// One getrandom call per 409 ids rather than one per id (ids are minted on the delivery hot path).
const pool = Buffer.alloc(4096);
let used = pool.length;
function takeRandom(n: number): number {
  if (used + n > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const at = used;
  used += n;
  return at;
}

/** ULID-style id: 48-bit millisecond time + 80 random bits, base32, with a type prefix. */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const offset = takeRandom(10);
  let random = '';
  // 80 bits → 16 base32 characters, 5 bits at a time.
  let acc = 0;
  let bits = 0;
  for (let i = offset; i < offset + 10; i++) {
    acc = (acc << 8) | pool[i]!;
    bits += 8;
    while (bits >= 5) {
      random += ALPHABET[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return `${prefix}_${time}${random}`;
}
