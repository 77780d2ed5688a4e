// itf: a counterexample in the Informal Trace Format (Apalache ADR-015, what Quint and Apalache
// write), so their tools read our traces. Which states it holds and how they are typed is
// itfSource's choice (the text trace's variables, where the spec has a JSON view); the values are
// written by the layout that types them (itfByLayout) or by their kinds (itfByKind). Either way
// no value is null or #unserializable where a layout or the trace says what it is: an absent
// value is Quint's option None, a present one of the same field Some. Each state also carries
// `mbt::actionTaken`, as Quint's own `--mbt` traces do, so a model-based-testing driver replays
// ours unchanged; `#meta` holds no null either (the initial state's action is `init` there too).
// And `mbt::nondetPicks`, Quint's record of the choices that made each step (`{ t: 'A', fd: 3 }`:
// the instance's picks, Successor.picks): every name any step of the trace picks, Some where
// this step picked it, None where it did not (the initial state picks nothing).
import { toPlain } from '../toPlain.ts';
import { itfByKind } from './itfByKind.ts';
import { itfByLayout } from './itfByLayout.ts';
import type { ItfSource } from './itfSource.ts';
import type { TraceView } from './traceView.ts';

const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';
/** The variable Quint's `--mbt` traces carry and its model-based-testing drivers dispatch on: the
 * action that led to each state, `init` for the initial one. */
export const ACTION_TAKEN = 'mbt::actionTaken';
const INIT = 'init';
/** The record of each step's nondeterministic choices, as Quint's `--mbt` traces name it. */
export const NONDET_PICKS = 'mbt::nondetPicks';

export function itf(view: TraceView, source: ItfSource): Record<string, unknown> {
  const states = source.states === 'view' ? view.states : view.steps.map((s) => s.state);
  const encoded = source.layout ? itfByLayout(source.layout, states) : itfByKind(states);
  const actions = view.steps.map((s) => s.action ?? INIT);
  const picks = nondetPicks(view);
  const vars = encoded[0] ? [...Object.keys(encoded[0]), ACTION_TAKEN, NONDET_PICKS] : [];
  const loop = view.loopIndex !== undefined ? { loop: view.loopIndex } : {};
  return {
    '#meta': {
      format: 'ITF',
      'format-description': ITF_FORMAT_DESCRIPTION,
      source: view.spec,
      description: `Shortest counterexample to ${view.violated} in ${view.spec}, written by rmc`,
      params: toPlain(view.params),
      violated: view.violated,
      actions,
      labels: view.steps.map((s) => s.label),
      ...loop,
    },
    vars,
    states: encoded.map((vals, index) => ({
      '#meta': { index, label: view.steps[index]!.label },
      ...vals,
      [ACTION_TAKEN]: actions[index]!,
      [NONDET_PICKS]: picks[index]!,
    })),
    ...loop,
  };
}

/** Per state, every name the trace's steps pick, as an option: Some of this step's choice, or None. */
function nondetPicks(view: TraceView): Record<string, unknown>[] {
  const names = [...new Set(view.steps.flatMap((s) => Object.keys(s.picks ?? {})))];
  const rows = view.steps.map((s) => Object.fromEntries(names.map((n) => [n, s.picks?.[n] ?? null])));
  // itfByKind makes a position that is null in some state an option in every state.
  return itfByKind(rows);
}
