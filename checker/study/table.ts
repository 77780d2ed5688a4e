// runTable: every guarantee (invariant and temporal property) of a study for every row. One
// search per row checks every guarantee of the row's spec at once (continue mode), so the table
// costs one exhaustive search per row.
import type { AnySpec, TraceStep } from '../spec.ts';
import { SpecError } from '../errors.ts';
import type { CheckResult, Violation } from '../findings.ts';
import type { CheckOptions } from '../checkOptions.ts';
import { availableParallelism } from 'node:os';
import { checkRow } from './checkRow.ts';
import type { RowOptions } from './rowProtocol.ts';
import { RowPool, type RowOutcome } from './rowPool.ts';
import { type AnyStudy, type RowPromise, type SplitJudgement, rowLabel } from './study.ts';

/**
 * holds / violated: earned. not-exercised: holds, but the guarantee's reachability partner is
 * never reached (it holds vacuously). n/a: the study says it does not apply under these
 * parameters (`reason`). incomplete: a budget ran out. interrupted: the run stopped first.
 * error: the row's search failed (the spec threw under it: TableResult.errors says how).
 * unpromised: what the row promises holds, but an operation it does not promise to stop breaks
 * the guarantee (with its trace), or the row promises nothing the guarantee reads.
 */
export type CellVerdict = 'holds' | 'violated' | 'unpromised' | 'not-exercised' | 'n/a' | 'incomplete' | 'interrupted' | 'error';

export interface TableCell {
  readonly value: unknown;
  readonly guarantee: string;
  readonly verdict: CellVerdict;
  readonly distinctStates: number;
  /** Actions in the shortest trace; null unless violated. */
  readonly traceLength: number | null;
  readonly trace?: readonly TraceStep<unknown>[];
  /** For lassos: where the last state goes back to, by which step, and how the cycle is fair (Violation's fields). */
  readonly loopIndex?: number;
  readonly loopStep?: Violation['loopStep'];
  readonly cycleFairness?: Violation['cycleFairness'];
  /** Why the guarantee does not apply (verdict n/a). */
  readonly reason?: string;
  /** What got through in the trace's last state (Study.through): 'fchmod'. */
  readonly through?: readonly string[];
  /** The operations the row does not promise to stop that this guarantee reads (Study.split). */
  readonly unpromised?: readonly string[];
}

export interface TableResult {
  readonly spec: string;
  readonly params: Record<string, unknown>;
  readonly param: string;
  readonly values: readonly unknown[];
  /** Each value's row name, in `values` order (the study's `rows.label`, else String(value)). */
  readonly labels: readonly string[];
  /** Each value's promises (Study.promises), in `values` order; absent where the study states none. */
  readonly promises?: readonly (readonly RowPromise[])[];
  readonly guarantees: readonly string[];
  readonly cells: readonly TableCell[];
  readonly unreached: readonly { value: unknown; name: string }[];
  readonly seconds: number;
  /** The run was interrupted: rows not finished have cells with verdict 'interrupted'. */
  readonly interrupted?: boolean;
  /** Rows whose search failed (an action, init or invariant threw): their cells have verdict
   * 'error'. The other rows are checked all the same: one design's bug says nothing of theirs. */
  readonly errors?: readonly RowError[];
}

/** A row whose search failed: the SpecError's one line and exit code (75, 76 or 77). */
export interface RowError {
  readonly value: unknown;
  readonly label: string;
  readonly message: string;
  readonly exitCode: SpecError['exitCode'];
}

export interface TableOptions extends Pick<
  CheckOptions,
  'maxStates' | 'maxSeconds' | 'maxMemory' | 'maxDepth' | 'exact' | 'workers' | 'interrupted' | 'live' | 'symmetry' | 'specFile'
> {
  /** Values checked after the study's rows (a design file given with --design). */
  readonly extraValues?: readonly unknown[];
  /** The rows to check, by index into the study's rows and extraValues (a part of the table: tableParts.ts); default all. */
  readonly only?: readonly number[];
  /** Called as each row's search ends, with that row's cells. */
  readonly onRow?: (value: unknown, cells: readonly TableCell[], seconds: number, distinct: number) => void;
}

export async function runTable(study: AnyStudy, params: Record<string, unknown>, options: TableOptions = {}): Promise<TableResult> {
  const started = performance.now();
  const param = study.rows.param;
  const every = [...study.rows.values, ...(options.extraValues ?? [])];
  // A part of the table has the whole table's columns, so the parts merge into the whole.
  const everyParams = every.map((value) => ({ ...params, [param]: value }));
  const everySpec = everyParams.map((p) => study.specFor(p));
  const halves = new Set(everyParams.flatMap((p) => Object.values(study.split?.(p) ?? {}).map((half) => half.invariant)));
  const guarantees = columns(everySpec).filter((g) => !halves.has(g));
  const rows = options.only ?? every.map((_, i) => i);
  const values = rows.map((i) => every[i]);
  const labels = values.map((v) => rowLabel(study, v));
  const rowParams = rows.map((i) => everyParams[i]!);
  const specs = rows.map((i) => everySpec[i]!);
  // A guarantee's unpromised half (Study.split) is judged in its guarantee's cell, no column of its own.
  const splits = rowParams.map((p) => study.split?.(p) ?? {});
  const cells: TableCell[] = [];
  const unreached: { value: unknown; name: string }[] = [];
  const errors: RowError[] = [];
  let interrupted = false;
  const unchecked = (value: unknown, verdict: 'interrupted' | 'error'): TableCell[] =>
    guarantees.map((guarantee) => ({ value, guarantee, verdict, distinctStates: 0, traceLength: null }));
  const rowWorkers = Math.min(rows.length, workersFor(options));
  const pool = rowWorkers > 1 && options.specFile !== undefined ? await RowPool.start(rowWorkers, options.specFile, options.interrupted) : undefined;
  try {
    // With a pool every row is handed out at once, and taken in the table's order as workers come free.
    const outcomes = pool ? rowParams.map((p, i) => pool.run(i, p, rowOptions(options))) : undefined;
    for (const [i, value] of values.entries()) {
      if (interrupted) {
        cells.push(...unchecked(value, 'interrupted'));
        continue;
      }
      const outcome = outcomes ? await outcomes[i]! : await searchRow(study, rowParams[i]!, specs[i]!, options);
      if (outcome instanceof Error && !(outcome instanceof SpecError)) throw outcome;
      if (outcome instanceof SpecError) {
        errors.push({ value, label: labels[i]!, message: outcome.message, exitCode: outcome.exitCode });
        cells.push(...unchecked(value, 'error'));
      } else if (outcome === 'not-started' || outcome.result.verdict === 'interrupted') {
        interrupted = true;
        cells.push(...unchecked(value, 'interrupted'));
      } else {
        const { result, seconds: rowSeconds } = outcome;
        const row = guarantees.map((guarantee) =>
          checks(specs[i]!, guarantee)
            ? judgedCell(study, rowParams[i]!, splits[i]![guarantee], rowCell(value, guarantee, result), result)
            : notInRow(value, guarantee, result),
        );
        for (const name of result.unexercised ?? []) unreached.push({ value, name });
        cells.push(...row);
        options.onRow?.(value, row, rowSeconds, result.stats.distinctStates);
      }
    }
  } finally {
    if (pool) {
      pool.interrupt(); // rows a thrown error left queued are not started
      await pool.close();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    spec: study.name,
    params,
    param,
    values,
    labels,
    ...(study.promises ? { promises: values.map((v) => study.promises!(v)) } : {}),
    guarantees,
    cells,
    unreached,
    seconds,
    ...(interrupted ? { interrupted } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** How many rows may run side by side: `workers` (auto: one per core), each row with one search thread. */
function workersFor(options: TableOptions): number {
  const w = options.workers === 'auto' ? availableParallelism() : (options.workers ?? 1);
  return Math.max(1, Math.floor(w));
}

/** A row's search options as a row worker takes them: one thread, every guarantee at once, no callbacks. */
function rowOptions(options: TableOptions): RowOptions {
  const { maxStates, maxSeconds, maxMemory, maxDepth, exact, symmetry } = options;
  const given = { maxStates, maxSeconds, maxMemory, maxDepth, exact, symmetry };
  const defined = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  return { ...defined, continue: true, deadlock: false, workers: 1 };
}

/** One row's search, every guarantee of its spec at once, timed; the spec failing under it is
 * returned, not thrown, so the rows before and after it are still reported. */
async function searchRow(study: AnyStudy, rowParams: Record<string, unknown>, spec: AnySpec, options: TableOptions): Promise<RowOutcome> {
  const started = performance.now();
  try {
    const result = await checkRow(study, rowParams, { ...options, continue: true, deadlock: false }, spec);
    return { result, seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
}

const guaranteesOf = (spec: AnySpec): string[] => [...Object.keys(spec.invariants), ...Object.keys(spec.properties ?? {})];
const checks = (spec: AnySpec, guarantee: string): boolean => Object.hasOwn(spec.invariants, guarantee) || Object.hasOwn(spec.properties ?? {}, guarantee);

/** The table's columns: every row's guarantees, in the order they first appear (the same list for each of revoke's rows). */
function columns(specs: readonly AnySpec[]): string[] {
  const all: string[] = [];
  for (const spec of specs) for (const g of guaranteesOf(spec)) if (!all.includes(g)) all.push(g);
  return all;
}

/** The cell of a column the row's spec has no guarantee for. */
function notInRow(value: unknown, guarantee: string, result: CheckResult): TableCell {
  return { value, guarantee, verdict: 'n/a', reason: "not in this row's spec", distinctStates: result.stats.distinctStates, traceLength: null };
}

/** The cell of a violated guarantee: the trace and, for a lasso, how it loops. */
export function violatedCell(base: Pick<TableCell, 'value' | 'guarantee' | 'distinctStates'>, v: Violation): TableCell {
  return {
    ...base,
    verdict: 'violated',
    traceLength: v.trace.length - 1,
    trace: v.trace,
    ...(v.loopIndex !== undefined ? { loopIndex: v.loopIndex } : {}),
    ...(v.loopStep ? { loopStep: v.loopStep } : {}),
    ...(v.cycleFairness ? { cycleFairness: v.cycleFairness } : {}),
  };
}

/**
 * A cell as the row judges it: the promised half's cell, unless only the unpromised half is
 * violated (or the row promises nothing the guarantee reads), and what got through named.
 */
function judgedCell(study: AnyStudy, params: object, split: SplitJudgement | undefined, cell: TableCell, result: CheckResult): TableCell {
  const named = (c: TableCell, guarantee: string): TableCell => {
    const through = c.trace && study.through ? study.through(params, guarantee, c.trace.at(-1)!.state) : [];
    return through.length > 0 ? { ...c, through } : c;
  };
  if (split === undefined) return cell.verdict === 'violated' ? named(cell, cell.guarantee) : cell;
  const unpromised = split.operations;
  if (cell.verdict === 'violated') return { ...named(cell, cell.guarantee), unpromised };
  if (cell.verdict === 'n/a' || cell.verdict === 'incomplete') return cell;
  const half = rowCell(cell.value, split.invariant, result);
  if (half.verdict === 'violated') return { ...named(half, split.invariant), guarantee: cell.guarantee, verdict: 'unpromised', unpromised };
  if (split.whole) return { ...cell, verdict: 'unpromised', unpromised };
  return { ...cell, unpromised };
}

/** One guarantee's cell in a row whose search is done. */
export function rowCell(value: unknown, guarantee: string, result: CheckResult): TableCell {
  const base = { value, guarantee, distinctStates: result.stats.distinctStates, traceLength: null };
  const v = result.violations.find((x) => (x.kind === 'invariant' || x.kind === 'property') && x.name === guarantee);
  if (v) return violatedCell(base, v);
  const na = result.notApplicable?.find((x) => x.name === guarantee);
  if (na) return { ...base, verdict: 'n/a', reason: na.reason };
  // A budget that ran out in the temporal phase leaves the invariants judged (`unjudged` names
  // what is not); one that ran out in the search leaves nothing judged.
  if (result.verdict === 'incomplete' && (result.unjudged?.includes(guarantee) ?? true)) return { ...base, verdict: 'incomplete' };
  if (result.unexercised?.includes(guarantee)) return { ...base, verdict: 'not-exercised' };
  return { ...base, verdict: 'holds' };
}
