// batchReader: the states of a StateBatch, or of a run (a batch in an order), as BatchWriter wrote
// them: decoded from shared codec bytes, or the cloned values themselves.
import type { StateCodec } from '../../spec.ts';
import type { Run, StateBatch } from './protocol.ts';

export function runLength(run: Run): number {
  return run.order?.length ?? batchSize(run.batch);
}

export function runState(run: Run, i: number, codec: StateCodec<unknown> | undefined): unknown {
  return batchState(run.batch, run.order ? run.order[i]! : i, codec);
}

export function batchSize(batch: StateBatch): number {
  return batch.kind === 'clone' ? batch.states.length : batch.ends.length;
}

/** State i of a batch. */
export function batchState(batch: StateBatch, i: number, codec: StateCodec<unknown> | undefined): unknown {
  if (batch.kind === 'clone') return batch.states[i];
  return codec!.decode(batch.bytes.subarray(i === 0 ? 0 : batch.ends[i - 1]!, batch.ends[i]!));
}
