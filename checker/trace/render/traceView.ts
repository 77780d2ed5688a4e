// traceView: one counterexample with the spec's presentation hooks already applied, so every
// renderer (text, lanes, ITF, DOT, HTML) is a pure function of plain data and knows no spec.
// Without hooks: states go through toPlain (stateToPlain, the one conversion every report uses), lanes are actors in order of first appearance,
// there are no message arrows and the object graph is a generic drawing of the JSON tree. With a
// `lanes` hook every declared lane is kept, idle ones too. A lasso's end (LassoEnd) brings its
// step back and, worded here once, why its cycle is fair.
import type { AnySpec, KernelStep, Layout, TraceStep, WaitsFor } from '../../spec.ts';
import type { CycleFairness, Violation } from '../../findings.ts';
import { stateToPlain } from '../toPlain.ts';
import { cycleWaits } from './cycleWaits.ts';
import { fairnessSentence } from './fairnessSentence.ts';

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
  /** The same for every state of the trace, in order (the last is objectGraph). */
  readonly objectGraphs?: readonly string[];
  /** Who waits for whom in the last state (the spec's `waitsOn` hook), if anyone does. */
  readonly waits?: readonly WaitsFor[];
  /** The spec's declared state layout, if any: the ITF writer reads maps and records off it. */
  readonly layout?: Layout;
  /** For lassos: the index of the state the last step goes back to. */
  readonly loopIndex?: number;
  /** For lassos: the label of the step back (absent when the last state stutters for ever). */
  readonly loopLabel?: string;
  /** The title its pictures carry, set by whoever knows where the trace comes from (design,
   * configuration, bounds); without it a picture is titled by spec and guarantee. */
  readonly caption?: string;
  /** For lassos: the actor of the step back, the lane it is drawn in. */
  readonly loopActor?: string;
  /** Per step, the code it abstracts (the spec's `implementation` hook): index i for steps[i], none for the initial state. */
  readonly implementation?: readonly (string | undefined)[];
  /** For lassos: the code the step back abstracts. */
  readonly loopImplementation?: string;
  /** For lassos: why the cycle is a fair behaviour, and what it leaves waiting (fairnessSentence.ts). */
  readonly fairness?: string;
  /** The fact that breaks the guarantee at the bad step (the spec's `cause` hook), one sentence. */
  readonly cause?: string;
  /** Per step, how a race diagram draws it (the spec's `kernelStep` hook): index i for steps[i],
   * none for the initial state; for a lasso one more, the step back. */
  readonly kernelSteps?: readonly (KernelStep | undefined)[];
}

/** How a lasso ends, as a Violation or a table cell carries it. */
export interface LassoEnd {
  readonly loopIndex: number;
  readonly loopStep?: Violation['loopStep'];
  readonly cycleFairness?: CycleFairness;
}

/** The lasso end of a violation or a table cell, if it is a lasso. */
export function lassoEnd(v: {
  readonly loopIndex?: number;
  readonly loopStep?: Violation['loopStep'];
  readonly cycleFairness?: CycleFairness;
}): LassoEnd | undefined {
  if (v.loopIndex === undefined) return undefined;
  return { loopIndex: v.loopIndex, ...(v.loopStep ? { loopStep: v.loopStep } : {}), ...(v.cycleFairness ? { cycleFairness: v.cycleFairness } : {}) };
}

/** The lane of a step that names no actor. */
export const NO_ACTOR = '(no actor)';

export function traceView(
  spec: AnySpec,
  params: Record<string, unknown>,
  violated: string,
  steps: readonly TraceStep<unknown>[],
  loop?: number | LassoEnd,
  label?: string,
): TraceView {
  const pres = spec.presentation;
  // A bare index (and label) is how tests and older callers give a lasso: no step object, no fairness.
  const lasso: LassoEnd | undefined = typeof loop === 'number' ? { loopIndex: loop } : loop;
  const loopIndex = lasso?.loopIndex;
  const loopLabel = typeof loop === 'number' ? label : lasso?.loopStep?.label;
  const loopActor = lasso?.loopStep?.actor;
  const states = steps.map((s) => stateToPlain(spec, params, s.state));
  const actors: string[] = [];
  for (const s of [...steps.slice(1), ...(lasso?.loopStep ? [lasso.loopStep] : [])]) {
    const a = s.actor ?? NO_ACTOR;
    if (!actors.includes(a)) actors.push(a);
  }
  const declared = pres?.lanes ? [...pres.lanes(params)] : [];
  const lanes = [...declared, ...actors.filter((a) => !declared.includes(a))];
  const messages = pres?.messages ? [...pres.messages(steps, params)] : [];
  const last = steps[steps.length - 1];
  const objectGraphs = pres?.objectGraph ? steps.map((s) => pres.objectGraph!(s.state, params, violated)) : undefined;
  const objectGraph = objectGraphs?.at(-1);
  const waits = pres?.waitsOn && last ? pres.waitsOn(last.state, params) : [];
  const layout = spec.layout?.(params);
  const code = (action: string | null | undefined, at?: { before: unknown; step: TraceStep<unknown> }) =>
    action && pres?.implementation ? pres.implementation(action, params, at) : undefined;
  const implementation = steps.map((s, i) => code(s.action, i > 0 ? { before: steps[i - 1]!.state, step: s } : undefined));
  // The step back is taken from the last state, and arrives at the loop's first.
  const back = lasso?.loopStep && last && loopIndex !== undefined ? { ...lasso.loopStep, state: steps[loopIndex]!.state } : undefined;
  const loopImplementation = back ? code(back.action, { before: last!.state, step: back }) : code(lasso?.loopStep?.action);
  const cause = pres?.cause ? pres.cause(steps, params, violated, loopIndex) : undefined;
  const kernelSteps = pres?.kernelStep ? kernelStepsOf(pres.kernelStep, steps, lasso, params) : undefined;
  const fairness = lasso?.cycleFairness ? fairnessSentence(lasso.cycleFairness, cycleWaits(spec, params, steps.slice(lasso.loopIndex)), code) : undefined;
  return {
    spec: spec.name,
    params,
    violated,
    steps,
    states,
    lanes,
    messages,
    ...(objectGraph !== undefined ? { objectGraph, objectGraphs: objectGraphs! } : {}),
    ...(waits.length > 0 ? { waits } : {}),
    ...(layout !== undefined ? { layout } : {}),
    ...(loopIndex !== undefined ? { loopIndex } : {}),
    ...(loopLabel !== undefined ? { loopLabel } : {}),
    ...(loopActor !== undefined ? { loopActor } : {}),
    ...(implementation.some((c) => c !== undefined) ? { implementation } : {}),
    ...(loopImplementation !== undefined ? { loopImplementation } : {}),
    ...(fairness !== undefined ? { fairness } : {}),
    ...(cause !== undefined ? { cause } : {}),
    ...(kernelSteps !== undefined ? { kernelSteps } : {}),
  };
}

/** Each step through the hook; a lasso's step back is asked as one more step, from the last state to the loop's. */
function kernelStepsOf(
  hook: (trace: readonly TraceStep<unknown>[], i: number, p: Record<string, unknown>) => KernelStep | undefined,
  steps: readonly TraceStep<unknown>[],
  lasso: LassoEnd | undefined,
  params: Record<string, unknown>,
): (KernelStep | undefined)[] {
  const back = lasso?.loopStep;
  const all = back ? [...steps, { ...back, state: steps[lasso.loopIndex]!.state }] : steps;
  return all.map((_, i) => (i === 0 ? undefined : hook(all, i, params)));
}
