// A spec of one's own, as README.md's "Writing a spec of your own" tells it: its example, written
// into a folder outside the repository that installs this checkout as the README says (`npm
// install --save-dev /path/to/rmc`), runs with `npx rmc` and prints what the README shows; the
// README's tsconfig type-checks it against `import type { Spec } from 'rmc'`; and the field table
// names every field of the Spec.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SPEC_FIELDS } from '../../../checker/specShape.ts';
import { rmc, root, tempDir } from './runRmc.ts';

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('\n## Writing a spec of your own\n'));
const blocks = [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, text: m[2]! }));
const block = (lang: string): string => blocks.find((b) => b.lang === lang)!.text;
const tsc = join(root, 'node_modules/typescript/bin/tsc');

function run(cmd: string, args: readonly string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000, env: { ...process.env, INIT_CWD: cwd } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The README's example with a type error: a jug that holds the string '3'. */
const mistyped = (text: string): string => text.replace('small: SMALL }', "small: '3' }");

describe("the README's spec of one's own", () => {
  const dir = tempDir('rmc-own-spec-');

  beforeAll(() => {
    writeFileSync(join(dir, 'jugs.ts'), block('ts'));
    writeFileSync(join(dir, 'tsconfig.json'), block('json'));
    const installed = run('npm', ['install', '--save-dev', '--offline', '--no-audit', '--no-fund', root], dir);
    expect(installed.code, installed.stderr).toBe(0);
  });

  it('is a complete module: the example block is jugs.ts', () => {
    expect(block('ts')).toMatch(/^\/\/ jugs\.ts: /);
    expect(block('ts')).toContain("import type { Spec } from 'rmc';");
    expect(block('ts')).toContain('export default spec;');
  });

  it('runs each command as written, with the exit code and the output the README gives', () => {
    const commands = block('sh').trim().split('\n');
    expect(commands).toHaveLength(3);
    for (const line of commands) {
      const [command, comment] = line.split('#') as [string, string];
      const [npx, ...args] = command.trim().split(/\s+/);
      expect(npx).toBe('npx');
      const r = run('npx', args, dir);
      expect(r.code, `${line}\n${r.stderr}`).toBe(Number(/exit (\d+)/.exec(comment)![1]));
      if (r.code === 151) expect(r.stderr).toBe(`rmc: ${comment.split(': ').slice(1).join(': ').trim()}\n`);
      if (r.code === 12) expect(r.stdout).toContain(/ends its trace with `([^`]+)`/.exec(section)![1]);
    }
    // The passing run's report, but for its time, which is the machine's.
    const passing = run('npx', ['rmc', 'check', './jugs.ts', '--invariant', 'TypeOK'], dir);
    const timeless = (text: string): string => text.replace(/^Finished in .*$/m, 'Finished in ...');
    expect(timeless(passing.stdout)).toBe(timeless(block('text')));
  });

  it('type-checks with the README tsconfig against the Spec API, and fails on a type error', () => {
    // Every type checker/spec.ts exports is one the package's entry gives.
    const names = [...readFileSync(join(root, 'checker/spec.ts'), 'utf8').matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]!);
    expect(names).toContain('Presentation');
    writeFileSync(join(dir, 'everyType.ts'), `export type { ${names.join(', ')} } from 'rmc';\n`);
    const clean = run(process.execPath, [tsc, '-p', '.'], dir);
    expect(clean.stdout + clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    writeFileSync(join(dir, 'mistyped.ts'), mistyped(block('ts')));
    const wrong = run(process.execPath, [tsc, '-p', '.'], dir);
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toMatch(/^mistyped\.ts\(\d+,\d+\): error TS2322: Type 'string' is not assignable to type 'number'\.$/m);
  });

  it('lists every field of the Spec in the field table, terminal with the deadlock it prevents', () => {
    const rows = [...section.matchAll(/^\| `(\w+)(?:\([^`]*\))?` \| (.*) \|$/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(rows.map(([field]) => field)).toEqual(Object.keys(SPEC_FIELDS));
    expect(new Map(rows).get('terminal')).toContain('"Deadlock reached"');
  });
});

describe('rmc check --typecheck', () => {
  // A folder with no tsconfig and no node_modules: the compiler's defaults map 'rmc' to this checkout.
  const dir = tempDir('rmc-typecheck-');
  writeFileSync(join(dir, 'jugs.ts'), block('ts'));
  writeFileSync(join(dir, 'mistyped.ts'), mistyped(block('ts')));

  it('runs a spec with a type error without it, as tsx only strips types: the error shows up as a value', () => {
    const r = rmc(['check', './mistyped.ts', '--invariant', 'TypeOK'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(12);
    expect(r.stdout).toContain('Error: Invariant TypeOK is violated.');
  });

  it('refuses it with it: exit 150, one line naming file, line, column and error', () => {
    const r = rmc(['check', './mistyped.ts', '--typecheck'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.code).toBe(150);
    expect(r.stderr).toMatch(/^rmc: spec \.\/mistyped\.ts: type error at .*mistyped\.ts:\d+:\d+: .*Type 'string' is not assignable to type 'number'\.\)?\n$/);
  });

  it("checks a --design file too, whose types come from 'rmc/revoke'", () => {
    const walk = readFileSync(join(root, 'examples/scm-walk.ts'), 'utf8');
    writeFileSync(join(dir, 'walk.ts'), walk);
    writeFileSync(join(dir, 'miswalk.ts'), walk.replace("to: 'walked',", 'to: 42,'));
    const bad = rmc(['check', 'revoke', '--design', './miswalk.ts', '--typecheck', '--invariant', 'no-usable-descriptor'], {
      cwd: dir,
      env: { INIT_CWD: dir },
    });
    expect(bad.code).toBe(150);
    expect(bad.stderr).toMatch(
      /^rmc: design file \.\/miswalk\.ts: type error at .*miswalk\.ts:\d+:\d+: Type 'number' is not assignable to type 'Stage \| undefined'\.\n$/,
    );
    const good = rmc(['check', 'revoke', '--design', './walk.ts', '--typecheck', '--invariant', 'no-usable-descriptor'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(good.stderr).toBe('');
    expect(good.code).toBe(12);
  });

  it('passes a spec without a type error on to the search', () => {
    const r = rmc(['check', './jugs.ts', '--typecheck', '--invariant', 'TypeOK'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
