// FingerprintTable: the seen-set. Open addressing with linear probing over one Uint32Array of
// (hi, lo, index + 1) triples: 12 bytes a slot, no per-state object, and a probe touches one
// cache line. The low half of the fingerprint picks the slot (it is already well mixed). The
// table doubles at 3/4 load; index + 1 == 0 marks an empty slot.
//
// A table may live in a SharedArrayBuffer (the parallel search's shards): its owner inserts,
// other threads probe a `TableView` of it, never at the same time (the search's phases keep
// them apart). Growing replaces the buffer, so the owner hands out a fresh view afterwards.

/** A read-only view of a table: its slots and mask, which another thread can probe. */
export interface TableView {
  readonly slots: Uint32Array;
  readonly mask: number;
}

export class FingerprintTable {
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  constructor(
    initialCapacity = 1 << 16,
    private readonly shared = false,
  ) {
    let cap = 1;
    while (cap < initialCapacity) cap <<= 1;
    this.slots = this.allocate(cap);
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
    return probe(this.slots, this.mask, hi, lo);
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  view(): TableView {
    return { slots: this.slots, mask: this.mask };
  }

  private allocate(cap: number): Uint32Array {
    return this.shared ? new Uint32Array(new SharedArrayBuffer(cap * 12)) : new Uint32Array(cap * 3);
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = this.allocate(cap);
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

/** The stored index of (hi, lo) in a table's slots, or -1: the one probe loop, for views too. */
export function probe(slots: Uint32Array, mask: number, hi: number, lo: number): number {
  let i = lo & mask;
  for (;;) {
    const at = i * 3;
    const stored = slots[at + 2]!;
    if (stored === 0) return -1;
    if (slots[at] === hi && slots[at + 1] === lo) return stored - 1;
    i = (i + 1) & mask;
  }
}
