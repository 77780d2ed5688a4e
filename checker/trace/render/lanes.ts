// lanes: the interleaving as lockdep prints a race, one column per actor, rows in the order the
// steps happen, the last step marked with the guarantee it breaks (`<- no-usable-descriptor`).
// A lasso's last row says which step the behaviour goes back to.
import { NO_ACTOR, type TraceView } from './traceView.ts';

const GAP = 2;

export function lanes(view: TraceView): string {
  const cols = view.lanes.length > 0 ? view.lanes : [NO_ACTOR];
  const rows = view.steps.slice(1).map((s) => ({ col: Math.max(0, cols.indexOf(s.actor ?? NO_ACTOR)), text: s.label }));
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.filter((r) => r.col === i).map((r) => r.text.length)) + GAP);
  const start = (i: number) => 1 + widths.slice(0, i).reduce((a, b) => a + b, 0);
  const line = (col: number, text: string) => ' '.repeat(start(col)) + text;
  const out = [
    cols
      .map((c, i) => c.padEnd(i === cols.length - 1 ? c.length : widths[i]!))
      .join('')
      .replace(/^/, ' '),
  ];
  rows.forEach((r, i) => {
    const last = i === rows.length - 1;
    out.push(last ? line(r.col, r.text.padEnd(widths[r.col]!) + `<- ${view.violated}`) : line(r.col, r.text));
  });
  if (rows.length === 0) out.push(` (the initial state)  <- ${view.violated}`);
  if (view.loopIndex !== undefined) out.push(` (back to state ${view.loopIndex + 1})`);
  return out.join('\n') + '\n';
}
