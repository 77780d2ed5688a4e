// stepRows: a trace's step list on the page, one row per state (its number linking the row
// itself). A lasso's rows show its two parts apart, as TLC prints them: the prefix, then the
// cycle (marked), then one row for the step back, "Back to state N: <label>", or "Stuttering"
// when the last state repeats for ever (the same rule as the .txt's last line).
import type { TraceView } from '../../trace/render/traceView.ts';
import { esc } from './html.ts';

export function stepRows(view: TraceView, stem: string): string[] {
  const loop = view.loopIndex;
  const rows = view.steps.map((s, i) => {
    const id = `${stem}-step-${i + 1}`;
    const part = loop === undefined ? '' : i < loop ? ' prefix' : ' cycle';
    return `<tr class="step${part}" id="${id}" data-state="${i}"><td><a href="#${id}">${i + 1}</a></td><td>${esc(i === 0 ? '' : (s.actor ?? ''))}</td><td>${esc(s.label)}</td></tr>`;
  });
  if (loop === undefined) return rows;
  const last = view.steps.length - 1;
  const stutters = loop === last && view.loopLabel === undefined;
  const back = stutters ? 'Stuttering' : `Back to state ${loop + 1}${view.loopLabel !== undefined ? `: ${view.loopLabel}` : ''}`;
  return [...rows, `<tr class="loop" data-goto="${loop}"><td>${stutters ? last + 2 : '&#8634;'}</td><td></td><td>${esc(back)}</td></tr>`];
}

/** What a lasso's section says about its shape, and the fairness it runs under when the view says. */
export function lassoNote(view: TraceView): string[] {
  const loop = view.loopIndex;
  if (loop === undefined) return [];
  const last = view.steps.length - 1;
  const shape =
    loop === last && view.loopLabel === undefined
      ? `states 1 to ${last + 1}, then state ${last + 1} for ever (stuttering)`
      : `${loop === 0 ? '' : `states 1 to ${loop}, then `}the cycle of states ${loop + 1} to ${last + 1}, repeated for ever`;
  const fairness = view.fairness !== undefined ? [`<p class="fairness">Fairness: ${esc(view.fairness)}</p>`] : [];
  return [`<p class="lasso">A lasso, a behaviour that never ends: ${shape}.</p>`, ...fairness];
}
