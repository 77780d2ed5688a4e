// runTable: every guarantee (invariant and temporal property) of a spec for every value of its
// `table` parameter. One search per value checks every guarantee at once (continue mode), so
// the table costs one exhaustive search per row.
import type { AnySpec, TraceStep } from '../spec.ts';
import { SpecError, UsageError } from '../errors.ts';
import { check } from './check.ts';
import type { CheckResult, Violation } from '../findings.ts';
import type { CheckOptions } from '../checkOptions.ts';

/**
 * holds / violated: earned. not-exercised: holds, but the guarantee's reachability partner is
 * never reached (it holds vacuously). n/a: the spec says it does not apply under these
 * parameters (`reason`). incomplete: a budget ran out. interrupted: the run stopped first.
 * error: the row's search failed (the spec threw under it: TableResult.errors says how).
 */
export type CellVerdict = 'holds' | 'violated' | 'not-exercised' | 'n/a' | 'incomplete' | 'interrupted' | 'error';

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
}

export interface TableResult {
  readonly spec: string;
  readonly params: Record<string, unknown>;
  readonly param: string;
  readonly values: readonly unknown[];
  /** Each value's row name, in `values` order (the spec's `table.label`, else String(value)). */
  readonly labels: readonly string[];
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
  'maxStates' | 'maxSeconds' | 'maxMemory' | 'maxDepth' | 'exact' | 'workers' | 'interrupted' | 'live' | 'symmetry'
> {
  /** Values checked after the spec's own (a design file given with --design). */
  readonly extraValues?: readonly unknown[];
  /** Called as each row's search ends, with that row's cells. */
  readonly onRow?: (value: unknown, cells: readonly TableCell[], seconds: number, distinct: number) => void;
}

export async function runTable(spec: AnySpec, params: Record<string, unknown>, options: TableOptions = {}): Promise<TableResult> {
  const table = spec.table;
  if (!table) throw new UsageError(`spec ${spec.name} declares no table dimension`);
  const started = performance.now();
  const guarantees = [...Object.keys(spec.invariants), ...Object.keys(spec.properties ?? {})];
  const cells: TableCell[] = [];
  const unreached: { value: unknown; name: string }[] = [];
  const errors: RowError[] = [];
  let interrupted = false;
  const values = [...table.values, ...(options.extraValues ?? [])];
  const labels = values.map((v) => table.label?.(v) ?? String(v));
  const unchecked = (value: unknown, verdict: 'interrupted' | 'error'): TableCell[] =>
    guarantees.map((guarantee) => ({ value, guarantee, verdict, distinctStates: 0, traceLength: null }));
  for (const [i, value] of values.entries()) {
    if (interrupted) {
      cells.push(...unchecked(value, 'interrupted'));
      continue;
    }
    const rowStarted = performance.now();
    const result = await checkRow(spec, { ...params, [table.param]: value }, options);
    if (result instanceof SpecError) {
      errors.push({ value, label: labels[i]!, message: result.message, exitCode: result.exitCode });
      cells.push(...unchecked(value, 'error'));
    } else if (result.verdict === 'interrupted') {
      interrupted = true;
      cells.push(...unchecked(value, 'interrupted'));
    } else {
      const row = guarantees.map((guarantee) => rowCell(value, guarantee, result));
      for (const name of result.unexercised ?? []) unreached.push({ value, name });
      cells.push(...row);
      options.onRow?.(value, row, (performance.now() - rowStarted) / 1000, result.stats.distinctStates);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    spec: spec.name,
    params,
    param: table.param,
    values,
    labels,
    guarantees,
    cells,
    unreached,
    seconds,
    ...(interrupted ? { interrupted } : {}),
    ...(errors.length > 0 ? { errors } : {}),
  };
}

/** One row's search, every guarantee at once; the spec failing under it is returned, not thrown,
 * so the rows before and after it are still reported. */
async function checkRow(spec: AnySpec, rowParams: Record<string, unknown>, options: TableOptions): Promise<CheckResult | SpecError> {
  try {
    return await check(spec, rowParams, { ...options, continue: true, deadlock: false });
  } catch (e) {
    if (e instanceof SpecError) return e;
    throw e;
  }
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
