// tableHtml: the guarantee table on the page, read at a glance: each cell a mark and, when
// violated, the trace's step count (✗ 6; a lasso, a behaviour that never ends, ↻ 9), its
// full words (cellText, as GUARANTEES.md has them, state counts too) in its tooltip and for a
// screen reader. A violated cell links its trace's section; a qualified cell is grey and italic,
// never the green of an earned "holds". The header row and the design column stay in view while
// the table scrolls (pageStyle); each design's name links its guarantee sheet.
import type { TableCell, TableResult } from '../table.ts';
import { cellText, isEarned, NOT_EXERCISED_LEGEND, QUALIFIED_MEANINGS } from '../cellText.ts';
import { cellOf, columnTitle } from '../tableReport.ts';
import { esc } from './html.ts';
import { traceStem } from './traceStem.ts';

/** What a cell shows: a mark, with the step count when violated. */
export function cellMark(c: TableCell): string {
  switch (c.verdict) {
    case 'holds':
      return '\u2713';
    case 'violated':
      return `${c.loopIndex !== undefined ? '\u21bb' : '\u2717'} ${c.traceLength ?? ''}`.trim();
    case 'unpromised':
      // Not promised: a hollow mark, and the steps of what got through when something did.
      return `\u25cb${c.traceLength !== null ? ` ${c.traceLength}` : ''}`;
    case 'not-exercised':
      return '\u2013';
    case 'n/a':
      return 'n/a';
    case 'incomplete':
      return '?';
    case 'interrupted':
      return '\u2026';
    case 'error':
      return '!';
  }
}

/** `designSheet(label)`: the link of a row's guarantee sheet, if it has one. */
export function tableHtml(table: TableResult, designSheet?: (label: string) => string | undefined): string {
  const head = `<thead><tr><th class="corner">${esc(table.param)}</th>${table.guarantees.map((g) => `<th><code>${esc(columnTitle(table, g))}</code></th>`).join('')}</tr></thead>`;
  const rows = table.values.map((value, i) => {
    const cells = table.guarantees.map((g) => {
      const c = cellOf(table, value, g);
      const words = esc(cellText(c));
      const attrs = `title="${words}" aria-label="${words}"`;
      if (c.verdict === 'violated') {
        const lasso = c.loopIndex !== undefined ? ' lasso' : '';
        return `<td class="violated${lasso}" ${attrs}><a href="#${traceStem(value, g)}">${esc(cellMark(c))}</a></td>`;
      }
      if (c.verdict === 'unpromised' && c.trace) return `<td class="qualified unpromised" ${attrs}><a href="#${traceStem(value, g)}">${esc(cellMark(c))}</a></td>`;
      const kind = c.verdict === 'holds' ? 'holds' : `qualified ${c.verdict === 'n/a' ? 'na' : c.verdict}`;
      return `<td class="${kind}" ${attrs}>${esc(cellMark(c))}</td>`;
    });
    const label = table.labels[i] ?? String(value);
    const sheet = designSheet?.(label);
    return `<tr><th class="design">${sheet !== undefined ? `<a href="${esc(sheet)}">${esc(label)}</a>` : esc(label)}</th>${cells.join('')}</tr>`;
  });
  const legends = [
    ...(table.cells.some((c) => !isEarned(c)) ? [`Grey cells in italics are qualified, not verdicts about the design: ${QUALIFIED_MEANINGS}.`] : []),
    ...(table.cells.some((c) => c.verdict === 'not-exercised') ? [NOT_EXERCISED_LEGEND] : []),
  ];
  const grid = `<div class="scroll table-pane">\n<table class="guarantees">\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n</div>`;
  return [grid, ...legends.map((l) => `<p class="legend">${esc(l)}</p>`)].join('\n');
}
