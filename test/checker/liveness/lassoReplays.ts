// lassoReplays: judge a reported lasso against any spec through its own actions: each step is a
// successor of the previous state by its named action and label, the last state goes back to the
// loop state (or stutters), and the cycle meets every fairness condition. Independent of
// checker/liveness: states are compared by their canonical bytes, enabledness recomputed.
import type { PropertyResult } from '../../../checker/liveness/checkProperty.ts';
import type { AnySpec, Fairness } from '../../../checker/spec.ts';
import { canonicalBytes } from '../../../checker/state/canonicalEncoding.ts';

const key = (s: unknown) => Buffer.from(canonicalBytes(s)).toString('latin1');
const text = (l: string | (() => string)) => (typeof l === 'function' ? l() : l);

interface Step {
  readonly action: string;
  readonly actor?: string | undefined;
  readonly label: string;
}

export function lassoProblem(spec: AnySpec, params: object, result: PropertyResult, fairness: readonly Fairness[]): string | null {
  if (result.holds) return null;
  const { trace, loopIndex, loopStep } = result;
  const successors = (s: unknown) =>
    spec.actions.flatMap((a) =>
      [...a.successors(s, params)].map((succ) => ({ action: a.name, actor: succ.actor, label: text(succ.label), key: key(succ.state) })),
    );
  const isStep = (from: unknown, to: unknown, t: Step) =>
    successors(from).some((s) => s.action === t.action && s.actor === t.actor && s.label === t.label && s.key === key(to));
  if (![...spec.init(params)].some((s) => key(s) === key(trace[0]!.state))) return 'the trace does not start in an initial state';
  for (let i = 1; i < trace.length; i++) {
    const t = trace[i]!;
    if (!isStep(trace[i - 1]!.state, t.state, { action: t.action!, actor: t.actor, label: t.label })) return `step ${i} is not a successor by its action`;
  }
  if (loopIndex === undefined) return 'no loop index';
  const last = trace[trace.length - 1]!.state;
  if (loopStep) {
    if (!isStep(last, trace[loopIndex]!.state, loopStep)) return 'the last step does not return to the loop state';
  } else if (loopIndex !== trace.length - 1) return 'a stuttering end must loop on the last state';

  const cycle = trace.slice(loopIndex).map((t) => t.state);
  const taken: Step[] = trace.slice(loopIndex + 1).map((t) => ({ action: t.action!, actor: t.actor, label: t.label }));
  if (loopStep) taken.push(loopStep);
  for (const f of fairness) {
    // Enabled means ENABLED <A>_v: some successor of the action (instance) changes the state.
    const instances = (s: unknown) => successors(s).filter((succ) => succ.action === f.action && succ.key !== key(s));
    const actors = f.perActor ? [...new Set(cycle.flatMap((s) => instances(s).map((i) => i.actor)))] : [null];
    for (const actor of actors) {
      const mine = (t: { action: string; actor?: string | undefined }) => t.action === f.action && (actor === null || t.actor === actor);
      if (taken.some(mine)) continue;
      const enabled = (s: unknown) => instances(s).some(mine);
      if (f.kind === 'weak' ? cycle.every(enabled) : cycle.some(enabled)) return `the cycle is not fair: ${f.kind} ${f.action}${actor ? `[${actor}]` : ''}`;
    }
  }
  return null;
}
