// Expectations: the verdict a study's author expects in each table cell, kept beside the value the
// row checks (revoke: inside each design), and the comparison with what the checker finds. Kernel
// developers keep litmus tests this way (LKMM's `Result:` line, checked again by
// checkalllitmus.sh when the model changes): a change that flips a cell is seen at once.
import { shown, UsageError } from '../errors.ts';
import { type AnyStudy, rowLabel } from './study.ts';
import type { TableCell, TableResult } from './table.ts';

/**
 * What a cell says, in the words an expectation is written in: `holds`, `violated`, `violated N`
 * (N steps in the shortest trace), `unpromised`, `unpromised N` (only an operation the row does
 * not promise to stop breaks it, in N steps), `not-exercised`, `n/a`, `incomplete`, `interrupted`.
 */
export function cellWords(cell: TableCell): string {
  return (cell.verdict === 'violated' || cell.verdict === 'unpromised') && cell.traceLength !== null ? `${cell.verdict} ${cell.traceLength}` : cell.verdict;
}

/** An expectation met: the same verdict, and the same length where the expectation names one. */
export function meets(expected: string, cell: TableCell): boolean {
  const got = cellWords(cell);
  return expected === got || ((expected === 'violated' || expected === 'unpromised') && cell.verdict === expected);
}

const WORDS = /^(holds|(violated|unpromised)( [1-9]\d*)?|not-exercised|n\/a)$/;
const WORD_LIST = 'holds, violated, violated N, unpromised, unpromised N, not-exercised, n/a';

/**
 * Refuses the expectations of `value`'s row (Study.expected) unless each names a guarantee of the
 * row's spec and says one of the words above: the mistake is the study's or the design file's
 * (exit 150, as a spec that cannot be used), found when it loads, so that `check` and `table` do
 * not take it silently and `rmc expect` need not report it as drift. An expectation may leave
 * guarantees out: `rmc expect` lists them as unchecked. The row's spec is the one of the bounds
 * `params` with the row's value.
 */
export function assertExpectations(study: AnyStudy, value: unknown, params: object = study.defaults): void {
  const expect = study.expected?.(value);
  if (expect === undefined) return;
  const label = rowLabel(study, value);
  const row = `${study.rows.param} '${label}'${label === String(value) ? '' : ` (${String(value)})`}`;
  const spec = study.specFor({ ...params, [study.rows.param]: value });
  const halves = new Set(Object.values(study.split?.({ ...params, [study.rows.param]: value }) ?? {}).map((h) => h.invariant));
  const guarantees = [...Object.keys(spec.invariants), ...Object.keys(spec.properties ?? {})].filter((g) => !halves.has(g));
  for (const [guarantee, words] of Object.entries(expect)) {
    if (!guarantees.includes(guarantee))
      throw new UsageError(`${row} expects a verdict of ${shown(guarantee)}, which is no guarantee (known: ${guarantees.join(', ')})`, 150);
    if (typeof words !== 'string' || !WORDS.test(words))
      throw new UsageError(`${row} expects ${guarantee} to be ${shown(words)}, which is none of the verdicts ${WORD_LIST}`, 150);
  }
}

export interface Drift {
  readonly guarantee: string;
  readonly expected: string;
  readonly got: string;
}

export interface RowExpectations {
  readonly label: string;
  /** Cells with an expectation. */
  readonly expected: number;
  readonly drift: readonly Drift[];
  /** Guarantees the row checks that its expectations leave out. */
  readonly unexpected: readonly string[];
}

/**
 * Each row's expectations against the table's cells (rows whose value expects nothing: expected
 * 0). The expectations were checked when the study and its design files loaded (assertExpectations).
 */
export function compareExpectations(study: AnyStudy, table: TableResult): RowExpectations[] {
  return table.values.map((value, i) => {
    const expect = study.expected?.(value) ?? {};
    const cells = table.cells.filter((c) => c.value === value);
    const drift: Drift[] = [];
    for (const cell of cells) {
      const expected = Object.hasOwn(expect, cell.guarantee) ? expect[cell.guarantee]! : undefined;
      if (expected !== undefined && !meets(expected, cell)) drift.push({ guarantee: cell.guarantee, expected, got: cellWords(cell) });
    }
    const unexpected = Object.keys(expect).length === 0 ? [] : cells.map((c) => c.guarantee).filter((g) => !Object.hasOwn(expect, g));
    return { label: table.labels[i] ?? String(value), expected: Object.keys(expect).length, drift, unexpected };
  });
}

/** The one-screen verdict: a line per row, and a line per drifted cell (cell, expected, got). */
export function expectationsText(rows: readonly RowExpectations[]): string {
  const width = Math.max(...rows.map((r) => r.label.length));
  const out: string[] = [];
  for (const r of rows) {
    const head = r.label.padEnd(width);
    const unchecked = r.unexpected.length > 0 ? `, ${r.unexpected.length} unchecked` : '';
    if (r.expected === 0) out.push(`${head}  no expectations: its cells go unchecked`);
    else if (r.drift.length === 0) out.push(`${head}  ok     ${r.expected} cells as expected${unchecked}`);
    else out.push(`${head}  DRIFT  ${r.drift.length} of ${r.expected} cells differ${unchecked}`);
    for (const d of r.drift) out.push(`  ${d.guarantee}: expected ${d.expected}, got ${d.got}`);
    if (r.unexpected.length > 0) out.push(`  unchecked (no expectation): ${r.unexpected.join(', ')}`);
  }
  const drifted = rows.filter((r) => r.drift.length > 0).length;
  out.push('', drifted === 0 ? 'Every expectation holds.' : `${drifted} row${drifted === 1 ? '' : 's'} drifted.`);
  return out.join('\n') + '\n';
}
