// Budgets, Ctrl-C and progress where a run spends long stretches between two level ends: inside
// one level of the parallel search (TwoPhase with 250 RMs: a level takes minutes), and in the
// temporal-property phase after the search.
import { describe, expect, it } from 'vitest';
import { rmc, rmcInterrupted } from './runRmc.ts';

const wide = ['check', 'classic/twophase', '--set', 'rms=250', '--workers', '2', '--progress', '0.3'];
const progress = /^Progress\(\d+\) at \d+ s: [\d,]+ states generated/m;

describe('rmc check inside a long level of the parallel search', () => {
  it('ends at --max-seconds with exit 3 and the time budget named, printing progress before', () => {
    const r = rmc([...wide, '--max-seconds', '2']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('rmc: incomplete: time budget of 2 s reached');
    expect(r.stderr).toMatch(progress);
    expect(r.stdout).toContain('Model checking incomplete: time budget of 2 s reached.');
  }, 150_000);

  it('ends on Ctrl-C with exit 130 and partial statistics', async () => {
    const r = await rmcInterrupted(wide, 4000);
    expect(r.code).toBe(130);
    expect(r.stdout).toContain('Model checking interrupted. Statistics so far:');
    expect(r.stdout).toMatch(/[\d,]+ states generated, [\d,]+ distinct states found, [\d,]+ states left on queue\./);
    expect(r.stderr).toContain('rmc: interrupted; the statistics above are partial');
  }, 150_000);
});

describe('rmc check while temporal properties are checked', () => {
  it("prints the behaviour graph's progress and ends at --max-states with exit 3, no property judged", () => {
    // Under symmetry the search stores 10,626 states; the behaviour graph, without it, 194,481.
    const r = rmc([
      'check',
      './test/checker/liveness/symmetricCounters.ts',
      '--set',
      'top=20',
      '--symmetry',
      '--workers',
      '1',
      '--max-states',
      '100000',
      '--progress',
      '0.1',
    ]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^Behaviour graph: Progress\(\d+\) at \d+ s: [\d,]+ states generated/m);
    expect(r.stderr).toContain('rmc: note: state budget of 100000 distinct states reached while checking temporal properties: none was judged');
    expect(r.stdout).toContain('10,626 distinct states found');
  }, 150_000);
});
