// lanes: the interleaving as kernel commit messages and lockdep draw a race: one column per
// actor (every lane the spec declares, idle ones too: a task that does nothing is part of the
// story), headed and ruled with `----`, one row per step in the order the steps happen. The left
// column is the state each step leads to, numbered as the text trace numbers them. The broken
// guarantee gets a row of its own under a rule, so it never reads as some actor's step.
import { NO_ACTOR, type TraceView } from './traceView.ts';

const GAP = 2;
const STATE = 'state';

interface Row {
  /** The state number shown on the left. */
  readonly state: number;
  readonly col: number;
  readonly text: string;
}

export function lanes(view: TraceView): string {
  const cols = view.lanes.length > 0 ? view.lanes : [NO_ACTOR];
  const laneOf = (actor: string | undefined) => Math.max(0, cols.indexOf(actor ?? NO_ACTOR));
  const rows: Row[] = view.steps.slice(1).map((s, i) => ({ state: i + 2, col: laneOf(s.actor), text: s.label }));
  if (rows.length === 0) rows.push({ state: 1, col: 0, text: '(the initial state)' });

  const numberWidth = Math.max(STATE.length, ...rows.map((r) => String(r.state).length));
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.filter((r) => r.col === i).map((r) => r.text.length)) + GAP);
  const start = (i: number) => 1 + numberWidth + GAP + widths.slice(0, i).reduce((a, b) => a + b, 0);
  const total = start(cols.length) - GAP;
  const cells = (texts: readonly string[]) =>
    texts
      .map((t, i) => t.padEnd(i === texts.length - 1 ? t.length : widths[i]!))
      .join('')
      .trimEnd();
  const row = (r: Row) => `${' '.repeat(1 + numberWidth - String(r.state).length)}${r.state}${' '.repeat(start(r.col) - 1 - numberWidth)}${r.text}`;

  const k = view.steps.length;
  return [
    ` ${STATE.padEnd(numberWidth + GAP)}${cells(cols)}`,
    ` ${'-'.repeat(STATE.length).padEnd(numberWidth + GAP)}${cells(cols.map((c) => '-'.repeat(c.length)))}`,
    ...rows.map(row),
    ...(view.loopIndex !== undefined ? [` (back to state ${view.loopIndex + 1})`] : []),
    ` ${'-'.repeat(total - 1)}`,
    ` <- ${view.violated}: broken in state ${k}`,
    '',
  ].join('\n');
}
