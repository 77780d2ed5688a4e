import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, tempDir } from './runRmc.ts';
import { variantNames } from '../../../spec/revoke/kernel/params.ts';

// A study of two designs of a counter, each its own spec: 'careful' stops at the limit, 'sloppy'
// overshoots it by one. Plain data: a study needs no import.
const designs = `
type S = { n: number };
type P = { design: string; limit: number };
const counter = (overshoot: number) => ({
  name: 'designs', summary: 'a counter', defaults: { design: 'careful', limit: 2 },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s: S, p: P) => (s.n < p.limit + overshoot ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  invariants: { WithinLimit: (s: S, p: P) => s.n <= p.limit, NonNegative: (s: S) => s.n >= 0 },
  reachable: { AtLimit: (s: S, p: P) => s.n === p.limit },
});
export default {
  name: 'designs', summary: 'two counter designs', defaults: { design: 'careful', limit: 2 },
  rows: { param: 'design', values: ['careful', 'sloppy'] },
  specFor: (p: P) => counter(p.design === 'sloppy' ? 1 : 0),
};
`;

describe('rmc table', () => {
  const dir = tempDir('rmc-table-');
  const file = join(dir, 'designs.mts');
  writeFileSync(file, designs);

  it('prints every guarantee for every value of the table parameter, as text and as JSON', () => {
    const text = rmc(['table', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/\| careful \| holds \(3 states\)\s+\| holds \(3 states\) \|/);
    expect(text.stdout).toMatch(/\| sloppy\s+\| violated \(3 steps\)\s+\| holds \(4 states\) \|/);
    expect(text.stderr).toContain('sloppy x WithinLimit: violated (3 steps)');
    const json = JSON.parse(rmc(['table', file, '--json']).stdout);
    expect(json).toMatchObject({ spec: 'designs', designs: ['careful', 'sloppy'], guarantees: ['WithinLimit', 'NonNegative'], unreached: [] });
    expect(json.cells).toContainEqual({ design: 'sloppy', guarantee: 'WithinLimit', verdict: 'violated', distinctStates: 4, traceLength: 3 });
    expect(json.cells).toContainEqual({ design: 'careful', guarantee: 'WithinLimit', verdict: 'holds', distinctStates: 3, traceLength: null });
  });

  it('exits 3 when a budget leaves cells incomplete, and 151 for an unknown value', () => {
    // A budget spent with states left (a search that ran out of states is complete, budget or not).
    expect(rmc(['table', file, '--set', 'limit=600', '--max-states', '10']).code).toBe(3);
    const bad = rmc(['check', file, '--set', 'design=reckless']);
    expect(bad.code).toBe(151);
    expect(bad.stderr).toMatch(/unknown design 'reckless' in --set \(known: careful, sloppy\)/);
  });
});

// Three rows; under 'broken' the invariant throws (a spec bug in that row only).
const oneRowThrows = designs
  .replace("values: ['careful', 'sloppy']", "values: ['careful', 'broken', 'sloppy']")
  .replace(
    'WithinLimit: (s: S, p: P) => s.n <= p.limit,',
    "WithinLimit: (s: S, p: P) => { if (p.design === 'broken' && s.n > 0) throw new Error('boom'); return s.n <= p.limit; },",
  );

describe('rmc table with a row whose search fails', () => {
  const dir = tempDir('rmc-table-');
  const file = join(dir, 'throws.mts');
  writeFileSync(file, oneRowThrows);
  const failure = 'invariant WithinLimit threw: boom (in state {"n":1})';

  it('prints every other row, marks the failed one with its error, and exits with the failure code (76)', () => {
    const text = rmc(['table', file]);
    expect(text.code).toBe(76);
    expect(text.stdout).toMatch(/\| careful \| holds \(3 states\)\s+\| holds \(3 states\) \|/);
    expect(text.stdout).toMatch(/\| broken\s+\| error\s+\| error\s+\|/);
    expect(text.stdout).toMatch(/\| sloppy\s+\| violated \(3 steps\)\s+\| holds \(4 states\) \|/);
    expect(text.stdout).toContain(`\nError: row broken could not be checked (its cells read "error"): ${failure}\n`);
    expect(text.stderr.trimEnd().split('\n').at(-1)).toBe(`rmc: design broken: ${failure}`);
    const json = rmc(['table', file, '--json']);
    expect(json.code).toBe(76);
    const table = JSON.parse(json.stdout);
    expect(table).toMatchObject({ spec: 'designs', verdict: 'error', errors: [{ design: 'broken', label: 'broken', exitCode: 76, error: failure }] });
    expect(table.cells).toContainEqual({ design: 'broken', guarantee: 'WithinLimit', verdict: 'error', distinctStates: 0, traceLength: null });
    expect(table.cells).toContainEqual({ design: 'sloppy', guarantee: 'WithinLimit', verdict: 'violated', distinctStates: 4, traceLength: 3 });
  });

  it('has an empty error list and verdict ok where no row fails (limit 0: the broken row never reaches its bug)', () => {
    const r = rmc(['table', file, '--set', 'limit=0', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'ok', errors: [] });
  });

  it('rmc expect: prints every row and exits with the failure code', () => {
    const r = rmc(['expect', file]);
    expect(r.code).toBe(76);
    expect(r.stdout).toMatch(/^careful +no expectations: its cells go unchecked$/m);
    expect(r.stdout).toMatch(/^sloppy +no expectations: its cells go unchecked$/m);
    expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`rmc: design broken: ${failure}`);
  });
});

describe('rmc list', () => {
  it('lists every registered spec with its summary, parameters, table rows, configs, guarantees and properties', () => {
    const r = rmc(['list', '--json']);
    expect(r.code).toBe(0);
    const specs = JSON.parse(r.stdout).specs;
    const names = specs.map((s: { name: string }) => s.name);
    const revoke = specs.find((s: { name: string }) => s.name === 'revoke');
    expect(revoke.properties).toEqual(['revoke-returns']);
    expect(revoke.actions).toContainEqual({ name: 'SendFd', doc: expect.stringMatching(/unix_attach_fds/) });
    expect(names).toEqual(expect.arrayContaining(['classic/diehard', 'classic/twophase', 'classic/philosophers']));
    expect(revoke.table).toEqual({ param: 'variant', values: [...variantNames], otherValues: [] });
    expect(revoke.configs).toEqual(expect.arrayContaining(['viro-a', 'viro-b', 'viro-c', 'threads', 'frevoke-shared']));
    expect(revoke.invariants).toContain('writes-complete-reads-abort');
    const text = rmc(['list']).stdout;
    expect(text).toMatch(/^classic\/twophase {2}.*\n {2}params: \{"rms":3\}$/m);
    expect(text).toContain(`\n  variant (the table's rows): ${variantNames.join(', ')}\n`);
    expect(text).toMatch(/^ {2}configs: .*viro-a, viro-b, viro-c/m);
  });
});

describe('rmc simulate', () => {
  it('finds the DieHard violation by random walks, the same way for the same seed', () => {
    const args = ['simulate', 'classic/diehard', '--seed', '3', '--traces', '2000', '--depth', '12', '--json'];
    const first = rmc(args);
    expect(first.code).toBe(12);
    const report = JSON.parse(first.stdout);
    expect(report.violations[0]).toMatchObject({ kind: 'invariant', name: 'NotSolved' });
    expect(report.violations[0].trace.at(-1).state.big).toBe(4);
    expect(JSON.parse(rmc(args).stdout).violations).toEqual(report.violations);
    expect(rmc(['simulate', 'classic/diehard', '--seed', 'x']).code).toBe(2);
  });
});
