// The deep part of the counterexamples folder, end to end on something small: the plan's deep
// entry overridden by two small rows (rust-revocable, evdev-revoke) under a stuck caller, which
// breaks rust-revocable's revoke-returns (a lasso of 2 steps) where the default bounds keep it.
// `--deep` writes deep-table.json and the differing cell's trace files; a plain regeneration
// reads them back into the same bytes, searching nothing deep; `--deep-from` takes a table
// checked elsewhere; a changed model makes the folder say the deep table is stale; Ctrl-C leaves
// the folder as it was.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareFolders } from '../../checker/study/counterexamples/compareFolders.ts';
import { DEEP_COMMAND, DEEP_JSON } from '../../checker/study/counterexamples/deepJson.ts';
import { readPlan, regenerateCounterexamples, type CounterexamplePlan, type RegenerateOptions } from '../../checker/study/counterexamples/regenerate.ts';
import type { AnyStudy } from '../../checker/study/study.ts';
import { runTable } from '../../checker/study/table.ts';
import { tableJson } from '../../checker/study/tableReport.ts';
import { LKML_WIDTH } from '../../checker/trace/render/lkml.ts';
import revoke from '../../spec/revoke/index.ts';
import { validateItf } from '../checker/trace/render/validateItf.ts';
import { unpackedPage } from './pageIds.ts';

const root = resolve(import.meta.dirname, '../..');
const configs = join(root, 'spec/revoke/configs');
const temp = mkdtempSync(join(tmpdir(), 'rmc-deep-'));
const rows = ['rust-revocable', 'evdev-revoke'];
// The plan's bounds, without its named scenarios (each a search of its own, nothing to do with the
// deep table), and of the default table only the deep rows and one the deep plan leaves out: every
// regeneration here searches the default table too.
const plan: CounterexamplePlan = {
  ...readPlan(join(root, 'spec/revoke')),
  rows: [...rows, 'tty-hangup'],
  scenarios: [],
  quoted: [],
  deep: { set: { stuckCaller: true }, rows },
};
const stem = 'deep--rust-revocable--revoke-returns';
const [ran, reread] = [join(temp, 'ran'), join(temp, 'reread')];
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');
const warnings: string[] = [];
const regenerate = (out: string, options: RegenerateOptions, study: AnyStudy = revoke) =>
  regenerateCounterexamples(study, out, plan, configs, { onWarning: (l) => warnings.push(l), ...options });
afterAll(() => rmSync(temp, { recursive: true, force: true }));
beforeAll(async () => {
  await regenerate(ran, { deep: 'run' });
  await regenerate(reread, { committedDeep: join(ran, DEEP_JSON) });
}, 600_000);

describe('rmc counterexamples --deep, on two small rows', () => {
  it("writes the deep table's JSON: rmc table --json's shape, its bounds, the model it was checked against", () => {
    const json = JSON.parse(read(ran, DEEP_JSON)) as Record<string, unknown> & { deep: { model: string; traces: { cell: Record<string, unknown> }[] } };
    expect(json.labels).toEqual(rows);
    expect((json.params as Record<string, unknown>).stuckCaller).toBe(true);
    expect(json.deep.model).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(json.deep.traces.map((t) => [t.cell.variant, t.cell.guarantee, t.cell.loopIndex])).toEqual([['rust-revocable', 'revoke-returns', 2]]);
    expect(warnings).toEqual([]);
  });

  it("writes every file of the differing cell's trace, as a default cell has them", () => {
    const files = readdirSync(ran).filter((f) => f.startsWith('deep--'));
    expect(files).toEqual(['itf.json', 'lkml.txt', 'objects.dot', 'objects.svg', 'seq.dot', 'seq.svg', 'txt'].map((x) => `${stem}.${x}`));
    expect(read(ran, `${stem}.lkml.txt`).split('\n').filter((l) => l.length > LKML_WIDTH)).toEqual([]);
    expect(read(ran, `${stem}.txt`)).toContain('revoke-returns is violated by a behaviour of 2 steps');
    expect(validateItf(JSON.parse(read(ran, `${stem}.itf.json`)), { mbt: true })).toEqual([]);
    expect(read(ran, `${stem}.seq.svg`)).toContain('stuckCaller = true');
  });

  it('renders GUARANTEES.md, the page and the sheets from it, the differing cell marked and linked', () => {
    const md = read(ran, 'GUARANTEES.md');
    expect(md).toContain('## The deep table');
    expect(md).toContain('within deeper bounds: the default bounds but `stuckCaller = true`.');
    expect(md).toContain(`| rust-revocable |`);
    expect(md).toContain(`\u2260 [violated (2 steps)](${stem}.txt)`);
    expect(md).toMatch(/^- rust-revocable × `revoke-returns`: default holds \([\d,]+ states\), deep \[violated \(2 steps\)\]\(deep--rust-revocable--revoke-returns\.txt\) \(\[LKML\]\(deep--rust-revocable--revoke-returns\.lkml\.txt\)\)$/m);
    const page = unpackedPage(read(ran, 'index.html'));
    expect(page).toContain('<table class="guarantees deep">');
    expect(page).toMatch(new RegExp(`<td class="violated lasso differs" title="differs from the default table: violated \\(2 steps\\)"[^>]*><a href="#${stem}">\u2260 \u21bb 2</a></td>`));
    expect(page).toContain(`<section class="trace" id="${stem}"`);
    const sheet = read(ran, 'designs/rust-revocable.md');
    expect(sheet).toContain('Within deeper bounds, the default bounds but `stuckCaller = true` (the deep table');
    expect(sheet).toMatch(/^- `revoke-returns`: \*\*broken\*\* by a behaviour that never ends \(violated \(2 steps\); below\)\. ≠ the default bounds' holds \([\d,]+ states\)\.$/m);
    expect(sheet).toContain(read(ran, `${stem}.lkml.txt`).trimEnd());
    expect(read(ran, 'designs/evdev-revoke.md')).toContain('Every verdict and every shortest length is the one found within the default bounds.');
    // A design the deep plan leaves out says so rather than showing nothing.
    expect(read(ran, 'designs/tty-hangup.md')).toContain('Under the deep bounds nothing is shown: the deep table has no row for it.');
    expect(read(ran, 'README.md')).toContain(`\`${DEEP_COMMAND}\` checks it`);
  });

  it('is read back by a plain regeneration into the same folder, byte for byte', () => {
    expect(compareFolders(ran, reread)).toEqual([]);
  });

  it('takes a table checked elsewhere (rmc table --json) with --deep-from, searching its differing row again', async () => {
    const params = { ...revoke.defaults, stuckCaller: true } as Record<string, unknown>;
    const only = rows.map((r) => revoke.rows.values.indexOf(r)).sort();
    const elsewhere = join(temp, 'merged.json');
    const table = tableJson(await runTable(revoke, params, { only }));
    writeFileSync(elsewhere, JSON.stringify(table));
    const from = join(temp, 'from');
    await regenerate(from, { deep: { from: elsewhere } });
    expect(compareFolders(ran, from)).toEqual([]);
    // A table whose counts are not this model's is refused, and nothing is written.
    const cells = (table as { cells: Record<string, unknown>[] }).cells.map((c) => (c.variant === 'rust-revocable' ? { ...c, distinctStates: 1 } : c));
    writeFileSync(elsewhere, JSON.stringify({ ...table, cells }));
    await expect(regenerate(join(temp, 'refused'), { deep: { from: elsewhere } })).rejects.toThrow('it is not this model');
    expect(existsSync(join(temp, 'refused'))).toBe(false);
  }, 300_000);

  it("says the deep table is stale, in one line naming the command, once the model changed", async () => {
    type P = Parameters<typeof revoke.specFor>[0];
    const changed = { ...revoke, specFor: (p: P) => ({ ...revoke.specFor(p), actions: revoke.specFor(p).actions.filter((a) => a.name !== 'Close') }) } as AnyStudy;
    const stale = join(temp, 'stale');
    warnings.length = 0;
    await regenerate(stale, { committedDeep: join(ran, DEEP_JSON) }, changed);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`is stale: the model changed since it was made (the default table is not the one it was checked beside); run \`${DEEP_COMMAND}\``);
    expect(read(stale, 'GUARANTEES.md')).toContain(`**Stale**: ${warnings[0]}.`);
    // Its verdicts are still shown, its traces (of another model) are not.
    expect(readdirSync(stale).filter((f) => f.startsWith('deep--'))).toEqual([]);
    expect(read(stale, DEEP_JSON)).toBe(read(ran, DEEP_JSON));
  }, 300_000);

  it('leaves the folder as it was when interrupted during the deep table', async () => {
    const copy = join(temp, 'copy');
    cpSync(ran, copy, { recursive: true });
    let rowsDone = 0;
    const defaults = plan.rows!.length;
    const result = await regenerate(copy, { deep: 'run', onRow: () => void rowsDone++, interrupted: () => rowsDone >= defaults });
    expect(result).toBe('interrupted');
    expect(compareFolders(ran, copy)).toEqual([]);
  }, 300_000);

  it("refuses deep rows that are not among the plan's rows, before any search", async () => {
    const narrow: CounterexamplePlan = { ...plan, rows: ['evdev-revoke'] };
    await expect(regenerateCounterexamples(revoke, join(temp, 'narrow'), narrow, configs)).rejects.toThrow(
      "the plan's deep rows rust-revocable are not among its rows (evdev-revoke)",
    );
    expect(existsSync(join(temp, 'narrow'))).toBe(false);
  });
});
