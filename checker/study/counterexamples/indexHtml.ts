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

/** `designSheet(label)`: where a row's guarantee sheet is, if it has one. */
export function indexHtml(table: TableResult, traces: readonly RenderedTrace[], designSheet?: (label: string) => string | undefined): string {
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
    pageLegend,
    ...traces.map((t) => traceSection(t, same.get(t.stem))),
    `<script type="application/json" id="trace-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
    `<script>${pageScript}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
