// BatchWriter: states into a StateBatch as the parallel search keeps them (see protocol.ts): codec
// bytes end to end with their end offsets, in SharedArrayBuffers every worker can read, or plain
// values (structured clone). batchReader.ts reads them back.
import type { StateCodec } from '../../spec.ts';
import { grow } from '../../state/grow.ts';
import type { StateBatch, Transport } from './protocol.ts';

export class BatchWriter {
  private bytes: Uint8Array;
  private length = 0;
  private ends: Uint32Array;
  private states: unknown[] = [];
  count = 0;

  /** `shared`: codec bytes live in SharedArrayBuffers, so view() can be read by other threads. */
  constructor(
    private readonly transport: Transport,
    private readonly codec: StateCodec<unknown> | undefined,
    private readonly shared = false,
  ) {
    this.bytes = this.u8(1 << 12);
    this.ends = this.u32(1 << 10);
  }

  private u8(n: number): Uint8Array {
    return this.shared ? new Uint8Array(new SharedArrayBuffer(n)) : new Uint8Array(n);
  }

  private u32(n: number): Uint32Array {
    return this.shared ? new Uint32Array(new SharedArrayBuffer(n * 4)) : new Uint32Array(n);
  }

  add(state: unknown): void {
    if (this.transport === 'clone') {
      this.states.push(state);
      this.count++;
      return;
    }
    const codec = this.codec!;
    this.reserve(codec.maxBytes);
    this.length += codec.encode(state, this.length === 0 ? this.bytes : this.bytes.subarray(this.length));
    this.end();
  }

  /** Adds a state given as its codec bytes already (the search key, when it is the codec's). */
  addBytes(bytes: Uint8Array, n: number): void {
    this.reserve(n);
    const to = this.bytes;
    let at = this.length;
    // A loop, not `set(subarray)`: codec states are a few bytes, and this runs per new state.
    for (let k = 0; k < n; k++) to[at++] = bytes[k]!;
    this.length = at;
    this.end();
  }

  /**
   * The states so far, without copying: for this thread, or (when `shared`) for any thread that
   * only reads them while this writer is not written.
   */
  view(): StateBatch {
    if (this.transport === 'clone') return { kind: 'clone', states: this.states };
    return { kind: 'codec', bytes: this.bytes.subarray(0, this.length), ends: this.ends.subarray(0, this.count) };
  }

  private end(): void {
    if (this.count === this.ends.length) this.ends = grow(this.ends, this.count + 1, this.count, this.shared);
    this.ends[this.count++] = this.length;
  }

  /** Room for n more bytes. */
  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    this.bytes = grow(this.bytes, this.length + n, this.length, this.shared);
  }
}
