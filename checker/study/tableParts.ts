// tableParts: a table checked in parts, on as many machines as there are parts, and put back
// together. A table's rows are independent searches, so an existing job engine (GNU parallel, a
// CI matrix, a Kubernetes indexed Job) can run `rmc table --shard i/n --json` once per part; the
// parts' JSON carry what the merge needs to refuse parts that do not belong together (another rmc
// version, other bounds, another table) and to find rows missing or checked twice; `rmc merge`
// then prints the table one machine would have printed (the same JSON; the same text but for the
// time, which is the parts' summed).
import { UsageError } from '../errors.ts';
import type { RowPromise } from './study.ts';
import type { RowError, TableCell, TableResult } from './table.ts';
import type { CellVerdict } from './table.ts';

/** Which rows a part checks: named by label, or every n-th from the i-th (`--shard i/n`, i from 1). */
export interface RowSelection {
  readonly rows?: readonly string[];
  readonly shard?: { readonly index: number; readonly count: number };
}

/** What a part's JSON adds to the table's: the whole table's rows and the part's own figures. */
export interface PartInfo {
  readonly rmcVersion: string;
  /** The table parameter (`design`): its values are the JSON's `<param>s`. */
  readonly param: string;
  /** Every row of the whole table, by label, in its order. */
  readonly rows: readonly string[];
  readonly seconds: number;
}

/** `--shard i/n`, parsed: a usage error unless 1 <= i <= n. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || index < 1 || index > count)
    throw new UsageError(`--shard must be i/n with 1 <= i <= n (the i-th of n parts), got ${JSON.stringify(text)}`, 2);
  return { index, count };
}

/** The indices of the rows a selection keeps, in table order (all of them without one); `what` names the selection in a refusal. */
export function selectRows(labels: readonly string[], selection: RowSelection, what = '--rows'): number[] {
  const all = labels.map((_, i) => i);
  if (selection.rows && selection.shard) throw new UsageError('--rows and --shard select rows two ways: give one', 2);
  if (selection.shard) return all.filter((i) => i % selection.shard!.count === selection.shard!.index - 1);
  if (!selection.rows) return all;
  const wanted = new Set(selection.rows);
  const unknown = selection.rows.filter((r) => !labels.includes(r));
  if (unknown.length > 0)
    throw new UsageError(`${what}: no row ${unknown.map((r) => JSON.stringify(r)).join(', ')} in this table (its rows: ${labels.join(', ')})`, 2);
  return all.filter((i) => wanted.has(labels[i]!));
}

/** A part's JSON as `rmc table --json` prints it: the table's, plus `part`. */
interface PartJson {
  readonly spec: string;
  readonly params: Record<string, unknown>;
  readonly labels: readonly string[];
  readonly guarantees: readonly string[];
  readonly cells: readonly Record<string, unknown>[];
  readonly unreached: readonly Record<string, unknown>[];
  readonly errors: readonly Record<string, unknown>[];
  /** Each of its rows' promises, where the study states them (Study.promises). */
  readonly promises?: readonly (readonly RowPromise[])[];
  readonly part?: PartInfo;
  readonly [key: string]: unknown;
}

/**
 * The whole table from its parts (each a parsed `rmc table --rows/--shard --json`, with its file
 * name for messages): a usage error, in one line naming the file, for a part that is no part,
 * comes from another rmc version, other bounds or another table, was interrupted, or for rows
 * missing or given twice.
 */
export function mergeParts(parts: readonly { file: string; json: unknown }[]): TableResult {
  if (parts.length === 0) throw new UsageError('merge: no parts given', 2);
  const checked = parts.map(({ file, json }) => ({ file, part: asPart(file, json) }));
  const first = checked[0]!;
  const param = paramOf(first.file, first.part);
  for (const { file, part } of checked.slice(1)) {
    const differs = (what: string, a: unknown, b: unknown): void => {
      if (JSON.stringify(a) !== JSON.stringify(b))
        throw new UsageError(`merge: ${file} is a part of another table than ${first.file} (${what} ${short(b)} against ${short(a)})`, 2);
    };
    differs('rmc version', first.part.part!.rmcVersion, part.part!.rmcVersion);
    differs('table parameter', first.part.part!.param, part.part!.param);
    differs('spec', first.part.spec, part.spec);
    differs('bounds', first.part.params, part.params);
    differs('rows', first.part.part!.rows, part.part!.rows);
    differs('guarantees', first.part.guarantees, part.guarantees);
  }
  const rows = first.part.part!.rows;
  // Each row's part and its position there; every row exactly once.
  const home = new Map<string, { file: string; part: PartJson; at: number }>();
  for (const { file, part } of checked) {
    part.labels.forEach((label, at) => {
      if (!rows.includes(label)) throw new UsageError(`merge: ${file} has a row ${JSON.stringify(label)} its table does not list`, 2);
      const before = home.get(label);
      if (before) throw new UsageError(`merge: row ${label} is in two parts (${before.file} and ${file})`, 2);
      home.set(label, { file, part, at });
    });
  }
  const missing = rows.filter((r) => !home.has(r));
  if (missing.length > 0) throw new UsageError(`merge: no part has row${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (of ${rows.length})`, 2);

  const values = rows.map((r) => {
    const h = home.get(r)!;
    return (h.part[`${param}s`] as unknown[])[h.at];
  });
  const valueOf = (label: string): unknown => values[rows.indexOf(label)];
  // The promises travel with their row: the part that checked it has them at the row's place.
  const promises = first.part.promises === undefined ? undefined : rows.map((r) => home.get(r)!.part.promises?.[home.get(r)!.at] ?? []);
  const labelOf = (part: PartJson, v: unknown): string =>
    part.labels[(part[`${param}s`] as unknown[]).findIndex((x) => JSON.stringify(x) === JSON.stringify(v))]!;
  const cells: TableCell[] = [];
  const unreached: { value: unknown; name: string }[] = [];
  const errors: RowError[] = [];
  for (const label of rows) {
    const { part } = home.get(label)!;
    const value = valueOf(label);
    const mine = (x: Record<string, unknown>): boolean => labelOf(part, x[param]) === label;
    for (const c of part.cells.filter(mine)) cells.push(cellFrom(c, value));
    for (const u of part.unreached.filter(mine)) unreached.push({ value, name: u.name as string });
    for (const e of part.errors.filter(mine)) errors.push({ value, label, message: e.error as string, exitCode: e.exitCode as RowError['exitCode'] });
  }
  return {
    spec: first.part.spec,
    params: first.part.params,
    param,
    values,
    labels: rows,
    ...(promises ? { promises } : {}),
    guarantees: first.part.guarantees,
    cells,
    unreached,
    seconds: checked.reduce((s, { part }) => s + part.part!.seconds, 0),
    ...(errors.length > 0 ? { errors } : {}),
  };
}

function asPart(file: string, json: unknown): PartJson {
  const j = json as Partial<PartJson> | null;
  if (j === null || typeof j !== 'object' || typeof j.part !== 'object' || !Array.isArray(j.labels) || !Array.isArray(j.cells))
    throw new UsageError(`merge: ${file} is not a part of a table (the JSON of rmc table --rows or --shard, with its "part" field)`, 2);
  if (j.verdict === 'interrupted') throw new UsageError(`merge: ${file} was interrupted: its rows were not all checked`, 2);
  return j as PartJson;
}

/** The table parameter's name, which keys the row values' list (`designs` for `design`). */
function paramOf(file: string, part: PartJson): string {
  const param = part.part!.param;
  if (typeof param !== 'string' || !Array.isArray(part[`${param}s`])) throw new UsageError(`merge: ${file} names no table parameter with its values`, 2);
  return param;
}

/** A cell of a table's JSON (rmc table --json, a part, a merge) as the table holds it, with the row's value. */
export function cellFrom(c: Record<string, unknown>, value: unknown): TableCell {
  return {
    value,
    guarantee: c.guarantee as string,
    verdict: c.verdict as CellVerdict,
    ...(c.reason !== undefined ? { reason: c.reason as string } : {}),
    distinctStates: c.distinctStates as number,
    traceLength: c.traceLength as number | null,
    ...(c.through !== undefined ? { through: c.through as string[] } : {}),
    ...(c.unpromised !== undefined ? { unpromised: c.unpromised as string[] } : {}),
  };
}

const short = (v: unknown): string => {
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
