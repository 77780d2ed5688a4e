// deepPart: the deep table's share of the counterexamples folder, got one of three ways.
//   'run'     (`rmc counterexamples --deep`): the table is checked under the plan's deep bounds,
//             every row at once in the row pool (hours of two cores for revoke);
//   { from }  (`--deep-from <file>`): a table checked elsewhere (`rmc table --config deep --json`,
//             or `rmc merge --json` of its shards) is taken as it is; only the rows whose differing
//             cells need a trace are searched again here, and must agree with the file;
//   'read'    (plain `rmc counterexamples`): the folder's committed deep-table.json is read and
//             nothing is searched; a missing or stale one is rendered as such, with the one line
//             that says what to run (deepCells.ts: deepProblem).
import { existsSync, readFileSync } from 'node:fs';
import { SpecError, UsageError } from '../../errors.ts';
import { resolveParams } from '../../run/params.ts';
import { rowLabel, type AnyStudy } from '../study.ts';
import { studyParamSource } from '../studyParams.ts';
import { runTable, type TableCell, type TableOptions, type TableResult } from '../table.ts';
import { selectRows } from '../tableParts.ts';
import { DEEP_PREFIX, deepProblem, staleness, tracedDifferences, type DeepWanted } from './deepCells.ts';
import { deepJsonText, readDeepJson, type DeepRecord } from './deepJson.ts';
import { modelFingerprint } from './modelFingerprint.ts';
import { renderTrace, type RenderedTrace } from './renderTrace.ts';

/** The plan's deep entry: the bounds of the deep table (a named configuration and/or settings), and optionally some rows only. */
export interface DeepPlan {
  readonly config?: string;
  readonly set?: Readonly<Record<string, unknown>>;
  readonly rows?: readonly string[];
  /** Reduce each row's search by the spec's declared symmetry (rmc table --symmetry), where it leaves verdicts and shortest lengths equal. */
  readonly symmetry?: boolean;
}

export type DeepMode = 'run' | 'read' | { readonly from: string };

/** What the folder shows of the deep table: its JSON's bytes, the table, its traces, and what is wrong with it. */
export interface DeepShown {
  readonly table?: TableResult;
  /** The bytes of deep-table.json (absent when there is none). */
  readonly json?: string;
  readonly traces: readonly RenderedTrace[];
  /** Why the table cannot be shown as this model's (missing, stale), in one line naming the command. */
  readonly problem?: string;
}

export interface DeepInput {
  readonly study: AnyStudy;
  readonly plan: DeepPlan;
  readonly mode: DeepMode;
  /** The default table, just computed, and its bounds. */
  readonly defaults: TableResult;
  readonly defaultParams: Record<string, unknown>;
  readonly configDir: string;
  /** Where the committed deep-table.json is read ('read' mode). */
  readonly committed: string;
  readonly options: Pick<TableOptions, 'interrupted' | 'onRow' | 'workers' | 'specFile'>;
}

const sets = (o: Readonly<Record<string, unknown>> = {}): string[] => Object.entries(o).map(([k, v]) => `${k}=${JSON.stringify(v)}`);

export async function deepPart(input: DeepInput): Promise<DeepShown | 'interrupted'> {
  const { study, plan, mode, defaults } = input;
  const params = resolveParams(studyParamSource(study), input.configDir, plan.config, sets(plan.set));
  const all = study.rows.values.map((v) => rowLabel(study, v));
  const wanted: DeepWanted = {
    params,
    labels: selectRows(all, plan.rows ? { rows: plan.rows } : {}, "the plan's deep rows").map((i) => all[i]!),
    model: modelFingerprint(defaults),
    symmetry: plan.symmetry === true,
  };

  let json: string | undefined;
  if (mode === 'read') {
    json = existsSync(input.committed) ? readFileSync(input.committed, 'utf8') : undefined;
  } else {
    const table = mode === 'run' ? await runRows(input, params, wanted.labels) : await fromFile(input, mode.from, wanted);
    if (table === 'interrupted') return 'interrupted';
    const origin = { ...(plan.config !== undefined ? { config: plan.config } : {}), model: wanted.model, ...(wanted.symmetry ? { symmetry: true } : {}) };
    json = deepJsonText(table, origin, tracedDifferences(defaults, table));
  }
  const record: DeepRecord | undefined = json === undefined ? undefined : readDeepJson(study, json, input.committed);
  const problem = deepProblem(record, wanted);
  if (record === undefined) return { traces: [], ...(problem ? { problem } : {}) };
  // A stale table's traces are of another model: its verdicts are shown, marked stale, without them.
  const traces: RenderedTrace[] = [];
  if (problem === undefined) {
    const naming = { prefix: DEEP_PREFIX, tableParams: input.defaultParams, ...(plan.config !== undefined ? { config: plan.config } : {}) };
    for (const c of tracedDifferences(defaults, record.table)) {
      if (c.trace === undefined) throw new UsageError(`${input.committed}: the differing cell ${rowOf(record.table, c)} x ${c.guarantee} has no trace`, 2);
      traces.push(await renderTrace(study, record.table.params, c, naming));
    }
  }
  return { table: record.table, json, traces, ...(problem ? { problem } : {}) };
}

/** The deep table's rows, checked here in the row pool. */
async function runRows(input: DeepInput, params: Record<string, unknown>, labels: readonly string[]): Promise<TableResult | 'interrupted'> {
  const { study, options } = input;
  const only = study.rows.values.flatMap((v, i) => (labels.includes(rowLabel(study, v)) ? [i] : []));
  const rowWorkers = options.specFile !== undefined ? { workers: options.workers ?? 1, specFile: options.specFile } : {};
  const table = await runTable(study, params, {
    only,
    ...(input.plan.symmetry === true ? { symmetry: true } : {}),
    ...rowWorkers,
    ...(options.interrupted ? { interrupted: options.interrupted } : {}),
    ...(options.onRow ? { onRow: options.onRow } : {}),
  });
  if (table.interrupted) return 'interrupted';
  const failed = table.errors?.[0];
  if (failed) throw new SpecError(`deep table, ${table.param} ${failed.label}: ${failed.message}`, failed.exitCode);
  return table;
}

/**
 * A table checked elsewhere. Its JSON has no traces (rmc table prints none), so the rows with a
 * differing cell that has one are searched again here (with every cell compared: a file from
 * another model is refused rather than committed); a deep-table.json of its own carries them.
 */
async function fromFile(input: DeepInput, file: string, wanted: DeepWanted): Promise<TableResult | 'interrupted'> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`--deep-from: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 2);
  }
  const given = readDeepJson(input.study, text, file);
  // A table without an origin is taken to be of this model: the rows searched again below check it.
  const why = staleness(given.origin ? given : { table: given.table, origin: { model: wanted.model, ...(wanted.symmetry ? { symmetry: true } : {}) } }, wanted);
  if (why !== undefined) throw new UsageError(`--deep-from ${file}: ${why}`, 2);
  if (given.origin) return given.table;
  const needTraces = new Set(tracedDifferences(input.defaults, given.table).map((c) => rowOf(given.table, c)));
  if (needTraces.size === 0) return given.table;
  const again = await runRows(input, given.table.params, [...needTraces]);
  if (again === 'interrupted') return 'interrupted';
  const fresh = new Map(again.cells.map((c) => [`${rowOf(again, c)}\n${c.guarantee}`, c]));
  const cells = given.table.cells.map((c): TableCell => {
    const mine = fresh.get(`${rowOf(given.table, c)}\n${c.guarantee}`);
    if (mine === undefined) return c;
    if (mine.verdict !== c.verdict || mine.distinctStates !== c.distinctStates || mine.traceLength !== c.traceLength)
      throw new UsageError(`--deep-from ${file}: row ${rowOf(given.table, c)} x ${c.guarantee} checked here gives ${mine.verdict} (${mine.distinctStates} states, length ${String(mine.traceLength)}), the file ${c.verdict} (${c.distinctStates}, ${String(c.traceLength)}): it is not this model's table`, 2);
    return mine;
  });
  return { ...given.table, cells };
}

const rowOf = (table: TableResult, c: TableCell): string => table.labels[table.values.indexOf(c.value)] ?? String(c.value);
