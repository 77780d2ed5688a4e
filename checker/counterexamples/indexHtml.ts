// indexHtml: index.html, a static page (no server, no network: styles, script and pictures are
// inline) with the table, each trace's pictures and a step-through of its states.
import type { TableResult } from '../run/table.ts';
import { cellText, NOT_EXERCISED_LEGEND } from '../report/cellText.ts';
import { cellOf, columnTitle } from '../report/tableReport.ts';
import { stepsText } from '../report/stepsText.ts';
import { boundsLine } from './boundsLine.ts';
import { pageScript } from './pageScript.ts';
import type { RenderedTrace } from './renderTrace.ts';
import { traceStem } from './traceStem.ts';

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 2em; color: #222; }
table.guarantees td, table.guarantees th { border: 1px solid #ccc; padding: 4px 8px; }
table.guarantees { border-collapse: collapse; }
td.violated { background: #fde8e8; } td.holds { background: #e9f7e9; }
td.qualified { background: #eeeeee; color: #555; font-style: italic; }
section.trace { border-top: 2px solid #ddd; margin-top: 2em; padding-top: 1em; }
.pics { display: flex; flex-wrap: wrap; gap: 2em; align-items: flex-start; }
.pics svg { max-width: 100%; height: auto; }
table.steps { border-collapse: collapse; margin: 0.5em 0; }
table.steps td { padding: 2px 8px; font-family: monospace; cursor: pointer; }
tr.step.selected { background: #dbe8ff; }
pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; }
svg .current > polygon, svg .current > path { stroke: #0057d8; stroke-width: 4; }
svg .current > text { font-weight: bold; }
`;

export function indexHtml(table: TableResult, traces: readonly RenderedTrace[]): string {
  const data: Record<string, unknown> = {};
  for (const t of traces) data[t.stem] = { steps: t.view.steps.map((s, i) => ({ label: s.label, lines: t.changes[i] })) };
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>Counterexamples of ${esc(table.spec)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>Counterexamples of <code>${esc(table.spec)}</code></h1>`,
    `<p>Bounds: ${esc(boundsLine(table).replace(/`/g, ''))}. Each violated cell links its trace below; see <a href="README.md">README.md</a> for the files.</p>`,
    tableHtml(table),
    ...traces.map(section),
    `<script type="application/json" id="trace-data">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`,
    `<script>${pageScript}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function tableHtml(table: TableResult): string {
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

function section(t: RenderedTrace): string {
  const steps = t.view.steps.map((s, i) => `<tr class="step"><td>${i + 1}</td><td>${esc(i === 0 ? '' : (s.actor ?? ''))}</td><td>${esc(s.label)}</td></tr>`);
  const links = ['txt', 'itf.json', 'seq.svg', 'objects.svg'].map((x) => `<a href="${t.stem}.${x}">${x}</a>`).join(' · ');
  return [
    `<section class="trace" id="${t.stem}" data-stem="${t.stem}">`,
    `<h2>${t.title ? `${esc(t.title)}: ` : ''}${esc(String(t.value))} breaks <code>${esc(t.guarantee)}</code> in ${stepsText(t.view.steps.length - 1)}</h2>`,
    `<p>${links}</p>`,
    `<pre class="lanes">${esc(t.lanes)}</pre>`,
    '<div class="stepper">',
    `<button class="prev">&#9664; prev</button> <span class="pos"></span> <button class="next">next &#9654;</button>`,
    `<table class="steps">\n${steps.join('\n')}\n</table>`,
    '<pre class="diff"></pre>',
    '</div>',
    `<div class="pics">\n<figure>${inline(t.seqSvg)}<figcaption>The interleaving</figcaption></figure>`,
    `<figure>${inline(t.objectsSvg)}<figcaption>The breaking state</figcaption></figure>\n</div>`,
    '</section>',
  ].join('\n');
}

/** An SVG file's markup without its XML prolog and doctype, for embedding in HTML. */
function inline(svg: string): string {
  return svg.replace(/^<\?xml[^>]*>\s*/, '').replace(/^<!DOCTYPE[^>]*>\s*/, '').trimEnd();
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
