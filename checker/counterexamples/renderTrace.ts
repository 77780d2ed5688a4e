// renderTrace: every artefact of one counterexample (one table cell that is violated), as the
// bytes the folder holds, plus what the README and the HTML page reuse.
import type { AnySpec } from '../spec.ts';
import type { TableCell } from '../run/table.ts';
import { itf } from '../trace/render/itf.ts';
import { lanes } from '../trace/render/lanes.ts';
import { objectsDot } from '../trace/render/objectsDot.ts';
import { seqDot } from '../trace/render/seqDot.ts';
import { stepChanges } from '../trace/render/stepChanges.ts';
import { svg } from '../trace/render/svg.ts';
import { textTrace } from '../trace/render/textTrace.ts';
import { lassoEnd, traceView, type TraceView } from '../trace/render/traceView.ts';
import { brokenBy } from '../trace/render/brokenBy.ts';
import { itfText } from './itfText.ts';
import { traceStem } from './traceStem.ts';

export interface RenderedTrace {
  readonly stem: string;
  /** A named scenario's title ('T1: Viro's hand-off mid-scan'); absent for table cells. */
  readonly title?: string;
  readonly value: unknown;
  readonly guarantee: string;
  readonly view: TraceView;
  readonly lanes: string;
  /** Per state, the lines a reader sees for it (the first in full, then what changed). */
  readonly changes: readonly (readonly string[])[];
  /** File name (relative to the folder) -> content. */
  readonly files: ReadonlyMap<string, string>;
  readonly seqSvg: string;
  readonly objectsSvg: string;
}

export interface TraceNaming {
  /** Prefix of the file names (a scenario's configuration), so they never clash with the table's. */
  readonly prefix?: string;
  readonly title?: string;
}

export async function renderTrace(spec: AnySpec, params: Record<string, unknown>, param: string, cell: TableCell, naming: TraceNaming = {}): Promise<RenderedTrace> {
  const stem = `${naming.prefix ? `${naming.prefix}--` : ''}${traceStem(cell.value, cell.guarantee)}`;
  const view = traceView(spec, { ...params, [param]: cell.value }, cell.guarantee, cell.trace ?? [], lassoEnd(cell));
  const laneText = lanes(view);
  const header = [
    ...(naming.title ? [naming.title] : []),
    `${spec.name}, ${param} = ${String(cell.value)}: ${cell.guarantee} is violated ${brokenBy(view)}.`,
    `Parameters: ${JSON.stringify(view.params)}`,
    '',
  ];
  const txt = [...header, textTrace(view), 'The same interleaving, one column per actor:', '', laneText].join('\n');
  const seq = seqDot(view, stem);
  const objects = objectsDot(view, `${stem}-objects`);
  const seqSvg = await svg(seq);
  const objectsSvg = await svg(objects);
  const files = new Map<string, string>([
    [`${stem}.txt`, txt],
    [`${stem}.itf.json`, itfText(itf(view))],
    [`${stem}.seq.dot`, seq],
    [`${stem}.seq.svg`, seqSvg],
    [`${stem}.objects.dot`, objects],
    [`${stem}.objects.svg`, objectsSvg],
  ]);
  return { stem, ...(naming.title ? { title: naming.title } : {}), value: cell.value, guarantee: cell.guarantee, view, lanes: laneText, changes: stepChanges(view), files, seqSvg, objectsSvg };
}
