// ClaimList: states a worker claimed in one level, in key order, as columns (fingerprint
// halves, key, action) plus the states in transport form; taken as a chunk when the level ends.
import type { StateCodec } from '../../spec.ts';
import type { StateBatch, Transport } from './protocol.ts';

/** A run's columns, trimmed, and its states. */
export interface ClaimColumns {
  readonly his: Uint32Array<ArrayBuffer>;
  readonly los: Uint32Array<ArrayBuffer>;
  readonly keys: Float64Array<ArrayBuffer>;
  readonly actions: Uint16Array<ArrayBuffer>;
  readonly states: StateBatch;
}
import { BatchWriter } from './stateBatch.ts';

const INITIAL = 1 << 12;

export class ClaimList {
  length = 0;
  his: Uint32Array<ArrayBuffer> = new Uint32Array(INITIAL);
  los: Uint32Array<ArrayBuffer> = new Uint32Array(INITIAL);
  keys: Float64Array<ArrayBuffer> = new Float64Array(INITIAL);
  actions: Uint16Array<ArrayBuffer> = new Uint16Array(INITIAL);
  states: BatchWriter;

  constructor(
    private readonly transport: Transport,
    private readonly codec: StateCodec<unknown> | undefined,
  ) {
    this.states = new BatchWriter(transport, codec);
  }

  /** Adds a candidate's facts; its state goes to `states` right after. */
  push(hi: number, lo: number, key: number, action: number): void {
    if (this.length === this.his.length) this.grow();
    const n = this.length++;
    this.his[n] = hi;
    this.los[n] = lo;
    this.keys[n] = key;
    this.actions[n] = action;
  }

  /** The states gathered so far as a chunk (with its buffers to transfer); the run restarts empty. */
  take(): { chunk: ClaimColumns; transfer: ArrayBuffer[] } {
    const n = this.length;
    const { batch, transfer } = this.states.finish();
    const chunk: ClaimColumns = { his: this.his.slice(0, n), los: this.los.slice(0, n), keys: this.keys.slice(0, n), actions: this.actions.slice(0, n), states: batch };
    this.length = 0;
    this.states = new BatchWriter(this.transport, this.codec);
    return { chunk, transfer: [chunk.his.buffer, chunk.los.buffer, chunk.keys.buffer, chunk.actions.buffer, ...transfer] };
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
