// Packing states for the trip between threads (see protocol.ts): codec bytes end to end with
// their end offsets, or the plain values for structured clone.
import type { StateCodec } from '../../spec.ts';
import type { StateBatch, Transport } from './protocol.ts';

export class BatchWriter {
  private bytes = new Uint8Array(1 << 12);
  private length = 0;
  private ends: number[] = [];
  private states: unknown[] = [];

  constructor(
    private readonly transport: Transport,
    private readonly codec: StateCodec<unknown> | undefined,
  ) {}

  add(state: unknown): void {
    if (this.transport === 'clone') {
      this.states.push(state);
      return;
    }
    const codec = this.codec!;
    this.reserve(codec.maxBytes);
    this.length += codec.encode(state, this.length === 0 ? this.bytes : this.bytes.subarray(this.length));
    this.ends.push(this.length);
  }

  /** Adds a state given as its codec bytes already (the search key, when it is the codec's). */
  addBytes(bytes: Uint8Array, n: number): void {
    this.reserve(n);
    this.bytes.set(bytes.subarray(0, n), this.length);
    this.length += n;
    this.ends.push(this.length);
  }

  /** Copies the raw bytes of state i of another codec batch (no decode/encode round trip). */
  addFrom(batch: StateBatch, i: number): void {
    if (batch.kind === 'clone') {
      this.states.push(batch.states[i]);
      return;
    }
    const start = i === 0 ? 0 : batch.ends[i - 1]!;
    const end = batch.ends[i]!;
    this.reserve(end - start);
    this.bytes.set(batch.bytes.subarray(start, end), this.length);
    this.length += end - start;
    this.ends.push(this.length);
  }

  /** Room for n more bytes. */
  private reserve(n: number): void {
    if (this.length + n <= this.bytes.length) return;
    const next = new Uint8Array(Math.max(this.bytes.length * 2, this.length + n));
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  finish(): { batch: StateBatch; transfer: ArrayBuffer[] } {
    if (this.transport === 'clone') return { batch: { kind: 'clone', states: this.states }, transfer: [] };
    const bytes = this.bytes.slice(0, this.length);
    const ends = Uint32Array.from(this.ends);
    return { batch: { kind: 'codec', bytes, ends }, transfer: [bytes.buffer, ends.buffer] };
  }
}

export function batchSize(batch: StateBatch): number {
  return batch.kind === 'clone' ? batch.states.length : batch.ends.length;
}

/** State i of a batch. */
export function batchState(batch: StateBatch, i: number, codec: StateCodec<unknown> | undefined): unknown {
  if (batch.kind === 'clone') return batch.states[i];
  return codec!.decode(batch.bytes.subarray(i === 0 ? 0 : batch.ends[i - 1]!, batch.ends[i]!));
}

export function readBatch(batch: StateBatch, codec: StateCodec<unknown> | undefined): unknown[] {
  if (batch.kind === 'clone') return [...batch.states];
  const out: unknown[] = [];
  let start = 0;
  for (let i = 0; i < batch.ends.length; i++) {
    out.push(codec!.decode(batch.bytes.subarray(start, batch.ends[i]!)));
    start = batch.ends[i]!;
  }
  return out;
}
