// textTrace: a trace in TLC's shape. Numbered states, each headed by the action label that led to
// it; the first state in full, every later one only with the fields that changed (a reviewer
// reads the step, not the whole state again). A lasso ends with TLC's "Back to state k".
import type { TraceStep } from '../spec.ts';
import { stateDiff, topLevelFields, type Change } from './stateDiff.ts';

export interface TextTraceOptions {
  /** The plain-JSON view of a state (spec presentation or toPlain). */
  readonly toPlain: (state: unknown) => unknown;
  /** For lassos: the index the last step goes back to. */
  readonly loopIndex?: number | undefined;
  /** For lassos: the label of the step back (absent: the last state stutters). */
  readonly loopLabel?: string | undefined;
}

export function renderTextTrace(trace: readonly TraceStep<unknown>[], options: TextTraceOptions): string {
  const out: string[] = [];
  let previous: unknown;
  trace.forEach((step, i) => {
    const plain = options.toPlain(step.state);
    const heading = i === 0 ? '<Initial predicate>' : `<${step.label}>`;
    const who = step.actor !== undefined && i > 0 ? `  [${step.actor}]` : '';
    out.push(`State ${i + 1}: ${heading}${who}`);
    const fields: Change[] = i === 0 ? topLevelFields(plain) : stateDiff(previous, plain);
    if (fields.length === 0) out.push('  (no variable changed)');
    for (const f of fields) out.push(`  ${f.path} = ${f.value === undefined ? '(removed)' : JSON.stringify(f.value)}`);
    out.push('');
    previous = plain;
  });
  if (options.loopIndex !== undefined) {
    const stutters = options.loopIndex === trace.length - 1 && options.loopLabel === undefined;
    out.push(stutters ? `State ${trace.length}: Stuttering` : `Back to state ${options.loopIndex + 1}${options.loopLabel ? `: <${options.loopLabel}>` : ''}`);
    out.push('');
  }
  return out.join('\n');
}
