import type { TableResult } from '../table.ts';
import { toPlain } from '../../trace/toPlain.ts';

/** `name = value` for each parameter of a run but the table's own: the bounds it ran within. */
export function boundsEntries(params: Readonly<Record<string, unknown>>, param: string): string[] {
  return Object.entries(params)
    .filter(([k]) => k !== param)
    .map(([k, v]) => `${k} = ${JSON.stringify(toPlain(v))}`);
}

/** The bounds every row was checked within: the parameters other than the table's own. */
export function boundsLine(table: TableResult): string {
  const entries = boundsEntries(table.params, table.param);
  if (entries.length === 0) return 'no parameters besides the table dimension';
  return entries.map((e) => `\`${e}\``).join(', ');
}
