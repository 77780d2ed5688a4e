import type { TableResult } from '../run/table.ts';
import { toPlain } from '../trace/toPlain.ts';

/** The bounds every row was checked within: the parameters other than the table's own. */
export function boundsLine(table: TableResult): string {
  const entries = Object.entries(table.params).filter(([k]) => k !== table.param);
  if (entries.length === 0) return 'no parameters besides the table dimension';
  return entries.map(([k, v]) => `\`${k} = ${JSON.stringify(toPlain(v))}\``).join(', ');
}
