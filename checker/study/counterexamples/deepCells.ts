// deepCells: how the deep table stands against the default one. A deep cell "differs" when its
// verdict or its shortest trace's length is not the default cell's (every state count differs, so
// counts are no difference worth a mark); such a cell is marked wherever the deep table is shown,
// and, when it has a trace, its trace is committed under the stem `deep--<row>--<guarantee>`.
// The deep table is stale when it was not made against this model (modelFingerprint) or these
// deep bounds and rows: then every place that shows it says so, in one line naming the command.
import { isDeepStrictEqual } from 'node:util';
import { toPlain } from '../../trace/toPlain.ts';
import type { TableCell, TableResult } from '../table.ts';
import { DEEP_COMMAND, DEEP_JSON, type DeepRecord } from './deepJson.ts';

/** The file-name prefix of a deep cell's trace; no configuration may be named so (regenerate checks). */
export const DEEP_PREFIX = 'deep';

/** The default table's cell in the deep cell's row (by label) and column, if the default has it. */
export function defaultCellOf(defaults: TableResult, deep: TableResult, c: TableCell): TableCell | undefined {
  const label = deep.labels[deep.values.indexOf(c.value)];
  const i = defaults.labels.indexOf(label ?? '');
  if (i < 0) return undefined;
  return defaults.cells.find((d) => d.value === defaults.values[i] && d.guarantee === c.guarantee);
}

/** Whether a deep cell says something else than the default table's: another verdict or length. */
export function differs(defaults: TableResult, deep: TableResult, c: TableCell): boolean {
  const d = defaultCellOf(defaults, deep, c);
  return d === undefined || d.verdict !== c.verdict || d.traceLength !== c.traceLength;
}

/** The deep cells that differ and have a trace to show: the ones whose traces are committed. */
export function tracedDifferences(defaults: TableResult, deep: TableResult): TableCell[] {
  return deep.cells.filter((c) => c.traceLength !== null && (c.verdict === 'violated' || c.verdict === 'unpromised') && differs(defaults, deep, c));
}

/** What the regeneration expects of the deep table: its bounds, rows and the model's fingerprint now. */
export interface DeepWanted {
  readonly params: Record<string, unknown>;
  readonly labels: readonly string[];
  readonly model: string;
  /** Whether the rows are searched under the spec's symmetry (the plan's deep.symmetry). */
  readonly symmetry: boolean;
}

/** Why a deep table is not this model's at these bounds and rows, or undefined when it is. */
export function staleness(record: DeepRecord, wanted: DeepWanted): string | undefined {
  if (record.origin === undefined) return 'it records no model it was checked against';
  if (record.origin.model !== wanted.model) return 'the model changed since it was made (the default table is not the one it was checked beside)';
  if (!isDeepStrictEqual(toPlain(record.table.params), toPlain(wanted.params))) return "it was checked under other bounds than the plan's deep entry";
  if (!isDeepStrictEqual(record.table.labels, wanted.labels)) return "its rows are not the plan's";
  if ((record.origin.symmetry === true) !== wanted.symmetry) return `it was checked ${wanted.symmetry ? 'without' : 'with'} the symmetry reduction the plan's deep entry ${wanted.symmetry ? 'asks for' : 'leaves out'}`;
  return undefined;
}

/** Why the committed deep table cannot be shown as this model's, in one line naming the command; undefined when it can. */
export function deepProblem(record: DeepRecord | undefined, wanted: DeepWanted): string | undefined {
  const rerun = `run \`${DEEP_COMMAND}\` and commit the folder`;
  if (record === undefined) return `the folder has no deep table yet (${DEEP_JSON}): ${rerun}`;
  const why = staleness(record, wanted);
  return why === undefined ? undefined : `the deep table (${DEEP_JSON}) is stale: ${why}; ${rerun}`;
}
