// traceView: one counterexample with the spec's presentation hooks already applied, so every
// renderer (text, lanes, ITF, DOT, HTML) is a pure function of plain data and knows no spec.
// Without hooks: states go through toPlain (stateToPlain, the one conversion every report uses), lanes are actors in order of first appearance,
// there are no message arrows and the object graph is a generic drawing of the JSON tree.
import type { AnySpec, Layout, TraceStep, WaitsFor } from '../../spec.ts';
import { stateToPlain } from '../toPlain.ts';

export interface TraceMessage {
  readonly from: number;
  readonly to: number;
  readonly label: string;
}

export interface TraceView {
  readonly spec: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The guarantee the last state breaks. */
  readonly violated: string;
  /** The steps as the checker returned them (raw states, for ITF's sets and maps). */
  readonly steps: readonly TraceStep<unknown>[];
  /** Each step's state as plain JSON. */
  readonly states: readonly unknown[];
  /** The lanes in display order: every lane the spec declares (idle ones too), then the other actors. */
  readonly lanes: readonly string[];
  readonly messages: readonly TraceMessage[];
  /** The spec's DOT statements for the breaking state's object graph, if it draws its own. */
  readonly objectGraph?: string;
  /** Who waits for whom in the last state (the spec's `waitsOn` hook), if anyone does. */
  readonly waits?: readonly WaitsFor[];
  /** The spec's declared state layout, if any: the ITF writer reads maps and records off it. */
  readonly layout?: Layout;
  /** For lassos: the index of the state the last step goes back to. */
  readonly loopIndex?: number;
  /** For lassos: the label of the step back (absent when the last state stutters for ever). */
  readonly loopLabel?: string;
}

/** The lane of a step that names no actor. */
export const NO_ACTOR = '(no actor)';

export function traceView(
  spec: AnySpec,
  params: Record<string, unknown>,
  violated: string,
  steps: readonly TraceStep<unknown>[],
  loopIndex?: number,
  loopLabel?: string,
): TraceView {
  const pres = spec.presentation;
  const states = steps.map((s) => stateToPlain(spec, params, s.state));
  const actors: string[] = [];
  for (const s of steps.slice(1)) {
    const a = s.actor ?? NO_ACTOR;
    if (!actors.includes(a)) actors.push(a);
  }
  const declared = pres?.lanes ? [...pres.lanes(params)] : [];
  const lanes = [...declared, ...actors.filter((a) => !declared.includes(a))];
  const messages = pres?.messages ? [...pres.messages(steps, params)] : [];
  const last = steps[steps.length - 1];
  const objectGraph = pres?.objectGraph && last ? pres.objectGraph(last.state, params, violated) : undefined;
  const waits = pres?.waitsOn && last ? pres.waitsOn(last.state, params) : [];
  const layout = spec.layout?.(params);
  return {
    spec: spec.name,
    params,
    violated,
    steps,
    states,
    lanes,
    messages,
    ...(objectGraph !== undefined ? { objectGraph } : {}),
    ...(waits.length > 0 ? { waits } : {}),
    ...(layout !== undefined ? { layout } : {}),
    ...(loopIndex !== undefined ? { loopIndex } : {}),
    ...(loopLabel !== undefined ? { loopLabel } : {}),
  };
}
