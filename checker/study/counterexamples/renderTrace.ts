// renderTrace: every artefact of one counterexample (one table cell that is violated), as the
// bytes the folder holds, plus what the README and the HTML page reuse. The trace is drawn by the
// spec of its row (its presentation hooks), and named by the study.
import type { AnySpec } from '../../spec.ts';
import type { AnyStudy } from '../study.ts';
import type { TableCell } from '../table.ts';
import { itf } from '../../trace/render/itf.ts';
import { itfSource } from '../../trace/render/itfSource.ts';
import { lanes } from '../../trace/render/lanes.ts';
import { lkml } from '../../trace/render/lkml.ts';
import { objectsDot } from '../../trace/render/objectsDot.ts';
import { seqDot } from '../../trace/render/seqDot.ts';
import { stepChanges } from '../../trace/render/stepChanges.ts';
import { svg } from '../../trace/render/svg.ts';
import { textTrace } from '../../trace/render/textTrace.ts';
import { lassoEnd, traceView, type TraceView } from '../../trace/render/traceView.ts';
import { brokenBy } from '../../trace/render/brokenBy.ts';
import { stepsText } from '../../report/stepsText.ts';
import { itfText } from './itfText.ts';
import { objectsPerState } from './objectsPerState.ts';
import { settingCaption, traceSetting, type TraceSetting } from './traceSetting.ts';
import { traceStem } from './traceStem.ts';
import { wrapText } from '../../trace/render/wrapText.ts';

export interface RenderedTrace {
  readonly stem: string;
  /** A named scenario's title ('T1: Viro's hand-off mid-scan'); absent for table cells. */
  readonly title?: string;
  readonly value: unknown;
  readonly guarantee: string;
  /** The design, configuration and bounds it was found under. */
  readonly setting: TraceSetting;
  readonly view: TraceView;
  readonly lanes: string;
  /** The LKML form: the race as a kernel commit message draws it, every line within 72 columns. */
  readonly lkml: string;
  /** Per state, the lines a reader sees for it (the first in full, then what changed). */
  readonly changes: readonly (readonly string[])[];
  /** File name (relative to the folder) -> content. */
  readonly files: ReadonlyMap<string, string>;
  readonly seqSvg: string;
  readonly objectsSvg: string;
  /** Each state's object graph, for the page (the last is objectsSvg). */
  readonly stateSvgs: readonly string[];
}

export interface TraceNaming {
  /** Prefix of the file names (a scenario's configuration), so they never clash with the table's. */
  readonly prefix?: string;
  readonly title?: string;
  /** The named configuration a scenario ran under. */
  readonly config?: string;
  /** The bounds of the table, which a scenario's are told apart from (default: `params`). */
  readonly tableParams?: Readonly<Record<string, unknown>>;
}

export async function renderTrace(
  study: AnyStudy,
  params: Record<string, unknown>,
  cell: TableCell,
  naming: TraceNaming = {},
): Promise<RenderedTrace> {
  const param = study.rows.param;
  const stem = `${naming.prefix ? `${naming.prefix}--` : ''}${traceStem(cell.value, cell.guarantee)}`;
  const runParams = { ...params, [param]: cell.value };
  const spec: AnySpec = study.specFor(runParams);
  const setting = traceSetting(study, runParams, param, naming.tableParams ?? params, naming.config);
  const view = traceView(spec, runParams, cell.guarantee, cell.trace ?? [], lassoEnd(cell));
  const laneText = lanes(view);
  const lkmlText = lkml(view, `${study.name}, ${param} = ${String(cell.value)}`);
  const steps = view.steps.length - 1;
  const titled = (headline: string): TraceView => ({ ...view, caption: settingCaption(study.name, headline, setting) });
  const header = [
    ...(naming.title ? [naming.title] : []),
    cell.verdict === 'unpromised'
      ? `${study.name}, ${param} = ${String(cell.value)}: ${cell.guarantee} is broken ${brokenBy(view)}, only by what the design does not promise to stop (${(cell.unpromised ?? []).join('; ')}).`
      : `${study.name}, ${param} = ${String(cell.value)}: ${cell.guarantee} is violated ${brokenBy(view)}.`,
    ...(cell.through?.length ? [`What got through: ${cell.through.join(', ')}.`] : []),
    `Parameters: ${JSON.stringify(view.params)}`,
    '',
  ];
  const txt = [...header, textTrace(view), 'The same interleaving, one column per actor:', '', laneText].join('\n');
  // Ids in a diagram start with the diagram's id; `-seq` keeps them apart from the page's section ids.
  const lasso = view.loopIndex !== undefined;
  const seq = seqDot(titled(`${setting.design} breaks ${cell.guarantee} ${lasso ? brokenBy(view) : `in ${stepsText(steps)}`}`), `${stem}-seq`);
  const lastState = lasso ? `the last state of the cycle that breaks ${cell.guarantee}` : `the state that breaks ${cell.guarantee}`;
  // The breaking state's picture is titled by what breaks in it, as the text trace's last words.
  const objectsView = titled(`${setting.design}, ${lastState} (state ${steps + 1})`);
  const objects = objectsDot(view.cause !== undefined ? { ...objectsView, caption: `${objectsView.caption}\n${wrapText(view.cause, 80).join('\n')}` } : objectsView, `${stem}-objects`);
  const seqSvg = await svg(seq);
  const objectsSvg = await svg(objects);
  const stateCaption = (n: number) => settingCaption(study.name, `${setting.design}, state ${n} of ${steps + 1}, before ${cell.guarantee} breaks`, setting);
  const stateSvgs = await objectsPerState(view, stem, stateCaption, objectsSvg);
  const files = new Map<string, string>([
    [`${stem}.txt`, txt],
    [`${stem}.lkml.txt`, lkmlText],
    [`${stem}.itf.json`, itfText(itf(view, itfSource(spec, view.params)))],
    [`${stem}.seq.dot`, seq],
    [`${stem}.seq.svg`, seqSvg],
    [`${stem}.objects.dot`, objects],
    [`${stem}.objects.svg`, objectsSvg],
  ]);
  return { stem, ...(naming.title ? { title: naming.title } : {}), value: cell.value, guarantee: cell.guarantee, setting, view, lanes: laneText, lkml: lkmlText, changes: stepChanges(view), files, seqSvg, objectsSvg, stateSvgs };
}
