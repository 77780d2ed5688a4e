// rmc never deletes what it did not write, and an output that cannot be written costs that
// output, not the result: `--trace-dir` failures print the report, then one line, exit 74. Real
// CLI runs where a file in the way makes the failure real; an injected FileIO for what a test
// cannot make a disk do (ENOSPC half way through, EROFS), since we run as root and chmod does
// not stop us.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIO, type FileIO } from '../../../checker/cli/fileIO.ts';
import { writeAtomically } from '../../../checker/cli/writeAtomically.ts';
import { writeFileSet } from '../../../checker/cli/writeFileSet.ts';
import { isOsError, osErrorText } from '../../../checker/errors.ts';
import { rmc, tempDir } from './runRmc.ts';

const CLI = 60_000;
const TRACE = 'classic-diehard--invariant-NotSolved';

/** What Node throws, so the code under test sees the real shape (code, syscall, message). */
const osError = (code: string, text: string, syscall: string, path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'`), { code, syscall, path, errno: -1 });

/** Every file and folder under `dir`, relative, sorted: what a run left behind. */
const tree = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

/** Every file and folder under `dir` with its bytes (folders as '<folder>'): for "untouched". */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(tree(dir).map((f) => [f, statSync(join(dir, f)).isDirectory() ? '<folder>' : readFileSync(join(dir, f), 'utf8')]));

describe('rmc check and simulate when --trace-dir cannot be written', () => {
  // [what, command, --json, what is in the way (relative to a fresh folder), --trace-dir, stderr]
  const cases: [string, string, boolean, (d: string) => void, string, string][] = [
    ['a file where the folder should be', 'check', false, (d) => writeFileSync(join(d, 'traces'), 'mine'), 'traces', 'EEXIST: file already exists'],
    ['a file on the folder\'s path', 'check', true, (d) => writeFileSync(join(d, 'traces'), 'mine'), 'traces/sub', 'ENOTDIR: not a directory'],
    ['a folder where the JSON trace should be', 'check', false, (d) => mkdirSync(join(d, 'traces', `${TRACE}.json`), { recursive: true }), 'traces', 'EISDIR: illegal operation on a directory'],
    ['a file where the folder should be, simulating', 'simulate', true, (d) => writeFileSync(join(d, 'traces'), 'mine'), 'traces', 'EEXIST: file already exists'],
  ];
  for (const [what, command, json, inTheWay, traceDir, error] of cases) {
    it(`prints the report in full, then one line, and exits 74 with ${what}${json ? ' (--json)' : ''}`, () => {
      const dir = tempDir('rmc-out-traces-');
      inTheWay(dir);
      const before = snapshot(dir);
      const r = rmc([command, 'classic/diehard', '--trace-dir', join(dir, traceDir), ...(json ? ['--json'] : [])]);
      expect(r.code).toBe(74);
      if (json) expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'violation', violations: [{ name: 'NotSolved' }] });
      else expect(r.stdout).toMatch(/Invariant NotSolved is violated[\s\S]*fingerprint collision probability/);
      expect(r.stderr.trim().split('\n').at(-1)).toBe(`rmc: cannot write traces to ${join(dir, traceDir)}: ${error}`);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      // The run's own .txt (written before the .json failed) is gone, and no temporary file.
      expect(snapshot(dir)).toEqual(before);
    }, CLI);
  }

  it('keeps the verdict\'s exit code when the traces are written', () => {
    const dir = tempDir('rmc-out-traces-');
    expect(rmc(['check', 'classic/diehard', '--trace-dir', join(dir, 'new', 'traces')]).code).toBe(12);
    expect(tree(join(dir, 'new', 'traces'))).toEqual([`${TRACE}.json`, `${TRACE}.txt`]);
  }, CLI);
});

/** nodeIO, but the n-th write (from 1) writes nothing and fails as a full disk does: what it
 * leaves is a 0-byte file, which the writer must clean up. */
const fullAfter = (n: number): FileIO => {
  let writes = 0;
  return {
    ...nodeIO,
    write: (file, content) => {
      if (++writes < n) return nodeIO.write(file, content);
      nodeIO.write(file, '');
      throw osError('ENOSPC', 'no space left on device', 'write', file);
    },
  };
};
const readOnly: Record<'mkdir' | 'write' | 'rename', FileIO> = {
  mkdir: { ...nodeIO, mkdir: (dir) => { throw osError('EROFS', 'read-only file system', 'mkdir', dir); } },
  write: { ...nodeIO, write: (file) => { throw osError('EROFS', 'read-only file system', 'open', file); } },
  rename: { ...nodeIO, rename: (from, to) => { throw osError('EROFS', 'read-only file system', 'rename', `${from}' -> '${to}`); } },
};

describe('writeFileSet (the --trace-dir writer) on a failing file system', () => {
  const ten = Array.from({ length: 10 }, (_, i) => [`trace-${i}.txt`, `trace ${i}\n`] as const);
  const cases: [string, FileIO, string][] = [
    ['the disk fills after three traces of ten', fullAfter(4), 'ENOSPC: no space left on device'],
    ['the file system is read-only (mkdir fails)', readOnly.mkdir, 'EROFS: read-only file system'],
    ['the file system is read-only (open fails)', readOnly.write, 'EROFS: read-only file system'],
    ['the rename fails', readOnly.rename, 'EROFS: read-only file system'],
  ];
  for (const [what, io, text] of cases) {
    it(`leaves no file of the run and no .tmp when ${what}`, () => {
      const dir = tempDir('rmc-out-set-');
      writeFileSync(join(dir, 'mine.txt'), 'mine');
      let thrown: unknown;
      try {
        writeFileSet(join(dir, 'traces', 'deep'), ten, io);
      } catch (e) {
        thrown = e;
      }
      expect(isOsError(thrown) && osErrorText(thrown)).toBe(text);
      expect(tree(dir)).toEqual(['mine.txt']);
    });
  }

  it('writes every file when nothing fails', () => {
    const dir = tempDir('rmc-out-set-');
    writeFileSet(join(dir, 'traces'), ten);
    expect(tree(join(dir, 'traces'))).toEqual(ten.map(([f]) => f).sort());
  });

  it('removes its temporary file when the write fails half way', () => {
    const dir = tempDir('rmc-out-atomic-');
    expect(() => writeAtomically(join(dir, 'a.txt'), 'content', fullAfter(1))).toThrow(/ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
