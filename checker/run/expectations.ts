// Expectations: the verdict a spec's author expects in each table cell, kept beside the value the
// row checks (revoke: inside each design), and the comparison with what the checker finds. Kernel
// developers keep litmus tests this way (LKMM's `Result:` line, checked again by
// checkalllitmus.sh when the model changes): a change that flips a cell is seen at once.
import type { AnySpec } from '../spec.ts';
import type { TableCell, TableResult } from './table.ts';

/**
 * What a cell says, in the words an expectation is written in: `holds`, `violated`, `violated N`
 * (N steps in the shortest trace), `not-exercised`, `n/a`, `incomplete`, `interrupted`.
 */
export function cellWords(cell: TableCell): string {
  return cell.verdict === 'violated' && cell.traceLength !== null ? `violated ${cell.traceLength}` : cell.verdict;
}

/** An expectation met: the same verdict, and the same length where the expectation names one. */
export function meets(expected: string, cell: TableCell): boolean {
  const got = cellWords(cell);
  return expected === got || (expected === 'violated' && cell.verdict === 'violated');
}

const WORDS = /^(holds|violated( [1-9]\d*)?|not-exercised|n\/a)$/;

/** Why an expectation is malformed, or undefined. */
export function malformed(expected: unknown): string | undefined {
  return typeof expected === 'string' && WORDS.test(expected)
    ? undefined
    : `expected holds, violated, violated N, not-exercised or n/a, not ${JSON.stringify(expected)}`;
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

/** Each row's expectations against the table's cells (rows whose value expects nothing: expected 0). */
export function compareExpectations(spec: AnySpec, table: TableResult): RowExpectations[] {
  return table.values.map((value, i) => {
    const expect = spec.table?.expected?.(value) ?? {};
    const cells = table.cells.filter((c) => c.value === value);
    const drift: Drift[] = [];
    for (const [guarantee, expected] of Object.entries(expect)) {
      const cell = cells.find((c) => c.guarantee === guarantee);
      const bad = malformed(expected);
      if (cell === undefined) drift.push({ guarantee, expected, got: 'no such guarantee' });
      else if (bad !== undefined) drift.push({ guarantee, expected, got: bad });
      else if (!meets(expected, cell)) drift.push({ guarantee, expected, got: cellWords(cell) });
    }
    const unexpected = Object.keys(expect).length === 0 ? [] : cells.map((c) => c.guarantee).filter((g) => !(g in expect));
    return { label: table.labels[i] ?? String(value), expected: Object.keys(expect).length, drift, unexpected };
  });
}

/** The one-screen verdict: a line per row, and a line per drifted cell (cell, expected, got). */
export function expectationsText(rows: readonly RowExpectations[]): string {
  const width = Math.max(...rows.map((r) => r.label.length));
  const out: string[] = [];
  for (const r of rows) {
    const head = r.label.padEnd(width);
    if (r.expected === 0) out.push(`${head}  no expectations`);
    else if (r.drift.length === 0) out.push(`${head}  ok     ${r.expected} cells as expected`);
    else out.push(`${head}  DRIFT  ${r.drift.length} of ${r.expected} cells differ`);
    for (const d of r.drift) out.push(`  ${d.guarantee}: expected ${d.expected}, got ${d.got}`);
    if (r.unexpected.length > 0) out.push(`  not expected (add them): ${r.unexpected.join(', ')}`);
  }
  const drifted = rows.filter((r) => r.drift.length > 0).length;
  out.push('', drifted === 0 ? 'Every expectation holds.' : `${drifted} row${drifted === 1 ? '' : 's'} drifted.`);
  return out.join('\n') + '\n';
}
