// lkml: a counterexample as a kernel developer pastes it into a mail. The shape is the race
// diagram of kernel commit messages (CPU0 / CPU1 columns, as in the vfs commit "file_ref_t: don't
// accidently mark recycled files dead"; lockdep's `lock(X);` lanes): one column per actor that
// acts, its steps written as the kernel calls they are (the spec's `kernelStep` hook), what each
// did indented beneath, every line at most 72 columns as a commit message's body. Columns that do
// not fit side by side are stacked in blocks, each with every step's number on its own line, so
// a step sits at the same row in every block. Steps that change nothing a reader of the race
// needs are folded out of the columns and named under them. It ends as herd7 ends a test, with
// an `Observation` line (the guarantee and the state that breaks it), then the cause: the
// object and its state at the bad step and what got through; a lasso names its cycle, says what
// never happens and what blocks it, and why the cycle is fair.
import type { KernelStep } from '../../spec.ts';
import { brokenBy, cycleWords, stutters } from './brokenBy.ts';
import { NO_ACTOR, type TraceView } from './traceView.ts';
import { wrapText } from './wrapText.ts';

export const LKML_WIDTH = 72;
const GAP = 2;
/** The narrowest a column may be before the columns are stacked in blocks. */
const MIN_COLUMN = 18;

interface Row {
  /** The state the step leads to (1-based, as the text trace numbers it). */
  readonly state: number;
  readonly lane: number;
  readonly call: string;
  readonly note?: string;
  readonly inCycle: boolean;
}

/** `heading` names the trace's origin (`revoke, variant = enberg-2007`); default: the spec. */
export function lkml(view: TraceView, heading: string = view.spec): string {
  const loop = view.loopIndex;
  const k = view.steps.length - 1;
  const stepOf = (i: number): KernelStep => view.kernelSteps?.[i] ?? { call: view.steps[i]?.label ?? view.loopLabel ?? '' };
  const all: (Row & { readonly quiet: boolean })[] = [];
  for (let i = 1; i <= k; i++) {
    const s = stepOf(i);
    all.push({
      state: i + 1,
      lane: -1,
      call: s.call,
      ...(s.note ? { note: s.note } : {}),
      inCycle: loop !== undefined && i > loop,
      quiet: s.quiet === true && i !== k,
    });
  }
  if (loop !== undefined && !stutters(view)) {
    const s = stepOf(k + 1);
    all.push({ state: loop + 1, lane: -1, call: s.call, note: `back to state ${loop + 1}`, inCycle: true, quiet: false });
  }
  // Row i - 1 is step i; a lasso's step back, the row after the last step, is the loop's actor's.
  const actors = all.map((_, index) => (index === k ? (view.loopActor ?? NO_ACTOR) : (view.steps[index + 1]!.actor ?? NO_ACTOR)));
  const lanes = view.lanes.filter((l) => actors.includes(l));
  for (const a of actors) if (!lanes.includes(a)) lanes.push(a);
  const placed = all.map((r, index) => ({ ...r, lane: lanes.indexOf(actors[index]!), actor: actors[index]! }));
  const shown = placed.filter((r) => !r.quiet);
  const folded = placed.filter((r) => r.quiet);

  const out = [...wrapText(`${heading}: ${view.violated} is broken ${brokenBy(view)}.`, LKML_WIDTH), ''];
  if (shown.length === 0) out.push('  (broken in the initial state)');
  else out.push(...diagram(lanes, shown, loop !== undefined ? `the cycle: ${cycleWords(view)}` : undefined));
  if (folded.length > 0) {
    const names = folded.map((r) => `${r.state} ${r.actor} ${r.call}${r.note ? ` (${r.note})` : ''}`);
    out.push('', ...wrapText(`Folded, as they change nothing the race needs: ${names.join('; ')}.`, LKML_WIDTH));
  }
  out.push('', ...wrapText(observation(view), LKML_WIDTH));
  if (view.cause !== undefined) out.push('', ...wrapText(view.cause, LKML_WIDTH));
  if (view.fairness !== undefined) out.push('', ...wrapText(`Fairness: ${view.fairness}`, LKML_WIDTH));
  return [...out, ''].join('\n');
}

/** herd7's last word: which guarantee, and where. */
function observation(view: TraceView): string {
  const n = view.steps.length;
  if (view.loopIndex === undefined) return `Observation: ${view.violated} broken in state ${n}.`;
  return `Observation: ${view.violated} broken by a cycle that never ends (${cycleWords(view)}).`;
}

/** The columns, in as many blocks as it takes to keep every line within LKML_WIDTH. */
function diagram(lanes: readonly string[], rows: readonly Row[], cycle: string | undefined): string[] {
  const margin = String(Math.max(...rows.map((r) => r.state))).length + 1;
  const calls = lanes.map((_, j) => rows.filter((r) => r.lane === j).map((r) => r.call.length));
  // What a column would like: its calls and notes unwrapped.
  const wants = lanes.map((_, j) => Math.max(0, ...rows.filter((r) => r.lane === j).map((r) => Math.max(r.call.length, (r.note?.length ?? 0) + 2))));
  const blocks: { lanes: number[]; widths: number[] }[] = [];
  for (let j = 0; j < lanes.length; j++) {
    const last = blocks.at(-1);
    const widths = last && widthsFor([...last.lanes, j], lanes, calls, wants, margin);
    if (last && widths) blocks.push({ lanes: [...blocks.pop()!.lanes, j], widths });
    else blocks.push({ lanes: [j], widths: widthsFor([j], lanes, calls, wants, margin)! });
  }
  const out: string[] = [];
  blocks.forEach((block, b) => {
    if (b > 0) out.push('');
    out.push(...blockLines(lanes, block.lanes, block.widths, rows, margin, cycle));
  });
  return out;
}

/**
 * The widths of a block's columns, or undefined when they do not fit side by side. Every row is
 * one step, one actor's: a call longer than its column may run on into the columns to its right,
 * which hold nothing on that line, as long as it ends within the width; notes wrap in their
 * column. The last column takes what room is left. A block of one lane always fits (a call
 * longer than the whole width is cut).
 */
function widthsFor(
  block: readonly number[],
  lanes: readonly string[],
  calls: readonly (readonly number[])[],
  wants: readonly number[],
  margin: number,
): number[] | undefined {
  const room = LKML_WIDTH - margin;
  const widths = block.map((j) => Math.max(lanes[j]!.length, MIN_COLUMN));
  let start = margin;
  for (const [c, j] of block.entries()) {
    if (c === block.length - 1) widths[c] = Math.max(widths[c]!, LKML_WIDTH - start);
    if (block.length > 1 && (start + widths[c]! > LKML_WIDTH || start + Math.max(0, ...calls[j]!) > LKML_WIDTH)) return undefined;
    start += widths[c]! + GAP;
  }
  // Spare room goes to the columns that would wrap their calls or notes least: spread evenly.
  const used = widths.reduce((a, w) => a + w, 0) + GAP * (widths.length - 1);
  if (used > room && block.length > 1) return undefined;
  return evenly(widths, block, calls, wants, margin);
}

/** Widens all but the last column alike, each up to what it wants, while every call still ends
 * within the width and the last column keeps its minimum. */
function evenly(
  widths: readonly number[],
  block: readonly number[],
  calls: readonly (readonly number[])[],
  wants: readonly number[],
  margin: number,
): number[] {
  if (widths.length === 1) return [LKML_WIDTH - margin];
  const natural = block.map((j, c) => Math.max(widths[c]!, wants[j]!));
  const out = [...widths];
  for (;;) {
    const next = out.map((w, c) => (c < out.length - 1 && w < natural[c]! ? w + 1 : w));
    let start = margin;
    let fits = true;
    for (const [c, j] of block.entries()) {
      if (c === next.length - 1) next[c] = LKML_WIDTH - start;
      if (next[c]! < Math.max(MIN_COLUMN, 1) || start + Math.max(0, ...calls[j]!) > LKML_WIDTH) fits = false;
      start += next[c]! + GAP;
    }
    if (!fits || next.every((w, c) => w === out[c])) return out;
    out.splice(0, out.length, ...next);
  }
}

function blockLines(
  lanes: readonly string[],
  block: readonly number[],
  widths: readonly number[],
  rows: readonly Row[],
  margin: number,
  cycle: string | undefined,
): string[] {
  const start = (c: number) => margin + widths.slice(0, c).reduce((a, w) => a + w + GAP, 0);
  const line = (texts: readonly string[]) =>
    texts
      .map((t, c) => t.padEnd(c === texts.length - 1 ? 0 : widths[c]! + GAP))
      .join('')
      .trimEnd();
  const out = [' '.repeat(margin) + line(block.map((j) => lanes[j]!)), ' '.repeat(margin) + line(block.map((j) => '-'.repeat(lanes[j]!.length)))];
  let inCycle = false;
  for (const r of rows) {
    if (cycle !== undefined && r.inCycle && !inCycle) out.push(rule(`${cycle} `));
    inCycle = r.inCycle;
    const number = String(r.state).padStart(margin - 1);
    const c = block.indexOf(r.lane);
    if (c < 0) {
      out.push(number);
      continue;
    }
    const width = widths[c]!;
    const cell = [
      ...hardWrap(r.call, LKML_WIDTH - start(c)),
      ...(r.note
        ? wrapText(r.note, width - 2)
            .flatMap((l) => hardWrap(l, width - 2))
            .map((l) => `  ${l}`)
        : []),
    ];
    cell.forEach((text, i) => out.push(`${i === 0 ? number : ' '.repeat(margin - 1)}${' '.repeat(start(c) - margin + 1)}${text}`.trimEnd()));
  }
  if (cycle !== undefined && inCycle) out.push(rule(''));
  return out;
}

/** A rule across the diagram, its words first: `---- the cycle: ... ----`. */
const rule = (words: string): string => (words === '' ? '-'.repeat(LKML_WIDTH) : `---- ${words}`.padEnd(LKML_WIDTH, '-').slice(0, LKML_WIDTH));

/** A word longer than the column is cut at the column, so no line ever passes the width. */
function hardWrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const l of wrapText(text, width)) for (let i = 0; i < l.length; i += width) out.push(l.slice(i, i + width));
  return out.length > 0 ? out : [''];
}
