// itf: a counterexample in the Informal Trace Format (Apalache ADR-015, what Quint and Apalache
// write), so their tools read our traces. The raw states are written, not their plain-JSON view,
// so sets and maps keep their kind: by the spec's declared layout (itfByLayout) where it has one,
// else by the kind of each value (itfByKind). Either way no value is null or #unserializable
// where a layout or the trace says what it is: an absent value is Quint's option None, a present
// one of the same field Some.
import { toPlain } from '../toPlain.ts';
import { itfByKind } from './itfByKind.ts';
import { itfByLayout } from './itfByLayout.ts';
import type { TraceView } from './traceView.ts';

const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

export function itf(view: TraceView): Record<string, unknown> {
  const states = view.steps.map((s) => s.state);
  const encoded = view.layout ? itfByLayout(view.layout, states) : itfByKind(states);
  const vars = encoded[0] ? Object.keys(encoded[0]) : [];
  const loop = view.loopIndex !== undefined ? { loop: view.loopIndex } : {};
  return {
    '#meta': {
      format: 'ITF',
      'format-description': ITF_FORMAT_DESCRIPTION,
      source: view.spec,
      description: `Shortest counterexample to ${view.violated} in ${view.spec}, written by rmc`,
      params: toPlain(view.params),
      violated: view.violated,
      actions: view.steps.map((s) => s.action),
      labels: view.steps.map((s) => s.label),
      ...loop,
    },
    vars,
    states: encoded.map((vals, index) => ({ '#meta': { index, label: view.steps[index]!.label }, ...vals })),
    ...loop,
  };
}
