// check()'s temporal-property phase: the behaviour graph is explored after the search, under the
// same budgets, with its own progress lines, and its time counted in the statistics. The spec
// (symmetric counters) stores 10,626 states in the search under symmetry and 194,481 in the
// graph, which is always explored without it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import type { Progress } from '../../../checker/findings.ts';
import { runTable } from '../../../checker/study/table.ts';
import { tabled } from '../study/tabled.ts';
import counters from '../liveness/symmetricCounters.ts';

const params = { counters: 4, top: 20 };
const SEARCHED = 10_626;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('check() while temporal properties are checked', () => {
  it('ends at the state budget in the behaviour graph: incomplete, no property judged', async () => {
    const r = await check(counters, params, { symmetry: true, maxStates: 50_000 });
    expect(r.verdict).toBe('incomplete');
    expect(r.incompleteReason).toBe('state budget of 50000 distinct states reached while checking temporal properties');
    expect(r.notes).toContain('state budget of 50000 distinct states reached while checking temporal properties: none was judged');
    expect(r.violations).toEqual([]);
    expect(r.stats.distinctStates).toBe(SEARCHED); // the search's figures, which were complete
  }, 60_000);

  it("ends at the time budget in the behaviour graph, counting that phase's time", async () => {
    // A clock that moves 1 ms each time it is read, but for the 10 s the first graph progress
    // report adds: the search reads it a few hundred times, so the budget can only run out in
    // the graph's phase, and only that phase's time can push the total past 10 s.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => ++clock);
    const phases: (string | undefined)[] = [];
    const onProgress = (p: Progress): void => {
      if (p.phase === 'behaviour graph' && !phases.includes(p.phase)) clock += 10_000;
      phases.push(p.phase);
    };
    const r = await check(counters, params, { symmetry: true, maxSeconds: 5, progressSeconds: 0.01, onProgress });
    expect(r.verdict).toBe('incomplete');
    expect(r.incompleteReason).toBe('time budget of 5 s reached while checking temporal properties');
    expect(r.notes).toContain('time budget of 5 s reached while checking temporal properties: none was judged');
    expect(phases).toContain('behaviour graph');
    expect(r.stats.seconds).toBeGreaterThanOrEqual(10);
    expect(r.stats.statesPerSecond).toBe(SEARCHED / r.stats.seconds);
  }, 60_000);

  it('reports seconds covering both phases, and distinct states per second of them', async () => {
    const graphSeconds: number[] = [];
    const onProgress = (p: Progress): void => {
      if (p.phase === 'behaviour graph') graphSeconds.push(p.seconds);
    };
    const r = await check(counters, params, { symmetry: true, progressSeconds: 0.05, onProgress });
    expect(r.verdict).toBe('ok');
    expect(graphSeconds.length).toBeGreaterThan(0);
    // The graph's own clock at its last report is a lower bound of that phase alone.
    expect(r.stats.seconds).toBeGreaterThan(Math.max(...graphSeconds));
    expect(r.stats.statesPerSecond).toBe(r.stats.distinctStates / r.stats.seconds);
  }, 60_000);
});

describe('runTable when a budget runs out in the temporal-property phase', () => {
  it('keeps the invariants judged and marks only the properties incomplete', async () => {
    const table = await runTable(tabled(counters, 'top', [20]), params, { symmetry: true, maxStates: 50_000 });
    expect(table.cells.map((c) => [c.guarantee, c.verdict])).toEqual([
      ['Bounded', 'holds'],
      ['AllReachTop', 'incomplete'],
    ]);
  });
});
