// seqDot: the interleaving as a sequence diagram in DOT. One column per lane (a head box and a
// dashed lifeline), one row per step top to bottom, the step drawn as a box in its actor's
// column, with the code it abstracts under its label; messages (from the spec's `messages` hook) are blue arrows from the sending step to the
// receiving one; the breaking step is red and bold, the cause (when the spec words one) in its box. A lasso has no breaking step: the boxes of
// its cycle's states are amber (from the state it repeats from), the step back is a dashed box of its own with a "back to state N" edge up to
// the box of the state it repeats from (a stutter: a "stuttering" loop on the last box), and the
// graph's label says how the behaviour breaks the guarantee and why the cycle is fair. Every
// element gets an explicit id (`<id>-s3` for the step that leads to state 3's successor index 3,
// `<id>-lane0`, `<id>-m0`, `<id>-back`), so an inline SVG can be highlighted by script and no
// Graphviz-generated id depends on anything but the input.
import { brokenBy, stutters } from './brokenBy.ts';
import { dotString as q } from './dotString.ts';
import { NO_ACTOR, type TraceView } from './traceView.ts';
import { withCode } from './withCode.ts';
import { wrapText } from './wrapText.ts';

const BREAKING = 'style="rounded,filled,bold", color="#cc0000", fontcolor="#cc0000", fillcolor="#fff0f0", penwidth=2';
const IN_CYCLE = 'style="rounded,filled,bold", color="#b35900", fillcolor="#fff4e0"';
const PLAIN = 'style="rounded,filled", fillcolor="#ffffff"';
const CYCLE_EDGE = 'color="#b35900", fontcolor="#b35900", penwidth=1.5';

export function seqDot(view: TraceView, id: string): string {
  const lanes = view.lanes.length > 0 ? view.lanes : [NO_ACTOR];
  const k = view.steps.length - 1;
  const loop = view.loopIndex;
  const back = loop !== undefined && !stutters(view);
  const laneIndex = (actor: string | undefined) => Math.max(0, lanes.indexOf(actor ?? NO_ACTOR));
  const laneOf = (i: number) => (i === k + 1 ? laneIndex(view.loopActor) : laneIndex(view.steps[i]!.actor));
  const node = (row: number, lane: number) => (row === 0 ? `L${lane}` : `S${row}_${lane}`);
  const rows = back ? k + 1 : k;
  const title = loop === undefined ? `${view.spec}: ${view.violated}` : `${view.spec}: ${view.violated} is violated ${brokenBy(view)}`;
  // The cause is said where the guarantee breaks: in the breaking box, or under a lasso's title.
  const causeText = (before: string) => (view.cause === undefined ? '' : `${before}${wrapText(view.cause, 60).join('\n')}`);
  const label = [
    view.caption ?? title,
    ...(loop !== undefined && view.cause !== undefined ? wrapText(view.cause, 110) : []),
    ...(view.fairness !== undefined ? wrapText(view.fairness, 110) : []),
  ].join('\n');
  const out = [
    `digraph ${q(id)} {`,
    `  graph [id=${q(id)}, rankdir=TB, nodesep=0.4, ranksep=0.18, fontname="Helvetica", label=${q(label)}, labelloc=t];`,
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  out.push(
    rank(
      lanes.map((l, j) => `${node(0, j)} [id=${q(`${id}-lane${j}`)}, label=${q(l)}, shape=box, style="filled,bold", fillcolor="#e8e8e8"]`),
      lanes.length,
      0,
      node,
    ),
  );
  for (let i = 1; i <= rows; i++) {
    const cells = lanes.map((_, j) => {
      if (j !== laneOf(i)) return `${node(i, j)} [id=${q(`${id}-p${i}_${j}`)}, shape=point, width=0.03, color="#bbbbbb", label=""]`;
      if (i === k + 1) {
        const text = `back to state ${loop! + 1}: ${withCode(view.loopLabel ?? '', view.loopImplementation, '\n')}`;
        return `${node(i, j)} [id=${q(`${id}-back`)}, class="step", label=${q(text)}, shape=box, style="rounded,dashed,bold", color="#b35900"]`;
      }
      const text = `${i + 1}: ${withCode(view.steps[i]!.label, view.implementation?.[i], '\n')}${loop === undefined && i === k ? `\n<- ${view.violated}${causeText('\n')}` : ''}`;
      const look = loop === undefined ? (i === k ? BREAKING : PLAIN) : i >= loop ? IN_CYCLE : PLAIN;
      return `${node(i, j)} [id=${q(`${id}-s${i}`)}, class="step", label=${q(text)}, shape=box, ${look}]`;
    });
    out.push(rank(cells, lanes.length, i, node));
  }
  lanes.forEach((_, j) => {
    for (let i = 1; i <= rows; i++) {
      out.push(`  ${node(i - 1, j)} -> ${node(i, j)} [id=${q(`${id}-life${i}_${j}`)}, arrowhead=none, style=dashed, color="#999999", weight=100];`);
    }
  });
  view.messages.forEach((m, n) => {
    if (m.from < 1 || m.to < 1 || m.from > k || m.to > k) return;
    out.push(
      `  ${node(m.from, laneOf(m.from))} -> ${node(m.to, laneOf(m.to))} [id=${q(`${id}-m${n}`)}, label=${q(m.label)}, color="#1f5fbf", fontcolor="#1f5fbf", constraint=false, penwidth=1.5];`,
    );
  });
  if (loop !== undefined && back) {
    // Up to the box of the step into the state the cycle repeats from (the lane's head for the initial state).
    const to = loop === 0 ? node(0, laneOf(k + 1)) : node(loop, laneOf(loop));
    out.push(
      `  ${node(k + 1, laneOf(k + 1))} -> ${to} [id=${q(`${id}-backedge`)}, label=${q(`back to state ${loop + 1}`)}, style=dashed, ${CYCLE_EDGE}, constraint=false];`,
    );
  } else if (loop !== undefined) {
    const at = k === 0 ? node(0, 0) : node(k, laneOf(k));
    out.push(`  ${at} -> ${at} [id=${q(`${id}-stutter`)}, label="stuttering, for ever", style=dashed, ${CYCLE_EDGE}];`);
  }
  out.push('}', '');
  return out.join('\n');
}

/** One row: its nodes side by side, kept in lane order by invisible edges. */
function rank(cells: string[], lanes: number, row: number, node: (r: number, l: number) => string): string {
  const order = lanes > 1 ? `    ${Array.from({ length: lanes }, (_, j) => node(row, j)).join(' -> ')} [style=invis];\n` : '';
  return `  { rank=same;\n${cells.map((c) => `    ${c};\n`).join('')}${order}  }`;
}
