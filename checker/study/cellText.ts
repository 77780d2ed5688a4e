// cellText: the words of one guarantee-table cell, the same in the text table, GUARANTEES.md,
// README.md and the page. Only "holds" and "violated" are verdicts the checker earned; the
// others are qualified: "not promised" (what breaks it is an operation the row never promised to
// stop), "not exercised" (the bounds never produce the situation the guarantee
// is about, so it holds only vacuously), "n/a" (the study says it does not apply here),
// "incomplete" (a budget ran out) and "interrupted" (the run was stopped before this row).
import type { TableCell } from './table.ts';
import { stepsText } from '../report/stepsText.ts';

const count = (n: number): string => n.toLocaleString('en-US');

export function cellText(c: TableCell): string {
  switch (c.verdict) {
    case 'holds':
      return `holds (${count(c.distinctStates)} states)`;
    case 'violated':
      return `violated (${stepsText(c.traceLength!)}${throughText(c)})`;
    case 'unpromised':
      return c.traceLength === null ? 'not promised (holds anyway)' : `not promised (${stepsText(c.traceLength)}${throughText(c)})`;
    case 'not-exercised':
      return `not exercised (${count(c.distinctStates)} states)`;
    case 'n/a':
      return `n/a: ${c.reason ?? 'does not apply'}`;
    case 'incomplete':
      return `incomplete (${count(c.distinctStates)} states)`;
    case 'interrupted':
      return 'interrupted';
    case 'error':
      return 'error';
  }
}

/**
 * What got through, where a cell has room for it: one or two operations by name (a descriptor
 * that is fully live gives every operation: the trace lists them).
 */
function throughText(c: TableCell): string {
  const ops = c.through ?? [];
  return ops.length === 0 ? '' : ops.length <= 2 ? `: ${ops.join(', ')}` : `: ${ops.length} operations`;
}

/** Is this cell a verdict the checker earned (holds or violated), or a qualified one? */
export function isEarned(c: TableCell): boolean {
  return c.verdict === 'holds' || c.verdict === 'violated';
}

/** What each qualified cell's words mean, as GUARANTEES.md and the page explain them. */
export const QUALIFIED_MEANINGS =
  '"not promised: op" (only an operation the design does not promise to stop breaks it, in the trace linked; "holds anyway" where nothing does), ' +
  '"not exercised" (the bounds never produce the situation the guarantee is about, so it holds only vacuously), ' +
  '"n/a: why" (the guarantee does not apply under these parameters, or the design does not claim it), ' +
  '"incomplete" (a budget ran out) and "interrupted" (the run stopped before this row)';

/** The legend line for a column that has a not-exercised cell (the column is marked with `*`). */
export const NOT_EXERCISED_LEGEND =
  '* not exercised in some rows: no reachable state is in the situation the guarantee is about (its reachability partner is never reached), so there it holds only vacuously and says nothing about the design.';
