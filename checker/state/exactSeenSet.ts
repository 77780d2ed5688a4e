// ExactSeenSet (--exact): the set of stored states by their full canonical bytes, the reference
// the tests compare fingerprinting against. Everything is in typed arrays, off the V8 heap (a
// Map of strings filled its ~4 GB limit and aborted the run): the bytes in StoredBytes by index,
// and an open-addressing table of (hi, lo, index + 1) triples, as in FingerprintTable, that the
// 64-bit fingerprint only places. Two states with one fingerprint are two entries: a slot is
// the state's only when its stored bytes are the state's bytes, so no collision can merge them.
import { fingerprint64, fp } from './fingerprint.ts';
import type { SeenSet } from './seenSet.ts';
import { StoredBytes } from './storedBytes.ts';

export class ExactSeenSet implements SeenSet {
  private readonly stored = new StoredBytes();
  private slots = new Uint32Array(3 << 12);
  private mask = (1 << 12) - 1;

  /** `fingerprint` leaves its halves in `fp`; a test gives a poor one to make states collide. */
  constructor(private readonly fingerprint: (bytes: Uint8Array, length: number) => void = fingerprint64) {}

  get size(): number {
    return this.stored.size;
  }

  insertOrGet(bytes: Uint8Array, length: number): number {
    const at = this.probe(bytes, length);
    const entry = this.slots[at + 2]!;
    if (entry !== 0) return entry - 1;
    this.slots[at] = fp[0]!;
    this.slots[at + 1] = fp[1]!;
    this.slots[at + 2] = this.stored.size + 1;
    this.stored.append(bytes, length);
    if (this.stored.size * 4 > (this.mask + 1) * 3) this.grow();
    return -1;
  }

  has(bytes: Uint8Array, length: number): boolean {
    return this.slots[this.probe(bytes, length) + 2] !== 0;
  }

  /**
   * The slot (its first word's offset) holding these bytes, or the empty slot where they would go;
   * the fingerprint's halves are left in `fp` for an insert.
   */
  private probe(bytes: Uint8Array, length: number): number {
    this.fingerprint(bytes, length);
    const hi = fp[0]!;
    const lo = fp[1]!;
    const slots = this.slots;
    for (let i = lo & this.mask; ; i = (i + 1) & this.mask) {
      const at = i * 3;
      const entry = slots[at + 2]!;
      if (entry === 0 || (slots[at] === hi && slots[at + 1] === lo && this.stored.equals(entry - 1, bytes, length))) return at;
    }
  }

  matches(index: number, bytes: Uint8Array, length: number): boolean {
    return this.stored.equals(index, bytes, length);
  }

  get bytesUsed(): number {
    return this.slots.byteLength + this.stored.bytesUsed;
  }

  /** Doubles the table at 3/4 load; entries move by their fingerprint, their bytes stay put. */
  private grow(): void {
    const old = this.slots;
    const capacity = (this.mask + 1) * 2;
    const slots = new Uint32Array(capacity * 3);
    this.mask = capacity - 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      let i = old[at + 1]! & this.mask;
      while (slots[i * 3 + 2] !== 0) i = (i + 1) & this.mask;
      slots[i * 3] = old[at]!;
      slots[i * 3 + 1] = old[at + 1]!;
      slots[i * 3 + 2] = old[at + 2]!;
    }
    this.slots = slots;
  }
}
