// generateCounterexamples: the counterexamples folder from a table run: per violated cell its
// text, ITF, DOT and SVG files, then GUARANTEES.md, README.md and index.html. Everything is
// written into a temporary folder next to outDir and renamed over it at the end, so a reader
// never sees a half-written folder; the bytes depend only on the spec, parameters and table.
import { mkdirSync, renameSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { AnySpec } from '../spec.ts';
import type { TableResult } from '../search/table.ts';
import { guaranteesMd } from './guaranteesMd.ts';
import { indexHtml } from './indexHtml.ts';
import { readmeMd } from './readmeMd.ts';
import { renderTrace, type RenderedTrace } from './renderTrace.ts';

export interface GenerateInput {
  readonly spec: AnySpec;
  readonly params: Record<string, unknown>;
  /** runTable's result; violated cells carry their traces. */
  readonly table: TableResult;
  readonly outDir: string;
  /** Named scenarios (traces found under other configurations), listed before the table's. */
  readonly scenarios?: readonly RenderedTrace[];
}

/** Returns the names of the files written, sorted. */
export async function generateCounterexamples({ spec, params, table, outDir, scenarios = [] }: GenerateInput): Promise<string[]> {
  const traces: RenderedTrace[] = [...scenarios];
  for (const cell of table.cells) {
    if (cell.verdict === 'violated' && cell.trace) traces.push(await renderTrace(spec, params, table.param, cell));
  }
  const files = new Map<string, string>();
  for (const t of traces) for (const [name, text] of t.files) files.set(name, text);
  files.set('GUARANTEES.md', guaranteesMd(table));
  files.set('README.md', readmeMd(table, traces));
  files.set('index.html', indexHtml(table, traces));

  const target = resolve(outDir);
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  const old = join(dirname(target), `.${basename(target)}.old-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  try {
    for (const [name, text] of files) writeFileSync(join(temp, name), text);
    const hadOld = existsSync(target);
    if (hadOld) renameSync(target, old);
    try {
      renameSync(temp, target);
    } catch (e) {
      if (hadOld) renameSync(old, target);
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return [...files.keys()].sort();
}
