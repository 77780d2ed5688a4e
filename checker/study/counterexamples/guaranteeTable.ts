// guaranteeTable: the table's values x guarantees as a Markdown table, each violated cell linking
// its trace; shared by GUARANTEES.md and README.md. Cell words are cellText's, as everywhere.
import type { TableResult } from '../table.ts';
import { cellText } from '../cellText.ts';
import { cellOf, columnTitle } from '../tableReport.ts';
import { traceStem } from './traceStem.ts';

export function guaranteeTable(table: TableResult): string {
  const head = `| ${table.param} | ${table.guarantees.map((g) => `\`${columnTitle(table, g)}\``).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(table.guarantees.length + 1)}`;
  const rows = table.values.map((value, i) => {
    const cells = table.guarantees.map((g) => {
      const c = cellOf(table, value, g);
      if (c.verdict === 'violated') return `[${cellText(c)}](${traceStem(value, g)}.txt)`;
      if (c.verdict === 'holds') return cellText(c);
      if (c.verdict === 'unpromised' && c.trace) return `*[${cellText(c)}](${traceStem(value, g)}.txt)*`;
      return `*${cellText(c)}*`; // qualified: set apart from an earned verdict
    });
    return `| ${table.labels[i] ?? String(value)} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n') + '\n';
}
