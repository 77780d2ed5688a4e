// A design written outside the repository: the examples, copied to a temporary folder with no
// node_modules, checked and tabled by the CLI there, and the one-line errors of designs that
// cannot be used (exit 150) or whose hook throws (exit 75).
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it("resolves the revoke model's named configs (viro-a): the walk closes Viro's hand-off, an open under way breaks G3 instead", () => {
    const r = rmc(['check', 'revoke', '--design', './scm-walk.ts', '--config', 'viro-a', '--invariant', 'no-inode-access-after-return'], {
      cwd: dir,
      env: { INIT_CWD: dir },
    });
    expect(r.code).toBe(12);
    expect(r.stdout).toContain('"sendDuringRevoke":true');
    expect(r.stdout).toContain('<OpenInstall(A): fd 3 -> F0>');
    expect(r.stdout).not.toContain('<SendFd');
  }, 60_000);

  it('puts the design in the table beside the built-in ones, named by the design', () => {
    const r = rmc(['table', 'revoke', '--design', './scm-walk.ts', '--json'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(0);
    const table = JSON.parse(r.stdout);
    expect(table.labels.at(-1)).toBe('scm-walk');
    expect(table.labels.slice(0, variantNames.length)).toEqual([...variantNames]);
  }, 120_000);
});

describe('revoke: a design that promises some operations and guarantees only', () => {
  it('shows the guarantees it does not claim as n/a, and what it does not promise to stop as not promised (examples/revocable-resource.ts)', () => {
    const r = rmc(['table', 'revoke', '--design', './revocable-resource.ts', '--json'], { cwd: dir, env: { INIT_CWD: dir } });
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
    const f = write(
      'bad-claim.ts',
      "export default (api: any) => ({ ...api.slotCutterHooks, name: 'bad-claim', promises: { guarantees: ['no-such'] }, steps: [api.revokeReturn(() => true)] });\n",
    );
    const r = rmc(['check', 'revoke', '--design', f], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("design 'bad-claim': promises.guarantees names 'no-such', which is no guarantee");
    const g = write(
      'bad-op.ts',
      "export default (api: any) => ({ ...api.slotCutterHooks, name: 'bad-op', promises: { stops: { fchmod: 'x' } }, steps: [api.revokeReturn(() => true)] });\n",
    );
    const q = rmc(['check', 'revoke', '--design', g], { cwd: dir, env: { INIT_CWD: dir } });
    expect(q.code).toBe(150);
    expect(q.stderr).toContain("design 'bad-op': promises.stops names 'fchmod', which is no operation (known: data, setattr, mapping, open, release)");
  });
});

describe('revoke: a design file that cannot be used', () => {
  it('names the design and the hook it lacks, exit 150', () => {
    const f = write('lacks-gate.ts', "export default () => ({ name: 'lacks-gate', callKinds: ['read'], steps: [] });\n");
    const r = rmc(['check', 'revoke', '--design', f], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(150);
    expect(r.stderr.trim()).toBe(`rmc: design 'lacks-gate' (${join(dir, 'lacks-gate.ts')}): hook 'gate' is missing (a function (s, p, file, kind) => Gate)`);
  });

  it('says where a design file does not compile, exit 150', () => {
    const f = write('broken.ts', 'export default (api: unknown) => { const x = ; };\n');
    const r = rmc(['check', 'revoke', '--design', f], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(150);
    expect(r.stderr).toMatch(/^rmc: design .*broken\.ts: cannot load: .*broken\.ts:1:\d+: ERROR: Unexpected ";"\n$/);
  });

  it('refuses a design file that does not exist, or one named as a built-in design, exit 150', () => {
    expect(rmc(['check', 'revoke', '--design', './nowhere.ts'], { cwd: dir, env: { INIT_CWD: dir } }).code).toBe(150);
    const f = write('badfs-again.ts', "export default (api: any) => ({ ...api.slotCutterHooks, name: 'badfs', steps: [api.revokeReturn(() => true)] });\n");
    const r = rmc(['check', 'revoke', '--design', f], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("is named 'badfs', as another design already is");
  });

  it('reports a hook that throws with the design and the hook, exit 75', () => {
    const f = write(
      'throws.ts',
      "export default (api: any) => ({ ...api.slotCutterHooks, name: 'throws', gate: () => { throw new Error('boom'); }, steps: [api.revokeReturn(() => true)] });\n",
    );
    const r = rmc(['check', 'revoke', '--design', f], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(75);
    expect(r.stderr).toContain(`design 'throws' (${join(dir, 'throws.ts')}), hook 'gate': boom`);
  });
});

describe('revoke: a table with a design whose step throws', () => {
  it('keeps the built-in rows and the rows after it, marks its row with the error, and exits 75', () => {
    const f = write(
      'throws-step.ts',
      `export default (api: any) => ({
  ...api.slotCutterHooks,
  name: 'throws-step',
  steps: [
    api.revokerStep({ name: 'RevokeBoom', doc: 'The revoker throws.', enabled: (s: any) => s.revoker.pc === 'idle', next: () => { throw new Error('boom'); }, label: () => 'RevokeBoom' }),
    api.revokeReturn(() => true),
  ],
});\n`,
    );
    const r = rmc(['table', 'revoke', '--design', f, '--design', './scm-walk.ts', '--json'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(75);
    const table = JSON.parse(r.stdout);
    expect(table.labels).toEqual([...variantNames, 'throws-step', 'scm-walk']);
    expect(table.verdict).toBe('error');
    expect(table.errors).toEqual([
      { variant: join(dir, 'throws-step.ts'), label: 'throws-step', exitCode: 75, error: expect.stringMatching(/^action RevokeBoom threw: boom \(in state /) },
    ]);
    const verdicts = (variant: string): string[] =>
      table.cells.filter((c: { variant: string }) => c.variant === variant).map((c: { verdict: string }) => c.verdict);
    expect(verdicts(join(dir, 'throws-step.ts'))).toEqual(table.guarantees.map(() => 'error'));
    for (const row of [...variantNames, join(dir, 'scm-walk.ts')]) expect(verdicts(row)).not.toContain('error');
    expect(verdicts('enberg-2007')).toContain('violated');
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
    const r = rmc(['expect', 'revoke', '--design', f, '--json'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(14);
    const row = JSON.parse(r.stdout).rows.find((x: { label: string }) => x.label === 'scm-walk-drift');
    expect(row.drift).toEqual([{ guarantee: 'no-usable-descriptor', expected: 'holds', got: 'violated 7' }]);
  }, 120_000);
});
