// findSuccessor: how a step of a trace is found again. No state object is kept for traces (as in
// TLC): the recorded action is re-run from the step's source state and the successor whose key
// is the recorded one is taken. The stored trace (rebuild.ts), the trace to a state checked but
// not stored (the parallel search's) and a lasso through the behaviour graph all find steps so.
import type { AnySpec, Successor } from '../spec.ts';

/**
 * The first successor of `from` by `action` that `isRecorded` says is the recorded one (it
 * compares its key bytes or fingerprint), or undefined when re-running the action did not yield it.
 */
export function findSuccessor(
  action: AnySpec['actions'][number],
  from: unknown,
  params: object,
  isRecorded: (succ: Successor<unknown>) => boolean,
): Successor<unknown> | undefined {
  for (const succ of action.successors(from, params)) if (isRecorded(succ)) return succ;
  return undefined;
}
