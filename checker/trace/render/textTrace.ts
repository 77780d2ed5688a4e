// textTrace: a counterexample in TLC's shape. States are numbered from 1; the first is printed in
// full, one top-level field a line, each later state only with the fields its step changed.
// A lasso ends with `Back to state k`.
import { showValue as show } from './showValue.ts';
import { stateDiff } from './stateDiff.ts';
import type { TraceView } from './traceView.ts';

export function textTrace(view: TraceView): string {
  const lines: string[] = [];
  view.steps.forEach((step, i) => {
    lines.push(`State ${i + 1}: <${i === 0 ? 'Initial predicate' : step.label}>`);
    if (i === 0) lines.push(...fullState(view.states[0]));
    else {
      const changes = stateDiff(view.states[i - 1], view.states[i]);
      if (changes.length === 0) lines.push('(no field changed)');
      for (const c of changes) lines.push(`/\\ ${c.path} = ${'after' in c ? show(c.after) : '(removed)'}`);
    }
    lines.push('');
  });
  if (view.loopIndex !== undefined) lines.push(`Back to state ${view.loopIndex + 1}`, '');
  return lines.join('\n');
}

function fullState(state: unknown): string[] {
  if (state === null || typeof state !== 'object' || Array.isArray(state)) return [`/\\ state = ${show(state)}`];
  return Object.entries(state).map(([k, v]) => `/\\ ${k} = ${show(v)}`);
}
