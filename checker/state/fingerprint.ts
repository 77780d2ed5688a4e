// fingerprint64: a 64-bit fingerprint of a byte range, as two 32-bit halves.
//
// Two MurmurHash3 (x86, 32-bit) passes with different seeds, written as plain Math.imul loops over
// the bytes (no BigInt: this runs once per generated state). The halves are returned through a
// shared two-slot array so the hot path allocates nothing. Zero is reserved by the fingerprint
// table for empty slots, so a zero high half is mapped to 1.

export const fp = new Uint32Array(2); // [hi, lo] of the last fingerprint computed

export function fingerprint64(bytes: Uint8Array, length: number): void {
  fp[0] = murmur3(bytes, length, 0x9747b28c) || 1;
  fp[1] = murmur3(bytes, length, 0x5bd1e995);
}

function murmur3(b: Uint8Array, len: number, seed: number): number {
  let h = seed | 0;
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  const whole = len & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  const tail = len & 3;
  if (tail !== 0) {
    let k = b[whole]!;
    if (tail > 1) k |= b[whole + 1]! << 8;
    if (tail > 2) k |= b[whole + 2]! << 16;
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= len;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
