// clockSpec: clocks p0..p{n-1}, each ticking up to `top` and wrapping to 0, with spies. Tick is
// weakly fair per clock; Wrap has no fairness, so its actor is never needed. Written with
// defineAction, so the searches take the fast path (forEachSuccessor) and ask `actorOf` only
// where fairness needs it. The spies count Tick's expansions per state and `actorOf` per action.
import { defineAction } from '../../../checker/defineAction.ts';
import type { Spec } from '../../../checker/spec.ts';

export interface ClockParams {
  readonly n: number;
  readonly top: number;
}
export type Clocks = readonly number[];

export function clockSpec() {
  const expansions = new Map<string, number>();
  const actorAsked = { Tick: 0, Wrap: 0 };
  const clocks = (p: ClockParams) => Array.from({ length: p.n }, (_, i) => i);
  const tick = defineAction<Clocks, ClockParams, number>({
    name: 'Tick',
    doc: 'a clock ticks',
    params: (_s, p) => clocks(p),
    enabled: (s, i, p) => s[i]! < p.top,
    next: (s, i) => s.map((c, j) => (j === i ? c + 1 : c)),
    label: (_s, i) => `Tick(p${i})`,
    actor: (_s, i) => `p${i}`,
  });
  const wrap = defineAction<Clocks, ClockParams, number>({
    name: 'Wrap',
    doc: 'a clock at the top wraps to 0',
    params: (_s, p) => clocks(p),
    enabled: (s, i, p) => s[i] === p.top,
    next: (s, i) => s.map((c, j) => (j === i ? 0 : c)),
    label: (_s, i) => `Wrap(p${i})`,
    actor: (_s, i) => `p${i}`,
  });
  const spied = (a: typeof tick, counted: boolean): typeof tick => ({
    ...a,
    forEachSuccessor: (s, p, emit) => {
      if (counted) expansions.set(JSON.stringify(s), (expansions.get(JSON.stringify(s)) ?? 0) + 1);
      return a.forEachSuccessor!(s, p, emit);
    },
    actorOf: (s, i, p) => {
      actorAsked[a.name as 'Tick' | 'Wrap']++;
      return a.actorOf!(s, i, p);
    },
  });
  const spec: Spec<Clocks, ClockParams> = {
    name: 'test/clocks',
    summary: 'clocks that tick and wrap',
    defaults: { n: 3, top: 3 },
    init: (p) => [clocks(p).map(() => 0)],
    actions: [spied(tick, true), spied(wrap, false)],
    invariants: { Bounded: (s, p) => s.every((c) => c <= p.top) },
    properties: {
      // Holds: once p0 is at 0, Tick(p0) stays enabled until it reaches the top.
      ZeroLeadsToTop: { op: 'leadsTo', p: (s) => s[0] === 0, q: (s, p) => s[0] === p.top },
      // Fails: nothing makes p0 wrap (Wrap is not fair), so it may stay at the top for ever.
      ZeroAgainAndAgain: { op: 'alwaysEventually', p: (s) => s[0] === 0 },
      // Fails: p1 may tick to the top and wrap for ever (a lasso with Wrap steps in its cycle).
      OneSettles: { op: 'eventuallyAlways', p: (s) => s[1] !== 0 },
    },
    fairness: [{ kind: 'weak', action: 'Tick', perActor: true }],
  };
  return { spec, expansions, actorAsked };
}
