// traceSection: one trace's section of the page: its heading and setting, the files, the lanes,
// the step-through (pageScript drives it; a lasso's rows show prefix and cycle) and the
// pictures: the interleaving, and one object graph per state of which only the selected state's
// is shown (the breaking state's before the script runs). The step list, the selected step's
// diff and its object graph are three panes, side by side on a wide screen. The pictures wait
// in gzip'd <template>s and are drawn when the section comes into view (pageScript), as they are
// most of the page's bytes. The cause (what breaks at the bad step) is said under the heading. Step n's row has the id
// `<stem>-step-n`, a link a reader can pass on. A trace equal to one shown in full
// (sameTraces.ts) gets its heading and a note that links that one.
import { stepsText } from '../../report/stepsText.ts';
import { brokenBy } from '../../trace/render/brokenBy.ts';
import { esc, inlineSvg, packedTemplate } from './html.ts';
import type { RenderedTrace } from './renderTrace.ts';
import { lassoNote, stepRows } from './stepRows.ts';
import { sameNote } from './sameTraces.ts';
import { settingSentence } from './traceSetting.ts';

/** `sameAs`: the trace shown in full that this one equals; then the section is a note. */
export function traceSection(t: RenderedTrace, sameAs?: RenderedTrace): string {
  const last = t.view.steps.length - 1;
  const links = ['txt', 'itf.json', 'seq.svg', 'objects.svg'].map((x) => `<a href="${t.stem}.${x}">${x}</a>`).join(' · ');
  const objects = t.stateSvgs.map(
    (svg, i) =>
      `<figure class="objects" data-state="${i}"${i === last ? '' : ' hidden'}><div class="scroll">${inlineSvg(svg)}</div>` +
      `<figcaption>${i === last ? `The breaking state (state ${i + 1})` : `The objects in state ${i + 1}`}</figcaption></figure>`,
  );
  const head = [
    `<section class="trace" id="${t.stem}" data-stem="${t.stem}">`,
    `<h2>${t.title ? `${esc(t.title)}: ` : ''}${esc(t.setting.design)} breaks <code>${esc(t.guarantee)}</code> ${t.view.loopIndex === undefined ? `in ${stepsText(last)}` : esc(brokenBy(t.view))}</h2>`,
    `<p class="setting">${settingSentence(t.setting, code)}</p>`,
    `<p class="bounds">Bounds: ${t.setting.bounds.map(code).join(', ')}.</p>`,
    ...lassoNote(t.view),
    ...(t.view.cause !== undefined ? [`<p class="cause">${esc(t.view.cause)}</p>`] : []),
  ];
  if (sameAs !== undefined) {
    const note = sameNote(t, sameAs, (text, stem) => `<a href="#${stem}">${esc(text)}</a>`, code);
    return [...head, `<p class="same">${note} Its steps and pictures are shown there.</p>`, `<p>${links}</p>`, '</section>'].join('\n');
  }
  return [
    ...head,
    `<p>${links}</p>`,
    `<pre class="lanes">${esc(t.lanes)}</pre>`,
    `<div class="stepper" tabindex="0" role="group" aria-label="the trace's states: arrow keys step through them, Home and End go to the first and last">`,
    `<button class="prev">&#9664; prev</button> <span class="pos"></span> <button class="next">next &#9654;</button> <span class="hint">or the arrow keys, Home and End; click a box in the interleaving</span>`,
    '<div class="panes">',
    `<div class="pane steps scroll">\n<table class="steps">\n${stepRows(t.view, t.stem).join('\n')}\n</table>\n</div>`,
    '<div class="pane diff"><pre class="diff"></pre></div>',
    `<div class="pane objects pics">${packedTemplate('objects', objects.join('\n'))}</div>`,
    '</div>',
    '</div>',
    `<div class="pics">${packedTemplate('seq', `<figure class="seq"><div class="scroll">${inlineSvg(t.seqSvg)}</div><figcaption>The interleaving</figcaption></figure>`)}</div>`,
    '</section>',
  ].join('\n');
}

/** Text as inline code (escaped here: settingSentence's parts are plain text). */
const code = (text: string): string => `<code>${esc(text)}</code>`;
