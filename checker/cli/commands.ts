// The commands behind the CLI: each loads what it needs, runs it, prints, and returns the exit
// code. Errors are thrown as UsageError/SpecError and turned into one line by main.ts.
import { typecheckSpec } from './typecheckSpec.ts';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { AnySpec } from '../spec.ts';
import { shown, UsageError } from '../errors.ts';
import { check, type CheckOptions } from '../run/check.ts';
import { simulate } from '../simulate/simulate.ts';
import { runTable, type TableOptions, type TableResult } from '../study/table.ts';
import type { CheckResult, Progress } from '../findings.ts';
import { EXIT, exitCodeOf } from '../report/exitCode.ts';
import { jsonError, jsonReport } from '../report/jsonReport.ts';
import { progressLine } from '../report/progressLine.ts';
import { cellText, tableJson, tableText } from '../study/tableReport.ts';
import { qualified, textReport } from '../report/textReport.ts';
import type { TraceFormat } from '../report/violationTrace.ts';
import { readPlan, regenerateCounterexamples } from '../study/counterexamples/regenerate.ts';
import { loadSpec } from './loadSpec.ts';
import { type ParamSource, resolveParams, validated } from '../run/params.ts';
import { compareExpectations, expectationsText } from '../study/expectations.ts';
import { checkRow } from '../study/checkRow.ts';
import { type AnyStudy, isStudy, rowLabel } from '../study/study.ts';
import { mergeParts, parseShard, selectRows, type PartInfo } from '../study/tableParts.ts';
import { studyParamSource } from '../study/studyParams.ts';
import { registeredNames, userCwd } from './registry.ts';
import { saveTraces, tracesJson, type TracesSaved } from './saveTraces.ts';
import { knownParams, knownSpec } from './runSoFar.ts';
import { listenForInterrupts, releaseEarlySignals, type Interrupts } from './interrupts.ts';
import { dirname, resolve } from 'node:path';

export interface CommonFlags {
  set: string[];
  design?: string[];
  config?: string;
  maxStates?: number;
  maxDepth?: number;
  maxSeconds?: number;
  maxMemory?: number;
  workers?: number | 'auto';
  exact?: boolean;
  symmetry?: boolean;
  json?: boolean;
  invariant?: string[];
  property?: string[];
  deadlock?: boolean;
  continue?: boolean;
  traceDir?: string;
  traceFormat?: TraceFormat;
  progress?: number;
  strict?: boolean;
  typecheck?: boolean;
  /** table: the rows to check, by label (a part of the table). */
  rows?: string;
  /** table: the i-th of n parts, as `i/n`. */
  shard?: string;
}

const rmcVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

/** Ctrl-C and SIGTERM for one run (interrupts.ts); a second signal prints the figures so far. */
function onInterrupt(flags: { json?: boolean }, spec: SpecModule, params: object): Interrupts {
  return listenForInterrupts((figures, code) => printFiguresNow(spec, params, figures, code, flags.json ?? false));
}

/** The partial figures, printed at once when a second signal cannot wait for the report. */
function printFiguresNow(spec: SpecModule, params: object, p: Progress | undefined, code: number, json: boolean): void {
  const signal = code === EXIT.terminated ? 'SIGTERM' : 'SIGINT';
  if (json) {
    const stats = p ? { distinctStates: p.distinctStates, generatedStates: p.generatedStates, depth: p.depth, seconds: p.seconds, queue: p.queue } : null;
    process.stdout.write(JSON.stringify({ ...jsonError(spec.name, params, 'interrupted', `stopped by a second ${signal}`), stats }) + '\n');
  } else if (p) {
    const n = (x: number): string => x.toLocaleString('en-US');
    process.stdout.write(
      `Stopped by a second ${signal}. Statistics so far:\n${n(p.generatedStates)} states generated, ${n(p.distinctStates)} distinct states found, ${n(p.queue)} states left on queue.\nThe depth reached is ${p.depth}, after ${p.seconds.toFixed(2)} s.\n`,
    );
  } else process.stdout.write(`Stopped by a second ${signal} before any state was searched.\n`);
  process.stderr.write('rmc: interrupted; the statistics above are partial\n');
}

/** One stderr line as each row of the table (or the counterexamples' table) is done, naming the row as the table does (a design file by its design's name). */
function rowDone(study: AnyStudy, value: unknown, seconds: number, distinct: number, table = ''): void {
  process.stderr.write(`${table}${study.rows.param} ${rowLabel(study, value)}: ${distinct.toLocaleString('en-US')} states in ${seconds.toFixed(1)} s\n`);
}

/** What a module exports: a spec, or a study with a spec for each row. */
type SpecModule = AnySpec | AnyStudy;

/** What the module's bounds are resolved against: a study's rows limit its row parameter. */
function boundsOf(module: SpecModule): ParamSource {
  return isStudy(module) ? studyParamSource(module) : module;
}

/** The spec that checks these bounds: the module's own, or its study's row. */
function specAt(module: SpecModule, params: object): AnySpec {
  return isStudy(module) ? module.specFor(params) : module;
}

/** A check of one spec, or of one row of a study (with the guarantees that do not apply there left out). */
function checkOne(module: SpecModule, spec: AnySpec, params: object, options: CheckOptions): Promise<CheckResult> {
  return isStudy(module) ? checkRow(module, params, options, spec) : check(spec, params, options);
}

/** The report is out: from here a signal exits with the run's code. */
function settle(ctrlC: Interrupts, code: number): number {
  ctrlC.dispose(code);
  return code;
}

/** More workers than cores only slow a search down: say so (the run goes on). */
function warnAboutWorkers(workers: number | 'auto' | undefined): void {
  const cores = availableParallelism();
  if (typeof workers === 'number' && workers > cores) {
    process.stderr.write(
      `rmc: warning: --workers ${workers} is more than this machine's ${cores} core${cores === 1 ? '' : 's'}: the extra workers only slow the search\n`,
    );
  }
}

export interface SimulateFlags {
  seed: number;
  depth: number;
  traces: number;
}

/**
 * --design files, made absolute: values of the study's row parameter given as modules. A check
 * or a simulation takes one, in place of the parameter's value (the study's validate loads it).
 */
/** Under --typecheck, each --design file as the spec is (it imports `rmc/revoke`'s types); a missing one designFiles reports. */
async function typecheckDesigns(flags: CommonFlags): Promise<void> {
  if (!flags.typecheck) return;
  for (const f of flags.design ?? []) if (existsSync(resolve(userCwd(), f))) await typecheckSpec(resolve(userCwd(), f), f, 'design file');
}

function designFiles(module: SpecModule, flags: CommonFlags): string[] {
  const files = (flags.design ?? []).map((f) => resolve(userCwd(), f));
  if (files.length > 0 && !isStudy(module)) throw new UsageError(`spec ${module.name} has no table parameter for --design to set`, 2);
  // Both name the row to check; one silently winning would check what the user did not ask for.
  const param = isStudy(module) ? module.rows.param : undefined;
  const set = files.length > 0 ? flags.set.find((kv) => kv.startsWith(`${param}=`)) : undefined;
  if (set !== undefined) throw new UsageError(`--design and --set ${shown(set)} both set ${param}: give one`, 2);
  for (const f of files) if (!existsSync(f)) throw new UsageError(`design file not found: ${f}`, 150);
  return files;
}

function paramsWithDesign(module: SpecModule, configDir: string, flags: CommonFlags): Record<string, unknown> {
  const files = designFiles(module, flags);
  if (files.length > 1) throw new UsageError('check and simulate take one --design (table takes several)', 2);
  const params = resolveParams(boundsOf(module), configDir, flags.config, flags.set, userCwd());
  knownParams(params);
  return isStudy(module) && files.length === 1 ? validated(boundsOf(module), { ...params, [module.rows.param]: files[0] }) : params;
}

export async function runSimulate(specArg: string, flags: CommonFlags & SimulateFlags): Promise<number> {
  const { spec: module, configDir } = await loadSpec(specArg, { typecheck: flags.typecheck ?? false });
  await typecheckDesigns(flags);
  knownSpec(module.name);
  const params = paramsWithDesign(module, configDir, flags);
  const spec = specAt(module, params);
  const ctrlC = onInterrupt(flags, spec, params);
  try {
    const result = await simulate(spec, params, {
      seed: flags.seed,
      depth: flags.depth,
      traces: flags.traces,
      ...(flags.invariant && flags.invariant.length > 0 ? { invariants: flags.invariant } : {}),
      deadlock: flags.deadlock !== false,
      ...(flags.maxSeconds !== undefined ? { maxSeconds: flags.maxSeconds } : {}),
      ...(flags.maxStates !== undefined ? { maxStates: flags.maxStates } : {}),
      ...(flags.maxMemory !== undefined ? { maxMemory: flags.maxMemory } : {}),
      interrupted: ctrlC.interrupted,
    });
    return settle(ctrlC, report(spec, params, result, flags, ctrlC, true));
  } finally {
    ctrlC.dispose();
  }
}

export async function runCheck(specArg: string, flags: CommonFlags): Promise<number> {
  const { spec: module, configDir, file } = await loadSpec(specArg, { typecheck: flags.typecheck ?? false });
  await typecheckDesigns(flags);
  knownSpec(module.name);
  const params = paramsWithDesign(module, configDir, flags);
  const spec = specAt(module, params);
  warnAboutWorkers(flags.workers);
  const ctrlC = onInterrupt(flags, spec, params);
  try {
    const invariants = flags.invariant ?? [];
    const properties = flags.property ?? [];
    const result = await checkOne(module, spec, params, {
      ...(invariants.length > 0 ? { invariants } : {}),
      ...(properties.length > 0 ? { properties } : {}),
      strict: flags.strict ?? false,
      specFile: file,
      deadlock: flags.deadlock !== false,
      continue: flags.continue ?? false,
      ...budgets(flags),
      interrupted: ctrlC.interrupted,
      live: ctrlC.live,
      onProgress: (p) => process.stderr.write(progressLine(p) + '\n'),
      progressSeconds: flags.progress ?? 10,
    });
    return settle(ctrlC, report(spec, params, result, flags, ctrlC));
  } finally {
    ctrlC.dispose();
  }
}

/** Prints a check or simulation result (text or JSON) and writes its traces, returns the exit
 * code. A failed trace write costs the trace files, not the result: the report is printed in
 * full either way, and one line after it says why the traces are missing, with exit 74 (the OS
 * refused) or 2 (a file in the way is not rmc's). The text report comes before the write; the
 * JSON report after it, as its `traceDir` field says whether the traces were written. */
function report(spec: AnySpec, params: object, result: CheckResult, flags: CommonFlags, ctrlC: Interrupts, simulation = false): number {
  const save = (): TracesSaved | undefined =>
    flags.traceDir ? saveTraces(spec, params, result, resolve(userCwd(), flags.traceDir), undefined, flags.traceFormat) : undefined;
  let traces: TracesSaved | undefined;
  if (flags.json) {
    traces = save();
    process.stdout.write(JSON.stringify({ ...jsonReport(spec, params, result), ...(traces ? { traceDir: tracesJson(traces) } : {}) }) + '\n');
  } else {
    process.stdout.write(textReport(spec, params, result, simulation, flags.traceFormat));
    traces = save();
  }
  for (const note of result.notes ?? []) process.stderr.write(`rmc: note: ${note}\n`);
  // The text report says it on stdout already; a JSON reader's log gets the warning on stderr.
  if (flags.json) for (const q of qualified(result)) process.stderr.write(`rmc: ${q.level}: ${q.text}\n`);
  if (result.verdict === 'interrupted') process.stderr.write('rmc: interrupted; the statistics above are partial\n');
  if (result.verdict === 'incomplete') process.stderr.write(`rmc: incomplete: ${result.incompleteReason}\n`);
  if (traces && !traces.written) {
    process.stderr.write(`rmc: ${traces.error}\n`);
    return traces.exitCode;
  }
  return result.verdict === 'interrupted' ? ctrlC.exitCode() : exitCodeOf(result);
}

function budgets(flags: CommonFlags): object {
  return {
    ...(flags.maxStates !== undefined ? { maxStates: flags.maxStates } : {}),
    ...(flags.maxDepth !== undefined ? { maxDepth: flags.maxDepth } : {}),
    ...(flags.maxSeconds !== undefined ? { maxSeconds: flags.maxSeconds } : {}),
    ...(flags.maxMemory !== undefined ? { maxMemory: flags.maxMemory } : {}),
    ...(flags.workers !== undefined ? { workers: flags.workers } : {}),
    exact: flags.exact ?? false,
    symmetry: flags.symmetry ?? false,
  };
}

export async function runList(flags: { json?: boolean }): Promise<number> {
  releaseEarlySignals();
  const entries = [];
  for (const name of registeredNames()) {
    const { spec: module, configDir } = await loadSpec(name);
    // A study's guarantees and actions are those of its default row.
    const spec = specAt(module, module.defaults);
    const configs = existsSync(configDir)
      ? readdirSync(configDir)
          .filter((f) => f.endsWith('.json'))
          .map((f) => f.slice(0, -'.json'.length))
          .sort()
      : [];
    entries.push({
      name,
      summary: module.summary,
      params: module.defaults,
      ...(isStudy(module) ? { table: { param: module.rows.param, values: module.rows.values, otherValues: module.rows.otherValues ?? [] } } : {}),
      configs,
      invariants: Object.keys(spec.invariants),
      properties: Object.keys(spec.properties ?? {}),
      actions: spec.actions.map((a) => ({ name: a.name, ...(a.doc ? { doc: a.doc } : {}) })),
    });
  }
  if (flags.json) process.stdout.write(JSON.stringify({ specs: entries }) + '\n');
  else {
    for (const e of entries) {
      process.stdout.write(`${e.name}  ${e.summary}\n  params: ${JSON.stringify(e.params)}\n`);
      if (e.table) process.stdout.write(`  ${e.table.param} (the table's rows): ${e.table.values.join(', ')}\n`);
      if (e.table && e.table.otherValues.length > 0) process.stdout.write(`  ${e.table.param} (checkable, no row): ${e.table.otherValues.join(', ')}\n`);
      if (e.configs.length > 0) process.stdout.write(`  configs: ${e.configs.join(', ')}\n`);
      process.stdout.write(`  invariants: ${e.invariants.join(', ') || 'none'}\n`);
      if (e.properties.length > 0) process.stdout.write(`  properties: ${e.properties.join(', ')}\n`);
    }
  }
  return EXIT.ok;
}

/**
 * The table of a study (with --design rows after its own, each loaded and checked before any
 * search starts), then `report`, which prints it and says the exit code. Interrupted, the report
 * still prints: the rows finished, the others marked interrupted.
 */
async function withTable(
  specArg: string,
  flags: CommonFlags,
  what: string,
  rowLines: (study: AnyStudy) => Pick<TableOptions, 'onRow'>,
  report: (study: AnyStudy, params: Record<string, unknown>, table: TableResult, part: PartInfo | undefined) => number,
): Promise<number> {
  const { spec: study, file, configDir } = await loadSpec(specArg, { typecheck: flags.typecheck ?? false });
  await typecheckDesigns(flags);
  knownSpec(study.name);
  if (!isStudy(study)) throw new UsageError(`spec ${study.name} declares no table dimension (nothing to ${what})`);
  const bounds = studyParamSource(study);
  const params = resolveParams(bounds, configDir, flags.config, flags.set, userCwd());
  knownParams(params);
  const extraValues = designFiles(study, flags);
  rowsNotSet(study, flags, resolveParams(bounds, configDir, flags.config, [], userCwd()), resolveParams(bounds, configDir, undefined, [], userCwd()));
  for (const f of extraValues) validated(bounds, { ...params, [study.rows.param]: f });
  // A part of the table (--rows, --shard): its rows are checked, and its JSON says which table it is part of.
  const selection = {
    ...(flags.rows !== undefined ? { rows: flags.rows.split(',') } : {}),
    ...(flags.shard !== undefined ? { shard: parseShard(flags.shard) } : {}),
  };
  const allLabels = [...study.rows.values, ...extraValues].map((v) => rowLabel(study, v));
  const only = selection.rows || selection.shard ? selectRows(allLabels, selection) : undefined;
  warnAboutWorkers(flags.workers);
  const ctrlC = onInterrupt(flags, study, params);
  try {
    // The file lets rows run side by side in worker threads (--workers, auto: one per core).
    const options = {
      extraValues,
      ...(only ? { only } : {}),
      ...budgets(flags),
      specFile: file,
      interrupted: ctrlC.interrupted,
      live: ctrlC.live,
      ...rowLines(study),
    };
    const table = await runTable(study, params, options);
    const part = only ? { rmcVersion, param: study.rows.param, rows: allLabels, seconds: table.seconds } : undefined;
    const code = report(study, params, table, part);
    if (table.interrupted) {
      process.stderr.write('rmc: interrupted; the rows marked interrupted were not checked\n');
      return settle(ctrlC, ctrlC.exitCode());
    }
    // The table is out, its failed rows marked; the spec's failure still decides the exit code.
    for (const e of table.errors ?? []) process.stderr.write(`rmc: ${study.rows.param} ${e.label}: ${e.message}\n`);
    return settle(ctrlC, table.errors?.[0]?.exitCode ?? code);
  } finally {
    ctrlC.dispose();
  }
}

/**
 * A table checks every value of its row parameter, so a value set for it (`--set variant=x`, or
 * a config naming one) would be ignored: refused instead, naming what does check one row.
 */
function rowsNotSet(study: AnyStudy, flags: CommonFlags, withConfig: Record<string, unknown>, plain: Record<string, unknown>): void {
  const param = study.rows.param;
  const bySet = (flags.set ?? []).some((a) => a.slice(0, a.indexOf('=')).trim() === param);
  const byConfig = withConfig[param] !== plain[param];
  if (bySet || byConfig) {
    throw new UsageError(
      `${bySet ? `--set ${param}` : `config ${flags.config} sets ${param}, which`}: a table checks every ${param}; name its rows with --rows, or check one with rmc check --set ${param}=...`,
      2,
    );
  }
}

/** rmc expect: each row's cells against the expectations its value carries; exit 14 when any cell drifted, naming cell, expected and got. */
export function runExpectCommand(specArg: string, flags: CommonFlags): Promise<number> {
  return withTable(
    specArg,
    flags,
    'compare',
    () => ({}),
    (study, params, table) => {
      const rows = compareExpectations(study, table);
      if (flags.json) process.stdout.write(JSON.stringify({ spec: study.name, params, rows }) + '\n');
      else process.stdout.write(expectationsText(rows));
      return rows.some((r) => r.drift.length > 0) ? EXIT.drift : EXIT.ok;
    },
  );
}

export function runTableCommand(specArg: string, flags: CommonFlags): Promise<number> {
  const rowLines = (study: AnyStudy): Pick<TableOptions, 'onRow'> => ({
    onRow: (value, cells, seconds, distinct) => {
      rowDone(study, value, seconds, distinct);
      for (const c of cells) process.stderr.write(`  ${rowLabel(study, value)} x ${c.guarantee}: ${cellText(c)}\n`);
    },
  });
  return withTable(specArg, flags, 'tabulate', rowLines, (_spec, _params, table, part) => {
    if (flags.json) process.stdout.write(JSON.stringify({ ...tableJson(table), ...(part ? { part } : {}) }) + '\n');
    else process.stdout.write(tableText(table));
    return tableExitCode(table);
  });
}

/** A table's exit code once it is printed: a failed row's (75/76/77), else 3 for an incomplete cell, else 0. */
function tableExitCode(table: TableResult): number {
  return table.errors?.[0]?.exitCode ?? (table.cells.some((c) => c.verdict === 'incomplete') ? EXIT.incomplete : EXIT.ok);
}

/** rmc merge: the table from the JSON of its parts (`rmc table --shard i/n --json`), printed as `rmc table` prints it. */
export function runMerge(files: readonly string[], flags: { json?: boolean }): number {
  releaseEarlySignals();
  const parts = files.map((f) => {
    const path = resolve(userCwd(), f);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      throw new UsageError(`merge: cannot read ${f}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 2);
    }
    try {
      return { file: f, json: JSON.parse(text) as unknown };
    } catch {
      throw new UsageError(`merge: ${f} is not JSON (the output of rmc table --shard i/n --json)`, 2);
    }
  });
  const table = mergeParts(parts);
  if (flags.json) process.stdout.write(JSON.stringify(tableJson(table)) + '\n');
  else process.stdout.write(tableText(table));
  for (const e of table.errors ?? []) process.stderr.write(`rmc: ${table.param} ${e.label}: ${e.message}\n`);
  return tableExitCode(table);
}

export async function runCounterexamples(specArg: string, out: string, flags: { deep?: boolean; deepFrom?: string } = {}): Promise<number> {
  const { spec: study, file, configDir } = await loadSpec(specArg);
  knownSpec(study.name);
  if (!isStudy(study)) throw new UsageError(`spec ${study.name} declares no table dimension`);
  if (flags.deep && flags.deepFrom !== undefined) throw new UsageError('--deep and --deep-from get the deep table two ways: give one', 2);
  const target = resolve(userCwd(), out);
  const deep = flags.deepFrom !== undefined ? { from: resolve(userCwd(), flags.deepFrom) } : flags.deep ? ('run' as const) : ('read' as const);
  // Interrupted, the searches stop and nothing is written: the folder stays as it was.
  const ctrlC = listenForInterrupts(() => process.stderr.write(`rmc: interrupted; ${target} was left as it was\n`));
  try {
    const onRow = (value: unknown, _cells: unknown, seconds: number, distinct: number): void => rowDone(study, value, seconds, distinct);
    const onDeepRow = (value: unknown, _cells: unknown, seconds: number, distinct: number): void => rowDone(study, value, seconds, distinct, 'deep table, ');
    // The table's rows side by side, one per core (the files written are the same either way).
    const files = await regenerateCounterexamples(study, target, readPlan(dirname(file)), configDir, {
      interrupted: ctrlC.interrupted,
      onRow,
      onDeepRow,
      workers: 'auto',
      specFile: file,
      deep,
      onWarning: (line) => process.stderr.write(`rmc: warning: ${line}\n`),
    });
    if (files === 'interrupted') {
      process.stderr.write(`rmc: interrupted; ${target} was left as it was\n`);
      return settle(ctrlC, ctrlC.exitCode());
    }
    process.stderr.write(`rmc: wrote ${files.length} files to ${target}\n`);
    return settle(ctrlC, EXIT.ok);
  } finally {
    ctrlC.dispose();
  }
}
