// designSheetMd: one row's guarantee sheet, counterexamples/designs/<row>.md, in the voice of a
// kernel Documentation/ page: what the design is, what it promises, what the checker proved of
// each promise and within which bounds, every broken promise with its LKML trace (the race as a
// commit message draws it), and what the model leaves out for it. A sheet is what a reviewer
// quotes as the design's formal guarantees; the table links it from the design's name. The
// study gives the words only it knows (RowSheet: about, promises, left out); the rest is the
// table's.
import { cellText } from '../cellText.ts';
import type { RowSheet } from '../study.ts';
import type { TableCell, TableResult } from '../table.ts';
import { cellOf } from '../tableReport.ts';
import { boundsLine } from './boundsLine.ts';
import type { RenderedTrace } from './renderTrace.ts';
import { DEEP_COMMAND } from './deepJson.ts';
import { deepBounds, deepTraceOf, differences, type DeepTable } from './deepView.ts';

/** Where row `label`'s sheet is, relative to the folder. */
export const sheetPath = (label: string): string => `designs/${label.replace(/[^\w.-]+/g, '_')}.md`;

/** A title underlined as Documentation/'s reStructuredText titles are (Markdown reads it too). */
const title = (text: string, rule: '=' | '-'): string[] => [text, rule.repeat(text.length), ''];

/** What a cell's verdict says of a promise, in a sentence. */
function proved(c: TableCell): string {
  switch (c.verdict) {
    case 'holds':
      return `**kept**: no reachable state breaks it (${cellText(c)}).`;
    case 'violated':
      return c.loopIndex !== undefined ? `**broken** by a behaviour that never ends (${cellText(c)}; below).` : `**broken** (${cellText(c)}; the trace is below).`;
    case 'not-exercised':
      return `*not exercised* (${cellText(c)}): the bounds never produce the situation it is about, so it holds only vacuously.`;
    case 'n/a':
      return `*${cellText(c)}*.`;
    default:
      return `*${cellText(c)}*: no verdict.`;
  }
}

/** What the row promises per kind of operation (Study.promises), which every cell above is judged by. */
function operationsPromised(table: TableResult, value: unknown): string[] {
  const i = table.values.indexOf(value);
  const promises = i < 0 ? undefined : table.promises?.[i];
  if (promises === undefined) return [];
  return [
    'Per kind of operation, what it promises to stop (a cell broken only by an operation it does not promise reads "not promised"):',
    '',
    ...promises.map((p) => `- ${p.operation}: ${p.words === undefined ? '*not promised*' : `stops it (${p.words})`}`),
    '',
  ];
}

/** What the checker found of the row under the deep bounds, and each differing cell's deep LKML trace. */
function deepProved(deep: DeepTable | undefined, label: string): { proved: string[]; broken: string[] } {
  const table = deep?.table;
  const i = table?.labels.indexOf(label) ?? -1;
  if (deep === undefined) return { proved: [], broken: [] };
  if (table === undefined || i < 0) {
    const why = table === undefined ? (deep.problem ?? '') : 'the deep table has no row for it';
    return { proved: [`Under the deep bounds nothing is shown: ${why}.`, ''], broken: [] };
  }
  const value = table.values[i];
  const cells = table.guarantees.map((g) => cellOf(table, value, g));
  const states = cells.find((c) => c.verdict !== 'n/a')?.distinctStates;
  const diffs = differences(deep).filter((d) => d.row === label);
  const changed = new Map(diffs.map((d) => [d.guarantee, d.before]));
  const lines = [
    `Within deeper bounds, ${deepBounds(deep)} (the deep table, \`${DEEP_COMMAND}\`${states !== undefined ? `; ${states.toLocaleString('en-US')} distinct states` : ''}):`,
    '',
    ...(deep.problem !== undefined ? [`**Stale**: ${deep.problem}.`, ''] : []),
    ...cells.map((c) => `- \`${c.guarantee}\`: ${proved(c)}${changed.has(c.guarantee) ? ` \u2260 the default bounds' ${changed.get(c.guarantee)!}.` : ''}`),
    '',
    diffs.length === 0 ? 'Every verdict and every shortest length is the one found within the default bounds.' : `${diffs.length} of these ${diffs.length === 1 ? 'differs' : 'differ'} from the default bounds' (marked \u2260).`,
    '',
  ];
  const broken: string[] = [];
  for (const d of diffs) {
    const t = deepTraceOf(deep, d.cell);
    if (t === undefined) continue;
    broken.push(`### \`${d.guarantee}\` under the deep bounds`, '', '```', t.lkml.trimEnd(), '```', '', `Files: [text](../${t.stem}.txt), [ITF](../${t.stem}.itf.json), [sequence diagram](../${t.stem}.seq.svg).`, '');
  }
  return { proved: lines, broken };
}

export function designSheetMd(
  table: TableResult,
  value: unknown,
  label: string,
  sheet: RowSheet | undefined,
  traces: readonly RenderedTrace[],
  boundsNote?: string,
  deep?: DeepTable,
): string {
  const deeper = deepProved(deep, label);
  const cells = table.guarantees.map((g) => cellOf(table, value, g));
  const promised = new Set((sheet?.promises ?? []).map((p) => p.guarantee));
  const promises = sheet?.promises ?? table.guarantees.map((g) => ({ guarantee: g, promise: '' }));
  const states = cells.find((c) => c.verdict !== 'n/a')?.distinctStates;
  const broken = cells.filter((c) => c.verdict === 'violated');
  const traceOf = (c: TableCell) => traces.find((t) => t.title === undefined && t.value === c.value && t.guarantee === c.guarantee);
  const scenarios = traces.filter((t) => t.title !== undefined && t.setting.design === label);
  const unpromised = cells.filter((c) => !promised.has(c.guarantee) && sheet !== undefined);
  const out = [
    ...title(`${label}: what it guarantees`, '='),
    '<!-- Generated by `npm run counterexamples` from the model and the checker\'s table; do not edit. -->',
    '',
    ...title('What it is', '-'),
    (sheet?.about ?? `The ${table.param} \`${label}\`.`).trim(),
    '',
    ...title('What it promises', '-'),
    `${label} promises the following; each promise is judged alone, against what the design says it does.`,
    '',
    ...promises.map((p) => `- \`${p.guarantee}\`${p.promise ? `: ${p.promise}` : ''}`),
    '',
    ...operationsPromised(table, value),
    ...(unpromised.length > 0
      ? [`It does not promise ${unpromised.map((c) => `\`${c.guarantee}\``).join(', ')}: the table marks those cells "n/a: not claimed" or as their own conditions say.`, '']
      : []),
    ...title('What the checker proved', '-'),
    `An exhaustive breadth-first search of every interleaving within these bounds${states !== undefined ? ` (${states.toLocaleString('en-US')} distinct states)` : ''}:`,
    '',
    `    ${boundsLine(table).replace(/`/g, '')}`,
    '',
    'A promise kept is kept within these bounds only; GUARANTEES.md says which bound would change',
    deep === undefined
      ? `which cell. Deeper bounds are a run of their own (\`rmc table ${table.spec} --config <name>\`), not part of this folder.`
      : deep.table === undefined
        ? 'which cell. The deeper bounds checked beside them have not been run for this folder (below).'
        : 'which cell, and checks every row again within deeper bounds (below).',
    '',
    ...cells.flatMap((c) => [`- \`${c.guarantee}\`: ${proved(c)}`]),
    '',
    ...deeper.proved,
  ];
  if (broken.length > 0) {
    out.push(...title('Broken promises', '-'));
    for (const c of broken) {
      const t = traceOf(c);
      out.push(`### \`${c.guarantee}\``, '', ...(t ? ['```', t.lkml.trimEnd(), '```', '', `Files: [text](../${t.stem}.txt), [ITF](../${t.stem}.itf.json), [sequence diagram](../${t.stem}.seq.svg).`, ''] : []));
    }
  }
  if (deeper.broken.length > 0) out.push(...title('Broken under the deep bounds', '-'), ...deeper.broken);
  if (scenarios.length > 0) {
    out.push(...title('Named scenarios', '-'), 'Traces found under other configurations (README.md lists them all):', '');
    for (const t of scenarios) out.push(`- ${t.title}: breaks \`${t.guarantee}\` ([LKML](../${t.stem}.lkml.txt)).`);
    out.push('');
  }
  out.push(...title('What the model leaves out', '-'));
  out.push(sheet?.leftOut?.trim() ?? 'The design file says nothing left out beyond the bounds; see below.', '');
  if (boundsNote !== undefined) out.push('What the bounds leave out, for every design (from GUARANTEES.md):', '', boundsNote.trim(), '');
  return out.join('\n');
}
