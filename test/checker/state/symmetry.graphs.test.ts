// Random symmetric specs: processes p1..pn (and preferred values v1, v2) are interchangeable by
// construction, because every action ranges over all processes (or ordered pairs of them) and
// tests only local values and counts, and every invariant is a symmetric predicate. Symmetry
// reduction must then leave every verdict alone and store exactly one state per orbit.
import fc from 'fast-check';
import { Map as IMap, Set as ISet } from 'immutable';
import { describe, expect, it } from 'vitest';
import type { Spec, Successor } from '../../../checker/spec.ts';
import { check } from '../../../checker/run/check.ts';

interface Sys {
  readonly local: IMap<string, number>;
  readonly owner: string | null;
  readonly done: ISet<string>;
  readonly pref: Readonly<Record<string, string>>;
}

interface Model {
  readonly n: number;
  readonly k: number;
  /** step[own][min(others at own, 2)] = next local values. */
  readonly step: readonly (readonly (readonly number[])[])[];
  /** pair[a][b] = next [a', b'] for an ordered pair of processes at a and b. */
  readonly pair: readonly (readonly (readonly (readonly [number, number])[])[])[];
  readonly acquireAt: number;
  readonly releaseAt: number;
  readonly finishAt: number;
  readonly flipAt: number;
  readonly init: readonly number[];
  readonly invariants: readonly string[];
}

const VALUES = ['v1', 'v2'];
const INVARIANTS = ['NotAllAt0', 'NotAllAt1', 'Few1', 'OwnerNotAt1', 'NotAllDone', 'NotUnanimousV', 'DoneOnlyUnowned'];

const modelArbitrary: fc.Arbitrary<Model> = fc.record({ n: fc.integer({ min: 1, max: 3 }), k: fc.integer({ min: 2, max: 3 }) }).chain(({ n, k }) => {
  const local = fc.nat(k - 1);
  return fc.record({
    n: fc.constant(n),
    k: fc.constant(k),
    step: fc.array(fc.array(fc.array(local, { maxLength: 2 }), { minLength: 3, maxLength: 3 }), { minLength: k, maxLength: k }),
    pair: fc.array(fc.array(fc.array(fc.tuple(local, local), { maxLength: 1 }), { minLength: k, maxLength: k }), { minLength: k, maxLength: k }),
    acquireAt: local,
    releaseAt: local,
    finishAt: local,
    flipAt: local,
    init: fc.array(local, { minLength: n, maxLength: n }),
    invariants: fc.subarray(INVARIANTS),
  });
});

const procs = (m: Model): string[] => Array.from({ length: m.n }, (_, i) => `p${i + 1}`);

function symmetricSpec(m: Model): Spec<Sys, {}> {
  const ps = procs(m);
  const at = (s: Sys, p: string): number => s.local.get(p)!;
  const count = (s: Sys, c: number): number => ps.filter((p) => at(s, p) === c).length;
  const invariants: Record<string, (s: Sys) => boolean> = {
    NotAllAt0: (s) => count(s, 0) < m.n,
    NotAllAt1: (s) => count(s, 1) < m.n,
    Few1: (s) => count(s, 1) <= 1,
    OwnerNotAt1: (s) => s.owner === null || at(s, s.owner) !== 1,
    NotAllDone: (s) => s.done.size < m.n,
    NotUnanimousV: (s) => m.n < 2 || new Set(Object.values(s.pref)).size > 1,
    DoneOnlyUnowned: (s) => s.owner === null || !s.done.has(s.owner),
  };
  const act = (name: string, gen: (s: Sys) => Successor<Sys>[]) => ({ name, successors: gen });
  return {
    name: 'symmetric-random',
    summary: 'random processes, interchangeable by construction',
    defaults: {},
    // Built in reverse order so equal states are built differently along different paths.
    init: () => [
      {
        local: IMap(ps.map((p, i) => [p, m.init[i]!] as const).reverse()),
        owner: null,
        done: ISet<string>(),
        pref: Object.fromEntries(ps.map((p) => [p, 'v1'])),
      },
    ],
    actions: [
      act('Step', (s) =>
        ps.flatMap((p) =>
          s.done.has(p)
            ? []
            : m.step[at(s, p)]![Math.min(2, count(s, at(s, p)) - 1)]!.map((t) => ({ label: `Step(${p}) -> ${t}`, state: { ...s, local: s.local.set(p, t) } })),
        ),
      ),
      act('Pair', (s) =>
        ps.flatMap((p) =>
          ps
            .filter((q) => q !== p)
            .flatMap((q) => m.pair[at(s, p)]![at(s, q)]!.map(([a, b]) => ({ label: `Pair(${p}, ${q})`, state: { ...s, local: s.local.set(q, b).set(p, a) } }))),
        ),
      ),
      act('Acquire', (s) =>
        s.owner !== null ? [] : ps.filter((p) => at(s, p) === m.acquireAt).map((p) => ({ label: `Acquire(${p})`, state: { ...s, owner: p } })),
      ),
      act('Release', (s) => (s.owner !== null && at(s, s.owner) === m.releaseAt ? [{ label: `Release(${s.owner})`, state: { ...s, owner: null } }] : [])),
      act('Finish', (s) =>
        ps.filter((p) => !s.done.has(p) && at(s, p) === m.finishAt).map((p) => ({ label: `Finish(${p})`, state: { ...s, done: s.done.add(p) } })),
      ),
      act('Flip', (s) =>
        ps.flatMap((p) =>
          at(s, p) !== m.flipAt
            ? []
            : VALUES.filter((v) => v !== s.pref[p]).map((v) => ({ label: `Flip(${p}, ${v})`, state: { ...s, pref: { ...s.pref, [p]: v } } })),
        ),
      ),
    ],
    invariants: Object.fromEntries(m.invariants.map((name) => [name, invariants[name]!])),
    symmetry: () => ({ sets: [ps, VALUES] }),
  };
}

// The reference, independent of the checker's encoder: states as sorted JSON, orbits as the least
// JSON string over every permutation written out by hand.
type Plain = { local: [string, number][]; owner: string | null; done: string[]; pref: [string, string][] };
const plain = (s: Sys): Plain => ({
  local: [...s.local.entries()].sort(),
  owner: s.owner,
  done: [...s.done].sort(),
  pref: Object.entries(s.pref).sort(),
});

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

function orbitKey(s: Sys, ps: readonly string[]): string {
  const p = plain(s);
  let best: string | undefined;
  for (const perm of permutations(ps)) {
    for (const vperm of permutations(VALUES)) {
      const r = (x: string): string => (x.startsWith('p') ? perm[ps.indexOf(x)]! : vperm[VALUES.indexOf(x)]!);
      const key = JSON.stringify({
        local: p.local.map(([q, c]) => [r(q), c]).sort(),
        owner: p.owner === null ? null : r(p.owner),
        done: p.done.map(r).sort(),
        pref: p.pref.map(([q, v]) => [r(q), r(v)]).sort(),
      });
      if (best === undefined || key < best) best = key;
    }
  }
  return best!;
}

/** Brute force: every reachable state, then TLC's counts over the quotient by the group. */
function reference(spec: Spec<Sys, {}>, ps: readonly string[]) {
  const dist = new Map<string, number>();
  const states: Sys[] = [];
  let frontier = [...spec.init({})];
  for (const s of frontier) {
    dist.set(JSON.stringify(plain(s)), 1);
    states.push(s);
  }
  for (let level = 2; frontier.length > 0; level++) {
    const next: Sys[] = [];
    for (const s of frontier) {
      for (const a of spec.actions) {
        for (const { state } of a.successors(s, {})) {
          const key = JSON.stringify(plain(state));
          if (dist.has(key)) continue;
          dist.set(key, level);
          states.push(state);
          next.push(state);
        }
      }
    }
    frontier = next;
  }
  const orbits = new Map<string, { depth: number; successors: number }>();
  for (const s of states) {
    const key = orbitKey(s, ps);
    const depth = dist.get(JSON.stringify(plain(s)))!;
    const successors = spec.actions.reduce((n, a) => n + [...a.successors(s, {})].length, 0);
    const o = orbits.get(key);
    if (o) expect(o.successors).toBe(successors); // the relation is symmetric: a sanity check of the generator
    if (!o || depth < o.depth) orbits.set(key, { depth, successors });
  }
  const generated = 1 + [...orbits.values()].reduce((n, o) => n + o.successors, 0);
  return { orbits: orbits.size, generated, depth: Math.max(...[...orbits.values()].map((o) => o.depth)) };
}

describe('symmetry reduction on random symmetric specs', () => {
  it("stores one state per orbit: distinct, generated and depth are the brute-force quotient's", async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary, async (m) => {
        const spec = symmetricSpec(m);
        const ref = reference(spec, procs(m));
        const r = await check(spec, {}, { symmetry: true, invariants: [], deadlock: false });
        expect(r.verdict).toBe('ok');
        expect(r.stats).toMatchObject({ distinctStates: ref.orbits, generatedStates: ref.generated, depth: ref.depth });
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('never changes a verdict: the same invariants and deadlocks are violated, with traces as short', async () => {
    await fc.assert(
      fc.asyncProperty(modelArbitrary, async (m) => {
        const spec = symmetricSpec(m);
        const plainRun = await check(spec, {}, { continue: true });
        const reduced = await check(spec, {}, { continue: true, symmetry: true });
        expect(reduced.verdict).toBe(plainRun.verdict);
        const summary = (r: typeof plainRun) => r.violations.map((v) => `${v.kind}:${v.name}:${v.trace.length}`).sort();
        expect(summary(reduced)).toEqual(summary(plainRun));
        for (const v of reduced.violations) {
          const last = v.trace[v.trace.length - 1]!.state as Sys;
          if (v.kind === 'invariant') expect(spec.invariants[v.name]!(last, {})).toBe(false);
        }
        // Stopping at the first violation: the verdict, and the length of the trace, agree too.
        const first = await check(spec, {}, {});
        const firstReduced = await check(spec, {}, { symmetry: true });
        expect(firstReduced.verdict).toBe(first.verdict);
        expect(firstReduced.violations.map((v) => v.trace.length)).toEqual(first.violations.map((v) => v.trace.length));
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
