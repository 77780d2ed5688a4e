// guaranteeTable: the table's values x guarantees as a Markdown table, each violated cell linking
// its trace; shared by GUARANTEES.md and README.md. Cell words are cellText's, as everywhere.
import type { TableCell, TableResult } from '../table.ts';
import { cellText } from '../cellText.ts';
import { cellOf, columnTitle } from '../tableReport.ts';
import { traceStem } from './traceStem.ts';

/** How a table other than the default one (the deep table) links and marks its cells. */
export interface TableMarks {
  /** The trace file a violated cell links (without extension); undefined: no link. */
  readonly stem?: (c: TableCell) => string | undefined;
  /** A cell set apart from the default table's (the deep table's differing cells): prefixed ≠. */
  readonly marked?: (c: TableCell) => boolean;
}

export const DIFFERS_MARK = '\u2260';

export function guaranteeTable(table: TableResult, marks?: TableMarks): string {
  const stemOf = (c: TableCell): string | undefined => (marks ? marks.stem?.(c) : traceStem(c.value, c.guarantee));
  const linked = (c: TableCell, words: string): string => {
    const stem = stemOf(c);
    return stem === undefined ? words : `[${words}](${stem}.txt)`;
  };
  const head = `| ${table.param} | ${table.guarantees.map((g) => `\`${columnTitle(table, g)}\``).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(table.guarantees.length + 1)}`;
  const rows = table.values.map((value, i) => {
    const cells = table.guarantees.map((g) => {
      const c = cellOf(table, value, g);
      const mark = marks?.marked?.(c) ? `${DIFFERS_MARK} ` : '';
      if (c.verdict === 'violated') return mark + linked(c, cellText(c));
      if (c.verdict === 'holds') return mark + cellText(c);
      if (c.verdict === 'unpromised' && (c.trace !== undefined || (marks !== undefined && c.traceLength !== null))) return `${mark}*${linked(c, cellText(c))}*`;
      return `${mark}*${cellText(c)}*`; // qualified: set apart from an earned verdict
    });
    return `| ${table.labels[i] ?? String(value)} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n') + '\n';
}
