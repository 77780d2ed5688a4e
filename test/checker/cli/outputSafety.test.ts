// rmc never deletes what it did not write, and an output that cannot be written costs that
// output, not the result: `--trace-dir` failures print the report, then one line, exit 74, and
// a file at a trace's name that is not rmc's (its manifest says which are) is refused, exit 2;
// `counterexamples --out` replaces only an empty folder or a previous generation (known by its
// manifest), refusing anything else before the search. Real CLI runs where a file in the way
// makes the failure real; an injected FileIO for what a test cannot make a disk do (ENOSPC half
// way through, EROFS), since we run as root and chmod does not stop us.
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeIO, type FileIO } from '../../../checker/files/fileIO.ts';
import { writeAtomically } from '../../../checker/files/writeAtomically.ts';
import { writeFileSet } from '../../../checker/files/writeFileSet.ts';
import { TRACE_MANIFEST } from '../../../checker/files/traceFolder.ts';
import { generateCounterexamples } from '../../../checker/study/counterexamples/generate.ts';
import { MANIFEST, manifestText } from '../../../checker/study/counterexamples/outFolder.ts';
import { isOsError, osErrorText, OutputError, UsageError } from '../../../checker/errors.ts';
import { runTable } from '../../../checker/study/table.ts';
import { root } from './runRmc.ts';
import tableStudy from './tableSpecModule.ts';
import { rmc, tempDir } from './runRmc.ts';

const CLI = 60_000;
const tableSpecFile = resolve(import.meta.dirname, 'tableSpecModule.ts');
const TRACE = 'classic-diehard--invariant-NotSolved';

/** What Node throws, so the code under test sees the real shape (code, syscall, message). */
const osError = (code: string, text: string, syscall: string, path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: ${text}, ${syscall} '${path}'`), { code, syscall, path, errno: -1 });

/** Every file and folder under `dir`, relative, sorted: what a run left behind. */
const tree = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

/** Every file and folder under `dir` with its bytes (folders as '<folder>'): for "untouched". */
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(tree(dir).map((f) => [f, statSync(join(dir, f)).isDirectory() ? '<folder>' : readFileSync(join(dir, f), 'utf8')]));

describe('rmc check and simulate when --trace-dir cannot be written', () => {
  // [what, command, --json, what is in the way (relative to a fresh folder), --trace-dir, stderr]
  const cases: [string, string, boolean, (d: string) => void, string, string][] = [
    ['a file where the folder should be', 'check', false, (d) => writeFileSync(join(d, 'traces'), 'mine'), 'traces', 'EEXIST: file already exists'],
    ["a file on the folder's path", 'check', true, (d) => writeFileSync(join(d, 'traces'), 'mine'), 'traces/sub', 'ENOTDIR: not a directory'],
    [
      'a folder where the JSON trace should be',
      'check',
      false,
      (d) => mkdirSync(join(d, 'traces', `${TRACE}.json`), { recursive: true }),
      'traces',
      'EISDIR: illegal operation on a directory',
    ],
    [
      'a file where the folder should be, simulating',
      'simulate',
      true,
      (d) => writeFileSync(join(d, 'traces'), 'mine'),
      'traces',
      'EEXIST: file already exists',
    ],
  ];
  for (const [what, command, json, inTheWay, traceDir, error] of cases) {
    it(
      `prints the report in full, then one line, and exits 74 with ${what}${json ? ' (--json)' : ''}`,
      () => {
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
      },
      CLI,
    );
  }

  it(
    "keeps the verdict's exit code when the traces are written",
    () => {
      const dir = tempDir('rmc-out-traces-');
      expect(rmc(['check', 'classic/diehard', '--trace-dir', join(dir, 'new', 'traces')]).code).toBe(12);
      expect(tree(join(dir, 'new', 'traces'))).toEqual([TRACE_MANIFEST, `${TRACE}.json`, `${TRACE}.txt`]);
    },
    CLI,
  );
});

describe('rmc check --trace-dir onto a folder that holds files', () => {
  const refused = (dir: string, names: string): string =>
    `rmc: --trace-dir ${dir}: not replacing files rmc did not write (${names}); move them or choose another folder`;
  // [what, what is in the folder before the run, the names the refusal gives]
  const cases: [string, (d: string) => void, string][] = [
    ["a user's file at a trace's name", (d) => writeFileSync(join(d, `${TRACE}.txt`), 'mine'), `${TRACE}.txt`],
    [
      "a symbolic link at a trace's name (to a user's file)",
      (d) => {
        writeFileSync(join(d, 'mine.txt'), 'mine');
        symlinkSync(join(d, 'mine.txt'), join(d, `${TRACE}.json`));
      },
      `${TRACE}.json`,
    ],
    [
      "a trace rmc wrote, listed by a manifest that is not rmc's",
      (d) => {
        writeFileSync(join(d, TRACE_MANIFEST), '{"files":{}}');
        writeFileSync(join(d, `${TRACE}.txt`), 'mine');
      },
      `${TRACE}.txt, ${TRACE_MANIFEST}`,
    ],
  ];
  for (const [what, make, names] of cases) {
    it(
      `refuses ${what}: the report in full, then one line naming it, exit 2, nothing touched`,
      () => {
        const dir = tempDir('rmc-out-tracedir-');
        make(dir);
        const before = snapshot(dir);
        const r = rmc(['check', 'classic/diehard', '--trace-dir', dir]);
        expect(r.code).toBe(2);
        expect(r.stdout).toMatch(/Invariant NotSolved is violated[\s\S]*fingerprint collision probability/);
        expect(r.stderr.trim().split('\n').at(-1)).toBe(refused(dir, names));
        expect(snapshot(dir)).toEqual(before);
      },
      CLI,
    );
  }

  it(
    'refuses a trace it wrote that the user has edited since, keeping the edit',
    () => {
      const dir = tempDir('rmc-out-tracedir-');
      expect(rmc(['check', 'classic/diehard', '--trace-dir', dir]).code).toBe(12);
      writeFileSync(join(dir, `${TRACE}.txt`), readFileSync(join(dir, `${TRACE}.txt`), 'utf8') + 'my note\n');
      const before = snapshot(dir);
      const r = rmc(['check', 'classic/diehard', '--trace-dir', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n').at(-1)).toBe(refused(dir, `${TRACE}.txt`));
      expect(snapshot(dir)).toEqual(before);
    },
    CLI,
  );

  it(
    "runs the same command twice into a folder of the user's, then another spec's: each replaces only its own traces",
    () => {
      const dir = tempDir('rmc-out-tracedir-');
      writeFileSync(join(dir, 'notes.txt'), 'mine');
      const diehard = ['check', 'classic/diehard', '--trace-dir', dir];
      expect(rmc(diehard).code).toBe(12);
      const first = snapshot(dir);
      expect(rmc(diehard).code).toBe(12);
      expect(snapshot(dir)).toEqual(first);
      const other = 'test-counter-table--invariant-below-two';
      expect(rmc(['check', tableSpecFile, '--set', 'limit=2', '--trace-dir', dir]).code).toBe(12);
      expect(rmc(diehard).code).toBe(12);
      expect(tree(dir)).toEqual([TRACE_MANIFEST, `${TRACE}.json`, `${TRACE}.txt`, 'notes.txt', `${other}.json`, `${other}.txt`]);
      expect(Object.keys(JSON.parse(readFileSync(join(dir, TRACE_MANIFEST), 'utf8')).files)).toEqual([
        `${TRACE}.json`,
        `${TRACE}.txt`,
        `${other}.json`,
        `${other}.txt`,
      ]);
      expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    },
    CLI,
  );

  it(
    'says in the JSON report whether the traces were written, and why not',
    () => {
      const dir = tempDir('rmc-out-tracedir-');
      const ok = rmc(['check', 'classic/diehard', '--trace-dir', join(dir, 'traces'), '--json']);
      expect(ok.code).toBe(12);
      expect(JSON.parse(ok.stdout).traceDir).toEqual({ path: join(dir, 'traces'), written: true, files: [`${TRACE}.txt`, `${TRACE}.json`] });
      writeFileSync(join(dir, 'afile'), 'mine');
      const blocked = rmc(['check', 'classic/diehard', '--trace-dir', join(dir, 'afile'), '--json']);
      expect(blocked.code).toBe(74);
      const error = `cannot write traces to ${join(dir, 'afile')}: EEXIST: file already exists`;
      expect(JSON.parse(blocked.stdout)).toMatchObject({ verdict: 'violation', traceDir: { path: join(dir, 'afile'), written: false, error } });
      expect(blocked.stderr.trim().split('\n').at(-1)).toBe(`rmc: ${error}`);
      writeFileSync(join(dir, 'traces', `${TRACE}.txt`), 'mine');
      const refusal = JSON.parse(rmc(['check', 'classic/diehard', '--trace-dir', join(dir, 'traces'), '--json']).stdout);
      expect(refusal.traceDir).toEqual({
        path: join(dir, 'traces'),
        written: false,
        error: refused(join(dir, 'traces'), `${TRACE}.txt`).slice('rmc: '.length),
      });
    },
    CLI,
  );

  it(
    'answers a new folder under /proc, where mkdir -p never returned, with the OS error for the path given',
    () => {
      const dir = `/proc/rmc-test-${process.pid}/traces`;
      const r = rmc(['check', 'classic/diehard', '--trace-dir', dir, '--json']);
      expect(r.code).toBe(74);
      const { traceDir } = JSON.parse(r.stdout);
      expect(traceDir).toMatchObject({ path: dir, written: false });
      // The kernel's answer for a folder it will not make there (ENOENT in /proc, EROFS where it is mounted read-only).
      expect(traceDir.error).toMatch(new RegExp(`^cannot write traces to ${dir}: (ENOENT|EROFS|EPERM|EACCES): `));
      expect(r.stderr.trim().split('\n').at(-1)).toBe(`rmc: ${traceDir.error}`);
    },
    CLI,
  );
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
  mkdir: {
    ...nodeIO,
    mkdir: (dir) => {
      throw osError('EROFS', 'read-only file system', 'mkdir', dir);
    },
  },
  write: {
    ...nodeIO,
    write: (file) => {
      throw osError('EROFS', 'read-only file system', 'open', file);
    },
  },
  rename: {
    ...nodeIO,
    rename: (from, to) => {
      throw osError('EROFS', 'read-only file system', 'rename', `${from}' -> '${to}`);
    },
  },
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

const readManifest = (dir: string): { writtenBy: string; files: string[] } => JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
const GENERATED = [
  '2--below-two.itf.json',
  '2--below-two.lkml.txt',
  '2--below-two.objects.dot',
  '2--below-two.objects.svg',
  '2--below-two.seq.dot',
  '2--below-two.seq.svg',
  '2--below-two.txt',
  'GUARANTEES.md',
  'README.md',
  'index.html',
];
/** The guarantee sheets, one a row, in their own subfolder. */
const SHEETS = ['designs/1.md', 'designs/2.md'];

/** A folder as a previous `rmc counterexamples` left it; `extra` files, listed in its manifest,
 * stand for files an older version generated and this one no longer does. */
function previousGeneration(dir: string, extra: string[] = []): void {
  mkdirSync(dir, { recursive: true });
  for (const f of [...GENERATED, ...extra]) writeFileSync(join(dir, f), `old ${f}\n`);
  writeFileSync(join(dir, MANIFEST), manifestText([...GENERATED, ...extra]));
}

describe('rmc counterexamples --out', () => {
  const refusals: [string, (out: string) => void, string][] = [
    [
      "a folder holding a user's file",
      (out) => {
        mkdirSync(out);
        writeFileSync(join(out, 'notes.txt'), 'mine');
      },
      'holds files rmc did not write (notes.txt); choose an empty or new folder',
    ],
    ['a file', (out) => writeFileSync(out, 'mine'), 'is a file, not a folder; choose an empty or new folder'],
    [
      'a symbolic link to an empty folder',
      (out) => {
        mkdirSync(`${out}-real`);
        symlinkSync(`${out}-real`, out);
      },
      'is a symbolic link, not a folder; choose an empty or new folder',
    ],
    [
      "a previous generation plus a user's file",
      (out) => {
        previousGeneration(out);
        writeFileSync(join(out, 'notes.txt'), 'mine');
      },
      'holds files rmc did not write (notes.txt); choose an empty or new folder',
    ],
    [
      "a previous generation plus a user's folder",
      (out) => {
        previousGeneration(out);
        mkdirSync(join(out, 'drafts'));
      },
      'holds files rmc did not write (drafts); choose an empty or new folder',
    ],
    [
      'a previous generation whose listed file became a folder',
      (out) => {
        previousGeneration(out, ['gone.txt']);
        mkdirSync(join(out, 'index.html.d'));
      },
      'holds files rmc did not write (index.html.d); choose an empty or new folder',
    ],
    [
      'a folder whose manifest is not ours',
      (out) => {
        mkdirSync(out);
        writeFileSync(join(out, MANIFEST), '{"files":["a.txt"]}');
        writeFileSync(join(out, 'a.txt'), 'mine');
      },
      `holds files rmc did not write (${MANIFEST}, a.txt); choose an empty or new folder`,
    ],
    [
      'a folder of many user files (the list is capped)',
      (out) => {
        mkdirSync(out);
        for (const f of 'abcdefg') writeFileSync(join(out, `${f}.txt`), f);
      },
      'holds files rmc did not write (a.txt, b.txt, c.txt, d.txt, e.txt, and 2 more); choose an empty or new folder',
    ],
  ];
  for (const [what, make, message] of refusals) {
    it(
      `refuses ${what} with one line and exit 2, touching nothing`,
      () => {
        const dir = tempDir('rmc-out-ce-');
        const out = join(dir, 'out');
        make(out);
        const before = snapshot(dir);
        const r = rmc(['counterexamples', tableSpecFile, '--out', out]);
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(`rmc: --out ${out} ${message}\n`);
        expect(snapshot(dir)).toEqual(before);
      },
      CLI,
    );
  }

  it(
    'refuses before the search: a spec that fails when searched is never searched',
    () => {
      const dir = tempDir('rmc-out-ce-');
      writeFileSync(join(dir, 'notes.txt'), 'mine');
      writeFileSync(
        join(dir, 'failing.ts'),
        `const spec = { name: 'failing', summary: 'init throws', defaults: { v: 1 },
  init: () => { throw new Error('searched'); }, actions: [], invariants: { yes: () => true } };
export default { name: 'failing', summary: 'init throws', defaults: { v: 1 }, rows: { param: 'v', values: [1] }, specFor: () => spec };\n`,
      );
      const r = rmc(['counterexamples', join(dir, 'failing.ts'), '--out', dir]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/holds files rmc did not write \(failing\.ts, notes\.txt\)/);
      expect(tree(dir)).toEqual(['failing.ts', 'notes.txt']);
    },
    CLI,
  );

  it(
    'writes nothing when a row of the table fails: exit 76 (its invariant threw), naming the row',
    () => {
      const dir = tempDir('rmc-out-ce-');
      writeFileSync(
        join(dir, 'rowThrows.ts'),
        `const spec = { name: 'row-throws', summary: 'row 2 throws', defaults: { v: 1 },
  init: () => [{ n: 0 }], actions: [],
  invariants: { fine: (_s: unknown, p: { v: number }) => { if (p.v === 2) throw new Error('row two'); return true; } } };
export default { name: 'row-throws', summary: 'row 2 throws', defaults: { v: 1 }, rows: { param: 'v', values: [1, 2] }, specFor: () => spec };\n`,
      );
      const r = rmc(['counterexamples', join(dir, 'rowThrows.ts'), '--out', join(dir, 'out')]);
      expect(r.code).toBe(76);
      expect(r.stderr.trimEnd().split('\n').at(-1)).toBe('rmc: v 2: invariant fine threw: row two (in state {"n":0})');
      expect(tree(dir)).toEqual(['rowThrows.ts']);
    },
    CLI,
  );

  it(
    'answers a folder under a file with the OS error and exit 74, before the search',
    () => {
      const dir = tempDir('rmc-out-ce-');
      writeFileSync(join(dir, 'afile'), 'mine');
      const r = rmc(['counterexamples', tableSpecFile, '--out', join(dir, 'afile', 'out')]);
      expect(r.code).toBe(74);
      expect(r.stderr).toBe(`rmc: cannot write counterexamples to ${join(dir, 'afile', 'out')}: ENOTDIR: not a directory\n`);
      expect(snapshot(dir)).toEqual({ afile: 'mine' });
    },
    CLI,
  );

  const writes: [string, (out: string) => void][] = [
    ['a new folder (and its parent)', () => {}],
    ['an empty folder', (out) => mkdirSync(out, { recursive: true })],
    ['a previous generation, dropping the files it no longer generates', (out) => previousGeneration(out, ['stale.txt'])],
  ];
  for (const [what, make] of writes) {
    it(
      `writes ${what}, with a manifest of what it wrote and no sibling left`,
      () => {
        const dir = tempDir('rmc-out-ce-');
        const out = join(dir, 'parent', 'out');
        make(out);
        const r = rmc(['counterexamples', tableSpecFile, '--out', out]);
        expect(r.code).toBe(0);
        expect(r.stderr.trimEnd().split('\n').at(-1)).toBe(`rmc: wrote 13 files to ${out}`); // after a line per row
        expect(readdirSync(join(dir, 'parent'))).toEqual(['out']);
        expect(readdirSync(out).sort()).toEqual([MANIFEST, ...GENERATED, 'designs'].sort());
        expect(readManifest(out)).toMatchObject({ writtenBy: 'rmc counterexamples', files: [...GENERATED, ...SHEETS].sort() });
        expect(readFileSync(join(out, 'GUARANTEES.md'), 'utf8')).not.toMatch(/^old/);
      },
      CLI,
    );
  }
});

describe('generateCounterexamples on a failing file system', () => {
  const generate = async (outDir: string, io?: FileIO): Promise<string[]> => {
    const params = { ...tableStudy.defaults };
    return generateCounterexamples({ study: tableStudy, params, table: await runTable(tableStudy, params), outDir, ...(io ? { io } : {}) });
  };
  const failures: [string, FileIO, string][] = [
    ['the disk fills half way', fullAfter(4), 'ENOSPC: no space left on device'],
    ['the file system is read-only', readOnly.write, 'EROFS: read-only file system'],
    ["the swap's rename fails", readOnly.rename, 'EROFS: read-only file system'],
  ];
  for (const [what, io, text] of failures) {
    it(
      `leaves a previous generation as it was and no sibling when ${what}`,
      async () => {
        const dir = tempDir('rmc-out-gen-');
        const out = join(dir, 'out');
        previousGeneration(out);
        const before = snapshot(dir);
        const thrown = await generate(out, io).catch((e: unknown) => e);
        expect(thrown).toBeInstanceOf(OutputError);
        expect((thrown as OutputError).message).toBe(`cannot write counterexamples to ${out}: ${text}`);
        expect(snapshot(dir)).toEqual(before);
      },
      CLI,
    );
  }

  it(
    'checks again at swap time: a file added during the run is refused and kept',
    async () => {
      const dir = tempDir('rmc-out-gen-');
      const out = join(dir, 'out');
      previousGeneration(out);
      let added = false;
      const io: FileIO = {
        ...nodeIO,
        write: (file, content) => {
          if (!added) writeFileSync(join(out, 'notes.txt'), 'mine');
          added = true;
          nodeIO.write(file, content);
        },
      };
      const thrown = await generate(out, io).catch((e: unknown) => e);
      expect(thrown).toBeInstanceOf(UsageError);
      expect((thrown as UsageError).message).toBe(`--out ${out} holds files rmc did not write (notes.txt); choose an empty or new folder`);
      expect(readdirSync(dir)).toEqual(['out']);
      expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
      expect(readFileSync(join(out, 'README.md'), 'utf8')).toBe('old README.md\n');
    },
    CLI,
  );

  it(
    'writes the same manifest bytes every run (no time, pid or path in it)',
    async () => {
      const [a, b] = [join(tempDir('rmc-out-gen-'), 'a'), join(tempDir('rmc-out-gen-'), 'b')];
      expect(await generate(a)).toEqual([MANIFEST, ...GENERATED, ...SHEETS].sort());
      await generate(b);
      expect(readFileSync(join(a, MANIFEST))).toEqual(readFileSync(join(b, MANIFEST)));
      expect(readFileSync(join(a, MANIFEST), 'utf8')).not.toMatch(new RegExp(`${process.pid}|/tmp|\\d{4}-\\d\\d-\\d\\d`));
    },
    CLI,
  );
});

describe('rmc --json on an internal error', () => {
  it(
    'carries one line in the JSON error, never a stack trace',
    () => {
      const dir = tempDir('rmc-out-json-');
      writeFileSync(
        join(dir, 'throws.ts'),
        `export default { name: 'throws', summary: 'validate throws', defaults: {},
  validate: () => { throw new TypeError('boom'); }, init: () => [{}], actions: [], invariants: {} };\n`,
      );
      const r = rmc(['check', join(dir, 'throws.ts'), '--json']);
      expect(r.code).toBe(255);
      // The spec had loaded; its parameters were not resolved when validate threw.
      expect(JSON.parse(r.stdout)).toEqual({ spec: 'throws', params: null, verdict: 'error', error: 'internal error: TypeError: boom' });
      expect(r.stderr).toBe('rmc: internal error: TypeError: boom\n');
    },
    CLI,
  );
});

// A search writes nothing on stdout until its report (progress goes to stderr, and --json is one
// object), and Node learns that a pipe's reader has gone only from a write that fails: so
// `check | head -1` cannot stop the search early, and meets the closed pipe at its report, as
// `list` meets it at its first line. Every command then says so alike.
describe('a reader that goes away', () => {
  const cases: [string, string[]][] = [
    ['rmc list', ['list']],
    ['rmc check', ['check', 'classic/diehard']],
    ['rmc check --json', ['check', 'classic/diehard', '--json']],
    ['rmc table', ['table', tableSpecFile]],
  ];
  for (const [what, args] of cases) {
    it(`${what} with its stdout closed: its stderr lines, then one line, and exit 74, not a stack trace`, async () => {
      // The read end is closed before rmc has loaded, so its first write meets EPIPE.
      const child = spawn(process.execPath, [join(root, 'bin/rmc.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      child.stdout.destroy();
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(code).toBe(74);
      expect(stderr.trim().split('\n').at(-1)).toBe('rmc: standard output was closed (EPIPE): stopping');
      expect(stderr).not.toMatch(/internal error|\n\s+at /);
    });
  }
});
