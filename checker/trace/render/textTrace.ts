// textTrace: a counterexample in TLC's shape. States are numbered from 1; the first is printed in
// full, each later state only with the fields its step changed. A lasso ends with
// `Back to state k`.
import { stepChanges } from './stepChanges.ts';
import type { TraceView } from './traceView.ts';

export function textTrace(view: TraceView): string {
  const changes = stepChanges(view);
  const lines: string[] = [];
  view.steps.forEach((step, i) => {
    lines.push(`State ${i + 1}: <${i === 0 ? 'Initial predicate' : step.label}>`, ...changes[i]!, '');
  });
  if (view.loopIndex !== undefined) lines.push(`Back to state ${view.loopIndex + 1}`, '');
  return lines.join('\n');
}
