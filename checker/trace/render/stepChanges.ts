// stepChanges: what each state of a trace shows a reader, as TLC prints it: the first state in
// full (one top-level field a line), every later one only the fields its step changed.
import { showValue } from './showValue.ts';
import { stateDiff } from './stateDiff.ts';
import type { TraceView } from './traceView.ts';

export function stepChanges(view: TraceView): string[][] {
  return view.states.map((state, i) => {
    if (i === 0) {
      if (state === null || typeof state !== 'object' || Array.isArray(state)) return [`/\\ state = ${showValue(state)}`];
      return Object.entries(state).map(([k, v]) => `/\\ ${k} = ${showValue(v)}`);
    }
    const changes = stateDiff(view.states[i - 1], state);
    if (changes.length === 0) return ['(no field changed)'];
    return changes.map((c) => `/\\ ${c.path} = ${'after' in c ? showValue(c.after) : '(removed)'}`);
  });
}
