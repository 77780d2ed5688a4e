// A table in parts (issue 26): `rmc table --shard i/n` or `--rows a,b` checks some rows and writes
// its JSON with a `part` field; `rmc merge` builds from the parts exactly the table one machine
// prints (the same JSON; the same text but for the time), and refuses, in one line and exit 2,
// parts of different tables (rmc version, bounds) and rows missing or given twice.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, tempDir } from './runRmc.ts';

// Three counter designs: 'careful' holds, 'sloppy' overshoots its limit, under 'broken' the
// invariant throws (a row error, exit 76, which the merged table must keep).
const designs = `
type S = { n: number };
type P = { design: string; limit: number };
const counter = (p: P) => ({
  name: 'designs', summary: 'a counter', defaults: { design: 'careful', limit: 2 },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s: S) => (s.n < p.limit + (p.design === 'sloppy' ? 1 : 0) ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  invariants: {
    WithinLimit: (s: S) => { if (p.design === 'broken' && s.n > 1) throw new Error('boom'); return s.n <= p.limit; },
    NonNegative: (s: S) => s.n >= 0,
  },
});
export default {
  name: 'designs', summary: 'counter designs', defaults: { design: 'careful', limit: 2 },
  rows: { param: 'design', values: ['careful', 'broken', 'sloppy', 'late'] },
  specFor: (p: P) => counter(p),
  // What each row promises and what got through travel with the rows into the merged table.
  promises: (v: string) => [{ operation: 'inc', ...(v === 'sloppy' ? {} : { words: v + ' stops at the limit' }) }],
  through: (_p: P, _g: string, last: S) => ['inc to ' + last.n],
};
`;

describe('rmc table in parts, and rmc merge', () => {
  const dir = tempDir('rmc-parts-');
  const spec = join(dir, 'designs.mts');
  writeFileSync(spec, designs);
  // Relative names resolve where the user ran rmc (INIT_CWD under npm, which the test runner may have set).
  const inDir = { cwd: dir, env: { INIT_CWD: dir } };
  const part = (name: string, ...args: string[]): string => {
    const r = rmc(['table', spec, ...args, '--json'], inDir);
    writeFileSync(join(dir, name), r.stdout);
    return r.stdout;
  };

  it('merges shards into the one-machine table, JSON and text, with its exit code', () => {
    const whole = rmc(['table', spec, '--json'], inDir);
    expect(whole.code).toBe(76);
    part('s1.json', '--shard', '1/3');
    part('s2.json', '--shard', '2/3');
    part('s3.json', '--shard', '3/3');
    expect(JSON.parse(readFileSync(join(dir, 's1.json'), 'utf8'))).toMatchObject({
      labels: ['careful', 'late'],
      part: { param: 'design', rows: ['careful', 'broken', 'sloppy', 'late'] },
      promises: [[{ operation: 'inc', words: 'careful stops at the limit' }], [{ operation: 'inc', words: 'late stops at the limit' }]],
    });
    expect(JSON.parse(readFileSync(join(dir, 's3.json'), 'utf8')).cells).toContainEqual(expect.objectContaining({ design: 'sloppy', through: ['inc to 3'] }));
    const merged = rmc(['merge', 's3.json', 's1.json', 's2.json', '--json'], inDir);
    expect(merged.code).toBe(76);
    expect(merged.stdout).toBe(whole.stdout);
    const textWhole = rmc(['table', spec], inDir).stdout;
    const textMerged = rmc(['merge', 's1.json', 's2.json', 's3.json'], inDir).stdout;
    const untimed = (t: string): string => t.replace(/Table computed in [\d.]+ s\./, 'Table computed.');
    expect(untimed(textMerged)).toBe(untimed(textWhole));
    expect(textMerged).toMatch(/\| broken\s+\| error\s+\| error\s+\|/);
  });

  it('takes rows by label, and the parts of --rows merge as well', () => {
    part('r1.json', '--rows', 'sloppy,careful');
    part('r2.json', '--rows', 'late,broken');
    expect(JSON.parse(readFileSync(join(dir, 'r1.json'), 'utf8')).labels).toEqual(['careful', 'sloppy']);
    expect(rmc(['merge', 'r1.json', 'r2.json', '--json'], inDir).stdout).toBe(rmc(['table', spec, '--json'], inDir).stdout);
  });

  it('refuses a value set for the row parameter, which a table would ignore', () => {
    expect(rmc(['table', spec, '--set', 'design=sloppy'], inDir)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'rmc: --set design: a table checks every design; name its rows with --rows, or check one with rmc check --set design=...\n',
    });
  });

  it('refuses, in one line and exit 2, parts that do not make one table', () => {
    part('a.json', '--shard', '1/2');
    part('b.json', '--shard', '2/2');
    part('other.json', '--shard', '2/2', '--set', 'limit=3');
    const stale = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    writeFileSync(join(dir, 'stale.json'), JSON.stringify({ ...stale, part: { ...stale.part, rmcVersion: '0.0.1' } }));
    writeFileSync(join(dir, 'whole.json'), rmc(['table', spec, '--json'], inDir).stdout);
    const refused = (args: string[], line: string): void => {
      const r = rmc(['merge', ...args], inDir);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`rmc: ${line}\n`);
    };
    refused(['a.json'], 'merge: no part has rows broken, late (of 4)');
    refused(['a.json', 'b.json', 'a.json'], 'merge: row careful is in two parts (a.json and a.json)');
    refused(
      ['a.json', 'other.json'],
      'merge: other.json is a part of another table than a.json (bounds {"design":"careful","limit":3} against {"design":"careful","limit":2})',
    );
    refused(['a.json', 'stale.json'], 'merge: stale.json is a part of another table than a.json (rmc version "0.0.1" against "0.1.0")');
    refused(['a.json', 'whole.json'], 'merge: whole.json is not a part of a table (the JSON of rmc table --rows or --shard, with its "part" field)');
    refused(['a.json', 'nowhere.json'], 'merge: cannot read nowhere.json: ENOENT');
    expect(rmc(['table', spec, '--shard', '3/2'], inDir)).toMatchObject({
      code: 2,
      stderr: 'rmc: --shard must be i/n with 1 <= i <= n (the i-th of n parts), got "3/2"\n',
    });
    expect(rmc(['table', spec, '--rows', 'careful,nope'], inDir)).toMatchObject({
      code: 2,
      stderr: 'rmc: --rows: no row "nope" in this table (its rows: careful, broken, sloppy, late)\n',
    });
  });
});
