// SharedTable: the parallel search's seen-set, one open-addressing table of (hi, lo, tag)
// triples in a SharedArrayBuffer that every worker probes and inserts into at once, without
// locks. A slot is claimed by a compare-and-swap on its high half; its tag is published last
// (Atomics.store), and a reader that finds a matching high half waits for the tag before it
// reads the low half, so it never sees a half-written slot. Zero marks an empty slot (the
// fingerprint's high half is never zero) and an unpublished tag.
//
// Tags say who stored a state and when: below `levelBase`, an earlier level; from it on,
// levelBase + ordinal * workers + worker, the ordinal-th claim of that worker in this level.
// Workers expand contiguous runs of the level in index order, so a lower worker's successors
// come earlier in the sequential order: a claim by a higher worker is taken over (another
// compare-and-swap on the tag, and the claimer is told) and one by a lower worker or oneself
// stands. When the level ends, the claims not taken over are exactly the states one thread
// would have stored, each under its first parent and action.
//
// The table never grows while workers use it: the coordinator sizes it between levels, and a
// worker whose claims pass its budget stops, so the level is run again in a bigger table.

export interface SharedTableView {
  readonly slots: Uint32Array;
  readonly mask: number;
}

/** The coordinator's side: allocation, settled inserts and growth between levels. */
export class SharedTable {
  private slots: Uint32Array;
  private mask: number;
  /** Entries stored (the coordinator's count: settled states only). */
  size = 0;

  constructor(capacity = 1 << 16) {
    this.slots = allocate(capacity);
    this.mask = capacity - 1;
  }

  get capacity(): number {
    return this.mask + 1;
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  view(): SharedTableView {
    return { slots: this.slots, mask: this.mask };
  }

  /**
   * Stores (hi, lo) as settled (tag 1) unless it is there; true if it was new. Only while no
   * worker uses the table: it grows here when half full.
   */
  insertSettled(hi: number, lo: number): boolean {
    if (this.size * 2 >= this.capacity) this.rebuild(this.capacity * 2, Infinity);
    const slots = this.slots;
    let i = lo & this.mask;
    for (;;) {
      const at = i * 3;
      if (slots[at] === 0) {
        slots[at] = hi;
        slots[at + 1] = lo;
        slots[at + 2] = 1;
        this.size++;
        return true;
      }
      if (slots[at] === hi && slots[at + 1] === lo) return false;
      i = (i + 1) & this.mask;
    }
  }

  /** The tag stored for (hi, lo), or 0. */
  tagOf(hi: number, lo: number): number {
    return tagOf(this.view(), hi, lo);
  }

  /** Rebuilds the table, if need be, so that `more` states fit at half load or less. */
  makeRoom(more: number, levelBase: number): void {
    if ((this.size + more) * 2 > this.capacity) this.rebuild((this.size + more) * 2, levelBase);
  }

  /**
   * Rebuilds the table with at least `capacity` slots, keeping only states stored before
   * `levelBase` (a level that ran out of room is dropped and run again).
   */
  rebuild(capacity: number, levelBase: number): void {
    const old = this.slots;
    let cap = 1;
    while (cap < capacity) cap *= 2;
    this.slots = allocate(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 3) {
      const tag = old[at + 2]!;
      if (tag !== 0 && tag < levelBase) this.insertSettled(old[at]!, old[at + 1]!);
    }
  }
}

function allocate(capacity: number): Uint32Array {
  return new Uint32Array(new SharedArrayBuffer(capacity * 12));
}

/** claim(): the state is stored (at an earlier level, or by this or a lower worker). */
export const KNOWN = -1;
/** claim(): the state was not stored; it is now, for this worker. */
export const NEW = 0;

/**
 * A worker's insert: claims (hi, lo) for `tag` unless an earlier level, this worker or a lower
 * worker has it; takes it over from a higher worker. Returns KNOWN, NEW, or the tag taken over
 * (so its claimer can be told that claim did not stand).
 */
export function claim(t: SharedTableView, hi: number, lo: number, tag: number, levelBase: number, workers: number, me: number): number {
  const slots = t.slots;
  const mask = t.mask;
  let i = lo & mask;
  for (;;) {
    const at = i * 3;
    let h = slots[at]!;
    if (h === 0) {
      const was = Atomics.compareExchange(slots, at, 0, hi);
      if (was === 0) {
        slots[at + 1] = lo;
        Atomics.store(slots, at + 2, tag); // publishes lo with it
        return NEW;
      }
      h = was;
    }
    if (h === hi) {
      let held = Atomics.load(slots, at + 2);
      while (held === 0) held = Atomics.load(slots, at + 2); // its claimer is writing lo
      if (slots[at + 1] === lo) {
        for (;;) {
          if (held < levelBase || (held - levelBase) % workers <= me) return KNOWN;
          const was = Atomics.compareExchange(slots, at + 2, held, tag);
          if (was === held) return held;
          held = was; // another worker took it over first: look again
        }
      }
    }
    i = (i + 1) & mask;
  }
}

/** The tag stored for (hi, lo), or 0 if it is not stored (once no worker is claiming). */
export function tagOf(t: SharedTableView, hi: number, lo: number): number {
  const slots = t.slots;
  let i = lo & t.mask;
  for (;;) {
    const at = i * 3;
    const h = slots[at]!;
    if (h === 0) return 0;
    if (h === hi && slots[at + 1] === lo) return slots[at + 2]!;
    i = (i + 1) & t.mask;
  }
}
