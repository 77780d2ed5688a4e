// The committed counterexamples/ folder is what `npm run counterexamples` writes today: the test
// regenerates it into a temporary folder and compares every file, byte for byte, with the plan
// `rmc counterexamples` uses (spec/revoke/counterexamples.json). What a reader pastes or replays
// from it is checked on that regeneration (equal to the committed folder when the first test
// passes): the LKML form of every trace within 72 columns, three of them quoted in the README,
// ITF traces that Quint's model-based-testing drivers read, one guarantee sheet per design. The
// deep table is not searched here: its committed JSON is read, and must have been made against
// this model (deepCells.ts: its fingerprint is the default table's counts and traces).
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFolders } from '../../checker/study/counterexamples/compareFolders.ts';
import { DEEP_JSON } from '../../checker/study/counterexamples/deepJson.ts';
import { readPlan, regenerateCounterexamples } from '../../checker/study/counterexamples/regenerate.ts';
import { LKML_WIDTH } from '../../checker/trace/render/lkml.ts';
import revoke from '../../spec/revoke/index.ts';
import { validateItf } from '../checker/trace/render/validateItf.ts';

const root = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'rmc-fresh-'));
const fresh = join(temp, 'counterexamples');
const plan = readPlan(join(root, 'spec/revoke'));
const read = (name: string) => readFileSync(join(fresh, name), 'utf8');
// What the regeneration says of the committed deep table (missing, or made against another model).
const deepWarnings: string[] = [];
afterAll(() => rmSync(temp, { recursive: true, force: true }));
beforeAll(async () => {
  // The deep table is read from the committed folder, as `npm run counterexamples` reads it.
  await regenerateCounterexamples(revoke, fresh, plan, join(root, 'spec/revoke/configs'), {
    committedDeep: join(root, 'counterexamples', DEEP_JSON),
    onWarning: (line) => deepWarnings.push(line),
  });
}, 600_000);

describe('counterexamples/ is fresh', () => {
  it('equals a fresh regeneration, file for file and byte for byte', () => {
    const hint = 'counterexamples/ is stale: run `npm run counterexamples` and commit the result';
    expect(compareFolders(join(root, 'counterexamples'), fresh), hint).toEqual([]);
  });

  it('has no deep table made against another model; a missing one is said so wherever it would show', () => {
    // A stale table is a failure: one line, naming `npm run counterexamples -- --deep`.
    const stale = deepWarnings.filter((line) => !line.includes('has no deep table yet'));
    expect(stale.join('\n') || undefined, stale[0]).toBeUndefined();
    // A missing one (the deep table takes longer than a session here) is stated, never implied.
    if (deepWarnings.length > 0) {
      expect(read('GUARANTEES.md')).toContain('**Missing**: the folder has no deep table yet');
      expect(read('designs/enberg-2007.md')).toContain('have not been run for this folder');
      expect(read('designs/enberg-2007.md')).not.toContain('checks every row again');
    }
  });
});

describe('the regenerated folder', () => {
  const names = () => readdirSync(fresh);
  const stems = () =>
    names()
      .filter((f) => f.endsWith('.txt') && !f.endsWith('.lkml.txt'))
      .map((f) => f.slice(0, -'.txt'.length));

  it('has an LKML form of every trace, every line within 72 columns, ending at its cause', () => {
    expect(stems().length).toBeGreaterThan(40);
    for (const stem of stems()) {
      const lkml = read(`${stem}.lkml.txt`);
      const wide = lkml.split('\n').filter((l) => l.length > LKML_WIDTH);
      expect(wide, stem).toEqual([]);
      expect(lkml, stem).toMatch(/^Observation: /m);
      // The last paragraph is the cause the text trace states too.
      const cause = /^Cause: ([\s\S]*?)\n\n/m.exec(read(`${stem}.txt`))?.[1]?.replace(/\n/g, ' ');
      expect(cause, stem).toBeDefined();
      expect(lkml.replace(/\n/g, ' '), stem).toContain(cause!.slice(0, 60));
    }
  });

  it('quotes the plan’s three traces in the README, as a reviewer pastes them', () => {
    const readme = read('README.md');
    expect(plan.quoted).toHaveLength(3);
    for (const stem of plan.quoted!) {
      const quoted = read(`${stem}.lkml.txt`)
        .trimEnd()
        .split('\n')
        .map((l) => `> ${l}`.trimEnd())
        .join('\n');
      expect(readme).toContain(quoted);
    }
  });

  it('writes ITF traces with the action taken on every step, which the validator checks', () => {
    const itfs = names().filter((f) => f.endsWith('.itf.json'));
    expect(itfs.length).toBe(stems().length);
    for (const f of itfs) {
      const json = JSON.parse(read(f)) as { states: Record<string, unknown>[] };
      expect(validateItf(json, { mbt: true }), f).toEqual([]);
      expect(json.states[0]!['mbt::actionTaken'], f).toBe('init');
    }
    // The README's type table covers every field, the SRCU domain of the design that shows it too.
    expect(read('README.md')).toContain('srcu: { idx: int, readers: List[int], handles: List[int] }');
    expect(read('README.md')).toContain('| `mbt::actionTaken` | `str` |');
  });
});
