// textTrace: a counterexample in TLC's shape. States are numbered from 1; the first is printed in
// full, each later state only with the fields its step changed; a step's label is followed by
// the code it abstracts, in brackets, when the spec says. A lasso's cycle is set apart
// from its prefix by a rule before the cycle's first state, and ends as TLC ends one: with
// `Back to state k` (and the step that goes back), or `Stuttering` when the behaviour stays in
// its last state for ever; then why the cycle is fair (the view's fairness sentence). The cause
// (what breaks the guarantee at the bad step, or what a lasso never does and why) follows the
// last state, in the spec's words.
import { cycleWords, stutters } from './brokenBy.ts';
import { stepChanges } from './stepChanges.ts';
import type { TraceView } from './traceView.ts';
import { withCode } from './withCode.ts';
import { wrapText } from './wrapText.ts';

export function textTrace(view: TraceView): string {
  const changes = stepChanges(view);
  const lines: string[] = [];
  view.steps.forEach((step, i) => {
    if (i === view.loopIndex) lines.push(`---- the cycle: ${cycleWords(view)} ----`, '');
    lines.push(i === 0 ? 'State 1: <Initial predicate>' : `State ${i + 1}: ${withCode(`<${step.label}>`, view.implementation?.[i])}`, ...changes[i]!, '');
  });
  if (view.loopIndex === undefined && view.cause !== undefined) lines.push(...wrapText(`Cause: ${view.cause}`, 100), '');
  if (view.loopIndex !== undefined) {
    lines.push(
      stutters(view)
        ? `State ${view.steps.length + 1}: Stuttering`
        : `Back to state ${view.loopIndex + 1}${view.loopLabel ? `: ${withCode(`<${view.loopLabel}>`, view.loopImplementation)}` : ''}`,
      '',
    );
    if (view.cause !== undefined) lines.push(...wrapText(`Cause: ${view.cause}`, 100), '');
    if (view.fairness !== undefined) lines.push(...wrapText(`Fairness: ${view.fairness}`, 100), '');
  }
  return lines.join('\n');
}
