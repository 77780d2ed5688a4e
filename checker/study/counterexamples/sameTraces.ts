// sameTraces: the traces the page and the README note as the same as another rather than show
// again: the same states in the same order (and, for a lasso, the same way back). T1, found
// under viro-handoff, is the table's enberg-2007 x no-usable-descriptor trace; one interleaving
// often breaks two guarantees of a row (no-inode-access-after-return and
// writes-complete-reads-abort). The one shown in full is the table's first such trace, as the
// table links it, else the first named scenario.
import type { RenderedTrace } from './renderTrace.ts';

/** Each noted trace's stem -> the trace shown in full. */
export function sameTraces(traces: readonly RenderedTrace[]): Map<string, RenderedTrace> {
  const key = (t: RenderedTrace) => JSON.stringify([t.view.states, t.view.loopIndex ?? null, t.view.loopLabel ?? null]);
  const shown = new Map<string, RenderedTrace>();
  const isTable = (t: RenderedTrace) => t.title === undefined;
  for (const t of [...traces.filter(isTable), ...traces.filter((t) => !isTable(t))]) if (!shown.has(key(t))) shown.set(key(t), t);
  const same = new Map<string, RenderedTrace>();
  for (const t of traces) {
    const original = shown.get(key(t))!;
    if (original !== t) same.set(t.stem, original);
  }
  return same;
}

/**
 * The note that stands for a trace shown in full elsewhere: "The same trace as the table's
 * enberg-2007 × no-usable-descriptor: ...". `link` marks up the original's name (an anchor on
 * the page, its .txt in the README), `code` a guarantee's name.
 */
export function sameNote(t: RenderedTrace, original: RenderedTrace, link: (text: string, stem: string) => string, code: (text: string) => string): string {
  const whose = original.title === undefined ? "the table's" : `${original.title.slice(0, original.title.indexOf(':'))}'s`;
  const too = original.guarantee === t.guarantee ? '' : `, and its last state breaks ${code(t.guarantee)} too`;
  return `The same trace as ${whose} ${link(`${original.setting.design} × ${original.guarantee}`, original.stem)}: the same states in the same order${too}.`;
}
