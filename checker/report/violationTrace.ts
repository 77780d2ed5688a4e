// violationTrace: a violation's trace as the text report and --trace-dir print it: TLC's numbered
// states, then (when steps name actors) the same interleaving as lockdep-style lanes.
import type { AnySpec } from '../spec.ts';
import type { Violation } from '../findings.ts';
import { lanes } from '../trace/render/lanes.ts';
import { textTrace } from '../trace/render/textTrace.ts';
import { lassoEnd, traceView } from '../trace/render/traceView.ts';

export function violationTrace(spec: AnySpec, params: object, v: Violation): string {
  const view = traceView(spec, params as Record<string, unknown>, v.name, v.trace, lassoEnd(v));
  const text = textTrace(view);
  return v.trace.slice(1).some((s) => s.actor !== undefined) ? `${text}The same interleaving, one column per actor:\n\n${lanes(view)}` : text;
}
