// itf: a counterexample in the Informal Trace Format (Apalache ADR-015, what Quint and Apalache
// write), so their tools read our traces. Which states it holds and how they are typed is
// itfSource's choice (the text trace's variables, where the spec has a JSON view); the values are
// written by the layout that types them (itfByLayout) or by their kinds (itfByKind). Either way
// no value is null or #unserializable where a layout or the trace says what it is: an absent
// value is Quint's option None, a present one of the same field Some.
import { toPlain } from '../toPlain.ts';
import { itfByKind } from './itfByKind.ts';
import { itfByLayout } from './itfByLayout.ts';
import type { ItfSource } from './itfSource.ts';
import type { TraceView } from './traceView.ts';

const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

export function itf(view: TraceView, source: ItfSource): Record<string, unknown> {
  const states = source.states === 'view' ? view.states : view.steps.map((s) => s.state);
  const encoded = source.layout ? itfByLayout(source.layout, states) : itfByKind(states);
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
