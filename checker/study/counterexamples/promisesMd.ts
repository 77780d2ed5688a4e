// promisesMd: what each row promises, per kind of operation (Study.promises), as GUARANTEES.md
// shows it under the table: a mark per row and kind, then the authors' words for each promise a
// row states itself. It is the record the cells were judged by: a cell broken only by a kind a
// row does not promise reads "not promised".
import type { TableResult } from '../table.ts';

export function promisesMd(table: TableResult): string {
  const all = table.promises;
  if (all === undefined || all.length === 0) return '';
  const kinds = all[0]!.map((p) => p.operation);
  const head = `| ${table.param} | ${kinds.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(kinds.length + 1)}`;
  const rows = all.map((promises, i) => `| ${table.labels[i] ?? String(table.values[i])} | ${promises.map((p) => (p.words === undefined ? '*not promised*' : 'stops')).join(' | ')} |`);
  const words = all.flatMap((promises, i) => {
    const own = blanket(promises) ? [] : promises.filter((p) => p.words !== undefined);
    return own.length === 0 ? [] : [`- ${table.labels[i] ?? String(table.values[i])}: ${own.map((p) => `${p.operation}: ${p.words}`).join('; ')}`];
  });
  return [
    `## What each ${table.param} promises`,
    '',
    'A cell is judged only against the operations its row promises to stop; one broken only by another',
    'operation reads "not promised" (and links the trace of what got through).',
    '',
    head,
    rule,
    ...rows,
    ...(words.length > 0 ? ['', 'In their authors\' words:', '', ...words] : []),
    '',
  ].join('\n');
}

/** A row that promises every kind in the same words (revoke(2)'s "every operation") states nothing per kind. */
function blanket(promises: NonNullable<TableResult['promises']>[number]): boolean {
  return promises.every((p) => p.words !== undefined && p.words === promises[0]!.words);
}
