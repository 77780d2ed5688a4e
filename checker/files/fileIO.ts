// FileIO: the few file-system calls the writers make, passed in so that tests can make a write
// fail (ENOSPC half-way through, EROFS) where a real disk cannot be made to on demand.
import { lstatSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { isOsError } from '../errors.ts';
import { dirname } from 'node:path';
import { makeDirs } from './makeDirs.ts';

export interface FileIO {
  /** mkdir -p; returns the first folder it created, undefined when all existed. */
  mkdir(dir: string): string | undefined;
  write(file: string, content: string | Uint8Array): void;
  rename(from: string, to: string): void;
  /** Removes a file if it is there. Never throws: it runs while an earlier error is on its way
   * to the user, and that error is the one to report. */
  remove(file: string): void;
  /** Removes a folder tree this run made itself (a staging folder); never throws, as `remove`. */
  removeTree(dir: string): void;
  /** Removes an empty folder (rmdir: never a folder that holds something). */
  removeDir(dir: string): void;
}

export const nodeIO: FileIO = {
  mkdir: (dir) => makeDirs(dir),
  write: (file, content) => writeFileSync(file, content),
  rename: (from, to) => renameSync(from, to),
  remove: (file) => bestEffort(() => rmSync(file, { force: true })),
  removeTree: (dir) => bestEffort(() => rmSync(dir, { recursive: true, force: true })),
  removeDir: (dir) => rmdirSync(dir),
};

function bestEffort(f: () => void): void {
  try {
    f();
  } catch {
    // See FileIO.remove: the error that brought us here is the one the user hears about.
  }
}

/** Undoes a `mkdir` that created `created`: removes `dir` and its parents up to `created`, each
 * only if empty, stopping at the first that is not. */
export function removeCreatedDirs(dir: string, created: string | undefined, io: FileIO): void {
  if (created === undefined) return;
  for (let d = dir; ; d = dirname(d)) {
    try {
      io.removeDir(d);
    } catch {
      return;
    }
    if (d === created || dirname(d) === d) return;
  }
}

/** lstat, or undefined when nothing is there: ENOENT, or ENOTDIR when a file stands where a
 * folder on the path should be (whoever writes there then hears that, in the OS's words). */
export function lstatOrUndefined(path: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(path);
  } catch (e) {
    if (isOsError(e) && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return undefined;
    throw e;
  }
}
