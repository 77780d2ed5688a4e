// generateCounterexamples: the counterexamples folder from a table run: per violated cell its
// text, LKML, ITF, DOT and SVG files, then GUARANTEES.md, README.md, a guarantee sheet per row
// (designs/<row>.md) and index.html, and the manifest
// that marks the folder as ours. Everything is written into a temporary folder next to outDir
// and swapped in at the end (outFolder.ts: only over a folder rmc may replace), so a reader never
// sees a half-written folder; the bytes depend only on the study, parameters and table.
import { resolve } from 'node:path';
import type { FileIO } from '../../files/fileIO.ts';
import type { AnyStudy } from '../study.ts';
import type { TableResult } from '../table.ts';
import { guaranteesMd } from './guaranteesMd.ts';
import { designSheetMd, sheetPath } from './designSheetMd.ts';
import { indexHtml } from './indexHtml.ts';
import { replaceFolder } from './outFolder.ts';
import { itfSource } from '../../trace/render/itfSource.ts';
import { readmeMd } from './readmeMd.ts';
import { renderTrace, type RenderedTrace } from './renderTrace.ts';
import { DEEP_JSON } from './deepJson.ts';
import type { DeepShown } from './deepPart.ts';
import { deepTraces, type DeepTable } from './deepView.ts';

export interface GenerateInput {
  readonly study: AnyStudy;
  readonly params: Record<string, unknown>;
  /** runTable's result; violated cells carry their traces. */
  readonly table: TableResult;
  readonly outDir: string;
  /** Named scenarios (traces found under other configurations), listed before the table's. */
  readonly scenarios?: readonly RenderedTrace[];
  /** The stems of the traces the README quotes as a reviewer pastes them (the plan's `quoted`). */
  readonly quoted?: readonly string[];
  /** The deep table (the plan's deep entry): its JSON, its differing cells' traces, or why it is missing or stale. */
  readonly deep?: DeepShown;
  /** The file-system calls; tests pass failing ones. */
  readonly io?: FileIO;
}

/** Returns the names of the files written (the manifest too), sorted. */
export async function generateCounterexamples({ study, params, table, outDir, scenarios = [], quoted = [], deep: shown, io }: GenerateInput): Promise<string[]> {
  const deep: DeepTable | undefined = shown ? { ...shown, defaults: table } : undefined;
  const traces: RenderedTrace[] = [...scenarios];
  for (const cell of table.cells) {
    if ((cell.verdict === 'violated' || cell.verdict === 'unpromised') && cell.trace) traces.push(await renderTrace(study, params, cell));
  }
  const files = new Map<string, string>();
  for (const t of [...traces, ...deepTraces(deep)]) {
    for (const [name, text] of t.files) {
      // Stems are kept apart by their prefixes (regenerate refuses a scenario named as the deep table's).
      if (files.has(name)) throw new Error(`counterexamples: two traces write ${name}`);
      files.set(name, text);
    }
  }
  if (deep?.json !== undefined) files.set(DEEP_JSON, deep.json);
  files.set('GUARANTEES.md', guaranteesMd(table, study.boundsNote, deep));
  // The ITF variables the README describes: those of the table's bounds' own row first, then
  // every other row's where it types a variable otherwise.
  const rows = table.values.map((value, i) => {
    const p = { ...params, [table.param]: value };
    return { row: table.labels[i] ?? String(value), itf: itfSource(study.specFor(p), p) };
  });
  const own = { row: String(params[table.param]), itf: itfSource(study.specFor(params), params) };
  files.set('README.md', readmeMd(table, traces, [own, ...rows], quoted, deep));
  // One guarantee sheet per row, linked from the table's design column.
  table.values.forEach((value, i) => {
    const label = table.labels[i] ?? String(value);
    const sheet = study.sheet?.(value, { ...params, [table.param]: value });
    files.set(sheetPath(label), designSheetMd(table, value, label, sheet, traces, study.boundsNote, deep));
  });
  files.set('index.html', indexHtml(table, traces, sheetPath, deep));
  return replaceFolder(resolve(outDir), files, io);
}
