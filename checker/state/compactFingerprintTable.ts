// CompactFingerprintTable: a set of 64-bit fingerprints in 8 bytes a slot (hi, lo; no index),
// open addressing with linear probing, for the searches that never ask where a known state is
// stored (CompactSeenSet). It grows by half at 78% load, so the load stays between 52% and 78% and
// the table holds 10.3 to 15.4 bytes a state (a doubling table would fall to 39% load: 20.5 bytes),
// which leaves room under 16 bytes a state for the 2^18 states' links and fingerprints kept
// in memory (spilledColumn.ts) (3.5 MiB) once a search passes about 10^7 states.
//
// The capacity is therefore no power of two: a fingerprint's slot is its low half scaled to the
// capacity (lo * capacity / 2^32, computed exactly in two 16-bit halves, as doubles hold 53 bits).
// Zero marks an empty slot: the fingerprint's high half is never zero (fingerprint.ts).
//
// A growth the process cannot afford (the memory budget, or an allocation that fails) is refused
// instead of attempted: the table keeps taking states up to REFUSED_LOAD and says why it did not
// grow (`refusal`), and the search stops there as incomplete, its figures reported.

/** Grow past this load. */
const MAX_LOAD = 0.78;
/** Growth factor: from 78% load to 52%. */
const GROWTH = 1.5;
/** The table's first capacity in slots (512 KB). */
export const INITIAL_CAPACITY = 1 << 16;
/** Past this load a table whose growth was refused takes no more states (the search has stopped by then). */
const REFUSED_LOAD = 0.95;

/** Asked before a growth to `bytes` more: why the process cannot afford them, or undefined. */
export type GrowthCheck = (bytes: number) => string | undefined;

export class CompactFingerprintTable {
  private slots: Uint32Array;
  private capacity: number;
  private limit: number;
  size = 0;
  /** Why the table did not grow when it should have (the search is to stop), if it did not. */
  refusal: string | undefined;

  constructor(
    initialCapacity = INITIAL_CAPACITY,
    private readonly mayGrow: GrowthCheck = () => undefined,
  ) {
    this.capacity = Math.max(16, Math.ceil(initialCapacity));
    this.slots = new Uint32Array(this.capacity * 2);
    this.limit = Math.floor(this.capacity * MAX_LOAD);
  }

  /** Stores (hi, lo) unless it is there; true if it was new. */
  insert(hi: number, lo: number): boolean {
    const slots = this.slots;
    const cap = this.capacity;
    let i = home(lo, cap);
    for (;;) {
      const at = i * 2;
      const h = slots[at]!;
      if (h === 0) {
        if (this.size >= this.limit && !this.makeRoom()) throw new Error(`the seen-set is full: ${this.refusal}`);
        if (this.slots !== slots) return this.insert(hi, lo); // grown: the slot moved
        slots[at] = hi;
        slots[at + 1] = lo;
        this.size++;
        return true;
      }
      if (h === hi && slots[at + 1] === lo) return false;
      if (++i === cap) i = 0;
    }
  }

  has(hi: number, lo: number): boolean {
    const slots = this.slots;
    const cap = this.capacity;
    let i = home(lo, cap);
    for (;;) {
      const at = i * 2;
      const h = slots[at]!;
      if (h === 0) return false;
      if (h === hi && slots[at + 1] === lo) return true;
      if (++i === cap) i = 0;
    }
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  /** Grows, or, refused, raises the limit to REFUSED_LOAD once; false when no room is left at all. */
  private makeRoom(): boolean {
    if (this.refusal !== undefined) return false;
    const capacity = Math.ceil(this.capacity * GROWTH);
    const bytes = capacity * 8;
    let reason = this.mayGrow(bytes);
    let next: Uint32Array | undefined;
    if (reason === undefined) {
      try {
        next = new Uint32Array(capacity * 2);
      } catch {
        reason = `a seen-set of ${capacity} slots (${bytes} bytes) could not be allocated`;
      }
    }
    if (next === undefined) {
      this.refusal = reason;
      this.limit = Math.floor(this.capacity * REFUSED_LOAD);
      return this.size < this.limit;
    }
    const old = this.slots;
    for (let at = 0; at < old.length; at += 2) {
      const hi = old[at]!;
      if (hi === 0) continue;
      const lo = old[at + 1]!;
      let i = home(lo, capacity);
      while (next[i * 2] !== 0) if (++i === capacity) i = 0;
      next[i * 2] = hi;
      next[i * 2 + 1] = lo;
    }
    this.slots = next;
    this.capacity = capacity;
    this.limit = Math.floor(capacity * MAX_LOAD);
    return true;
  }
}

/** The bytes a table holds once `states` are stored in it (grown from INITIAL_CAPACITY as insert() grows it). */
export function tableBytesFor(states: number): number {
  let capacity = INITIAL_CAPACITY;
  while (states > Math.floor(capacity * MAX_LOAD)) capacity = Math.ceil(capacity * GROWTH);
  return capacity * 8;
}

/** floor(lo * cap / 2^32), exact for any cap < 2^32 (lo's halves times cap stay below 2^53). */
function home(lo: number, cap: number): number {
  const high = (lo >>> 16) * cap;
  const low = ((lo & 0xffff) * cap) / 65536;
  return Math.floor((high + Math.floor(low)) / 65536);
}
