// saveTraces: a check's or simulation's traces into --trace-dir, as text and JSON, and what came
// of it: written, or the one line saying why not with its exit code (74 the OS refused, 2 a file
// in the way is not rmc's). Never throws for those, so the report around it is never lost; the
// JSON report carries the outcome as its `traceDir` field.
import type { AnySpec } from '../spec.ts';
import type { CheckResult } from '../findings.ts';
import { isOsError, osErrorText, UsageError } from '../errors.ts';
import { EXIT } from '../report/exitCode.ts';
import { jsonReport } from '../report/jsonReport.ts';
import { type TraceFormat, violationTrace } from '../report/violationTrace.ts';
import { nodeIO, type FileIO } from '../files/fileIO.ts';
import { writeTraceFolder } from '../files/traceFolder.ts';

export type TracesSaved =
  | { readonly path: string; readonly written: true; readonly files: readonly string[] }
  | { readonly path: string; readonly written: false; readonly error: string; readonly exitCode: number };

/** Writes the traces into `dir` (writeTraceFolder's rules); nothing to write, nothing is touched. */
export function saveTraces(spec: AnySpec, params: object, result: CheckResult, dir: string, io: FileIO = nodeIO, format: TraceFormat = 'tlc'): TracesSaved {
  const files = traceFiles(spec, params, result, format);
  try {
    if (files.length > 0) writeTraceFolder(dir, files, io);
    return { path: dir, written: true, files: files.map(([name]) => name) };
  } catch (e) {
    if (e instanceof UsageError) return { path: dir, written: false, error: e.message, exitCode: e.exitCode };
    if (isOsError(e)) return { path: dir, written: false, error: `cannot write traces to ${dir}: ${osErrorText(e)}`, exitCode: EXIT.cannotWrite };
    throw e;
  }
}

/** The `traceDir` field of the JSON report: where, and whether the traces are there. */
export function tracesJson(saved: TracesSaved): object {
  return saved.written ? { path: saved.path, written: true, files: saved.files } : { path: saved.path, written: false, error: saved.error };
}

/** Each violation with a trace, as `<spec>--<kind>-<name>.txt` (in the format asked) and `.json`. */
function traceFiles(spec: AnySpec, params: object, result: CheckResult, format: TraceFormat): [string, string][] {
  const report = jsonReport(spec, params, result) as { violations: object[] };
  const files: [string, string][] = [];
  result.violations.forEach((v, i) => {
    if (v.trace.length === 0) return;
    const base = `${spec.name.replace(/\//g, '-')}--${v.kind}-${v.name}`.replace(/[^\w.-]+/g, '_');
    files.push([`${base}.txt`, violationTrace(spec, params, v, format)], [`${base}.json`, JSON.stringify(report.violations[i], null, 2) + '\n']);
  });
  return files;
}
