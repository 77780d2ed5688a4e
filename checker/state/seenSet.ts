// SeenSet: the set of stored states, by 64-bit fingerprint (default) or by full canonical bytes
// (--exact, exactSeenSet.ts: the reference the tests compare fingerprinting against). Both give every stored state
// a dense index (its insertion order) and can tell whether given bytes are the state at an index,
// which is how traces are rebuilt without keeping states.
import { fingerprint64, fp } from './fingerprint.ts';
import { FingerprintTable } from './fingerprintTable.ts';
import { grow } from './grow.ts';

/** What traces are rebuilt from: which state is stored at an index. */
export interface StoredStates {
  readonly size: number;
  /** Is the state with these bytes the one stored at `index`? */
  matches(index: number, bytes: Uint8Array, length: number): boolean;
  /** Bytes held by the set itself. */
  readonly bytesUsed: number;
}

export interface SeenSet extends StoredStates {
  /** The index of the state with these bytes, or -1 after storing it as index `size`. */
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
}

/**
 * The fingerprint of each stored state by index, which is all a trace rebuild needs: part of the
 * FingerprintSeenSet, and all the parallel search's coordinator keeps (its table is shared with
 * the workers and holds no indices).
 */
export class IndexedFingerprints implements StoredStates {
  private his = new Uint32Array(1 << 16);
  private los = new Uint32Array(1 << 16);
  size = 0;

  append(hi: number, lo: number): void {
    if (this.size === this.his.length) this.makeRoom(this.size + 1);
    this.his[this.size] = hi;
    this.los[this.size] = lo;
    this.size++;
  }

  appendAll(his: Uint32Array, los: Uint32Array): void {
    if (this.size + his.length > this.his.length) this.makeRoom(this.size + his.length);
    this.his.set(his, this.size);
    this.los.set(los, this.size);
    this.size += his.length;
  }

  private makeRoom(needed: number): void {
    this.his = grow(this.his, needed);
    this.los = grow(this.los, needed);
  }

  matches(index: number, bytes: Uint8Array, length: number): boolean {
    fingerprint64(bytes, length);
    return this.his[index] === fp[0] && this.los[index] === fp[1];
  }

  get bytesUsed(): number {
    return this.his.byteLength + this.los.byteLength;
  }
}
