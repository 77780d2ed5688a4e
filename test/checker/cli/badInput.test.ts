// Bad input and broken specs, as a user meets them: one line on stderr, the contract's exit code.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, root, tempDir } from './runRmc.ts';

const dir = tempDir('rmc-bad-input-');
const module = (name: string, text: string): string => {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, text);
  return file;
};
const counter = (extra: string): string =>
  `export default { name: 'counter', summary: 'counts to 3', defaults: { limit: 3 },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s: { n: number }, p: { limit: number }) => (s.n < p.limit ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  invariants: {}, terminal: () => true, ${extra} };\n`;

const initThrows = module('initThrows', counter('').replace('init: () => [{ n: 0 }]', "init: () => { throw new Error('no table to start from'); }"));
const initEmpty = module('initEmpty', counter('').replace('init: () => [{ n: 0 }]', 'init: () => []'));
const syntaxError = module('syntaxError', "const a: number = 1\nexport default { name: 'x' summary: 'y' };\n");
const alwaysSmall = module('alwaysSmall', counter("properties: { Small: { op: 'always', p: (s: { n: number }) => s.n < 2 } }"));
const plain = module('plain', counter(''));

/** Exactly one line on stderr. */
const oneLine = (stderr: string): void => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

describe('a spec that fails before its first state', () => {
  const cases: [string, string[], RegExp][] = [
    ['init throws (one thread)', ['check', initThrows, '--workers', '1'], /^rmc: init threw: no table to start from/],
    ['init throws (workers)', ['check', initThrows, '--workers', '2'], /^rmc: init threw: no table to start from/],
    ['init yields no state', ['check', initEmpty], /^rmc: init yields no initial state/],
    ['init yields no state (simulate)', ['simulate', initEmpty], /^rmc: init yields no initial state/],
  ];
  for (const [what, args, message] of cases) {
    it(`exits 75 with one line naming init when ${what}`, () => {
      const r = rmc(args);
      expect(r.code).toBe(75);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(message);
    });
  }

  it('names the file, line, column and message of a TypeScript syntax error (exit 150)', () => {
    const r = rmc(['check', syntaxError]);
    expect(r.code).toBe(150);
    oneLine(r.stderr);
    expect(r.stderr).toContain(`syntax error at ${syntaxError}:2:28: Expected "}" but found "summary"`);
  });
});

describe('the --json error object', () => {
  const actionThrows = module('actionThrows', counter('').replace('(s.n < p.limit ?', "(s.n === 2 ? (() => { throw new Error('two'); })() : s.n < p.limit ?"));
  it('names the spec and its parameters once they are known, null before', () => {
    const failed = rmc(['check', actionThrows, '--json']);
    expect(failed.code).toBe(75);
    expect(JSON.parse(failed.stdout)).toEqual({ spec: 'counter', params: { limit: 3 }, verdict: 'error', error: 'action Inc threw: two (in state {"n":2})' });
    const badSet = JSON.parse(rmc(['check', actionThrows, '--set', 'limit=x', '--json']).stdout);
    expect(badSet).toMatchObject({ spec: 'counter', params: null, verdict: 'error' });
    expect(JSON.parse(rmc(['check', join(dir, 'nowhere.ts'), '--json']).stdout)).toMatchObject({ spec: null, params: null, verdict: 'error' });
  });
});

describe('a module that is not a spec', () => {
  // Each names the field that is wrong, in one line, exit 150 (checker/specShape.ts has the rest).
  const cases: [string, string, string][] = [
    ['actions as a record', counter('').replace(/actions: \[(.*)\],\n/, 'actions: { Inc: $1 },\n'), '`actions` must be an array of actions, got an object'],
    ['no default export', "export const spec = { name: 'x' };\n", 'the module has no default export (it must `export default` a Spec)'],
    ['terminal as data', counter('').replace('terminal: () => true', 'terminal: true'), '`terminal` must be a function, got a boolean'],
    ['no summary', counter('').replace("summary: 'counts to 3', ", ''), '`summary` is missing'],
  ];
  for (const [what, text, message] of cases) {
    it(`names what is wrong with ${what} (exit 150)`, () => {
      const file = module(what.replaceAll(' ', '-'), text);
      const r = rmc(['check', file]);
      expect(r.code).toBe(150);
      expect(r.stderr).toBe(`rmc: spec ${file}: ${message}\n`);
    });
  }

  it('names the spec as the user gave it', () => {
    const r = rmc(['check', './actions-as-a-record.ts'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.stderr).toBe('rmc: spec ./actions-as-a-record.ts: `actions` must be an array of actions, got an object\n');
  });
});

describe('an always property of a state predicate', () => {
  it('is checked as an invariant and exits 12, as TLC does, with a plain (loop-free) trace', () => {
    const r = rmc(['check', alwaysSmall, '--json']);
    expect(r.code).toBe(12);
    const v = JSON.parse(r.stdout).violations[0];
    expect(v).toMatchObject({ kind: 'property', name: 'Small', safety: true });
    expect(v.loopIndex).toBeUndefined();
    expect(v.trace).toHaveLength(3);
    expect(rmc(['check', alwaysSmall]).stdout).toContain(
      'Error: Property Small (always, of a state predicate: checked as an invariant, as TLC does) is violated.',
    );
  });
});

describe('the command line', () => {
  it('prints help on stderr and exits 2 when run bare', () => {
    const r = rmc([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: rmc /);
  });

  it('prints its version with --version', () => {
    const r = rmc(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
  });

  const usage: [string, string[], RegExp][] = [
    ['a fractional worker count', ['check', plain, '--workers', '1.5'], /--workers must be a positive whole number, got '1\.5'/],
    ['a fractional state budget', ['check', plain, '--max-states', '2.5'], /--max-states must be a positive whole number/],
    ['simulate --workers', ['simulate', plain, '--workers', '2'], /unknown option '--workers'/],
    ['simulate --symmetry', ['simulate', plain, '--symmetry'], /unknown option '--symmetry'/],
    ['simulate --exact', ['simulate', plain, '--exact'], /unknown option '--exact'/],
    ['simulate --max-depth', ['simulate', plain, '--max-depth', '3'], /unknown option '--max-depth'/],
  ];
  for (const [what, args, message] of usage) {
    it(`answers ${what} with one line and exit 2`, () => {
      const r = rmc(args);
      expect(r.code).toBe(2);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(message);
    });
  }

  it('warns when asked for more workers than cores, and runs', () => {
    const r = rmc(['check', plain, '--workers', '64']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^rmc: warning: --workers 64 is more than this machine's \d+ cores?: the extra workers only slow the search$/m);
  });

  it('echoes at most a short prefix of a huge value', () => {
    const huge = 'x'.repeat(100_000);
    for (const args of [
      ['check', plain, '--set', `limit=${huge}`],
      ['check', plain, '--set', huge],
      ['check', plain, '--workers', huge],
    ]) {
      const r = rmc(args);
      expect([2, 151]).toContain(r.code);
      oneLine(r.stderr);
      expect(r.stderr.length).toBeLessThan(600);
      expect(r.stderr).toContain('(100,');
    }
  });
});

describe('rmc simulate', () => {
  it('honours valid end states: a revoke run that ends is not a deadlock', () => {
    const r = rmc(['simulate', 'revoke', '--traces', '200', '--depth', '60', '--json']);
    expect(r.code).toBe(12); // enberg-2007 breaks guarantees, but never by "deadlock"
    const report = JSON.parse(r.stdout);
    expect(report.violations.map((v: { kind: string }) => v.kind)).not.toContain('deadlock');
    const fine = rmc([
      'simulate',
      'revoke',
      '--set',
      'variant=vnode-revoke',
      '--invariant',
      'no-usable-descriptor',
      '--invariant',
      'no-live-file-anywhere',
      '--invariant',
      'revoked-ops-fail-with-ebadf-or-enxio',
      '--traces',
      '200',
      '--depth',
      '60',
    ]);
    expect(fine.stdout).not.toContain('Deadlock');
    expect(fine.code).toBe(0);
  });

  it('honours --max-states: incomplete, exit 3', () => {
    const r = rmc(['simulate', 'classic/twophase', '--set', 'rms=5', '--max-states', '50', '--json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('incomplete');
    expect(report.reason).toMatch(/state budget of 50 distinct states/);
    expect(report.stats.distinctStates).toBe(50);
  });
});
