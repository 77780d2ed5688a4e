// deepJson: the deep table as the counterexamples folder commits it, `deep-table.json`. It is the
// JSON `rmc table --json` prints (so a table checked elsewhere, `rmc merge`d from parts, reads the
// same), plus a `deep` field: the configuration it ran under, what it was checked against (the
// model's fingerprint, modelFingerprint.ts) and the traces of the cells that differ from the
// default table's, so that a plain regeneration renders them without the 15-minute search. Traces
// are stored as their states are, plain JSON: a study whose states are not (Immutable.js
// collections) cannot have its deep traces committed, and is told so when the file is written.
import { isDeepStrictEqual } from 'node:util';
import { SpecError, UsageError } from '../../errors.ts';
import type { TraceStep } from '../../spec.ts';
import type { AnyStudy } from '../study.ts';
import type { TableCell, TableResult } from '../table.ts';
import { cellFrom } from '../tableParts.ts';
import { tableJson } from '../tableReport.ts';

export const DEEP_JSON = 'deep-table.json';
export const DEEP_COMMAND = 'npm run counterexamples -- --deep';

/** What the deep table was made under and against: written into its `deep` field. */
export interface DeepOrigin {
  /** The named configuration of the plan's deep entry, if any. */
  readonly config?: string;
  /** modelFingerprint of the default table when the deep table was made. */
  readonly model: string;
  /** The rows were searched under the spec's symmetry (their counts are of orbits). */
  readonly symmetry?: boolean;
}

/** A committed deep table: the table (its differing cells with their traces) and its origin. */
export interface DeepRecord {
  readonly table: TableResult;
  readonly origin?: DeepOrigin;
}

/** The fields of a trace cell that the table's JSON leaves out and the renderer needs. */
const TRACE_FIELDS = ['trace', 'loopIndex', 'loopStep', 'cycleFairness'] as const;

/** The bytes of deep-table.json: one line per cell and per trace step, so a rerun diffs readably. */
export function deepJsonText(table: TableResult, origin: DeepOrigin, traced: readonly TableCell[]): string {
  const param = table.param;
  const traces = traced.map((c) => {
    for (const step of c.trace ?? []) {
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(step.state)), step.state))
        throw new SpecError(`${DEEP_JSON}: the states of ${table.spec} are not plain JSON, so its deep traces cannot be committed`);
    }
    const extra = Object.fromEntries(TRACE_FIELDS.filter((k) => c[k] !== undefined && k !== 'trace').map((k) => [k, c[k]]));
    return { [param]: c.value, guarantee: c.guarantee, ...extra, trace: c.trace ?? [] };
  });
  const json = tableJson(table) as Record<string, unknown>;
  const lines: string[] = ['{'];
  const entries = Object.entries(json);
  for (const [k, v] of entries) {
    lines.push(Array.isArray(v) && v.length > 0 ? `${JSON.stringify(k)}: [\n${v.map((x) => `  ${JSON.stringify(x)}`).join(',\n')}\n],` : `${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  }
  const traceLines = traces.map(({ trace, ...head }) => `  {"cell": ${JSON.stringify(head)},\n   "trace": [\n${trace.map((s) => `    ${JSON.stringify(s)}`).join(',\n')}\n  ]}`);
  const config = origin.config !== undefined ? `"config": ${JSON.stringify(origin.config)}, ` : '';
  const symmetry = origin.symmetry === true ? '"symmetry": true, ' : '';
  lines.push(`"deep": {"writtenBy": ${JSON.stringify(`rmc counterexamples --deep`)}, ${config}${symmetry}"model": ${JSON.stringify(origin.model)},`);
  lines.push(`"traces": [\n${traceLines.join(',\n')}\n]}`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

/**
 * A deep table from its JSON: deep-table.json (with its origin and traces) or what `rmc table
 * --json` / `rmc merge --json` print (no origin, no traces). `file` names it in messages.
 */
export function readDeepJson(study: AnyStudy, text: string, file: string): DeepRecord {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`${file} is not JSON: ${(e as Error).message}`, 2);
  }
  const param = study.rows.param;
  const values = json[`${param}s`];
  if (json.spec !== study.name || !Array.isArray(values) || !Array.isArray(json.labels) || !Array.isArray(json.cells) || !Array.isArray(json.guarantees))
    throw new UsageError(`${file} is not a table of ${study.name} (the JSON of rmc table ${study.name} --json or rmc merge --json)`, 2);
  if (json.verdict === 'interrupted' || (Array.isArray(json.errors) && json.errors.length > 0))
    throw new UsageError(`${file} is a table whose rows were not all checked (verdict ${String(json.verdict)})`, 2);
  const deep = json.deep as { config?: string; model?: string; symmetry?: boolean; traces?: { cell: Record<string, unknown>; trace: TraceStep<unknown>[] }[] } | undefined;
  const key = (value: unknown, guarantee: unknown) => JSON.stringify([value, guarantee]);
  const traces = new Map((deep?.traces ?? []).map((t) => [key(t.cell[param], t.cell.guarantee), t]));
  const cells = (json.cells as Record<string, unknown>[]).map((c): TableCell => {
    const t = traces.get(key(c[param], c.guarantee));
    return {
      // The row's own value, not an equal copy: cells are found by identity (tableReport.cellOf).
      ...cellFrom(c, values.find((v) => isDeepStrictEqual(v, c[param])) ?? c[param]),
      ...(t !== undefined ? { ...Object.fromEntries(Object.entries(t.cell).filter(([k]) => k !== param && k !== 'guarantee')), trace: t.trace } : {}),
    };
  });
  const table: TableResult = {
    spec: study.name,
    params: json.params as Record<string, unknown>,
    param,
    values,
    labels: json.labels as string[],
    ...(Array.isArray(json.promises) ? { promises: json.promises as TableResult['promises'] & object } : {}),
    guarantees: json.guarantees as string[],
    cells,
    unreached: ((json.unreached as Record<string, unknown>[] | undefined) ?? []).map((u) => ({ value: u[param], name: u.name as string })),
    seconds: 0,
  };
  const origin =
    deep?.model !== undefined
      ? { ...(deep.config !== undefined ? { config: deep.config } : {}), model: deep.model, ...(deep.symmetry === true ? { symmetry: true } : {}) }
      : undefined;
  return { table, ...(origin ? { origin } : {}) };
}
