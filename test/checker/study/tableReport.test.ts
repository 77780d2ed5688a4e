// The text table's lines under the rows: the bounds every row shares, and how the run ended.
import { describe, expect, it } from 'vitest';
import type { TableCell, TableResult } from '../../../checker/study/table.ts';
import { tableText } from '../../../checker/study/tableReport.ts';

const cell = (value: string, verdict: TableCell['verdict']): TableCell => ({ value, guarantee: 'g', verdict, distinctStates: 5, traceLength: null });

/** Two design rows checked under the defaults, whose table parameter is `variant: 'alpha'`. */
const table = (over: Partial<TableResult> = {}): TableResult => ({
  spec: 'designs',
  params: { variant: 'alpha', tasks: 2 },
  param: 'variant',
  values: ['alpha', 'beta'],
  labels: ['alpha', 'beta'],
  guarantees: ['g'],
  cells: [cell('alpha', 'holds'), cell('beta', 'holds')],
  unreached: [],
  seconds: 1.25,
  ...over,
});

describe('tableText', () => {
  it("names the bounds every row shares, never the table parameter's default as if every row had it", () => {
    const text = tableText(table());
    expect(text).toContain('\nBounds of every row (its variant aside): {"tasks":2}\n');
    expect(text).not.toContain('"variant"');
  });

  it('says a finished table was computed, and an interrupted one that it was interrupted', () => {
    expect(tableText(table()).trimEnd().split('\n').at(-1)).toBe('Table computed in 1.3 s.');
    const interrupted = tableText(table({ interrupted: true, cells: [cell('alpha', 'holds'), cell('beta', 'interrupted')] }));
    expect(interrupted.trimEnd().split('\n').at(-1)).toBe('Table interrupted after 1.3 s: the rows marked "interrupted" were not checked.');
    expect(interrupted).not.toContain('computed');
  });
});
