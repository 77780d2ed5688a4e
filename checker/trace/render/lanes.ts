// lanes: the interleaving as kernel commit messages and lockdep draw a race: one column per
// actor (every lane the spec declares, idle ones too: a task that does nothing is part of the
// story), headed and ruled with `----`, one row per step in the order the steps happen. The left
// column is the state each step leads to, numbered as the text trace numbers them; a label is
// followed by the code its step abstracts, in brackets. The broken
// guarantee gets a row of its own under a rule, so it never reads as some actor's step. A lasso's
// cycle is bracketed (`+--` rules, `|` down the margin): its steps, then the step back to the
// state it repeats from (or the stutter), and the guarantee is marked on the cycle as a whole,
// with why the cycle is fair beneath it. The cause, when the spec words one, is under the mark.
import { cycleWords, stutters } from './brokenBy.ts';
import { NO_ACTOR, type TraceView } from './traceView.ts';
import { withCode } from './withCode.ts';
import { wrapText } from './wrapText.ts';

const GAP = 2;
const STATE = 'state';

interface Row {
  /** The state number shown on the left. */
  readonly state: number;
  readonly col: number;
  readonly text: string;
  readonly inCycle: boolean;
}

export function lanes(view: TraceView): string {
  const cols = view.lanes.length > 0 ? view.lanes : [NO_ACTOR];
  const laneOf = (actor: string | undefined) => Math.max(0, cols.indexOf(actor ?? NO_ACTOR));
  const loop = view.loopIndex;
  const k = view.steps.length - 1;
  const rows: Row[] = view.steps.slice(1).map((s, i) => ({
    state: i + 2,
    col: laneOf(s.actor),
    text: withCode(s.label, view.implementation?.[i + 1]),
    inCycle: loop !== undefined && i + 1 > loop,
  }));
  if (loop !== undefined) {
    rows.push(
      stutters(view)
        ? { state: k + 2, col: 0, text: `(stuttering: state ${k + 1} for ever)`, inCycle: true }
        : {
            state: loop + 1,
            col: laneOf(view.loopActor),
            text: `back to state ${loop + 1}${view.loopLabel ? `: ${withCode(view.loopLabel, view.loopImplementation)}` : ''}`,
            inCycle: true,
          },
    );
  } else if (rows.length === 0) rows.push({ state: 1, col: 0, text: '(the initial state)', inCycle: false });

  const numberWidth = Math.max(STATE.length, ...rows.map((r) => String(r.state).length));
  const widths = cols.map((c, i) => Math.max(c.length, ...rows.filter((r) => r.col === i).map((r) => r.text.length)) + GAP);
  const start = (i: number) => 1 + numberWidth + GAP + widths.slice(0, i).reduce((a, b) => a + b, 0);
  const total = start(cols.length) - GAP;
  const cells = (texts: readonly string[]) =>
    texts
      .map((t, i) => t.padEnd(i === texts.length - 1 ? t.length : widths[i]!))
      .join('')
      .trimEnd();
  const row = (r: Row) => `${r.inCycle ? '|' : ' '}${String(r.state).padStart(numberWidth)}${' '.repeat(start(r.col) - 1 - numberWidth)}${r.text}`;
  const rule = (text: string) => `+-- ${text} `.padEnd(Math.max(total, text.length + 9), '-');

  const causeLines = view.cause !== undefined ? wrapText(view.cause, 100).map((l) => `    ${l}`) : [];
  const out = [
    ` ${STATE.padEnd(numberWidth + GAP)}${cells(cols)}`,
    ` ${'-'.repeat(STATE.length).padEnd(numberWidth + GAP)}${cells(cols.map((c) => '-'.repeat(c.length)))}`,
  ];
  if (loop === undefined) {
    out.push(...rows.map(row), ` ${'-'.repeat(total - 1)}`, ` <- ${view.violated}: broken in state ${k + 1}`, ...causeLines);
  } else {
    out.push(
      ...rows.filter((r) => !r.inCycle).map(row),
      rule(`the cycle: ${cycleWords(view)}`),
      ...rows.filter((r) => r.inCycle).map(row),
      `+-- <- ${view.violated}: broken by the cycle, which never ends`,
      ...causeLines,
      ...(view.fairness !== undefined ? wrapText(`Fairness: ${view.fairness}`, 100).map((l) => ` ${l}`) : []),
    );
  }
  return [...out, ''].join('\n');
}
