// regenerateCounterexamples: what `rmc counterexamples` and the freshness test both run, so they
// cannot disagree. A spec folder may hold a plan, `counterexamples.json`:
//   { "params": { ... },                       the table's bounds (default: the study's defaults)
//     "scenarios": [ { "title", "config", "set", "guarantee" }, ... ],
//     "quoted": [ "<stem>", ... ],               traces the README quotes in their LKML form
//     "deep": { "config", "set", "rows", "symmetry" } }  the deep table (deepPart.ts)
// Scenarios are shortest traces found under other named configurations (the seed's
// counterexamples that the default bounds do not produce by name); each is one check run.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SpecError, UsageError } from '../../errors.ts';
import { resolveParams } from '../../run/params.ts';
import { checkRow } from '../checkRow.ts';
import { rowLabel, type AnyStudy } from '../study.ts';
import { studyParamSource } from '../studyParams.ts';
import { runTable, violatedCell, type TableOptions } from '../table.ts';
import { selectRows } from '../tableParts.ts';
import { DEEP_JSON } from './deepJson.ts';
import { DEEP_PREFIX } from './deepCells.ts';
import { deepPart, type DeepMode, type DeepPlan, type DeepShown } from './deepPart.ts';
import { generateCounterexamples } from './generate.ts';
import { assertReplaceable } from './outFolder.ts';
import { renderTrace, type RenderedTrace } from './renderTrace.ts';

export interface Scenario {
  readonly title: string;
  /** A configuration name in the spec's configs/ folder. */
  readonly config?: string;
  readonly set?: Readonly<Record<string, unknown>>;
  readonly guarantee: string;
}

export interface CounterexamplePlan {
  readonly params?: Readonly<Record<string, unknown>>;
  /** Only these rows of the table, by label (a small folder, for tests); default: every row. */
  readonly rows?: readonly string[];
  readonly scenarios?: readonly Scenario[];
  readonly quoted?: readonly string[];
  readonly deep?: DeepPlan;
}

export interface RegenerateOptions extends Pick<TableOptions, 'interrupted' | 'onRow' | 'workers' | 'specFile'> {
  /** How the plan's deep table is got (deepPart.ts); default 'read': from the committed JSON. */
  readonly deep?: DeepMode;
  /** Where the committed deep-table.json is read (default: the one in outDir, the folder replaced). */
  readonly committedDeep?: string;
  /** Called as each row of the deep table is done ('run', or the rows `--deep-from` searches again); default: onRow. */
  readonly onDeepRow?: TableOptions['onRow'];
  /** Told what is wrong with the deep table shown (missing, stale), in one line naming the command. */
  readonly onWarning?: (line: string) => void;
}

/** The plan in `<specDir>/counterexamples.json`, or an empty one. */
export function readPlan(specDir: string): CounterexamplePlan {
  const file = join(specDir, 'counterexamples.json');
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CounterexamplePlan;
  } catch (e) {
    throw new UsageError(`malformed ${file}: ${(e as Error).message}`);
  }
}

/**
 * Returns the files written, or 'interrupted' when `interrupted()` turned true during a search:
 * then nothing was written.
 */
export async function regenerateCounterexamples(
  study: AnyStudy,
  outDir: string,
  plan: CounterexamplePlan = {},
  configDir = '',
  options: RegenerateOptions = {},
): Promise<string[] | 'interrupted'> {
  if ((plan.scenarios ?? []).some((sc) => sc.config === DEEP_PREFIX))
    throw new UsageError(`a scenario's configuration may not be named ${DEEP_PREFIX}: its files would take the deep table's names`, 2);
  if (options.deep !== undefined && options.deep !== 'read' && plan.deep === undefined) throw new UsageError('--deep: the plan (counterexamples.json) has no "deep" entry', 2);
  // Refused before the default table's search, as the other refusals are.
  if (typeof options.deep === 'object' && !existsSync(options.deep.from)) throw new UsageError(`--deep-from: no file ${options.deep.from}`, 2);
  // The deep table is compared with the default one cell by cell: its rows are among the plan's.
  const outside = plan.rows === undefined ? [] : (plan.deep?.rows ?? []).filter((r) => !plan.rows!.includes(r));
  if (outside.length > 0) throw new UsageError(`the plan's deep rows ${outside.join(', ')} are not among its rows (${plan.rows!.join(', ')})`, 2);
  const interrupted = options.interrupted ? { interrupted: options.interrupted } : {};
  const sets = (o: Readonly<Record<string, unknown>> = {}): string[] => Object.entries(o).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  const bounds = studyParamSource(study);
  const params = resolveParams(bounds, configDir, undefined, sets(plan.params));
  // Refused now rather than after the search (the revoke table takes half a minute); the swap
  // checks again, as someone may add a file to the folder meanwhile.
  assertReplaceable(resolve(outDir));
  const rowWorkers = options.specFile !== undefined ? { workers: options.workers ?? 1, specFile: options.specFile } : {};
  const labels = study.rows.values.map((v) => rowLabel(study, v));
  const only = plan.rows === undefined ? {} : { only: selectRows(labels, { rows: plan.rows }, "the plan's rows") };
  const table = await runTable(study, params, { ...interrupted, ...rowWorkers, ...only, ...(options.onRow ? { onRow: options.onRow } : {}) });
  if (table.interrupted) return 'interrupted';
  // A folder with a row of errors is no counterexamples folder: nothing is written.
  const failed = table.errors?.[0];
  if (failed) throw new SpecError(`${table.param} ${failed.label}: ${failed.message}`, failed.exitCode);
  let deep: DeepShown | undefined;
  if (plan.deep !== undefined) {
    const got = await deepPart({
      study,
      plan: plan.rows !== undefined && plan.deep.rows === undefined ? { ...plan.deep, rows: plan.rows } : plan.deep,
      mode: options.deep ?? 'read',
      defaults: table,
      defaultParams: params,
      configDir,
      committed: options.committedDeep ?? join(resolve(outDir), DEEP_JSON),
      options: { ...options, ...(options.onDeepRow ? { onRow: options.onDeepRow } : {}) },
    });
    if (got === 'interrupted') return 'interrupted';
    deep = got;
    if (deep.problem !== undefined) options.onWarning?.(deep.problem);
  }
  const scenarios: RenderedTrace[] = [];
  for (const sc of plan.scenarios ?? []) {
    const p = resolveParams(bounds, configDir, sc.config, sets(sc.set));
    const spec = study.specFor(p);
    const isProperty = sc.guarantee in (spec.properties ?? {});
    const only = { invariants: isProperty ? [] : [sc.guarantee], properties: isProperty ? [sc.guarantee] : [] };
    const result = await checkRow(study, p, { ...only, deadlock: false, ...interrupted }, spec);
    if (result.verdict === 'interrupted') return 'interrupted';
    const v = result.violations.find((x) => x.name === sc.guarantee);
    if (!v) throw new SpecError(`scenario '${sc.title}': ${sc.guarantee} is not violated under ${JSON.stringify(p)}`);
    const param = table.param;
    const cell = violatedCell({ value: p[param], guarantee: sc.guarantee, distinctStates: result.stats.distinctStates }, v);
    scenarios.push(await renderTrace(study, p, cell, { prefix: sc.config ?? 'scenario', title: sc.title, ...(sc.config !== undefined ? { config: sc.config } : {}), tableParams: params }));
  }
  return generateCounterexamples({ study, params, table, outDir, scenarios, ...(plan.quoted ? { quoted: plan.quoted } : {}), ...(deep ? { deep } : {}) });
}

