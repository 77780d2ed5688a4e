// ClaimList: states a worker claimed in one level, in key order, as columns (fingerprint
// halves, key, action) plus the states in transport form.
import type { StateCodec } from '../../spec.ts';
import type { Transport } from './protocol.ts';
import { grow } from '../../state/grow.ts';
import { BatchWriter } from './batchWriter.ts';

const INITIAL = 1 << 12;

export class ClaimList {
  length = 0;
  his: Uint32Array<ArrayBuffer> = new Uint32Array(INITIAL);
  los: Uint32Array<ArrayBuffer> = new Uint32Array(INITIAL);
  keys: Float64Array<ArrayBuffer> = new Float64Array(INITIAL);
  actions: Uint16Array<ArrayBuffer> = new Uint16Array(INITIAL);
  readonly states: BatchWriter;

  /** `shared`: the states in shared memory, for every worker to read in the next level. */
  constructor(transport: Transport, codec: StateCodec<unknown> | undefined, shared = false) {
    this.states = new BatchWriter(transport, codec, shared);
  }

  /** Adds a claim's facts; its state goes to `states` right after. */
  push(hi: number, lo: number, key: number, action: number): void {
    if (this.length === this.his.length) this.grow();
    const n = this.length++;
    this.his[n] = hi;
    this.los[n] = lo;
    this.keys[n] = key;
    this.actions[n] = action;
  }

  private grow(): void {
    this.his = grow(this.his);
    this.los = grow(this.los);
    this.keys = grow(this.keys);
    this.actions = grow(this.actions);
  }
}
