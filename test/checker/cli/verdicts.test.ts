// What a run says it checked: every invariant, property and reachability claim, with what the run
// concluded about it, in the text report and the JSON, whether the run passes or not.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, tempDir } from './runRmc.ts';

// A counter that runs to its limit and stops there: `Small` breaks past 2, `Ends` is a temporal
// property (it holds under weak fairness of Inc), `Counted` the spec's claim that 1 is reached.
const counter = `
type S = { n: number };
type P = { limit: number };
export default {
  name: 'counter', summary: 'counts to a limit', defaults: { limit: 2 },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s: S, p: P) => (s.n < p.limit ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  terminal: (s: S, p: P) => s.n === p.limit,
  invariants: { NonNegative: (s: S) => s.n >= 0, Small: (s: S) => s.n <= 2 },
  properties: { Ends: { op: 'eventually', p: (s: S, p: P) => s.n === p.limit } },
  fairness: [{ kind: 'weak', action: 'Inc' }],
  reachable: { Counted: (s: S) => s.n === 1 },
};
`;

describe('the verdict on each guarantee checked', () => {
  const dir = tempDir('rmc-verdicts-');
  const file = join(dir, 'counter.mts');
  writeFileSync(file, counter);

  it('lists every one a passing run judged, with its kind and verdict', () => {
    const text = rmc(['check', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      [
        'Model checking completed. No error has been found.',
        'Invariants and properties checked:',
        '  NonNegative  invariant  holds',
        '  Small        invariant  holds',
        '  Ends         property   holds',
        '  Counted      reachable  reached',
        'Coverage (generated / distinct new):',
      ].join('\n'),
    );
    expect(JSON.parse(rmc(['check', file, '--json']).stdout).verdicts).toEqual([
      { name: 'NonNegative', kind: 'invariant', verdict: 'holds' },
      { name: 'Small', kind: 'invariant', verdict: 'holds' },
      { name: 'Ends', kind: 'property', verdict: 'holds' },
      { name: 'Counted', kind: 'reachable', verdict: 'holds' },
    ]);
  });

  it('lists only the guarantees named', () => {
    expect(JSON.parse(rmc(['check', file, '--invariant', 'Small', '--json']).stdout).verdicts).toEqual([
      { name: 'Small', kind: 'invariant', verdict: 'holds' },
      { name: 'Counted', kind: 'reachable', verdict: 'holds' },
    ]);
  });

  it('says which guarantees a search stopped at its first violation did not judge, and --continue judges them', () => {
    const stopped = rmc(['check', file, '--set', 'limit=4']);
    expect(stopped.code).toBe(12);
    expect(stopped.stdout).toContain('  Small        invariant  violated (3 steps)\n');
    expect(stopped.stdout).toContain('  Ends         property   not judged (the search stopped at the first violation; see --continue)\n');
    const json = JSON.parse(rmc(['check', file, '--set', 'limit=4', '--json']).stdout);
    expect(json.verdicts.map((g: { verdict: string }) => g.verdict)).toEqual(['unjudged', 'violated', 'unjudged', 'unjudged']);
    const all = JSON.parse(rmc(['check', file, '--set', 'limit=4', '--continue', '--json']).stdout);
    expect(all.verdicts.map((g: { verdict: string }) => g.verdict)).toEqual(['holds', 'violated', 'holds', 'holds']);
  });

  it('judges nothing when a budget runs out before the search ends', () => {
    const r = JSON.parse(rmc(['check', file, '--set', 'limit=9', '--invariant', 'NonNegative', '--max-depth', '3', '--json']).stdout);
    expect(r.verdict).toBe('incomplete');
    expect(r.verdicts).toEqual([
      { name: 'NonNegative', kind: 'invariant', verdict: 'unjudged' },
      { name: 'Counted', kind: 'reachable', verdict: 'unjudged' },
    ]);
  });

  it('names a claim of its own that no state reaches as never reached', () => {
    const r = rmc(['check', file, '--set', 'limit=0']);
    expect(r.code).toBe(12);
    expect(r.stdout).toContain('  Counted      reachable  never reached\n');
  });
});
