// tableHtml: the guarantee table on the page, in cellText's words as GUARANTEES.md has them; a
// violated cell links its trace's section.
import type { TableResult } from '../run/table.ts';
import { cellText, NOT_EXERCISED_LEGEND } from '../report/cellText.ts';
import { cellOf, columnTitle } from '../report/tableReport.ts';
import { esc } from './html.ts';
import { traceStem } from './traceStem.ts';

export function tableHtml(table: TableResult): string {
  const head = `<tr><th>${esc(table.param)}</th>${table.guarantees.map((g) => `<th><code>${esc(columnTitle(table, g))}</code></th>`).join('')}</tr>`;
  const rows = table.values.map((value) => {
    const cells = table.guarantees.map((g) => {
      const c = cellOf(table, value, g);
      if (c.verdict === 'violated') return `<td class="violated"><a href="#${traceStem(value, g)}">${esc(cellText(c))}</a></td>`;
      // A qualified cell (not exercised, n/a, incomplete, interrupted) is grey and italic, never green.
      const kind = c.verdict === 'holds' ? 'holds' : `qualified ${c.verdict === 'n/a' ? 'na' : c.verdict}`;
      return `<td class="${kind}">${esc(cellText(c))}</td>`;
    });
    return `<tr><th>${esc(String(value))}</th>${cells.join('')}</tr>`;
  });
  const legend = table.cells.some((c) => c.verdict === 'not-exercised') ? `\n<p class="legend">${esc(NOT_EXERCISED_LEGEND)}</p>` : '';
  return `<table class="guarantees">\n${head}\n${rows.join('\n')}\n</table>${legend}`;
}
