// traceSection: one trace's section of the page: its heading, the files, the lanes, the
// step-through (pageScript drives it) and the pictures.
import { stepsText } from '../report/stepsText.ts';
import { esc, inlineSvg } from './html.ts';
import type { RenderedTrace } from './renderTrace.ts';
import { settingSentence } from './traceSetting.ts';

export function traceSection(t: RenderedTrace): string {
  const steps = t.view.steps.map((s, i) => `<tr class="step"><td>${i + 1}</td><td>${esc(i === 0 ? '' : (s.actor ?? ''))}</td><td>${esc(s.label)}</td></tr>`);
  const links = ['txt', 'itf.json', 'seq.svg', 'objects.svg'].map((x) => `<a href="${t.stem}.${x}">${x}</a>`).join(' · ');
  return [
    `<section class="trace" id="${t.stem}" data-stem="${t.stem}">`,
    `<h2>${t.title ? `${esc(t.title)}: ` : ''}${esc(t.setting.design)} breaks <code>${esc(t.guarantee)}</code> in ${stepsText(t.view.steps.length - 1)}</h2>`,
    `<p class="setting">${settingSentence(t.setting, code)}</p>`,
    `<p class="bounds">Bounds: ${t.setting.bounds.map(code).join(', ')}.</p>`,
    `<p>${links}</p>`,
    `<pre class="lanes">${esc(t.lanes)}</pre>`,
    '<div class="stepper">',
    `<button class="prev">&#9664; prev</button> <span class="pos"></span> <button class="next">next &#9654;</button>`,
    `<div class="scroll">\n<table class="steps">\n${steps.join('\n')}\n</table>\n</div>`,
    '<pre class="diff"></pre>',
    '</div>',
    `<div class="pics">\n<figure><div class="scroll">${inlineSvg(t.seqSvg)}</div><figcaption>The interleaving</figcaption></figure>`,
    `<figure><div class="scroll">${inlineSvg(t.objectsSvg)}</div><figcaption>The breaking state</figcaption></figure>\n</div>`,
    '</section>',
  ].join('\n');
}

/** Text as inline code (escaped here: settingLine's parts are plain text). */
const code = (text: string): string => `<code>${esc(text)}</code>`;
