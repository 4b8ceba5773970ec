import { randomFillSync } from 'node:crypto';

// Crockford base32, lower-case: ids sort by creation time and read unambiguously.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export type IdPrefix = 'tnt' | 'key' | 'app' | 'ep' | 'et' | 'msg' | 'evt' | 'dlv' | 'atmpt' | 'sec' | 'rec' | 'ses' | 'plk' | 'req';

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

// The previous id's time and random digits (see newId).
const last = { time: -1, timeText: '', digits: [] as number[] };

/**
 * ULID-style id: 48-bit millisecond time + 80 random bits, base32, with a type prefix.
 * Monotonic within a process: an id minted in the same millisecond as the previous one (or after
 * the clock stepped back) reuses that time and increments its random part, so ids minted one after
 * another always sort in creation order — list pages are "newest first" by id.
 */
export function newId(prefix: IdPrefix, now = Date.now()): string {
  if (now <= last.time) incrementBase32(last.digits);
  else {
    let timeText = '';
    let t = now;
    for (let i = 0; i < 10; i++) {
      timeText = ALPHABET[t % 32] + timeText;
      t = Math.floor(t / 32);
    }
    const offset = takeRandom(10);
    // 80 bits → 16 base32 characters, 5 bits at a time.
    const digits: number[] = [];
    let acc = 0;
    let bits = 0;
    for (let i = offset; i < offset + 10; i++) {
      acc = (acc << 8) | pool[i]!;
      bits += 8;
      while (bits >= 5) {
        digits.push((acc >> (bits - 5)) & 31);
        bits -= 5;
      }
      acc &= (1 << bits) - 1;
    }
    // The top bit starts clear so that 2^79 increments fit before the random part would overflow.
    digits[0] = digits[0]! & 15;
    last.time = now;
    last.timeText = timeText;
    last.digits = digits;
  }
  return `${prefix}_${last.timeText}${last.digits.map((d) => ALPHABET[d]).join('')}`;
}

function incrementBase32(digits: number[]): void {
  for (let i = digits.length - 1; i >= 0; i--) {
    if (digits[i]! < 31) {
      digits[i]!++;
      return;
    }
    digits[i] = 0;
  }
}
