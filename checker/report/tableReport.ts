// The guarantee table as text and as the JSON of docs/DESIGN.md.
import type { TableCell, TableResult } from '../search/table.ts';

/** One cell as the table prints it: "holds (N states)" or "violated (k steps)". */
export function cellText(c: TableCell): string {
  if (c.verdict === 'violated') return `violated (${c.traceLength} step${c.traceLength === 1 ? '' : 's'})`;
  if (c.verdict === 'holds') return `holds${c.vacuous ? ' vacuously' : ''} (${c.distinctStates.toLocaleString('en-US')} states)`;
  return 'incomplete';
}

export function tableText(t: TableResult): string {
  const header = [t.param, ...t.guarantees];
  const rows = t.values.map((value) => [
    String(value),
    ...t.guarantees.map((g) => {
      return cellText(t.cells.find((x) => x.value === value && x.guarantee === g)!);
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => `| ${r.map((x, i) => x.padEnd(widths[i]!)).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  out.push('', `Bounds: ${JSON.stringify(t.params)}`);
  for (const u of t.unreached) out.push(`Unreached in ${t.param} ${String(u.value)}: ${u.name} (a guarantee about it holds vacuously there)`);
  out.push(`Table computed in ${t.seconds.toFixed(1)} s.`);
  return out.join('\n') + '\n';
}

export function tableJson(t: TableResult): object {
  return {
    spec: t.spec,
    params: t.params,
    [`${t.param}s`]: t.values,
    guarantees: t.guarantees,
    cells: t.cells.map((c) => ({ [t.param]: c.value, guarantee: c.guarantee, verdict: c.verdict, distinctStates: c.distinctStates, traceLength: c.traceLength, ...(c.vacuous ? { vacuous: true } : {}) })),
    unreached: t.unreached.map((u) => ({ [t.param]: u.value, name: u.name })),
  };
}
