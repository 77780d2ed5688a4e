// The reference the liveness checker is compared against on tiny graphs, written from the
// definitions and sharing no code with checker/liveness:
// - bruteForceHolds enumerates every possible lasso cycle: every single state (stuttering for
//   ever) and every strongly connected set of edges (exactly the edge sets some closed walk
//   uses), keeps the fair ones and asks whether one fits the property's negation;
// - lassoProblem replays a reported lasso step by step and judges its cycle's fairness and
//   whether the lasso really violates the property.
import type { PropertyResult } from '../../../checker/liveness/checkProperty.ts';
import type { GraphDesc, Node, PropertyName } from './graphSpec.ts';

interface Step {
  readonly action: string;
  readonly actor: string | undefined;
  readonly from: number;
  readonly to: number;
}

const has = (xs: readonly number[] | undefined, v: number) => (xs ?? []).includes(v);

function rawSteps(g: GraphDesc): Step[] {
  return Object.entries(g.actions).flatMap(([action, edges]) => edges.map(([from, to, actor]) => ({ action, actor, from, to })));
}

/** Is the cycle (its states, and the steps it takes) fair under g.fairness? */
export function cycleIsFair(g: GraphDesc, states: readonly number[], steps: readonly Step[]): boolean {
  const all = rawSteps(g);
  for (const f of g.fairness ?? []) {
    const actors = f.perActor ? [...new Set(all.filter((s) => s.action === f.action).map((s) => s.actor))] : [null];
    for (const actor of actors) {
      const mine = (s: Step) => s.action === f.action && s.from !== s.to && (actor === null || s.actor === actor);
      const enabled = (v: number) => all.some((s) => mine(s) && s.from === v);
      if (steps.some(mine)) continue;
      if (f.kind === 'weak' && states.every(enabled)) return false;
      if (f.kind === 'strong' && states.some(enabled)) return false;
    }
  }
  return true;
}

export function bruteForceHolds(g: GraphDesc, prop: PropertyName): boolean {
  const inside = (v: number) => !g.inside || g.inside.includes(v);
  const reachable = closure(g.init.filter(inside), () => true, rawSteps(g), inside);
  const edges = rawSteps(g).filter((s) => s.from !== s.to && reachable.has(s.from) && inside(s.to));
  const p = (v: number) => has(g.p, v);
  const q = (v: number) => has(g.q, v);
  if (prop === 'always') return [...reachable].every(p);
  const cycles: { states: number[]; steps: Step[] }[] = [...reachable].map((v) => ({ states: [v], steps: [] }));
  for (let mask = 1; mask < 1 << edges.length; mask++) {
    const steps = edges.filter((_, i) => mask & (1 << i));
    const states = [...new Set(steps.flatMap((s) => [s.from, s.to]))];
    if (
      states.every(
        (v) =>
          closure(
            [v],
            () => true,
            steps,
            () => true,
          ).size === states.length,
      )
    )
      cycles.push({ states, steps });
  }
  const fair = cycles.filter((c) => cycleIsFair(g, c.states, c.steps));
  const within = (region: (v: number) => boolean, from: number[]) => closure(from.filter(region), region, edges, () => true);
  switch (prop) {
    case 'eventually': {
      const r = within((v) => !p(v), g.init.filter(inside));
      return !fair.some((c) => c.states.every((v) => !p(v)) && c.states.some((v) => r.has(v)));
    }
    case 'alwaysEventually':
      return !fair.some((c) => c.states.every((v) => !p(v)));
    case 'eventuallyAlways':
      return !fair.some((c) => c.states.some((v) => !p(v)));
    case 'leadsTo': {
      const r = within(
        (v) => !q(v),
        [...reachable].filter((v) => p(v) && !q(v)),
      );
      return !fair.some((c) => c.states.every((v) => !q(v)) && c.states.some((v) => r.has(v)));
    }
  }
}

/** Nodes reachable from `from` by steps whose targets satisfy `region` and `inside`, expanding only inside nodes. */
function closure(from: readonly number[], region: (v: number) => boolean, steps: readonly Step[], inside: (v: number) => boolean): Set<number> {
  const seen = new Set(from);
  const todo = [...from];
  while (todo.length > 0) {
    const v = todo.pop()!;
    for (const s of steps) {
      if (s.from === v && !seen.has(s.to) && region(s.to) && inside(s.to)) {
        seen.add(s.to);
        todo.push(s.to);
      }
    }
  }
  return seen;
}

/** Why a reported counterexample is wrong, or null when it replays, is fair and violates the property. */
export function lassoProblem(g: GraphDesc, prop: PropertyName, result: PropertyResult<Node>): string | null {
  if (result.holds) return null;
  const { trace, loopIndex, loopStep } = result;
  const at = trace.map((t) => t.state.at);
  const inside = (v: number) => !g.inside || g.inside.includes(v);
  if (!g.init.includes(at[0]!) || trace[0]!.action !== null) return 'the trace does not start in an initial state';
  if (!at.every(inside)) return 'the trace leaves the state constraint';
  const stepOk = (from: number, to: number, t: { action: string | null; label: string; actor?: string }) =>
    rawSteps(g).some(
      (s) =>
        s.from === from &&
        s.to === to &&
        s.from !== s.to &&
        s.action === t.action &&
        s.actor === t.actor &&
        t.label === `${s.action}${s.actor === undefined ? '' : `[${s.actor}]`} ${from}->${to}`,
    );
  for (let i = 1; i < trace.length; i++) if (!stepOk(at[i - 1]!, at[i]!, trace[i]!)) return `step ${i} is not a successor by its action`;
  const p = (v: number) => has(g.p, v);
  const q = (v: number) => has(g.q, v);
  if (prop === 'always') return loopIndex === undefined && !p(at[at.length - 1]!) ? null : 'an always trace must end in a ~p state, without a loop';
  if (loopIndex === undefined || loopIndex < 0 || loopIndex >= trace.length) return 'no loop index';
  if (loopStep) {
    if (!stepOk(at[at.length - 1]!, at[loopIndex]!, loopStep)) return 'the last step does not return to the loop state';
  } else if (loopIndex !== trace.length - 1) return 'a stuttering end must loop on the last state';
  const cycle = at.slice(loopIndex);
  const cycleSteps = trace.slice(loopIndex + 1).map((t, i) => ({ action: t.action!, actor: t.actor, from: cycle[i]!, to: cycle[i + 1]! }));
  if (loopStep) cycleSteps.push({ action: loopStep.action, actor: loopStep.actor, from: at[at.length - 1]!, to: at[loopIndex]! });
  if (!cycleIsFair(g, cycle, cycleSteps)) return 'the cycle is not fair';
  const violates = (() => {
    switch (prop) {
      case 'eventually':
        return at.every((v) => !p(v));
      case 'alwaysEventually':
        return cycle.every((v) => !p(v));
      case 'eventuallyAlways':
        return cycle.some((v) => !p(v));
      case 'leadsTo':
        return at.some((v, i) => p(v) && at.slice(Math.min(i, loopIndex)).every((w) => !q(w)));
    }
  })();
  return violates ? null : 'the lasso does not violate the property';
}
