// tableHtml: the guarantee table on the page, in cellText's words as GUARANTEES.md has them; a
// violated cell links its trace's section. A qualified cell is grey and italic, never the green
// of an earned "holds", and a legend under the table says what its words mean.
import type { TableResult } from '../table.ts';
import { cellText, isEarned, NOT_EXERCISED_LEGEND, QUALIFIED_MEANINGS } from '../cellText.ts';
import { cellOf, columnTitle } from '../tableReport.ts';
import { esc } from './html.ts';
import { traceStem } from './traceStem.ts';

export function tableHtml(table: TableResult): string {
  const head = `<tr><th>${esc(table.param)}</th>${table.guarantees.map((g) => `<th><code>${esc(columnTitle(table, g))}</code></th>`).join('')}</tr>`;
  const rows = table.values.map((value, i) => {
    const cells = table.guarantees.map((g) => {
      const c = cellOf(table, value, g);
      if (c.verdict === 'violated') return `<td class="violated"><a href="#${traceStem(value, g)}">${esc(cellText(c))}</a></td>`;
      if (c.verdict === 'unpromised' && c.trace) return `<td class="qualified unpromised"><a href="#${traceStem(value, g)}">${esc(cellText(c))}</a></td>`;
      const kind = c.verdict === 'holds' ? 'holds' : `qualified ${c.verdict === 'n/a' ? 'na' : c.verdict}`;
      return `<td class="${kind}">${esc(cellText(c))}</td>`;
    });
    return `<tr><th>${esc(table.labels[i] ?? String(value))}</th>${cells.join('')}</tr>`;
  });
  const legends = [
    ...(table.cells.some((c) => !isEarned(c)) ? [`Grey cells in italics are qualified, not verdicts about the design: ${QUALIFIED_MEANINGS}.`] : []),
    ...(table.cells.some((c) => c.verdict === 'not-exercised') ? [NOT_EXERCISED_LEGEND] : []),
  ];
  const grid = `<div class="scroll">\n<table class="guarantees">\n${head}\n${rows.join('\n')}\n</table>\n</div>`;
  return [grid, ...legends.map((l) => `<p class="legend">${esc(l)}</p>`)].join('\n');
}
