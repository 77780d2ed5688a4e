// ClaimList: states a worker claimed in one level, in key order, as columns (fingerprint
// halves, key, action) plus the states in transport form.
import type { StateCodec } from '../../spec.ts';
import type { Transport } from './protocol.ts';
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
    const n = this.his.length * 2;
    const his = new Uint32Array(n);
    his.set(this.his);
    this.his = his;
    const los = new Uint32Array(n);
    los.set(this.los);
    this.los = los;
    const keys = new Float64Array(n);
    keys.set(this.keys);
    this.keys = keys;
    const actions = new Uint16Array(n);
    actions.set(this.actions);
    this.actions = actions;
  }
}
