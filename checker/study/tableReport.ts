// The guarantee table as text and as the JSON of docs/CLI.md.
import type { TableCell, TableResult } from './table.ts';
import { cellText, NOT_EXERCISED_LEGEND } from './cellText.ts';

export { cellText } from './cellText.ts';

/** The cell of one value and guarantee. */
export function cellOf(t: TableResult, value: unknown, guarantee: string): TableCell {
  return t.cells.find((x) => x.value === value && x.guarantee === guarantee)!;
}

/** A guarantee's column title, marked `*` when some row does not exercise it. */
export function columnTitle(t: TableResult, guarantee: string): string {
  return t.cells.some((c) => c.guarantee === guarantee && c.verdict === 'not-exercised') ? `${guarantee}*` : guarantee;
}

export function tableText(t: TableResult): string {
  const header = [t.param, ...t.guarantees.map((g) => columnTitle(t, g))];
  const rows = t.values.map((value, i) => [t.labels?.[i] ?? String(value), ...t.guarantees.map((g) => cellText(cellOf(t, value, g)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => `| ${r.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  out.push('', boundsText(t));
  if (t.cells.some((c) => c.verdict === 'not-exercised')) out.push(NOT_EXERCISED_LEGEND);
  for (const e of t.errors ?? []) out.push(`Error: row ${e.label} could not be checked (its cells read "error"): ${e.message}`);
  const seconds = `${t.seconds.toFixed(1)} s`;
  out.push(t.interrupted ? `Table interrupted after ${seconds}: the rows marked "interrupted" were not checked.` : `Table computed in ${seconds}.`);
  return out.join('\n') + '\n';
}

/** The parameters every row shares: the table's own is each row's (its first column), so it is
 * left out, not shown at its default as if every row had checked that value. */
function boundsText(t: TableResult): string {
  const shared = Object.fromEntries(Object.entries(t.params).filter(([k]) => k !== t.param));
  return `Bounds of every row (its ${t.param} aside): ${JSON.stringify(shared)}`;
}

export function tableJson(t: TableResult): object {
  return {
    spec: t.spec,
    params: t.params,
    verdict: tableVerdict(t),
    [`${t.param}s`]: t.values,
    labels: t.labels,
    ...(t.promises ? { promises: t.promises } : {}),
    guarantees: t.guarantees,
    cells: t.cells.map((c) => ({
      [t.param]: c.value,
      guarantee: c.guarantee,
      verdict: c.verdict,
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
      distinctStates: c.distinctStates,
      traceLength: c.traceLength,
      ...(c.through !== undefined ? { through: c.through } : {}),
      ...(c.unpromised !== undefined ? { unpromised: c.unpromised } : {}),
    })),
    unreached: t.unreached.map((u) => ({ [t.param]: u.value, name: u.name })),
    errors: (t.errors ?? []).map((e) => ({ [t.param]: e.value, label: e.label, exitCode: e.exitCode, error: e.message })),
  };
}

/** The table's verdict, as its exit code ranks them: a stop asked for, a spec that failed, a budget. */
function tableVerdict(t: TableResult): 'interrupted' | 'error' | 'incomplete' | 'ok' {
  if (t.interrupted) return 'interrupted';
  if ((t.errors ?? []).length > 0) return 'error';
  return t.cells.some((c) => c.verdict === 'incomplete') ? 'incomplete' : 'ok';
}
