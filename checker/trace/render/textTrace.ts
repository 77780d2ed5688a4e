// textTrace: a counterexample in TLC's shape. States are numbered from 1; the first is printed in
// full, each later state only with the fields its step changed. A lasso ends with
// `Back to state k` (with the step that goes back, when there is one), or TLC's `Stuttering`
// when the behaviour stays in its last state for ever.
import { stepChanges } from './stepChanges.ts';
import type { TraceView } from './traceView.ts';

export function textTrace(view: TraceView): string {
  const changes = stepChanges(view);
  const lines: string[] = [];
  view.steps.forEach((step, i) => {
    lines.push(`State ${i + 1}: <${i === 0 ? 'Initial predicate' : step.label}>`, ...changes[i]!, '');
  });
  if (view.loopIndex !== undefined) {
    const stutters = view.loopIndex === view.steps.length - 1 && view.loopLabel === undefined;
    lines.push(
      stutters ? `State ${view.steps.length + 1}: Stuttering` : `Back to state ${view.loopIndex + 1}${view.loopLabel ? `: <${view.loopLabel}>` : ''}`,
      '',
    );
  }
  return lines.join('\n');
}
