// SeenSet: the set of stored states, by 64-bit fingerprint (default) or by full canonical bytes
// (--exact, exactSeenSet.ts: the reference the tests compare fingerprinting against). Both give every stored state
// a dense index (its insertion order) and can tell whether given bytes are the state at an index,
// which is how traces are rebuilt without keeping states.
import { fingerprint64, fp } from './fingerprint.ts';
import { FingerprintTable } from './fingerprintTable.ts';
import { CompactFingerprintTable, tableBytesFor, type GrowthCheck } from './compactFingerprintTable.ts';
import { SpilledColumn, WINDOW } from './spilledColumn.ts';

/** What traces are rebuilt from: which state is stored at an index. */
export interface StoredStates {
  readonly size: number;
  /** Is the state with these bytes the one stored at `index`? */
  matches(index: number, bytes: Uint8Array, length: number): boolean;
  /** Bytes held in memory by the set itself. */
  readonly bytesUsed: number;
  /** Lets go of what the set holds outside memory (its files), if anything. */
  close?(): void;
  /** Why the set could not grow when it had to (the search is to stop as incomplete), if so. */
  readonly refusal?: string | undefined;
}

/** insertOrGet's answer for a stored state when the set keeps no index of it (CompactSeenSet). */
export const UNINDEXED = -4;

export interface SeenSet extends StoredStates {
  /** The index of the state with these bytes (UNINDEXED where the set keeps none), or -1 after storing it as index `size`. */
  insertOrGet(bytes: Uint8Array, length: number): number;
  /** Whether these bytes are stored, without storing them. */
  has(bytes: Uint8Array, length: number): boolean;
}

export class FingerprintSeenSet implements SeenSet {
  private table = new FingerprintTable();
  private readonly byIndex = new IndexedFingerprints();

  get size(): number {
    return this.byIndex.size;
  }

  insertOrGet(bytes: Uint8Array, length: number): number {
    fingerprint64(bytes, length);
    const found = this.table.insertOrGet(fp[0]!, fp[1]!, this.byIndex.size);
    if (found >= 0) return found;
    this.byIndex.append(fp[0]!, fp[1]!);
    return -1;
  }

  matches(index: number, bytes: Uint8Array, length: number): boolean {
    return this.byIndex.matches(index, bytes, length);
  }

  has(bytes: Uint8Array, length: number): boolean {
    fingerprint64(bytes, length);
    return this.table.get(fp[0]!, fp[1]!) >= 0;
  }

  get bytesUsed(): number {
    return this.table.bytes + this.byIndex.bytesUsed;
  }

  close(): void {
    this.byIndex.close();
  }
}

/**
 * The seen-set of a search that never asks where a known state is stored (one without a
 * behaviour graph): 8 bytes a slot, no index, at most 16 bytes a state (compactFingerprintTable.ts).
 * A known state's answer is UNINDEXED; traces still find a state by index through byIndex.
 */
export class CompactSeenSet implements SeenSet {
  private readonly table: CompactFingerprintTable;
  private readonly byIndex: IndexedFingerprints;

  /** `mayGrow`: the memory budget's say on each growth of the table; `window`: fingerprints by index kept in memory. */
  constructor(mayGrow?: GrowthCheck, window?: number, initialCapacity?: number) {
    this.table = new CompactFingerprintTable(initialCapacity, mayGrow);
    this.byIndex = new IndexedFingerprints(window);
  }

  get refusal(): string | undefined {
    return this.table.refusal;
  }

  get size(): number {
    return this.byIndex.size;
  }

  insertOrGet(bytes: Uint8Array, length: number): number {
    fingerprint64(bytes, length);
    if (!this.table.insert(fp[0]!, fp[1]!)) return UNINDEXED;
    this.byIndex.append(fp[0]!, fp[1]!);
    return -1;
  }

  matches(index: number, bytes: Uint8Array, length: number): boolean {
    return this.byIndex.matches(index, bytes, length);
  }

  has(bytes: Uint8Array, length: number): boolean {
    fingerprint64(bytes, length);
    return this.table.has(fp[0]!, fp[1]!);
  }

  get bytesUsed(): number {
    return this.table.bytes + this.byIndex.bytesUsed;
  }

  /** What the table alone holds in memory: the part that grows with the states, past the byIndex window. */
  get tableBytes(): number {
    return this.table.bytes;
  }

  close(): void {
    this.byIndex.close();
  }
}

/**
 * The fingerprint of each stored state by index, which is all a trace rebuild needs: part of the
 * fingerprint seen-sets, and all the parallel search's coordinator keeps (its table is shared with
 * the workers and holds no indices). In memory for the last 2^18 states, on disk before them.
 */
export class IndexedFingerprints implements StoredStates {
  private readonly his: SpilledColumn<Uint32Array>;
  private readonly los: SpilledColumn<Uint32Array>;

  /** `window`: fingerprints kept in memory (the tests make it small to exercise the file). */
  constructor(window?: number) {
    this.his = new SpilledColumn(Uint32Array, window);
    this.los = new SpilledColumn(Uint32Array, window);
  }

  get size(): number {
    return this.his.size;
  }

  append(hi: number, lo: number): void {
    this.his.push(hi);
    this.los.push(lo);
  }

  appendAll(his: Uint32Array, los: Uint32Array): void {
    this.his.pushAll(his);
    this.los.pushAll(los);
  }

  matches(index: number, bytes: Uint8Array, length: number): boolean {
    fingerprint64(bytes, length);
    const [hi, lo] = fp;
    return this.his.get(index) === hi && this.los.get(index) === lo;
  }

  get bytesUsed(): number {
    return this.his.bytesInMemory + this.los.bytesInMemory;
  }

  close(): void {
    this.his.close();
    this.los.close();
  }
}

/**
 * The bytes a one-thread search's store holds in memory with `states` stored: the compact table,
 * the windows of fingerprints (8 bytes) and parent links (6 bytes) by index. What `npm run bench`
 * reports for 10^8 states, which no bench run reaches; compactStore.test.ts holds it to the store's
 * own count.
 */
export function compactStoreBytesFor(states: number): number {
  let window = 1 << 16;
  while (window < Math.min(states, WINDOW)) window *= 2;
  return tableBytesFor(states) + window * (8 + 6);
}
