// writeTraceFolder: the --trace-dir writer. The folder is the user's (often /tmp/traces, or one
// beside their notes), so unlike the counterexamples folder it is never replaced whole: rmc adds
// its files to it, and replaces a file only where it is rmc's own. A file is rmc's when the
// manifest rmc keeps in the folder lists it with the hash of what rmc wrote, and the file still
// has that content: a trace the user edited is theirs from then on. Anything else at a trace's
// name is refused before anything is written. The same command run twice into one folder
// replaces its own traces; another spec's traces join them, each listed in the one manifest.
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOsError, UsageError } from '../errors.ts';
import { lstatOrUndefined, nodeIO, type FileIO } from './fileIO.ts';
import { writeFileSet } from './writeFileSet.ts';

export const TRACE_MANIFEST = '.rmc-traces.json';
const WRITER = 'rmc --trace-dir';
const SHOWN = 5;

/** Each file rmc wrote into a trace folder, with the sha256 of its content then. */
type Written = Record<string, string>;

/** The manifest's bytes: sorted, no time, pid or path, so the same traces give the same bytes. */
export function traceManifestText(files: Written): string {
  const why = 'rmc --trace-dir replaces a file here only while it is listed with the hash of the content rmc wrote';
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ writtenBy: WRITER, why, files: sorted }, null, 2) + '\n';
}

/**
 * Writes `files` into `dir` (made if missing), all or none (writeFileSet), then the manifest
 * listing them beside the ones of earlier runs that are still there. Throws a UsageError (exit 2)
 * naming every file in the way that is not rmc's, having written nothing; OS errors as they come.
 */
export function writeTraceFolder(dir: string, files: readonly (readonly [name: string, content: string])[], io: FileIO = nodeIO): void {
  const previous = readManifest(dir);
  const foreign = files.map(([name]) => name).filter((name) => inTheWay(dir, name) && !isOurs(dir, name, previous));
  if (previous === 'foreign') foreign.push(TRACE_MANIFEST);
  if (foreign.length > 0) {
    const shown = foreign.slice(0, SHOWN).join(', ') + (foreign.length > SHOWN ? `, and ${foreign.length - SHOWN} more` : '');
    throw new UsageError(`--trace-dir ${dir}: not replacing files rmc did not write (${shown}); move them or choose another folder`, 2);
  }
  const kept = Object.entries(previous === 'foreign' ? {} : previous).filter(([name]) => inTheWay(dir, name));
  const written: Written = { ...Object.fromEntries(kept), ...Object.fromEntries(files.map(([name, content]) => [name, sha256(content)])) };
  writeFileSet(dir, [...files, [TRACE_MANIFEST, traceManifestText(written)]], io);
}

/** The files an earlier run listed, {} when there is no manifest, 'foreign' when the file at the
 * manifest's name is not one of ours (so it may not be replaced either). */
function readManifest(dir: string): Written | 'foreign' {
  const file = join(dir, TRACE_MANIFEST);
  const entry = lstatOrUndefined(file);
  if (entry === undefined) return {};
  if (!entry.isFile()) return 'foreign';
  let m: unknown;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    if (isOsError(e)) throw e;
    return 'foreign';
  }
  const { writtenBy, files } = (m ?? {}) as { writtenBy?: unknown; files?: unknown };
  if (writtenBy !== WRITER || files === null || typeof files !== 'object' || Array.isArray(files)) return 'foreign';
  if (!Object.values(files).every((h) => typeof h === 'string')) return 'foreign';
  return files as Written;
}

/** Something that a write of `name` would replace: anything but a folder (a folder is not
 * replaced by a rename; the write fails with the OS's EISDIR). */
function inTheWay(dir: string, name: string): boolean {
  const entry = lstatOrUndefined(join(dir, name));
  return entry !== undefined && !entry.isDirectory();
}

function isOurs(dir: string, name: string, previous: Written | 'foreign'): boolean {
  if (previous === 'foreign' || previous[name] === undefined) return false;
  const file = join(dir, name);
  if (!lstatSync(file).isFile()) return false;
  return sha256(readFileSync(file)) === previous[name];
}

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
