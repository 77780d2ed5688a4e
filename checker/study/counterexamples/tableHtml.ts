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
import { DIFFERS_MARK, type TableMarks } from './guaranteeTable.ts';
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

/** `designSheet(label)`: the link of a row's guarantee sheet, if it has one. `marks`: how the deep
 * table links its cells and marks those that differ from the default table (class `differs`, ≠). */
export function tableHtml(table: TableResult, designSheet?: (label: string) => string | undefined, marks?: TableMarks): string {
  const stemOf = (c: TableCell): string | undefined => (marks ? marks.stem?.(c) : traceStem(c.value, c.guarantee));
  const head = `<thead><tr><th class="corner">${esc(table.param)}</th>${table.guarantees.map((g) => `<th><code>${esc(columnTitle(table, g))}</code></th>`).join('')}</tr></thead>`;
  const rows = table.values.map((value, i) => {
    const cells = table.guarantees.map((g) => {
      const c = cellOf(table, value, g);
      const differs = marks?.marked?.(c) ?? false;
      const words = esc(`${differs ? 'differs from the default table: ' : ''}${cellText(c)}`);
      const attrs = `title="${words}" aria-label="${words}"`;
      const mark = esc(`${differs ? `${DIFFERS_MARK} ` : ''}${cellMark(c)}`);
      const more = differs ? ' differs' : '';
      const stem = stemOf(c);
      const shown = stem !== undefined && (c.verdict === 'violated' || (c.verdict === 'unpromised' && (c.trace !== undefined || marks !== undefined))) ? `<a href="#${stem}">${mark}</a>` : mark;
      if (c.verdict === 'violated') return `<td class="violated${c.loopIndex !== undefined ? ' lasso' : ''}${more}" ${attrs}>${shown}</td>`;
      if (c.verdict === 'unpromised' && c.traceLength !== null) return `<td class="qualified unpromised${more}" ${attrs}>${shown}</td>`;
      const kind = c.verdict === 'holds' ? 'holds' : `qualified ${c.verdict === 'n/a' ? 'na' : c.verdict}`;
      return `<td class="${kind}${more}" ${attrs}>${mark}</td>`;
    });
    const label = table.labels[i] ?? String(value);
    const sheet = designSheet?.(label);
    return `<tr><th class="design">${sheet !== undefined ? `<a href="${esc(sheet)}">${esc(label)}</a>` : esc(label)}</th>${cells.join('')}</tr>`;
  });
  const legends = [
    ...(table.cells.some((c) => !isEarned(c)) ? [`Grey cells in italics are qualified, not verdicts about the design: ${QUALIFIED_MEANINGS}.`] : []),
    ...(table.cells.some((c) => c.verdict === 'not-exercised') ? [NOT_EXERCISED_LEGEND] : []),
  ];
  const grid = `<div class="scroll table-pane">\n<table class="guarantees${marks ? ' deep' : ''}">\n${head}\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n</div>`;
  return [grid, ...legends.map((l) => `<p class="legend">${esc(l)}</p>`)].join('\n');
}
