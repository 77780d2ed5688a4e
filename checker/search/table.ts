// runTable: every guarantee (invariant, and later temporal property) of a spec for every value of
// its `table` parameter. One search per value checks every invariant at once (continue mode), so
// the table costs one exhaustive search per row.
import type { AnySpec, TraceStep } from '../spec.ts';
import { UsageError } from '../errors.ts';
import { check } from './check.ts';
import type { CheckOptions } from './types.ts';

export type CellVerdict = 'holds' | 'violated' | 'incomplete';

export interface TableCell {
  readonly value: unknown;
  readonly guarantee: string;
  readonly verdict: CellVerdict;
  readonly distinctStates: number;
  /** Actions in the shortest trace; null when the guarantee holds. */
  readonly traceLength: number | null;
  readonly trace?: readonly TraceStep<unknown>[];
  readonly loopIndex?: number;
  /** Holds, but its `reachable` partner (same name) was never reached: it holds vacuously. */
  readonly vacuous?: boolean;
}

export interface TableResult {
  readonly spec: string;
  readonly params: Record<string, unknown>;
  readonly param: string;
  readonly values: readonly unknown[];
  readonly guarantees: readonly string[];
  readonly cells: readonly TableCell[];
  readonly unreached: readonly { value: unknown; name: string }[];
  readonly seconds: number;
}

export interface TableOptions extends Pick<CheckOptions, 'maxStates' | 'maxSeconds' | 'maxDepth' | 'exact' | 'workers' | 'interrupted' | 'symmetry'> {
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
  for (const value of table.values) {
    const rowParams = { ...params, [table.param]: value };
    const rowStarted = performance.now();
    const result = await check(spec, rowParams, { ...options, continue: true, deadlock: false });
    if (result.verdict === 'interrupted') throw new Interrupted();
    const unreachedNames = result.violations.filter((x) => x.kind === 'unreached').map((x) => x.name);
    const row: TableCell[] = guarantees.map((guarantee) => {
      const v = result.violations.find((x) => (x.kind === 'invariant' || x.kind === 'property') && x.name === guarantee);
      const base = { value, guarantee, distinctStates: result.stats.distinctStates };
      if (v) return { ...base, verdict: 'violated', traceLength: v.trace.length - 1, trace: v.trace, ...(v.loopIndex !== undefined ? { loopIndex: v.loopIndex } : {}) };
      if (result.verdict === 'incomplete') return { ...base, verdict: 'incomplete', traceLength: null };
      return { ...base, verdict: 'holds', traceLength: null, ...(unreachedNames.includes(guarantee) ? { vacuous: true } : {}) };
    });
    for (const v of result.violations) if (v.kind === 'unreached') unreached.push({ value, name: v.name });
    cells.push(...row);
    options.onRow?.(value, row, (performance.now() - rowStarted) / 1000, result.stats.distinctStates);
  }
  return { spec: spec.name, params, param: table.param, values: table.values, guarantees, cells, unreached, seconds: (performance.now() - started) / 1000 };
}

/** Thrown when the user interrupts a table run (Ctrl-C). */
export class Interrupted extends Error {}
