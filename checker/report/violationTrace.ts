// violationTrace: a violation's trace as the text report and --trace-dir print it: TLC's numbered
// states, then (when steps name actors) the same interleaving as lockdep-style lanes; or, with
// `--trace-format lkml`, the race as a kernel commit message draws it (lkml.ts, 72 columns).
import type { AnySpec } from '../spec.ts';
import type { Violation } from '../findings.ts';
import { lanes } from '../trace/render/lanes.ts';
import { lkml } from '../trace/render/lkml.ts';
import { textTrace } from '../trace/render/textTrace.ts';
import { lassoEnd, traceView } from '../trace/render/traceView.ts';

/** The forms a trace is printed in: TLC's (with lanes) or the LKML race diagram. */
export const TRACE_FORMATS = ['tlc', 'lkml'] as const;
export type TraceFormat = (typeof TRACE_FORMATS)[number];

export function violationTrace(spec: AnySpec, params: object, v: Violation, format: TraceFormat = 'tlc'): string {
  const view = traceView(spec, params as Record<string, unknown>, v.name, v.trace, lassoEnd(v));
  if (format === 'lkml') return lkml(view);
  const text = textTrace(view);
  return v.trace.slice(1).some((s) => s.actor !== undefined) ? `${text}The same interleaving, one column per actor:\n\n${lanes(view)}` : text;
}
