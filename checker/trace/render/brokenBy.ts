// brokenBy: how a counterexample breaks its guarantee, in the words a header uses. A safety trace
// breaks it after its last step; a lasso breaks it by a behaviour that goes on for ever, so its
// header says so (TLC prints such a trace with "Back to state N" or "Stuttering" at its end)
// instead of pinning the guarantee on the last step as if that step broke it.
import type { TraceView } from './traceView.ts';

export function brokenBy(view: TraceView): string {
  const k = view.steps.length - 1;
  const steps = `${k} step${k === 1 ? '' : 's'}`;
  if (view.loopIndex === undefined) return `after ${steps}`;
  if (stutters(view)) return `by a behaviour of ${steps} that then stutters in state ${k + 1} for ever`;
  return `by a behaviour of ${steps} that then goes back to state ${view.loopIndex + 1} and loops for ever`;
}

/** A lasso whose last state stays for ever (TLC's `Stuttering`), rather than a step back. */
export function stutters(view: TraceView): boolean {
  return view.loopIndex === view.steps.length - 1 && view.loopLabel === undefined;
}

/** The cycle in words: 'state 3 stutters for ever', 'states 3 to 5 repeat for ever'. */
export function cycleWords(view: TraceView): string {
  const from = view.loopIndex! + 1;
  const to = view.steps.length;
  if (stutters(view)) return `state ${to} stutters for ever`;
  return from === to ? `state ${from} loops back to itself for ever` : `states ${from} to ${to} repeat for ever`;
}
