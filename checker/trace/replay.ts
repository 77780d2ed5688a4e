// replay: walk a trace given as labels through the spec's own actions. Scenario tests write a
// seed counterexample as a list of labels; replay proves each step is a real successor.
import type { AnySpec, TraceStep } from '../spec.ts';
import { resolveLabel } from './resolveLabel.ts';
import { step } from './rebuild.ts';

export class ReplayError extends Error {}

/**
 * Starts from the first initial state (or the first one `pickInitial` accepts) and, for each
 * label, takes the successor whose label equals it.
 */
export function replay<S>(spec: AnySpec, params: object, labels: readonly string[], pickInitial?: (s: S) => boolean): TraceStep<S>[] {
  let state: unknown;
  for (const s of spec.init(params)) {
    if (!pickInitial || pickInitial(s as S)) {
      state = s;
      break;
    }
  }
  if (state === undefined) throw new ReplayError('no initial state to start from');
  const trace: TraceStep<unknown>[] = [{ action: null, label: 'Initial predicate', state }];
  labels.forEach((want, i) => {
    const enabled: string[] = [];
    for (const action of spec.actions) {
      for (const succ of action.successors(state, params)) {
        const label = resolveLabel(succ.label);
        if (label === want) {
          state = succ.state;
          trace.push(step(action.name, { ...succ, label }));
          return;
        }
        enabled.push(label);
      }
    }
    throw new ReplayError(`step ${i + 1}: '${want}' is not enabled; enabled: ${enabled.join(' | ') || '(nothing)'}`);
  });
  return trace as TraceStep<S>[];
}
