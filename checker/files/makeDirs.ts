// makeDirs: mkdir -p that reports the error of the folder it could not make. Node's own
// (mkdirSync with `recursive`) answers a new folder on a read-only file system with ENOENT: it
// stats the folder that failed with EROFS, finds it missing, and reports that instead. Under
// /proc, where mkdir says ENOENT of a folder whose parent exists, it loops for ever. This one
// finds the nearest folder that exists, then makes each below it in turn, so the first refusal
// (EROFS, EACCES, ENOTDIR, ENOSPC) is the one the user hears about.
import { lstatSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/** The two calls makeDirs needs, passed in so that a test can make mkdir fail as EROFS does. */
export interface DirOps {
  /** Is there anything at `path` (lstat: a dangling link counts)? */
  exists(path: string): boolean;
  /** Is `path` a folder, or a link to one? */
  isDir(path: string): boolean;
  /** mkdir of one folder whose parent exists. */
  mkdirOne(path: string): void;
}

export const nodeDirOps: DirOps = {
  exists: (path) => {
    try {
      lstatSync(path);
      return true;
    } catch {
      return false;
    }
  },
  isDir: (path) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  },
  mkdirOne: (path) => mkdirSync(path),
};

/** Makes `dir` and its missing parents; returns the first folder it made, undefined when `dir`
 * was there. Throws the OS error of the first folder it could not make: EEXIST when something
 * not a folder is at `dir` itself, as mkdir -p does. */
export function makeDirs(dir: string, ops: DirOps = nodeDirOps): string | undefined {
  const missing: string[] = [];
  for (let d = dir; !ops.exists(d); d = dirname(d)) {
    missing.push(d);
    if (dirname(d) === d) break;
  }
  if (missing.length === 0) {
    if (!ops.isDir(dir)) ops.mkdirOne(dir); // throws EEXIST, the OS's own words
    return undefined;
  }
  missing.reverse();
  for (const d of missing) {
    try {
      ops.mkdirOne(d);
    } catch (e) {
      // Made meanwhile by another process: it is there, which is all that was asked.
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && ops.isDir(d)) continue;
      throw e;
    }
  }
  return missing[0];
}
