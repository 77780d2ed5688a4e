// deepView: the deep table as GUARANTEES.md, the page and the sheets show it, beside the default
// table: the same rows and columns, its bounds said as what they add to the default's, each cell
// that differs from the default's marked ≠ and linked to its trace (`deep--<row>--<guarantee>`),
// and, for a missing or stale deep table, the one line that says what to run.
import type { TableCell, TableResult } from '../table.ts';
import { cellText } from '../cellText.ts';
import { boundsEntries } from './boundsLine.ts';
import { DEEP_PREFIX, defaultCellOf, differs } from './deepCells.ts';
import { DEEP_COMMAND, DEEP_JSON } from './deepJson.ts';
import type { DeepShown } from './deepPart.ts';
import { guaranteeTable, type TableMarks } from './guaranteeTable.ts';
import type { RenderedTrace } from './renderTrace.ts';
import { traceStem } from './traceStem.ts';

/**
 * How long `--deep` takes for the revoke model, as far as measured (docs and the folder's README say
 * it): five rows were run on 2026-12-08, the largest (hurd-io-revoke, 10.4 million states) in 7
 * minutes; the Enberg rows are likely above 10^8 states.
 */
export const DEEP_TIME = 'for the revoke model hours of two cores, not yet run whole: hurd-io-revoke alone is 10.4 million states, 7 minutes';

/** The deep part the renderers take: what deepPart got, beside the default table. */
export interface DeepTable extends DeepShown {
  readonly defaults: TableResult;
}

/** A deep cell's trace stem: the default cell's, prefixed, so the two never collide. */
export const deepStem = (c: TableCell): string => `${DEEP_PREFIX}--${traceStem(c.value, c.guarantee)}`;

/** The deep table's marks: its differing cells marked, those with a rendered trace linked. */
export function deepMarks(deep: DeepTable, table: TableResult): TableMarks {
  const linked = new Set(deep.traces.map((t) => t.stem));
  return {
    marked: (c) => differs(deep.defaults, table, c),
    stem: (c) => (linked.has(deepStem(c)) ? deepStem(c) : undefined),
  };
}

/** "the default bounds and `thread = true`, `filesOnI = 2`": what the deep bounds change. */
export function deepBounds(deep: DeepTable, code: (text: string) => string = (t) => `\`${t}\``): string {
  const table = deep.table!;
  const base = new Set(boundsEntries(deep.defaults.params, table.param));
  const changed = boundsEntries(table.params, table.param).filter((b) => !base.has(b));
  return changed.length === 0 ? 'the default bounds' : `the default bounds but ${changed.map(code).join(', ')}`;
}

/** The cells that differ from the default table's, one line each: "row x guarantee: default ..., deep ...". */
export function differences(deep: DeepTable): { row: string; guarantee: string; before: string; after: string; cell: TableCell }[] {
  const table = deep.table!;
  return table.cells
    .filter((c) => differs(deep.defaults, table, c))
    .map((c) => {
      const d = defaultCellOf(deep.defaults, table, c);
      return { row: table.labels[table.values.indexOf(c.value)] ?? String(c.value), guarantee: c.guarantee, before: d ? cellText(d) : 'not in the default table', after: cellText(c), cell: c };
    });
}

/** The deep trace of a cell, if one was rendered. */
export const deepTraceOf = (deep: DeepTable, c: TableCell): RenderedTrace | undefined => deep.traces.find((t) => t.stem === deepStem(c));

/** GUARANTEES.md's section on the deep table. */
export function deepMd(deep: DeepTable): string {
  const head = ['## The deep table', ''];
  if (deep.table === undefined) return [...head, `**Missing**: ${deep.problem ?? ''}.`, ''].join('\n');
  const table = deep.table;
  const diffs = differences(deep);
  const marks = deepMarks(deep, table);
  return [
    ...head,
    ...(deep.problem !== undefined ? [`**Stale**: ${deep.problem}. The cells below are not linked to traces.`, ''] : []),
    `Every guarantee again, within deeper bounds: ${deepBounds(deep)}. Checked by \`${DEEP_COMMAND}\``,
    `(${DEEP_TIME}) and committed as [${DEEP_JSON}](${DEEP_JSON}); a plain \`npm run counterexamples\``,
    `renders it and searches nothing. A cell marked \u2260 says something else than the default table's`,
    'cell (another verdict or shortest length; every state count differs) and links its deep trace.',
    '',
    guaranteeTable(table, marks).trimEnd(),
    '',
    diffs.length === 0
      ? 'No cell differs: every verdict and every shortest length is the default table\'s.'
      : [
          `${diffs.length} cell${diffs.length === 1 ? '' : 's'} differ${diffs.length === 1 ? 's' : ''} from the default table:`,
          '',
          ...diffs.map((d) => {
            const stem = marks.stem?.(d.cell);
            return `- ${d.row} \u00d7 \`${d.guarantee}\`: default ${d.before}, deep ${stem !== undefined ? `[${d.after}](${stem}.txt) ([LKML](${stem}.lkml.txt))` : d.after}`;
          }),
        ].join('\n'),
    '',
  ].join('\n');
}

/** The stems of the deep traces that are rendered and shown (for README's and the page's lists). */
export const deepTraces = (deep: DeepTable | undefined): readonly RenderedTrace[] => (deep?.table !== undefined && deep.problem === undefined ? deep.traces : []);
