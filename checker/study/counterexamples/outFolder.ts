// The counterexamples folder is replaced whole, so `--out` must name a folder rmc may replace:
// one that does not exist, an empty one, or a previous generation. A previous generation is
// known only by the manifest rmc writes into it (the exact files it wrote), never by file
// names: `--out .` once deleted a user's own files. A folder holding anything its manifest does
// not list is not ours, and is refused. The new folder is staged in a hidden sibling and swapped
// in by renames; the previous generation is removed file by file (only what its manifest lists),
// so nothing rmc did not write is ever deleted. A file may sit in a subfolder (`designs/x.md`): the
// subfolder is ours when every file in it is listed, and it goes once its files have.
import { accessSync, constants, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { isOsError, osErrorText, OutputError, UsageError } from '../../errors.ts';
import { lstatOrUndefined, nodeIO, removeCreatedDirs, type FileIO } from '../../files/fileIO.ts';

export const MANIFEST = '.rmc-manifest.json';
const WRITER = 'rmc counterexamples';
const SHOWN = 5;

/** The manifest's bytes: deterministic (no time, pid or path), as the freshness test compares them. */
export function manifestText(files: readonly string[]): string {
  const why = 'rmc replaces this folder only while it holds nothing but the files listed here';
  return JSON.stringify({ writtenBy: WRITER, why, files: [...files].sort() }, null, 2) + '\n';
}

/** Throws a UsageError (exit 2) unless `target` may be replaced, an OutputError (74) when it
 * could not be written anyway (its parent is a file, read-only, ...). Cheap: run it before the
 * search, so a refusal costs nothing. */
export function assertReplaceable(target: string): void {
  try {
    assertWritableParent(target);
    const entry = lstatOrUndefined(target);
    if (entry === undefined) return;
    if (!entry.isDirectory()) {
      // A symbolic link too: replacing it would replace the user's link, not what it points to.
      const what = entry.isSymbolicLink() ? 'a symbolic link, not a folder' : entry.isFile() ? 'a file, not a folder' : 'not a folder';
      throw new UsageError(`--out ${target} is ${what}; choose an empty or new folder`, 2);
    }
    refuseForeign(target, target);
  } catch (e) {
    throw isOsError(e) ? cannotWrite(target, e) : e;
  }
}

/** Writes `files` and the manifest into a staging sibling and swaps it in for `target`. On any
 * failure the staging folder goes, the target is as it was, and the error is a UsageError
 * (someone put a file into the target meanwhile) or an OutputError. Returns the names written. */
export function replaceFolder(target: string, files: ReadonlyMap<string, string>, io: FileIO = nodeIO): string[] {
  assertReplaceable(target);
  const names = [...files.keys(), MANIFEST].sort();
  let created: string | undefined;
  let stage: string | undefined;
  try {
    created = io.mkdir(dirname(target));
    stage = mkdtempSync(join(dirname(target), `.${basename(target)}.rmc-`));
    const fresh = join(stage, 'new');
    io.mkdir(fresh);
    for (const [name, text] of files) {
      if (name.includes('/')) io.mkdir(dirname(join(fresh, name)));
      io.write(join(fresh, name), text);
    }
    io.write(join(fresh, MANIFEST), manifestText([...files.keys()]));
    swap(target, fresh, join(stage, 'old'), io);
  } catch (e) {
    if (stage !== undefined) {
      io.removeTree(join(stage, 'new'));
      // rmdir, not rm -r: had a failed rollback left the previous generation in old/, it stays.
      removeCreatedDirs(stage, stage, io);
    }
    removeCreatedDirs(dirname(target), created, io);
    throw isOsError(e) ? cannotWrite(target, e) : e;
  }
  removeCreatedDirs(stage, stage, io);
  return names;
}

/** Moves the target aside, checks what was moved (a file may have appeared since the first check;
 * moved aside, nobody else adds to it by name), moves the new folder in, then deletes exactly the
 * files that check found to be the previous generation's. */
function swap(target: string, fresh: string, old: string, io: FileIO): void {
  const had = lstatOrUndefined(target) !== undefined;
  let previous: string[] = [];
  if (had) io.rename(target, old);
  try {
    if (had) previous = refuseForeign(old, target);
    io.rename(fresh, target);
  } catch (e) {
    if (had) io.rename(old, target);
    throw e;
  }
  if (!had) return;
  for (const name of previous) io.remove(join(old, name));
  // Subfolders last, deepest first, once the files listed in them are gone.
  const dirs = [...new Set(previous.filter((n) => n.includes('/')).map((n) => dirname(n)))].sort().reverse();
  for (const dir of dirs) io.removeDir(join(old, dir));
  io.removeDir(old);
}

/** Refuses a folder holding anything not ours; returns what is ours (the manifest and the files
 * it lists that are there). */
function refuseForeign(dir: string, shownAs: string): string[] {
  const { ours, foreign } = entriesOf(dir);
  if (foreign.length === 0) return ours;
  const shown = foreign.slice(0, SHOWN).join(', ') + (foreign.length > SHOWN ? `, and ${foreign.length - SHOWN} more` : '');
  throw new UsageError(`--out ${shownAs} holds files rmc did not write (${shown}); choose an empty or new folder`, 2);
}

/** A folder's entries split into a previous generation's (the manifest, if it is ours, and the
 * plain files it lists, those in a subfolder as `sub/name`) and the rest: everything, when there
 * is no manifest of ours. A subfolder is ours when it holds listed plain files and nothing else. */
function entriesOf(dir: string): { ours: string[]; foreign: string[] } {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  const listed = entries.some((e) => e.name === MANIFEST && e.isFile()) ? manifestFiles(join(dir, MANIFEST)) : undefined;
  const ours: string[] = [];
  const foreign: string[] = [];
  for (const e of entries) {
    if (listed !== undefined && e.isFile() && (e.name === MANIFEST || listed.has(e.name))) ours.push(e.name);
    else if (listed !== undefined && e.isDirectory() && !e.isSymbolicLink()) {
      const inside = readdirSync(join(dir, e.name), { withFileTypes: true });
      // An empty folder is the user's: rmc never leaves one behind.
      const all = inside.length > 0 && inside.every((f) => f.isFile() && listed.has(`${e.name}/${f.name}`));
      if (all) ours.push(...inside.map((f) => `${e.name}/${f.name}`).sort());
      else foreign.push(e.name);
    } else foreign.push(e.name);
  }
  return { ours, foreign };
}

function manifestFiles(file: string): Set<string> | undefined {
  let m: unknown;
  try {
    m = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    if (isOsError(e)) throw e;
    return undefined;
  }
  const { writtenBy, files } = (m ?? {}) as { writtenBy?: unknown; files?: unknown };
  if (writtenBy !== WRITER || !Array.isArray(files) || !files.every((f) => typeof f === 'string')) return undefined;
  return new Set(files as string[]);
}

/** The nearest existing ancestor must be a folder we may write in: rename needs that, and a
 * read-only file system or a file in the way is better heard before the search than after. */
function assertWritableParent(target: string): void {
  let dir = dirname(target);
  while (lstatOrUndefined(dir) === undefined && dirname(dir) !== dir) dir = dirname(dir);
  if (!statSync(dir).isDirectory()) throw Object.assign(new Error('ENOTDIR: not a directory'), { code: 'ENOTDIR' });
  accessSync(dir, constants.W_OK);
}


function cannotWrite(target: string, e: NodeJS.ErrnoException & { code: string }): OutputError {
  return new OutputError(`cannot write counterexamples to ${target}: ${osErrorText(e)}`);
}
