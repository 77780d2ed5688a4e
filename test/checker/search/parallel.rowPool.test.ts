// A table's rows side by side in worker threads (checker/study/rowPool.ts): the same cells as one
// thread's table, traces included, in the table's order; interrupted, no row is reported checked.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isStudy, type AnyStudy } from '../../../checker/study/study.ts';
import { runTable } from '../../../checker/study/table.ts';
import { importSpecModule } from '../../../checker/importSpecModule.ts';

const revokeFile = fileURLToPath(new URL('../../../spec/revoke/index.ts', import.meta.url));
const counterFile = fileURLToPath(new URL('../cli/tableSpecModule.ts', import.meta.url));

async function studyAt(file: string): Promise<AnyStudy> {
  const s = await importSpecModule(file);
  if (!isStudy(s)) throw new Error(`${file} is no study`);
  return s;
}

describe('runTable with row workers', () => {
  it('gives the cells one thread gives, in the same order, for revoke rows of every size', async () => {
    const study = await studyAt(revokeFile);
    const params = { ...study.defaults };
    // Rows of unequal size, so a later row finishes before an earlier one.
    const only = ['active-refs', 'rust-revocable', 'c-revocable', 'evdev-revoke', 'hurd-io-revoke'].map((v) => study.rows.values.indexOf(v as never));
    const order: unknown[] = [];
    const one = await runTable(study, params, { only });
    const two = await runTable(study, params, { only, workers: 2, specFile: revokeFile, onRow: (v) => order.push(v) });
    expect(JSON.stringify(two.cells)).toBe(JSON.stringify(one.cells));
    expect(two.unreached).toEqual(one.unreached);
    expect(order).toEqual(one.values);
    expect(one.cells.some((c) => c.verdict === 'violated' && (c.trace?.length ?? 0) > 1)).toBe(true);
  });

  it('marks every row interrupted when the table is interrupted before they run', async () => {
    const study = await studyAt(counterFile);
    const table = await runTable(study, { limit: 1 }, { workers: 2, specFile: counterFile, interrupted: () => true });
    expect(table.interrupted).toBe(true);
    expect(table.cells.every((c) => c.verdict === 'interrupted')).toBe(true);
  });
});
