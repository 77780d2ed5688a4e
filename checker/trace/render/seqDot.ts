// seqDot: the interleaving as a sequence diagram in DOT. One column per lane (a head box and a
// dashed lifeline), one row per step top to bottom, the step drawn as a box in its actor's
// column; messages (from the spec's `messages` hook) are blue arrows from the sending step to the
// receiving one; the breaking step is red and bold. Every element gets an explicit id
// (`<id>-s3` for the step that leads to state 3's successor index 3, `<id>-lane0`, `<id>-m0`), so
// an inline SVG can be highlighted by script and no Graphviz-generated id depends on anything
// but the input.
import { dotString as q } from './dotString.ts';
import { NO_ACTOR, type TraceView } from './traceView.ts';

export function seqDot(view: TraceView, id: string): string {
  const lanes = view.lanes.length > 0 ? view.lanes : [NO_ACTOR];
  const k = view.steps.length - 1;
  const laneOf = (i: number) => Math.max(0, lanes.indexOf(view.steps[i]!.actor ?? NO_ACTOR));
  const node = (row: number, lane: number) => (row === 0 ? `L${lane}` : `S${row}_${lane}`);
  const out = [
    `digraph ${q(id)} {`,
    `  graph [id=${q(id)}, rankdir=TB, nodesep=0.4, ranksep=0.18, fontname="Helvetica", label=${q(view.caption ?? `${view.spec}: ${view.violated}`)}, labelloc=t];`,
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
  for (let i = 1; i <= k; i++) {
    const step = view.steps[i]!;
    const breaking = i === k;
    const cells = lanes.map((_, j) => {
      if (j !== laneOf(i)) return `${node(i, j)} [id=${q(`${id}-p${i}_${j}`)}, shape=point, width=0.03, color="#bbbbbb", label=""]`;
      const label = `${i + 1}: ${step.label}${breaking ? `\n<- ${view.violated}` : ''}`;
      const look = breaking
        ? 'style="rounded,filled,bold", color="#cc0000", fontcolor="#cc0000", fillcolor="#fff0f0", penwidth=2'
        : 'style="rounded,filled", fillcolor="#ffffff"';
      return `${node(i, j)} [id=${q(`${id}-s${i}`)}, class="step", label=${q(label)}, shape=box, ${look}]`;
    });
    out.push(rank(cells, lanes.length, i, node));
  }
  lanes.forEach((_, j) => {
    for (let i = 1; i <= k; i++) {
      out.push(`  ${node(i - 1, j)} -> ${node(i, j)} [id=${q(`${id}-life${i}_${j}`)}, arrowhead=none, style=dashed, color="#999999", weight=100];`);
    }
  });
  view.messages.forEach((m, n) => {
    if (m.from < 1 || m.to < 1 || m.from > k || m.to > k) return;
    out.push(
      `  ${node(m.from, laneOf(m.from))} -> ${node(m.to, laneOf(m.to))} [id=${q(`${id}-m${n}`)}, label=${q(m.label)}, color="#1f5fbf", fontcolor="#1f5fbf", constraint=false, penwidth=1.5];`,
    );
  });
  if (view.loopIndex !== undefined && k > 0) {
    out.push(`  loop [id=${q(`${id}-loop`)}, shape=plaintext, label=${q(`back to state ${view.loopIndex + 1}`)}];`);
    out.push(`  ${node(k, laneOf(k))} -> loop [id=${q(`${id}-loopedge`)}, style=dashed];`);
  }
  out.push('}', '');
  return out.join('\n');
}

/** One row: its nodes side by side, kept in lane order by invisible edges. */
function rank(cells: string[], lanes: number, row: number, node: (r: number, l: number) => string): string {
  const order = lanes > 1 ? `    ${Array.from({ length: lanes }, (_, j) => node(row, j)).join(' -> ')} [style=invis];\n` : '';
  return `  { rank=same;\n${cells.map((c) => `    ${c};\n`).join('')}${order}  }`;
}
