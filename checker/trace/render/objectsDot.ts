// objectsDot: the breaking state's object graph in DOT. A spec that draws its own (the
// `objectGraph` hook: DOT statements) gets them wrapped in a graph; otherwise the plain-JSON
// state is drawn as a tree: one box per object or array, listing its scalar fields, an edge per
// nested one. What the breaking step changed is red, and so is the path down to it. Who waits
// for whom (the spec's `waitsOn`, between nodes of its own graph) is a red dashed "waits for"
// edge, apart from the solid red paths: it is why a drain never ends.
import { stutters } from './brokenBy.ts';
import { stateDiff } from './stateDiff.ts';
import { showValue } from './showValue.ts';
import { dotString as q } from './dotString.ts';
import type { TraceView } from './traceView.ts';

export function objectsDot(view: TraceView, id: string): string {
  const head = [
    `digraph ${q(id)} {`,
    `  graph [id=${q(id)}, rankdir=LR, fontname="Helvetica", label=${q(view.caption ?? `${view.spec}: ${title(view)}`)}, labelloc=t];`,
    '  node [fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const body =
    view.objectGraph !== undefined
      ? [
          ...view.objectGraph
            .split('\n')
            .map((l) => `  ${l.trim()}`)
            .filter((l) => l.trim() !== ''),
          ...(view.waits ?? []).map(
            (w, n) =>
              `  ${q(w.waiter)} -> ${q(w.holder)} [id=${q(`${id}-wait${n}`)}, label="waits for", tooltip=${q(w.why)}, style=dashed, color="#cc0000", fontcolor="#cc0000", penwidth=2, constraint=false];`,
          ),
        ]
      : tree(view, id);
  return [...head, ...body, '}', ''].join('\n');
}

/** A safety trace's last state breaks the guarantee; a lasso's is where its cycle stays or turns back. */
function title(view: TraceView): string {
  const n = view.steps.length;
  if (view.loopIndex === undefined) return `the state that breaks ${view.violated}`;
  return stutters(view)
    ? `state ${n}, where the behaviour stays for ever (${view.violated})`
    : `state ${n}, the last of the cycle that never ends (${view.violated})`;
}

function tree(view: TraceView, id: string): string[] {
  const k = view.states.length - 1;
  const last = view.states[k];
  const changed = k > 0 ? stateDiff(view.states[k - 1], last).map((c) => c.path) : [];
  const hot = (path: string) => (path === '' && changed.length > 0) || changed.some((c) => c === path || c.startsWith(`${path}.`) || c.startsWith(`${path}[`));
  const nodes: string[] = [];
  const edges: string[] = [];
  let next = 0;
  const draw = (value: object, path: string, title: string): string => {
    const name = `n${next++}`;
    const rows: string[] = [];
    const children: [string, string, string][] = [];
    for (const [key, v] of Object.entries(value)) {
      const p = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      if (v !== null && typeof v === 'object' && Object.keys(v).length > 0) children.push([draw(v, p, key), key, p]);
      else rows.push(`<tr><td align="left">${font(`${key}: ${showValue(v)}`, hot(p))}</td></tr>`);
    }
    const color = hot(path) ? '#cc0000' : '#444444';
    const label = `<<table border="0" cellborder="0" cellspacing="0"><tr><td><b>${font(title, hot(path))}</b></td></tr>${rows.join('')}</table>>`;
    nodes[Number(name.slice(1))] = `  ${name} [id=${q(`${id}-${name}`)}, shape=box, style=rounded, color="${color}", label=${label}];`;
    for (const [child, key, p] of children) {
      edges.push(
        `  ${name} -> ${child} [id=${q(`${id}-${name}-${child}`)}, label=${q(key)}${hot(p) ? ', color="#cc0000", fontcolor="#cc0000", penwidth=2' : ''}];`,
      );
    }
    return name;
  };
  if (last !== null && typeof last === 'object') draw(last, '', 'state');
  else nodes.push(`  n0 [id=${q(`${id}-n0`)}, shape=box, label=${q(showValue(last))}];`);
  return [...nodes, ...edges];
}

function font(text: string, red: boolean): string {
  const t = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return red ? `<font color="#cc0000">${t}</font>` : t;
}
