// The deep table's JSON and what it is checked against, on one small revoke row (no folder is
// written): the fingerprint moves when the model does and stays when only its presentation does,
// the JSON reads back to the same table with its traces, and a stale or missing one is one line
// naming the command that rebuilds it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnySpec } from '../../checker/spec.ts';
import { deepProblem, differs, tracedDifferences } from '../../checker/study/counterexamples/deepCells.ts';
import { DEEP_COMMAND, deepJsonText, readDeepJson } from '../../checker/study/counterexamples/deepJson.ts';
import { modelFingerprint } from '../../checker/study/counterexamples/modelFingerprint.ts';
import type { AnyStudy } from '../../checker/study/study.ts';
import { runTable, type TableResult } from '../../checker/study/table.ts';
import { tableJson } from '../../checker/study/tableReport.ts';
import revoke from '../../spec/revoke/index.ts';

const ROW = revoke.rows.values.indexOf('rust-revocable');
const only = [ROW];
const withSpec = (change: (s: AnySpec) => AnySpec): AnyStudy => ({ ...revoke, specFor: (p: Parameters<typeof revoke.specFor>[0]) => change(revoke.specFor(p)) }) as AnyStudy;
const defaults = { ...revoke.defaults } as Record<string, unknown>;
// A stuck caller breaks rust-revocable's revoke-returns by a lasso of 2 steps, which the default bounds do not.
const deepParams = { ...defaults, stuckCaller: true };
let plain: TableResult;
let deep: TableResult;

beforeAll(async () => {
  plain = await runTable(revoke, defaults, { only });
  deep = await runTable(revoke, deepParams, { only });
});

describe('modelFingerprint', () => {
  it('is the same for the same model, and for the same model drawn without its presentation', async () => {
    expect(modelFingerprint(await runTable(revoke, defaults, { only }))).toBe(modelFingerprint(plain));
    const undrawn = withSpec((s) => ({ ...s, presentation: undefined }));
    expect(modelFingerprint(await runTable(undrawn, defaults, { only }))).toBe(modelFingerprint(plain));
  });

  it('changes when the model does: an action less (no close()), or other bounds', async () => {
    const fewer = withSpec((s) => ({ ...s, actions: s.actions.filter((a) => a.name !== 'Close') }));
    expect(modelFingerprint(await runTable(fewer, defaults, { only }))).not.toBe(modelFingerprint(plain));
    expect(modelFingerprint(deep)).not.toBe(modelFingerprint(plain));
  });
});

describe('deep-table.json', () => {
  it('is the table rmc table --json prints, plus the traces of the cells that differ', () => {
    const traced = tracedDifferences(plain, deep);
    expect(traced.map((c) => [c.guarantee, c.verdict, c.traceLength, c.loopIndex])).toEqual([['revoke-returns', 'violated', 2, 2]]);
    const text = deepJsonText(deep, { model: modelFingerprint(plain) }, traced);
    const json = JSON.parse(text) as Record<string, unknown>;
    const { deep: extra, ...table } = json;
    expect(table).toEqual(JSON.parse(JSON.stringify(tableJson(deep))));
    expect(extra).toMatchObject({ writtenBy: 'rmc counterexamples --deep', model: modelFingerprint(plain) });
    const back = readDeepJson(revoke, text, 'deep-table.json');
    expect(back.origin).toEqual({ model: modelFingerprint(plain) });
    const cell = back.table.cells.find((c) => c.guarantee === 'revoke-returns')!;
    expect(cell.value).toBe('rust-revocable');
    expect(cell.trace).toEqual(JSON.parse(JSON.stringify(traced[0]!.trace)));
    expect(cell.loopIndex).toBe(2);
    expect(differs(plain, back.table, cell)).toBe(true);
    expect(back.table.cells.filter((c) => c.trace !== undefined)).toHaveLength(1);
  });

  it('reads rmc table --json too (no origin, no traces)', () => {
    const back = readDeepJson(revoke, JSON.stringify(tableJson(deep)), 'merged.json');
    expect(back.origin).toBeUndefined();
    expect(back.table.labels).toEqual(['rust-revocable']);
    expect(back.table.cells.every((c) => c.trace === undefined)).toBe(true);
    expect(() => readDeepJson(revoke, '{"spec":"revoke"}', 'x.json')).toThrow('x.json is not a table of revoke');
  });

  it('is stale, in one line naming the command, when the model, the bounds or the rows are not the ones wanted', () => {
    const record = readDeepJson(revoke, deepJsonText(deep, { model: 'sha256:a' }, tracedDifferences(plain, deep)), 'deep-table.json');
    const wanted = { params: deepParams, labels: ['rust-revocable'], model: 'sha256:a', symmetry: false };
    expect(deepProblem(record, wanted)).toBeUndefined();
    const lines = [
      deepProblem(record, { ...wanted, model: 'sha256:b' }),
      deepProblem(record, { ...wanted, params: defaults }),
      deepProblem(record, { ...wanted, labels: ['rust-revocable', 'evdev-revoke'] }),
      deepProblem(undefined, wanted),
      deepProblem(record, { ...wanted, symmetry: true }),
    ];
    for (const line of lines) {
      expect(line).toContain(`run \`${DEEP_COMMAND}\``);
      expect(line).not.toContain('\n');
    }
    expect(lines[0]).toContain('is stale: the model changed since it was made');
    expect(lines[3]).toContain('has no deep table yet (deep-table.json)');
    expect(lines[4]).toContain('it was checked without the symmetry reduction');
  });

  it('refuses to commit traces whose states are not plain JSON', () => {
    const odd = { ...deep, cells: deep.cells.map((c) => (c.trace ? { ...c, trace: c.trace.map((s) => ({ ...s, state: new Map() })) } : c)) };
    expect(() => deepJsonText(odd, { model: 'm' }, tracedDifferences(plain, odd))).toThrow('are not plain JSON');
  });
});
