// guaranteeTable: the table's values x guarantees as a Markdown table, each violated cell linking
// its trace; shared by GUARANTEES.md and README.md.
import type { TableResult } from '../search/table.ts';
import { traceStem } from './traceStem.ts';

export function guaranteeTable(table: TableResult): string {
  const head = `| ${table.param} | ${table.guarantees.map((g) => `\`${g}\``).join(' | ')} |`;
  const rule = `|${' --- |'.repeat(table.guarantees.length + 1)}`;
  const rows = table.values.map((value) => {
    const cells = table.guarantees.map((g) => {
      const c = table.cells.find((x) => x.value === value && x.guarantee === g);
      if (!c) return 'not checked';
      switch (c.verdict) {
        case 'holds':
          return `holds${c.vacuous ? ' vacuously' : ''} (${c.distinctStates} states)`;
        case 'violated':
          return `[violated (${c.traceLength} step${c.traceLength === 1 ? '' : 's'})](${traceStem(value, g)}.txt)`;
        case 'incomplete':
          return `incomplete (${c.distinctStates} states)`;
      }
    });
    return `| ${String(value)} | ${cells.join(' | ')} |`;
  });
  return [head, rule, ...rows].join('\n') + '\n';
}
