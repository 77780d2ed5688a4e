// indexHtml: index.html, a static page (no server, no network: styles, script and pictures are
// inline) with the table, each trace's pictures and a step-through of its states.
import type { TableResult } from '../table.ts';
import { boundsLine } from './boundsLine.ts';
import { esc } from './html.ts';
import { pageScript } from './pageScript.ts';
import { pageLegend } from './pageLegend.ts';
import { pageStyle } from './pageStyle.ts';
import type { RenderedTrace } from './renderTrace.ts';
import { sameTraces } from './sameTraces.ts';
import { tableHtml } from './tableHtml.ts';
import { traceSection } from './traceSection.ts';
import { DEEP_COMMAND, DEEP_JSON } from './deepJson.ts';
import { deepBounds, deepMarks, deepTraces, differences, type DeepTable } from './deepView.ts';

/** `designSheet(label)`: where a row's guarantee sheet is, if it has one. `deep`: the deep table,
 * shown as a second table under the default one, its differing cells' traces after the others. */
export function indexHtml(table: TableResult, tableTraces: readonly RenderedTrace[], designSheet?: (label: string) => string | undefined, deep?: DeepTable): string {
  const traces = [...tableTraces, ...deepTraces(deep)];
  const same = sameTraces(traces);
  const data: Record<string, unknown> = {};
  for (const t of traces) if (!same.has(t.stem)) data[t.stem] = { steps: t.view.steps.map((s, i) => ({ label: s.label, lines: t.changes[i] })), ...(t.view.loopIndex !== undefined ? { loop: t.view.loopIndex } : {}) };
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Counterexamples of ${esc(table.spec)}</title>`,
    `<style>${pageStyle}</style>`,
    '</head>',
    '<body>',
    `<h1>Counterexamples of <code>${esc(table.spec)}</code></h1>`,
    `<p>Bounds: ${esc(boundsLine(table).replace(/`/g, ''))}. Each violated cell links its trace below; see <a href="README.md">README.md</a> for the files.</p>`,
    tableHtml(table, designSheet),
    ...(deep ? [deepHtml(deep, designSheet)] : []),
    pageLegend,
    ...traces.map((t) => traceSection(t, same.get(t.stem))),
    `<script type="application/json" id="trace-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
    `<script>${pageScript}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The deep table's part of the page: a heading, its bounds, the table with ≠ marks, what differs. */
function deepHtml(deep: DeepTable, designSheet?: (label: string) => string | undefined): string {
  const code = (t: string) => `<code>${esc(t)}</code>`;
  const head = '<h2 id="deep-table">The deep table</h2>';
  if (deep.table === undefined) return [head, `<p class="stale">Missing: ${esc(deep.problem ?? '')}.</p>`].join('\n');
  const diffs = differences(deep);
  const marks = deepMarks(deep, deep.table);
  const item = (d: (typeof diffs)[number]) => {
    const stem = marks.stem?.(d.cell);
    return `<li>${esc(d.row)} × ${code(d.guarantee)}: default ${esc(d.before)}, deep ${stem !== undefined ? `<a href="#${stem}">${esc(d.after)}</a>` : esc(d.after)}</li>`;
  };
  return [
    head,
    ...(deep.problem !== undefined ? [`<p class="stale">Stale: ${esc(deep.problem)}.</p>`] : []),
    `<p>Every guarantee again, within ${deepBounds(deep, code)} (checked by ${code(DEEP_COMMAND)}, committed as <a href="${DEEP_JSON}">${DEEP_JSON}</a>). A cell marked ≠ differs from the default table's in its verdict or shortest length, and links its deep trace below.</p>`,
    tableHtml(deep.table, designSheet, marks),
    diffs.length === 0 ? "<p>No cell differs: every verdict and every shortest length is the default table's.</p>" : `<ul class="differences">\n${diffs.map(item).join('\n')}\n</ul>`,
  ].join('\n');
}
