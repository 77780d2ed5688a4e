// FingerprintTable: the seen-set. Open addressing with linear probing over one Uint32Array of
// (hi, lo, index + 1) triples: 12 bytes a slot, no per-state object, and a probe touches one
// cache line. The low half of the fingerprint picks the slot (it is already well mixed). The
// table doubles at 3/4 load; index + 1 == 0 marks an empty slot.

export class FingerprintTable {
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 16) {
    let cap = 1;
    while (cap < initialCapacity) cap <<= 1;
    this.slots = new Uint32Array(cap * 3);
    this.mask = cap - 1;
  }

  /** The stored index of (hi, lo), or -1 after inserting it with `index`. */
  insertOrGet(hi: number, lo: number, index: number): number {
    const slots = this.slots;
    let i = lo & this.mask;
    for (;;) {
      const at = i * 3;
      const stored = slots[at + 2]!;
      if (stored === 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = index + 1;
        if (++this.size * 4 > (this.mask + 1) * 3) this.grow();
        return -1;
      }
      if (slots[at] === hi && slots[at + 1] === lo) return stored - 1;
      i = (i + 1) & this.mask;
    }
  }

  /** The stored index of (hi, lo), or -1. */
  get(hi: number, lo: number): number {
    const slots = this.slots;
    let i = lo & this.mask;
    for (;;) {
      const at = i * 3;
      const stored = slots[at + 2]!;
      if (stored === 0) return -1;
      if (slots[at] === hi && slots[at + 1] === lo) return stored - 1;
      i = (i + 1) & this.mask;
    }
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Uint32Array(cap * 3);
    this.mask = cap - 1;
    for (let at = 0; at < old.length; at += 3) {
      if (old[at + 2] === 0) continue;
      let i = old[at + 1]! & this.mask;
      while (this.slots[i * 3 + 2] !== 0) i = (i + 1) & this.mask;
      this.slots[i * 3] = old[at]!;
      this.slots[i * 3 + 1] = old[at + 1]!;
      this.slots[i * 3 + 2] = old[at + 2]!;
    }
  }
}
