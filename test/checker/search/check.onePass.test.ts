// check() with temporal properties explores once (TLC's way): the one-thread search records the
// behaviour graph while it runs (search/graphTap.ts, liveness/behaviourGraph.ts), and the result
// is the one the separate pass after the search gives (`separateTemporalPass`, what symmetry and
// workers still use): same verdicts, traces, loops, counts, coverage and notes.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import type { CheckOptions, CheckResult } from '../../../checker/run/check.ts';
import type { AnySpec, Fairness } from '../../../checker/spec.ts';
import type { Progress } from '../../../checker/findings.ts';
import dining from '../../../spec/classic/dining.ts';
import philosophers from '../../../spec/classic/philosophers.ts';
import counters from '../liveness/symmetricCounters.ts';
import { graphSpec, type GraphDesc, type Node } from '../liveness/graphSpec.ts';
import { randomGraph } from '../liveness/randomGraphArbitrary.ts';
import { clockSpec } from '../liveness/clockSpec.ts';

afterEach(() => {
  vi.useRealTimers();
});

/**
 * A result without its clock readings, which differ from run to run, and without its store's
 * bytes: the one pass records a behaviour graph, so its seen-set keeps indices (12-byte slots),
 * where the safety search of the separate pass keeps none (8-byte slots).
 */
function timeless(r: CheckResult): unknown {
  const { seconds: _s, statesPerSecond: _r, storeBytes: _b, ...stats } = r.stats;
  return { ...r, stats };
}

/** check() as it runs now (one exploration) and with the graph explored in a pass of its own. */
async function bothWays(spec: AnySpec, params: object, options: CheckOptions = {}): Promise<{ one: CheckResult; two: CheckResult }> {
  const one = await check(spec, params, options);
  const two = await check(spec, params, { ...options, separateTemporalPass: true });
  return { one, two };
}

describe('check() with temporal properties explores the state space once', () => {
  it('expands every state once in a full run (twice with the separate pass), and asks actors only where fairness needs them', async () => {
    const clocks = clockSpec();
    const params = { n: 3, top: 3 };
    const one = await check(clocks.spec, params, { continue: true, deadlock: false, properties: ['ZeroLeadsToTop'] });
    expect(one.verdict).toBe('ok');
    expect(one.stats).toMatchObject({ distinctStates: 64 });
    expect(clocks.expansions.size).toBe(64);
    expect([...clocks.expansions.values()].every((n) => n === 1)).toBe(true);
    expect(clocks.actorAsked.Wrap).toBe(0); // no per-actor fairness names Wrap
    expect(clocks.actorAsked.Tick).toBeGreaterThan(0);

    clocks.expansions.clear();
    await check(clocks.spec, params, { continue: true, deadlock: false, properties: ['ZeroLeadsToTop'], separateTemporalPass: true });
    expect([...clocks.expansions.values()].every((n) => n === 2)).toBe(true);
  });

  it('gives the separate pass its result: a holding and a violated property, invariants checked alongside', async () => {
    const clocks = clockSpec();
    const { one, two } = await bothWays(clocks.spec, { n: 3, top: 3 }, { continue: true, deadlock: false });
    expect(one.violations.map((v) => [v.kind, v.name])).toEqual([
      ['property', 'ZeroAgainAndAgain'],
      ['property', 'OneSettles'],
    ]);
    expect(one.notes).toEqual(['fairness assumed: WF(Tick[p0]), WF(Tick[p1]), WF(Tick[p2])']);
    // The lasso's steps are found again through successors(), actors and labels included, Wrap's
    // too though the graph never told its steps apart by actor.
    const lasso = one.violations[1]!;
    expect(lasso.loopIndex).toBeDefined();
    const steps = [...lasso.trace.slice(1), ...(lasso.loopStep ? [lasso.loopStep] : [])];
    expect(steps.every((t) => t.actor === `p${/\(p(\d)\)/.exec(t.label)![1]}`)).toBe(true);
    expect(steps.some((t) => t.action === 'Wrap')).toBe(true);
    expect(timeless(one)).toEqual(timeless(two));
  });
});

describe('one exploration gives the separate pass its results on the classic liveness specs', () => {
  const fairnesses: [string, readonly Fairness[]][] = [
    ['weak per actor (the spec)', dining.fairness as readonly Fairness[]],
    ['none', []],
    ['weak, whole action', [{ kind: 'weak', action: 'Philosopher' }]],
    ['strong per actor', [{ kind: 'strong', action: 'Philosopher', perActor: true }]],
    ['strong, whole action', [{ kind: 'strong', action: 'Philosopher' }]],
  ];
  it.each(fairnesses)('classic/dining (TLC: 67 distinct, 336 generated), fairness %s', async (_name, fairness) => {
    const spec = { ...dining, fairness };
    for (const exact of [false, true]) {
      const { one, two } = await bothWays(spec, { NP: 5 }, { continue: true, exact });
      expect(one.stats).toMatchObject({ distinctStates: 67, generatedStates: 336 });
      expect(timeless(one)).toEqual(timeless(two));
    }
  });

  it('classic/philosophers with a codec: someone eventually eats, under weak and strong fairness and none', async () => {
    const base = { ...philosophers, properties: { SomeoneEventuallyEats: { op: 'eventually' as const, p: philosophers.reachable!.SomeoneEats! } } };
    for (const fairness of [[], [{ kind: 'weak', action: 'Hunger', perActor: true }], [{ kind: 'strong', action: 'TakeLeft' }]] as Fairness[][]) {
      const spec = { ...base, fairness: fairness.filter((f) => philosophers.actions.some((a) => a.name === f.action)) };
      const { one, two } = await bothWays(spec, { n: 5 }, { continue: true, deadlock: false });
      expect(timeless(one)).toEqual(timeless(two));
    }
  });
});

describe('one exploration and states outside the constraint', () => {
  // 0 -> 1 by A, and 1 lies outside the constraint: A is enabled at 0 though the graph never
  // follows it, so under WF(A) staying at 0 for ever is not a fair behaviour.
  const desc = (fairness: Fairness[]): GraphDesc => ({ init: [0], actions: { A: [[0, 1]], B: [[0, 0]] }, p: [1], inside: [0], fairness });

  it('counts a successor outside the constraint as enabling its action, as the separate pass does', async () => {
    const fair = await bothWays(graphSpec(desc([{ kind: 'weak', action: 'A' }])), {}, { continue: true, deadlock: false, properties: ['eventually'] });
    expect(fair.one.verdict).toBe('ok');
    expect(timeless(fair.one)).toEqual(timeless(fair.two));
    const unfair = await bothWays(graphSpec(desc([])), {}, { continue: true, deadlock: false, properties: ['eventually'] });
    expect(unfair.one.verdict).toBe('violation');
    expect(unfair.one.stats).toMatchObject({ distinctStates: 1, generatedStates: 3 });
    expect(timeless(unfair.one)).toEqual(timeless(unfair.two));
  });

  it('rebuilds a lasso whose node stands for two states under a view, one of them outside the constraint (fast-check found it)', async () => {
    // View at % 2: 0 (outside the constraint) and 2 share a node, as do 3 and 1. The lasso
    // 3 -A-> {0,2} -B-> {3,1} must take A to 2, not to 0, the first successor with that key.
    const g: GraphDesc = {
      init: [3],
      p: [3],
      q: [],
      fairness: [],
      actions: {
        A: [
          [3, 0],
          [3, 2],
        ],
        B: [[2, 1]],
      },
      inside: [3, 1, 2],
    };
    const spec = { ...graphSpec(g), view: (s: Node) => s.at % 2 };
    const { one, two } = await bothWays(spec, {}, { continue: true, deadlock: false });
    expect(one.verdict).toBe('violation');
    expect(timeless(one)).toEqual(timeless(two));
    const lasso = one.violations.find((v) => v.kind === 'property')!;
    expect(lasso.trace.map((st) => (st.state as Node).at)).toEqual([3, 2]);
  });

  // The random graphs of test/checker/liveness/randomGraphs.test.ts, with actors, fairness
  // (per actor or not), a constraint and a view.
  const graph = randomGraph(2);

  it('agrees with the separate pass on random graphs, under constraint and view, fingerprints or exact keys', async () => {
    await fc.assert(
      fc.asyncProperty(graph, fc.boolean(), fc.boolean(), async (g, viewed, exact) => {
        const spec = viewed ? { ...graphSpec(g), view: (s: Node) => s.at % 2 } : graphSpec(g);
        const { one, two } = await bothWays(spec, {}, { continue: true, deadlock: false, exact });
        expect(timeless(one)).toEqual(timeless(two));
      }),
      { numRuns: 300 },
    );
  });
});

describe('budgets, Ctrl-C and progress in a run with temporal properties', () => {
  const unsymmetric = { ...counters, symmetry: undefined };
  const big = { counters: 4, top: 8 }; // 6,561 states: the search looks up budgets and Ctrl-C
  const small = { counters: 2, top: 3 }; // 16 states: fewer than the 256 expansions between look-ups

  it('a state budget spent in the search leaves the run incomplete, nothing judged, as before', async () => {
    const { one, two } = await bothWays(unsymmetric, big, { maxStates: 1000 });
    expect(one.verdict).toBe('incomplete');
    expect(one.incompleteReason).toBe('state budget of 1000 distinct states reached');
    expect(one.unjudged).toBeUndefined();
    expect(one.violations).toEqual([]);
    expect(timeless(one)).toEqual(timeless(two));
  });

  /**
   * The counters with a clock that advances 1 ms each time the property's predicate is evaluated
   * (once per new state, in the search), so the search's look-ups every 256 expansions after 50 ms
   * come whatever the machine's speed.
   */
  const ticking = () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    return {
      ...unsymmetric,
      properties: {
        AllReachTop: {
          op: 'eventually' as const,
          p: (s: Record<string, number>, p: { counters: number; top: number }) => {
            vi.advanceTimersByTime(1);
            return counters.properties!.AllReachTop!.p(s, p);
          },
        },
      },
    };
  };

  it('Ctrl-C in the search: interrupted, nothing judged', async () => {
    const r = await check(ticking(), big, { interrupted: () => true });
    expect(r.verdict).toBe('interrupted');
    expect(r.unjudged).toBeUndefined();
    expect(r.stats.distinctStates).toBeLessThan(6561);
  });

  it('Ctrl-C once the search is done, while the properties are judged: interrupted, properties unjudged', async () => {
    // The search of 16 states never looks (it looks every 256 expansions): the first look is the judging's.
    let asked = 0;
    const r = await check(unsymmetric, small, { interrupted: () => (asked++, true) });
    expect(asked).toBeGreaterThan(0);
    expect(r.verdict).toBe('interrupted');
    expect(r.unjudged).toEqual(['AllReachTop']);
    expect(r.notes).toContain('interrupted while checking temporal properties: none was judged');
    expect(r.stats).toMatchObject({ distinctStates: 16, queue: 0 });
  });

  it('a time budget spent while the properties are judged: incomplete, properties unjudged, invariants judged', async () => {
    // A clock that stands still but for the 10 s the first evaluation of the property's
    // predicate adds (in the search, which does not look at the clock for 16 states).
    vi.useFakeTimers({ toFake: ['performance'] });
    let advanced = false;
    const slow = {
      ...unsymmetric,
      properties: {
        AllReachTop: {
          op: 'eventually' as const,
          p: (s: Record<string, number>, p: { counters: number; top: number }) => {
            if (!advanced) vi.advanceTimersByTime(10_000);
            advanced = true;
            return counters.properties!.AllReachTop!.p(s, p);
          },
        },
      },
    };
    const r = await check(slow, small, { maxSeconds: 5 });
    expect(r.verdict).toBe('incomplete');
    expect(r.incompleteReason).toBe('time budget of 5 s reached while checking temporal properties');
    expect(r.unjudged).toEqual(['AllReachTop']);
    expect(r.stats.seconds).toBeGreaterThanOrEqual(10);
  });

  it("reports the search's progress, and no separate behaviour-graph phase", async () => {
    const phases = new Set<string | undefined>();
    const r = await check(ticking(), big, { progressSeconds: 0, onProgress: (p: Progress) => phases.add(p.phase) });
    expect(r.verdict).toBe('ok');
    expect([...phases]).toEqual([undefined]);
  });

  it('keeps the separate pass under symmetry: the graph is without it', async () => {
    const phases = new Set<string | undefined>();
    const r = await check(counters, big, { symmetry: true, progressSeconds: 0, onProgress: (p: Progress) => phases.add(p.phase) });
    expect(r.verdict).toBe('ok');
    expect(phases.has('behaviour graph')).toBe(true);
  });
});

describe('a state predicate that throws', () => {
  const line = graphSpec({
    init: [0],
    actions: {
      A: [
        [0, 1],
        [1, 2],
      ],
    },
  }) as AnySpec;
  const boom = (spec: AnySpec, at: number): AnySpec => ({
    ...spec,
    properties: {
      boom: {
        op: 'eventually',
        p: (s: Node) => {
          if (s.at === at) throw new Error('no');
          return false;
        },
      },
    },
  });

  it('is reported (exit 77) once the search is done, as the separate pass reports it', async () => {
    const spec = boom(line, 1);
    for (const separateTemporalPass of [false, true]) {
      await expect(check(spec, {}, { deadlock: false, separateTemporalPass })).rejects.toMatchObject({
        exitCode: 77,
        message: expect.stringMatching(/^temporal property 'boom' threw: no \(in state \{"at":1\}\)$/),
      });
    }
  });

  it('is not reported when the search stops first at a violation: the properties were never judged', async () => {
    const spec = { ...boom(line, 1), invariants: { NotTwo: (s: Node) => s.at !== 2 } };
    const { one, two } = await bothWays(spec, {}, { deadlock: false });
    expect(one.verdict).toBe('violation');
    expect(one.violations.map((v) => v.name)).toEqual(['NotTwo']);
    expect(timeless(one)).toEqual(timeless(two));
  });
});
