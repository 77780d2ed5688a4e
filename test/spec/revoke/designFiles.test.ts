// A design written outside the repository: the examples, copied to a temporary folder with no
// node_modules, checked and tabled by the CLI there, and the one-line errors of designs that
// cannot be used (exit 150) or whose hook throws (exit 75).
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { rmc } from '../../checker/cli/runRmc.ts';
import { replay } from '../../../checker/trace/replay.ts';
import revoke from '../../../spec/revoke/index.ts';
import { type RevokeParams, variantNames } from '../../../spec/revoke/kernel/params.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';

const dir = mkdtempSync(join(tmpdir(), 'rmc-design-'));
for (const example of ['scm-walk.ts', 'revocable-resource.ts']) copyFileSync(new URL(`../../../examples/${example}`, import.meta.url), join(dir, example));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// INIT_CWD: vitest run by npm sets it to the repository, and rmc takes it for the user's folder.
const write = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return `./${name}`;
};

describe('revoke: a design in a file outside the repository', () => {
  it("checks examples/scm-walk.ts from a folder of its own: Viro's hand-off still breaks no-usable-descriptor", () => {
    const r = rmc(['check', 'revoke', '--design', './scm-walk.ts', '--invariant', 'no-usable-descriptor'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(12);
    expect(r.stdout).toContain('<RevokeWalkQueues: nothing queued on I>');
    expect(r.stdout).toContain('<RecvFd(A, s0): fd 3 -> F0>');
  }, 60_000);

  it('walks a queued datagram that carries the file: the drop is a step of its own (replayed in this process)', () => {
    const p = { ...revoke.defaults, variant: join(dir, 'scm-walk.ts') } as RevokeParams;
    expect(revoke.validate!(p)).toEqual([]);
    const trace = replay<State>(revoke.specFor(p), p, [
      'SendFd(B -> A via s0, F0)',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): fd 3 F0 -> revoked',
      'RevokeWalkQueues: drops F0 from the datagram to A',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
    ]);
    const last = trace.at(-1)!.state;
    expect(last.message).toBeNull();
    expect(last.files.F0).toBeUndefined();
    expect(last.revoker.pc).toBe('done');
  });

  it('checks it with two workers as with one (the worker threads load the design from its path)', () => {
    const args = ['check', 'revoke', '--design', './scm-walk.ts', '--invariant', 'refcounts-balance', '--json'];
    const one = JSON.parse(rmc([...args, '--workers', '1'], { cwd: dir, env: { INIT_CWD: dir } }).stdout);
    const two = JSON.parse(rmc([...args, '--workers', '2'], { cwd: dir, env: { INIT_CWD: dir } }).stdout);
    expect(two.stats.distinctStates).toBe(one.stats.distinctStates);
    expect(two.verdict).toBe('ok');
  }, 60_000);

  it("resolves the revoke model's named configs (viro-a): the walk closes Viro's hand-off, a dup in flight past the scan breaks G3 instead", () => {
    const r = rmc(['check', 'revoke', '--design', './scm-walk.ts', '--config', 'viro-a', '--invariant', 'no-inode-access-after-return'], {
      cwd: dir,
      env: { INIT_CWD: dir },
    });
    expect(r.code).toBe(12);
    expect(r.stdout).toContain('"sendDuringRevoke":true');
    // B's dup takes F0 before the scan and installs it after (no socket queue holds it).
    expect(r.stdout).toContain('<DupGet(B, fd 3): fget_raw F0>');
    expect(r.stdout).toContain('<DupInstall(B): fd 4 -> F0>');
    expect(r.stdout).not.toContain('<SendFd');
  }, 60_000);

  it('puts the design in the table beside the built-in ones, named by the design', () => {
    // A part of the table (one small built-in row and the file's): the part still names every row, in order.
    const r = rmc(['table', 'revoke', '--design', './scm-walk.ts', '--rows', 'rust-revocable,scm-walk', '--json'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(0);
    const table = JSON.parse(r.stdout);
    expect(table.labels).toEqual(['rust-revocable', 'scm-walk']);
    expect(table.part.rows).toEqual([...variantNames, 'scm-walk']);
    // The progress lines name the file's row by its design, as the table does, never by its path.
    expect(r.stderr).toMatch(/^variant scm-walk: [\d,]+ states in /m);
    expect(r.stderr).toMatch(/^ {2}scm-walk x no-usable-descriptor: violated/m);
    expect(r.stderr).not.toContain(join(dir, 'scm-walk.ts'));
  }, 120_000);
});

/** A design file importing the design API's types by package name, as one outside the repository does. */
const design = (name: string, body: string): string =>
  write(`${name}.ts`, `import type { Design, DesignApi } from 'rmc/revoke';\nexport default (api: DesignApi): Design => (${body});\n`);
const returnAtOnce = "api.revokeReturn({ kernel: 'return 0', from: 'idle' })";
const run = (...args: string[]) => rmc(args, { cwd: dir, env: { INIT_CWD: dir } });

describe("revoke: the typed entry 'rmc/revoke'", () => {
  it('types both examples in a folder of their own that resolves rmc (as after npm link rmc), with every type from the entry', () => {
    const own = mkdtempSync(join(tmpdir(), 'rmc-types-'));
    try {
      mkdirSync(join(own, 'node_modules'));
      symlinkSync(resolve(import.meta.dirname, '../../..'), join(own, 'node_modules', 'rmc'), 'dir');
      const files = ['scm-walk.ts', 'revocable-resource.ts'].map((f) => {
        copyFileSync(join(dir, f), join(own, f));
        return join(own, f);
      });
      const program = ts.createProgram(files, {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        types: [],
        lib: ['lib.es2023.d.ts'],
      });
      const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
      expect(errors).toEqual([]);
      // The entry's types are defined in one module that imports nothing: no deep module is re-exported.
      const entry = program.getSourceFiles().filter((f) => f.fileName.includes('/spec/revoke/'));
      expect(entry.map((f) => f.fileName.replace(/.*\/spec\/revoke\//, ''))).toEqual(['api/designApi.ts']);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('revoke: a design that promises some operations and guarantees only', () => {
  it('shows the guarantees it does not claim as n/a, and what it does not promise to stop as not promised (examples/revocable-resource.ts)', () => {
    const r = run('table', 'revoke', '--design', './revocable-resource.ts', '--rows', 'revocable-resource', '--json');
    expect(r.code).toBe(0);
    const table = JSON.parse(r.stdout);
    const mine = table.cells.filter((c: { variant: string }) => c.variant === join(dir, 'revocable-resource.ts'));
    const verdict = (g: string) => mine.find((c: { guarantee: string }) => c.guarantee === g);
    expect(verdict('no-usable-descriptor')).toMatchObject({ verdict: 'n/a', reason: 'not claimed' });
    expect(verdict('no-mapping-after-revoke')).toMatchObject({ verdict: 'n/a', reason: 'not claimed' });
    expect(verdict('revoke-returns').verdict).toBe('holds');
    // fchmod, which no try_access guards, still changes I; the design promises only its f_op data calls.
    expect(verdict('no-inode-access-after-return')).toMatchObject({ verdict: 'unpromised', traceLength: 4, through: ['fchmod'] });
  }, 120_000);

  it('refuses a promise that names no guarantee, or no operation, naming the design, exit 150', () => {
    const f = design('bad-claim', `{ name: 'bad-claim', promises: { guarantees: ['no-such'] }, steps: [${returnAtOnce}] }`);
    const r = run('check', 'revoke', '--design', f);
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("design 'bad-claim': promises.guarantees names 'no-such', which is no guarantee");
    const g = design('bad-op', `{ name: 'bad-op', promises: { stops: { fchmod: 'x' } } as never, steps: [${returnAtOnce}] }`);
    const q = run('check', 'revoke', '--design', g);
    expect(q.code).toBe(150);
    expect(q.stderr).toContain("design 'bad-op': promises.stops names 'fchmod', which is no operation (known: data, setattr, mapping, open, release)");
  });
});

describe('revoke: a design file that cannot be used (exit 150, found at load, naming the design)', () => {
  it('names the design and the field it lacks', () => {
    const f = write('lacks-steps.ts', "export default () => ({ name: 'lacks-steps' });\n");
    const r = run('check', 'revoke', '--design', f);
    expect(r.code).toBe(150);
    expect(r.stderr.trim()).toBe(
      `rmc: design 'lacks-steps' (${join(dir, 'lacks-steps.ts')}): field 'steps' is missing (a list of revoker steps built with revokerStep or revokerStepOn)`,
    );
  });

  it('says where a design file does not compile', () => {
    const f = write('broken.ts', 'export default (api: unknown) => { const x = ; };\n');
    const r = run('check', 'revoke', '--design', f);
    expect(r.code).toBe(150);
    expect(r.stderr).toMatch(/^rmc: design .*broken\.ts: cannot load: .*broken\.ts:1:\d+: ERROR: Unexpected ";"\n$/);
  });

  it('refuses a design file that does not exist, or one named as a built-in design', () => {
    expect(run('check', 'revoke', '--design', './nowhere.ts').code).toBe(150);
    const r = run('check', 'revoke', '--design', design('badfs-again', `{ name: 'badfs', steps: [${returnAtOnce}] }`));
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("is named 'badfs', as another design already is");
  });

  it('refuses a field of the former design API, saying where it went', () => {
    const r = run('check', 'revoke', '--design', design('old-gate', `{ name: 'old-gate', gate: () => api.ENTER, steps: [${returnAtOnce}] }`));
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("design 'old-gate' (");
    expect(r.stderr).toContain("field 'gate' is no design field any more: it is 'on.begin' (calls), 'on.mmap' and 'on.open'");
  });

  it('refuses a list of revoker stages: each step declares the stage it moves to (`to`)', () => {
    const r = run('check', 'revoke', '--design', design('old-pcs', `{ name: 'old-pcs', pcs: ['marked', 'marked'], steps: [${returnAtOnce}] }`));
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("design 'old-pcs' (");
    expect(r.stderr).toContain("field 'pcs' is no design field any more: it is each step's `to` (the stage it moves the revoker to)");
  });

  it("refuses a step that moves the revoker back to the built-in stage 'idle'", () => {
    const back = "api.revokerStep({ name: 'RevokeBack', doc: 'Back.', kernel: 'none', from: 'idle', to: 'idle', next: (s) => s, label: () => 'RevokeBack' })";
    const r = run('check', 'revoke', '--design', design('to-idle', `{ name: 'to-idle', steps: [${back}, ${returnAtOnce}] }`));
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("design 'to-idle' (");
    expect(r.stderr).toContain("step RevokeBack moves the revoker to 'idle', the stage before revoke begins");
  });

  it('refuses a step taken from a stage no step moves to, pointing at where stages are declared', () => {
    const r = run(
      'check',
      'revoke',
      '--design',
      design('typo-stage', `{ name: 'typo-stage', steps: [api.revokeReturn({ kernel: 'return 0', from: 'unmaped' })] }`),
    );
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("design 'typo-stage' (");
    expect(r.stderr).toContain(
      "step RevokeReturn is taken from stage 'unmaped', to which no step moves the revoker (stages are declared by each step's `to`: idle, done, failed)",
    );
  });

  it('refuses an interception point that is none, and a kernel name for a step the point has not', () => {
    const r = run('check', 'revoke', '--design', design('no-point', `{ name: 'no-point', on: { gate: () => api.ENTER } as never, steps: [${returnAtOnce}] }`));
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("'on.gate' is no interception point (points: fdget, begin, record, end, mmap, link, release, fault, open, forkLink)");
    const k = run(
      'check',
      'revoke',
      '--design',
      design('bad-kernel', `{ name: 'bad-kernel', on: { end: { kernel: { SyscallBegin: 'x' } } }, steps: [${returnAtOnce}] }`),
    );
    expect(k.code).toBe(150);
    expect(k.stderr).toContain("'on.end.kernel' names step SyscallBegin, which is not end's (its steps: SyscallEnd, SyscallEndStuck)");
  });

  it('refuses an expectation in a word that is none, naming the guarantee and the words allowed', () => {
    const r = run(
      'check',
      'revoke',
      '--design',
      design('bad-word', `{ name: 'bad-word', expect: { 'refcounts-balance': 'hold' } as never, steps: [${returnAtOnce}] }`),
    );
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("'bad-word'");
    expect(r.stderr).toContain(
      "expects refcounts-balance to be 'hold', which is none of the verdicts holds, violated, violated N, unpromised, unpromised N, not-exercised, n/a",
    );
  });

  it('refuses an expectation of a guarantee that is none', () => {
    const r = run(
      'check',
      'revoke',
      '--design',
      design('bad-guarantee', `{ name: 'bad-guarantee', expect: { 'no-such': 'holds' }, steps: [${returnAtOnce}] }`),
    );
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("'bad-guarantee'");
    expect(r.stderr).toContain("expects a verdict of 'no-such', which is no guarantee (known: no-usable-descriptor,");
  });

  it('allows partial expectations: `rmc expect` says which cells go unchecked', () => {
    const f = design('partial', `{ name: 'partial', expect: { 'refcounts-balance': 'holds', 'no-use-after-free': 'holds' }, steps: [${returnAtOnce}] }`);
    const r = run('expect', 'revoke', '--design', f);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^partial +ok +2 cells as expected, 10 unchecked$/m);
    expect(r.stdout).toContain('  unchecked (no expectation): no-usable-descriptor, no-mapping-after-revoke,');
  }, 120_000);
});

describe('revoke: a design file whose hook throws (exit 75, naming the design and the hook)', () => {
  it('names the interception point', () => {
    const f = design('throws', `{ name: 'throws', on: { begin: () => { throw new Error('boom'); } }, steps: [${returnAtOnce}] }`);
    const r = run('check', 'revoke', '--design', f);
    expect(r.code).toBe(75);
    expect(r.stderr).toContain(`design 'throws' (${join(dir, 'throws.ts')}), hook 'on.begin': boom`);
  });

  it("names the point of a `{ kernel, hook }` entry, and the state's initial value", () => {
    const end = design(
      'throws-end',
      `{ name: 'throws-end', on: { end: { kernel: 'x', hook: () => { throw new Error('boom'); } } }, steps: [${returnAtOnce}] }`,
    );
    // A call's end is asked only once a call returns: a search that a violation does not stop reaches one.
    expect(run('check', 'revoke', '--design', end, '--invariant', 'refcounts-balance').stderr).toContain("hook 'on.end': boom");
    const init = design(
      'throws-init',
      `{ name: 'throws-init', state: api.ownState({ layout: () => api.layout.bool, init: () => { throw new Error('boom'); } }), steps: [${returnAtOnce}] }`,
    );
    expect(run('check', 'revoke', '--design', init).stderr).toContain("hook 'state.init': boom");
  });
});

describe('revoke: a table with a design whose step throws', () => {
  it('keeps the built-in rows and the rows after it, marks its row with the error, and exits 75', () => {
    const f = design(
      'throws-step',
      `{
  name: 'throws-step',
  steps: [
    api.revokerStep({ name: 'RevokeBoom', doc: 'The revoker throws.', kernel: 'none', from: 'idle', next: () => { throw new Error('boom'); }, label: () => 'RevokeBoom' }),
    ${returnAtOnce},
  ],
}`,
    );
    // The part: two built-in rows, one that shows a violation, and both files' rows.
    const r = run('table', 'revoke', '--design', f, '--design', './scm-walk.ts', '--rows', 'tty-hangup,rust-revocable,throws-step,scm-walk', '--json');
    expect(r.code).toBe(75);
    const table = JSON.parse(r.stdout);
    expect(table.part.rows).toEqual([...variantNames, 'throws-step', 'scm-walk']);
    expect(table.labels).toEqual(['tty-hangup', 'rust-revocable', 'throws-step', 'scm-walk']);
    expect(table.verdict).toBe('error');
    expect(table.errors).toEqual([
      { variant: join(dir, 'throws-step.ts'), label: 'throws-step', exitCode: 75, error: expect.stringMatching(/^action RevokeBoom threw: boom \(in state /) },
    ]);
    const verdicts = (variant: string): string[] =>
      table.cells.filter((c: { variant: string }) => c.variant === variant).map((c: { verdict: string }) => c.verdict);
    expect(verdicts(join(dir, 'throws-step.ts'))).toEqual(table.guarantees.map(() => 'error'));
    for (const row of ['tty-hangup', 'rust-revocable', join(dir, 'scm-walk.ts')]) expect(verdicts(row)).not.toContain('error');
    expect(verdicts('tty-hangup')).toContain('violated');
    expect(r.stderr.trimEnd().split('\n').at(-1)).toMatch(/^rmc: variant throws-step: action RevokeBoom threw: boom/);
  }, 120_000);
});

describe("revoke: the guide's example", () => {
  it('runs as spec/revoke/README.md prints it', () => {
    const readme = readFileSync(new URL('../../../spec/revoke/README.md', import.meta.url), 'utf8');
    const guide = readme.slice(readme.indexOf('## Writing a design'));
    const blocks = [...guide.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1]!.trim());
    const command = blocks[0]!.split('\n')[0]!.split(' ');
    expect(command.slice(0, 2)).toEqual(['rmc', 'check']);
    const r = rmc(command.slice(1), { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(12);
    for (const line of blocks[1]!.split('\n')) expect(r.stdout).toContain(line);
  }, 60_000);
});

describe('revoke: expectations (rmc expect)', () => {
  it('passes on every built-in design and on both examples, each row ok', () => {
    const r = rmc(['expect', 'revoke', '--design', './scm-walk.ts', '--design', './revocable-resource.ts'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(0);
    for (const design of [...variantNames, 'scm-walk', 'revocable-resource']) {
      expect(r.stdout).toMatch(new RegExp(`^${design} +ok +12 cells as expected$`, 'm'));
    }
    expect(r.stdout).toMatch(/\nEvery expectation holds\.\n$/);
  }, 120_000);

  it('fails with exit 14 when one expectation is changed, naming the cell, what was expected and what was found', () => {
    const text = readFileSync(join(dir, 'scm-walk.ts'), 'utf8')
      .replace("'no-usable-descriptor': 'violated 7'", "'no-usable-descriptor': 'holds'")
      .replace("name: 'scm-walk'", "name: 'scm-walk-drift'");
    const f = write('drift.ts', text);
    // Only the drifted row and one built-in row that stays as expected (--rows).
    const r = rmc(['expect', 'revoke', '--design', f, '--rows', 'rust-revocable,scm-walk-drift', '--json'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(14);
    const rows = JSON.parse(r.stdout).rows;
    expect(rows.map((x: { label: string }) => x.label)).toEqual(['rust-revocable', 'scm-walk-drift']);
    expect(rows[0].drift).toEqual([]);
    const row = rows.find((x: { label: string }) => x.label === 'scm-walk-drift');
    expect(row.drift).toEqual([{ guarantee: 'no-usable-descriptor', expected: 'holds', got: 'violated 7' }]);
  }, 120_000);
});
