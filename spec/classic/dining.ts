// classic/dining: DiningPhilosophers.tla from tlaplus/Examples (specifications/DiningPhilosophers),
// Jeff Hemphill's PlusCal version of the Chandy-Misra solution: philosophers hand dirty forks to
// the neighbour that shares them, cleaned; a hungry philosopher eats holding both forks clean, and
// eating makes them dirty again.
//
// We port the TLA+ translation of the PlusCal algorithm, label for label: philosopher p is at pc
// Loop, Eat or Think; its Loop step first hands on a dirty fork it holds (left before right), then
// goes to Eat if hungry and able to eat, to Think if not hungry, else stays at Loop (a step that
// may change nothing at all: TLC counts it as generated, and so do we).
// Philosophers and forks are numbered 1..NP as in the spec (index p - 1 in the arrays).
//
// Fairness: the spec is `\A self : WF_vars(Philosopher(self))`, weak fairness of the disjunction
// Loop \/ Eat \/ Think of one process. So the three steps are one action, `Philosopher`, with the
// philosopher as actor, and fairness is weak per actor on it. Properties are plain data fixed
// before the parameters are known, so NobodyStarves (\A p : []<>~hungry[p]) is declared as
// NotHungry1..NotHungry5, one per philosopher of the published configuration; NP is bounded by 5.
//
// Expected results (TLC's, tlaplus/Examples manifest), NP = 5: 67 distinct states, 336 generated;
// TypeOK and ExclusiveAccess hold, NobodyStarves holds under the weak fairness and fails (a fair
// lasso) without it. No deadlock: Loop is always enabled.
import type { Fairness, Spec, Successor, Temporal } from '../../checker/spec.ts';

export type Pc = 'Loop' | 'Eat' | 'Think';

export interface Fork {
  /** The philosopher holding the fork. */
  readonly holder: number;
  /** Clean forks are handed on only after use; eating makes them dirty. */
  readonly clean: boolean;
}

export interface DiningState {
  /** forks[f - 1]: fork f. */
  readonly forks: readonly Fork[];
  /** hungry[p - 1]: philosopher p wants to eat. */
  readonly hungry: readonly boolean[];
  /** pc[p - 1]: the PlusCal label philosopher p is at. */
  readonly pc: readonly Pc[];
}

export interface DiningParams {
  /** The number of philosophers. */
  readonly NP: number;
}

const MAX_NP = 5;

const leftFork = (p: number, _np: number): number => p;
const rightFork = (p: number, np: number): number => (p === np ? 1 : p + 1);
const leftPhilosopher = (p: number, np: number): number => (p === 1 ? np : p - 1);
const rightPhilosopher = (p: number, np: number): number => (p === np ? 1 : p + 1);

const fork = (s: DiningState, f: number): Fork => s.forks[f - 1]!;
const canEat = (s: DiningState, p: number, np: number): boolean => {
  const l = fork(s, leftFork(p, np));
  const r = fork(s, rightFork(p, np));
  return l.holder === p && r.holder === p && l.clean && r.clean;
};

function withAt<T>(xs: readonly T[], i: number, v: T): T[] {
  const ys = xs.slice();
  ys[i - 1] = v;
  return ys;
}

/** Philosopher p's Loop step: hand on a dirty fork (left first), then pick the next label. */
function loop(s: DiningState, p: number, np: number): Successor<DiningState> {
  let forks = s.forks;
  let handed = '';
  const l = leftFork(p, np);
  const r = rightFork(p, np);
  if (fork(s, l).holder === p && !fork(s, l).clean) {
    const to = leftPhilosopher(p, np);
    forks = withAt(forks, l, { holder: to, clean: true });
    handed = `hands fork ${l} to p${to}, `;
  } else if (fork(s, r).holder === p && !fork(s, r).clean) {
    const to = rightPhilosopher(p, np);
    forks = withAt(forks, r, { holder: to, clean: true });
    handed = `hands fork ${r} to p${to}, `;
  }
  // CanEat reads the forks before the hand-off, as the translation's unprimed `forks` does.
  const next: Pc = s.hungry[p - 1] ? (canEat(s, p, np) ? 'Eat' : 'Loop') : 'Think';
  const state = { forks, hungry: s.hungry, pc: withAt(s.pc, p, next) };
  return { label: `Loop(p${p}): ${handed}goes to ${next}`, state, actor: `p${p}` };
}

const philosopher = {
  name: 'Philosopher',
  doc: 'A philosopher takes its next PlusCal step: Loop, Eat or Think.',
  successors(s: DiningState, params: DiningParams): Successor<DiningState>[] {
    const np = params.NP;
    const out: Successor<DiningState>[] = [];
    for (let p = 1; p <= np; p++) {
      switch (s.pc[p - 1]!) {
        case 'Loop':
          out.push(loop(s, p, np));
          break;
        case 'Eat': {
          // The philosopher eats: no longer hungry, both forks dirty.
          let forks = withAt(s.forks, leftFork(p, np), { ...fork(s, leftFork(p, np)), clean: false });
          forks = withAt(forks, rightFork(p, np), { ...forks[rightFork(p, np) - 1]!, clean: false });
          const state = { forks, hungry: withAt(s.hungry, p, false), pc: withAt(s.pc, p, 'Loop' as Pc) };
          out.push({ label: `Eat(p${p})`, state, actor: `p${p}` });
          break;
        }
        case 'Think': {
          // The philosopher thinks and becomes hungry again.
          const state = { forks: s.forks, hungry: withAt(s.hungry, p, true), pc: withAt(s.pc, p, 'Loop' as Pc) };
          out.push({ label: `Think(p${p})`, state, actor: `p${p}` });
          break;
        }
      }
    }
    return out;
  },
};

const shareFork = (p: number, q: number, np: number): boolean => {
  const fp = [leftFork(p, np), rightFork(p, np)];
  return fp.includes(leftFork(q, np)) || fp.includes(rightFork(q, np));
};

const properties: Record<string, Temporal<DiningState, DiningParams>> = {};
for (let p = 1; p <= MAX_NP; p++) {
  properties[`NotHungry${p}`] = { op: 'alwaysEventually', p: (s, params) => p > params.NP || !s.hungry[p - 1] };
}

const fairness: readonly Fairness[] = [{ kind: 'weak', action: 'Philosopher', perActor: true }];

const spec: Spec<DiningState, DiningParams> = {
  name: 'classic/dining',
  summary: 'Chandy-Misra dining philosophers (TLA+ Examples): nobody starves under weak fairness',
  defaults: { NP: 5 },
  validate: (p) => (Number.isInteger(p.NP) && p.NP >= 1 && p.NP <= MAX_NP ? [] : [`NP must be an integer in 1..${MAX_NP} (got ${p.NP})`]),
  init: ({ NP }) => {
    const ids = Array.from({ length: NP }, (_, i) => i + 1);
    // Each fork starts dirty, held by the lower-numbered philosopher next to it.
    const forks = ids.map((f): Fork => ({ holder: f === 2 ? 1 : f, clean: false }));
    return [{ forks, hungry: ids.map(() => true), pc: ids.map((): Pc => 'Loop') }];
  },
  actions: [philosopher],
  invariants: {
    TypeOK: (s, { NP }) =>
      s.forks.length === NP &&
      s.forks.every((f) => Number.isInteger(f.holder) && f.holder >= 1 && f.holder <= NP && typeof f.clean === 'boolean') &&
      s.hungry.length === NP &&
      s.hungry.every((h) => typeof h === 'boolean') &&
      s.pc.length === NP &&
      s.pc.every((l) => l === 'Loop' || l === 'Eat' || l === 'Think'),
    /** Two philosophers who share a fork are never both at Eat. */
    ExclusiveAccess: (s, { NP }) => {
      for (let p = 1; p <= NP; p++) {
        for (let q = 1; q <= NP; q++) {
          if (p !== q && shareFork(p, q, NP) && s.pc[p - 1] === 'Eat' && s.pc[q - 1] === 'Eat') return false;
        }
      }
      return true;
    },
  },
  reachable: {
    SomeoneEats: (s) => s.pc.includes('Eat'),
  },
  properties,
  fairness,
};

export default spec;
