// A budget is looked at between batches of states, so a search can find it spent just as it
// expanded its last state: that search ran out of states, so it is complete (its real verdict),
// not incomplete. One that stops with states left to expand stays incomplete.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, tempDir } from './runRmc.ts';

const dir = tempDir('rmc-budget-end-');
// 0 -> 1 -> ... -> limit, one state a level.
const counter = join(dir, 'counter.ts');
writeFileSync(
  counter,
  `export default { name: 'counter', summary: 'counts to limit', defaults: { limit: 255 },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s: { n: number }, p: { limit: number }) => (s.n < p.limit ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  invariants: { Bounded: (s: { n: number }) => s.n <= 1000 }, terminal: () => true };\n`,
);

// n -> 2n + 1, 2n + 2: a binary tree, level k holding 2^(k-1) states.
const tree = join(dir, 'tree.ts');
writeFileSync(
  tree,
  `export default { name: 'tree', summary: 'a binary tree', defaults: {},
  init: () => [0],
  actions: [{ name: 'Down', successors: (n: number) => (n < 5000 ? [{ label: 'left', state: 2 * n + 1 }, { label: 'right', state: 2 * n + 2 }] : []) }],
  invariants: {}, terminal: () => true };\n`,
);

describe('rmc check with --max-states, one thread', () => {
  it('calls a search that exhausted TwoPhase past the budget complete (exit 0)', () => {
    // 288 states: the budget is looked at after the 256th expansion, when fewer were found.
    const r = rmc(['check', 'classic/twophase', '--set', 'rms=3', '--max-states', '287', '--workers', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Model checking completed. No error has been found.');
    expect(r.stdout).toContain('1,146 states generated, 288 distinct states found, 0 states left on queue.');
    expect(r.stderr).toBe('');
  });

  it('calls complete a search whose budget is found spent after expanding its last state', () => {
    // 256 states: the 256th expansion, the last, is where the budget is looked at.
    const r = rmc(['check', counter, '--max-states', '10', '--workers', '1', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ verdict: 'ok', stats: { distinctStates: 256, queue: 0 } });
    expect(report.reason).toBeUndefined();
  });

  it('stays incomplete (exit 3) where states are left on the queue', () => {
    const r = rmc(['check', counter, '--set', 'limit=600', '--max-states', '10', '--workers', '1', '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'incomplete', reason: 'state budget of 10 distinct states reached', stats: { queue: 1 } });
  });
});

describe('rmc check with --max-states, workers', () => {
  it('leaves on the queue the level after the one the budget stopped at, as one thread would', () => {
    // Levels of 1, 2, 4 ... states: the budget is spent once level 2 is stored, whose 2 states are left.
    const r = rmc(['check', tree, '--max-states', '3', '--workers', '2', '--json']);
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'incomplete', stats: { distinctStates: 3, queue: 2 } });
  });
});

describe('rmc simulate with --max-states', () => {
  it('calls complete a simulation whose budget is spent on its last step (exit 0)', () => {
    const r = rmc(['simulate', counter, '--traces', '1', '--depth', '3', '--max-states', '4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Simulation completed.');
    expect(r.stdout).toContain('4 distinct states found');
    expect(r.stderr).not.toContain('incomplete');
  });

  it('stays incomplete (exit 3) when the budget is spent before the last step', () => {
    const r = rmc(['simulate', counter, '--traces', '1', '--depth', '3', '--max-states', '3']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('rmc: incomplete: state budget of 3 distinct states reached after 0 of 1 traces');
  });
});
