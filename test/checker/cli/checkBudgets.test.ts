// Budgets, Ctrl-C and progress where a run spends long stretches between two level ends: inside
// one level of the parallel search (TwoPhase with 250 RMs: a level takes minutes), and in the
// temporal-property phase after the search; and the memory budget, which any process outgrows.
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
    expect(r.stderr).toMatch(/distinct states found \([\d,]+ ds\/s; \d+(\.\d)? [KMG]B in memory\)/);
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

describe('rmc check --max-memory', () => {
  // Smaller than any Node process at start-up: the first look of the search stops it.
  const tiny = ['check', 'classic/twophase', '--set', 'rms=5', '--max-memory', '1M'];

  it.each(['1', '2'])(
    'ends with exit 3 and the report so far, the budget and the memory named (%s workers)',
    (workers) => {
      const r = rmc([...tiny, '--workers', workers]);
      expect(r.code).toBe(3);
      expect(r.stdout).toMatch(
        /^Model checking incomplete: memory budget of 1 MB reached \(the process holds \d+ MB\)\. No verdict within the bounds searched\.$/m,
      );
      expect(r.stdout).toMatch(/^[\d,]+ states generated, [\d,]+ distinct states found, [\d,]+ states left on queue\.$/m);
      expect(r.stderr).toMatch(/^rmc: incomplete: memory budget of 1 MB reached \(the process holds \d+ MB\)$/m);
    },
    150_000,
  );

  it('says the same in --json: one object, verdict incomplete, the statistics so far', () => {
    const r = rmc([...tiny, '--workers', '1', '--json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout) as { verdict: string; reason: string; stats: { distinctStates: number; queue: number } };
    expect(report.verdict).toBe('incomplete');
    expect(report.reason).toMatch(/^memory budget of 1 MB reached \(the process holds \d+ MB\)$/);
    expect(report.stats.distinctStates).toBeGreaterThan(0);
    expect(report.stats.queue).toBeGreaterThan(0);
  }, 150_000);

  it('refuses a size without a unit, or none at all, with exit 2 (check, table, expect and simulate alike)', () => {
    for (const command of [tiny.slice(0, 4), ['table', 'revoke'], ['expect', 'revoke'], ['simulate', 'classic/diehard']]) {
      const r = rmc([...command, '--max-memory', '500']);
      expect(r.code, command.join(' ')).toBe(2);
      expect(r.stderr).toBe("rmc: --max-memory must be a size with a unit, K, M, G or T (powers of 1024: 500M, 8G), got '500'\n");
    }
    expect(rmc([...tiny.slice(0, 4), '--max-memory', '0G']).code).toBe(2);
  }, 150_000);

  it('stops a simulation too, after the walks made so far', () => {
    const r = rmc(['simulate', 'classic/twophase', '--set', 'rms=5', '--max-memory', '1M', '--json']);
    expect(r.code).toBe(3);
    expect((JSON.parse(r.stdout) as { reason: string }).reason).toMatch(/^memory budget of 1 MB reached \(the process holds \d+ MB\)$/);
  }, 150_000);
});

describe('rmc check when a worker runs out of its JS heap at once', () => {
  it('ends with exit 3 and the levels before it, not as a failure of the spec', () => {
    // The head start searches the first levels in the main thread, until the workers are ready
    // or a level passes 8,192 states; the workers' first expansion outgrows a 64 MB heap.
    const r = rmc(['check', './test/checker/cli/heapHogSpecModule.ts', '--workers', '2'], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    expect(r.code).toBe(3);
    const why = 'worker \\d ran out of its JS heap \\(its limit is 64 MB\\); raise the limit with NODE_OPTIONS=--max-old-space-size=128 \\(MB\\)';
    expect(r.stdout).toMatch(new RegExp(`^Model checking incomplete: ${why}\\. No verdict within the bounds searched\\.$`, 'm'));
    expect(r.stderr).toMatch(new RegExp(`^rmc: incomplete: ${why}$`, 'm'));
    // Every state of the tree is new, and the levels searched stand whole: the last one queued.
    const counts = /^([\d,]+) states generated, ([\d,]+) distinct states found, ([\d,]+) states left on queue\.$/m.exec(r.stdout);
    const [generated, distinct, queue] = counts!.slice(1).map((x) => Number(x.replace(/,/g, '')));
    expect(distinct).toBe(generated);
    expect(queue).toBe((distinct! + 1) / 2);
  }, 150_000);
});
