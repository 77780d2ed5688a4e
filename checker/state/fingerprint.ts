// fingerprint64: a 64-bit fingerprint of a byte range, as two 32-bit halves.
//
// Two MurmurHash3 (x86, 32-bit) hashes with different seeds, computed in one pass over the bytes
// (each block is mixed once and folded into both), as plain Math.imul arithmetic (no BigInt:
// this runs once per generated state). The halves are returned through a shared two-slot array
// so the hot path allocates nothing. Zero is reserved by the fingerprint tables for empty slots,
// so a zero high half is mapped to 1.

export const fp = new Uint32Array(2); // [hi, lo] of the last fingerprint computed

const SEED_HI = 0x9747b28c;
const SEED_LO = 0x5bd1e995;
const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

export function fingerprint64(b: Uint8Array, len: number): void {
  let hi = SEED_HI | 0;
  let lo = SEED_LO | 0;
  const whole = len & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    hi ^= k;
    hi = (hi << 13) | (hi >>> 19);
    hi = (Math.imul(hi, 5) + 0xe6546b64) | 0;
    lo ^= k;
    lo = (lo << 13) | (lo >>> 19);
    lo = (Math.imul(lo, 5) + 0xe6546b64) | 0;
  }
  const tail = len & 3;
  if (tail !== 0) {
    let k = b[whole]!;
    if (tail > 1) k |= b[whole + 1]! << 8;
    if (tail > 2) k |= b[whole + 2]! << 16;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    hi ^= k;
    lo ^= k;
  }
  fp[0] = finish(hi, len) || 1;
  fp[1] = finish(lo, len);
}

/** MurmurHash3's finalisation (fmix32 after folding in the length). */
function finish(h: number, len: number): number {
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
