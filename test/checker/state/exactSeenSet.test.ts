// The exact seen-set is a set of byte strings: it must agree with a Map keyed by the bytes, also
// when every state has the same fingerprint, and give each state its insertion index.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExactSeenSet } from '../../../checker/state/exactSeenSet.ts';
import { fp } from '../../../checker/state/fingerprint.ts';

/** Every state one fingerprint: only the stored bytes can tell states apart. */
const oneFingerprint = (): void => {
  fp[0] = 1;
  fp[1] = 7;
};

/** Inserts each byte string (given with spare bytes past its length, as the encoder's buffer has). */
function insertAll(seen: ExactSeenSet, keys: readonly Uint8Array[]): number[] {
  return keys.map((k) => {
    const buffer = new Uint8Array(k.length + 3).fill(0xee);
    buffer.set(k);
    return seen.insertOrGet(buffer, k.length);
  });
}

/** What a Map of strings (the set's former shape) answers for the same keys. */
function reference(keys: readonly Uint8Array[]): number[] {
  const index = new Map<string, number>();
  return keys.map((k) => {
    const key = Buffer.from(k).toString('latin1');
    const found = index.get(key);
    if (found !== undefined) return found;
    index.set(key, index.size);
    return -1;
  });
}

describe('ExactSeenSet', () => {
  const keys = fc.array(fc.uint8Array({ maxLength: 6 }), { maxLength: 300 });

  it('answers as a Map of the bytes does, through growth of its table', () => {
    fc.assert(
      fc.property(keys, (ks) => {
        const seen = new ExactSeenSet();
        expect(insertAll(seen, ks)).toEqual(reference(ks));
        expect(seen.size).toBe(new Set(ks.map((k) => k.join())).size);
      }),
    );
  });

  it('keeps states that share a fingerprint apart', () => {
    fc.assert(
      fc.property(keys, (ks) => {
        const seen = new ExactSeenSet(oneFingerprint);
        expect(insertAll(seen, ks)).toEqual(reference(ks));
        for (const k of ks) expect(seen.has(k, k.length)).toBe(true);
        expect(seen.has(Uint8Array.of(1, 2, 3, 4, 5, 6, 7), 7)).toBe(false);
      }),
    );
  });

  it('tells whether bytes are the state at an index, for records of every length class', () => {
    // Lengths across varint widths (1, 2 and 3 bytes), and one larger than the first chunks.
    const lengths = [0, 1, 127, 128, 300, 16_383, 16_384, 70_000, 5];
    const records = lengths.map((n, i) => Uint8Array.from({ length: n }, (_, j) => (i * 31 + j) & 0xff));
    const seen = new ExactSeenSet();
    expect(insertAll(seen, records)).toEqual(records.map(() => -1));
    records.forEach((r, i) => {
      expect(seen.matches(i, r, r.length)).toBe(true);
      expect(seen.insertOrGet(r, r.length)).toBe(i);
    });
    const changed = records[6]!.slice();
    changed[16_000] = changed[16_000]! ^ 1;
    expect(seen.matches(6, changed, changed.length)).toBe(false);
    expect(seen.matches(6, records[6]!, records[6]!.length - 1)).toBe(false);
    expect(seen.bytesUsed).toBeGreaterThan(lengths.reduce((a, b) => a + b, 0));
  });
});
