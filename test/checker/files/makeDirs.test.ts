// makeDirs (mkdir -p) names the error of the folder it could not make, and the --trace-dir
// writer passes it on for the path the user gave: EROFS for a new folder on a read-only file
// system, where Node's recursive mkdirSync says ENOENT. Tests run as root, whom chmod does not
// stop, and no read-only mount is at hand: the read-only file system is an injected mkdir.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isOsError, osErrorText } from '../../../checker/errors.ts';
import { makeDirs, nodeDirOps, type DirOps } from '../../../checker/files/makeDirs.ts';
import { nodeIO } from '../../../checker/files/fileIO.ts';
import { saveTraces } from '../../../checker/cli/saveTraces.ts';
import { check } from '../../../checker/run/check.ts';
import diehard from '../../../spec/classic/diehard.ts';
import { tempDir } from '../cli/runRmc.ts';

/** A file system mounted read-only under `mount`: mkdir there fails as the kernel fails it. */
const readOnlyUnder = (mount: string): DirOps => ({
  ...nodeDirOps,
  mkdirOne: (path) => {
    if (path.startsWith(`${mount}/`))
      throw Object.assign(new Error(`EROFS: read-only file system, mkdir '${path}'`), { code: 'EROFS', syscall: 'mkdir', path });
    nodeDirOps.mkdirOne(path);
  },
});

const thrown = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return isOsError(e) ? osErrorText(e) : String(e);
  }
  return 'nothing thrown';
};

describe('makeDirs', () => {
  it('makes every missing folder and returns the first it made', () => {
    const dir = tempDir('rmc-makedirs-');
    expect(makeDirs(join(dir, 'a', 'b', 'c'))).toBe(join(dir, 'a'));
    expect(existsSync(join(dir, 'a', 'b', 'c'))).toBe(true);
    expect(makeDirs(join(dir, 'a', 'b', 'c'))).toBeUndefined();
  });

  it('reports EROFS for a nested new folder on a read-only file system, not ENOENT', () => {
    const dir = tempDir('rmc-makedirs-');
    expect(thrown(() => makeDirs(join(dir, 'a', 'b', 'c'), readOnlyUnder(dir)))).toBe('EROFS: read-only file system');
    expect(readdirSync(dir)).toEqual([]);
  });

  it("answers a file on the path with ENOTDIR and a file at the folder's own name with EEXIST", () => {
    const dir = tempDir('rmc-makedirs-');
    writeFileSync(join(dir, 'f'), 'mine');
    expect(thrown(() => makeDirs(join(dir, 'f', 'sub')))).toBe('ENOTDIR: not a directory');
    expect(thrown(() => makeDirs(join(dir, 'f')))).toBe('EEXIST: file already exists');
  });

  it('takes a folder made meanwhile by someone else as made', () => {
    const dir = tempDir('rmc-makedirs-');
    const racing: DirOps = {
      ...nodeDirOps,
      mkdirOne: (path) => {
        mkdirSync(path);
        nodeDirOps.mkdirOne(path); // EEXIST: the other process was first
      },
    };
    expect(makeDirs(join(dir, 'a', 'b'), racing)).toBe(join(dir, 'a'));
    expect(existsSync(join(dir, 'a', 'b'))).toBe(true);
  });
});

describe('saveTraces (--trace-dir) on a read-only file system', () => {
  it('says EROFS for the new nested folder the user named, exit 74, and leaves nothing', async () => {
    const dir = tempDir('rmc-makedirs-');
    const result = await check(diehard, diehard.defaults, { workers: 1 });
    const target = join(dir, 'new', 'traces');
    const io = { ...nodeIO, mkdir: (d: string) => makeDirs(d, readOnlyUnder(dir)) };
    expect(saveTraces(diehard, diehard.defaults, result, target, io)).toEqual({
      path: target,
      written: false,
      error: `cannot write traces to ${target}: EROFS: read-only file system`,
      exitCode: 74,
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
