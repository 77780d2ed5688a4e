import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, rmcInterrupted, root, tempDir } from './runRmc.ts';

const oneLine = (s: string): void => {
  expect(s.trim().split('\n')).toHaveLength(1);
};

describe('rmc check', () => {
  it('finds the 7-state DieHard trace and exits 12', () => {
    const r = rmc(['check', 'classic/diehard']);
    expect(r.code).toBe(12);
    expect(r.stdout).toContain('Error: Invariant NotSolved is violated.');
    expect(r.stdout).toContain('State 7:');
    expect(r.stdout).not.toContain('State 8:');
  });

  it('prints exactly one JSON object whose trace of k actions has k + 1 entries', () => {
    const r = rmc(['check', 'classic/diehard', '--json']);
    expect(r.code).toBe(12);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('violation');
    expect(report.violations[0]).toMatchObject({ kind: 'invariant', name: 'NotSolved' });
    expect(report.violations[0].trace).toHaveLength(7);
    expect(report.violations[0].trace[0]).toMatchObject({ action: null, state: { big: 0, small: 0 } });
    expect(report.violations[0].trace[6].state.big).toBe(4);
  });

  it("checks only the named invariant and reports TLC's statistics", () => {
    const r = rmc(['check', 'classic/diehard', '--invariant', 'TypeOK', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats).toMatchObject({ distinctStates: 16, generatedStates: 97, depth: 8 });
  });

  it('reports a deadlock with exit 11 and turns it off with --no-deadlock', () => {
    expect(rmc(['check', 'classic/tcommit']).code).toBe(11);
    const r = rmc(['check', 'classic/tcommit', '--no-deadlock', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stats).toMatchObject({ distinctStates: 34, generatedStates: 94, depth: 7 });
  });

  it('ends with verdict incomplete and exit 3 when the state budget runs out', () => {
    const r = rmc(['check', 'classic/twophase', '--set', 'rms=5', '--max-states', '500', '--json']);
    expect(r.code).toBe(3);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('incomplete');
    expect(report.stats.distinctStates).toBeGreaterThanOrEqual(500);
    expect(report.stats.distinctStates).toBeLessThan(8832);
  });

  it('prints TLC-style progress lines on stderr during a long run, and coverage per action', () => {
    const r = rmc(['check', 'classic/twophase', '--set', 'rms=7', '--progress', '0.3']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^Progress\(\d+\) at \d+ s: [\d,]+ states generated \([\d,]+ s\/min\), [\d,]+ distinct states found \([\d,]+ ds\/s; [\d,.]+ [KMGT]?B in memory\), [\d,]+ states left on queue\.$/m,
    );
    expect(r.stdout).toContain('2,744,706 states generated, 296,448 distinct states found, 0 states left on queue.');
    expect(r.stdout).toMatch(/TMCommit\s+[\d,]+ \/ [\d,]+/);
  }, 60_000);

  it('writes each trace as text and JSON into --trace-dir, with the manifest of what it wrote, leaving no temporary file', () => {
    const dir = tempDir('rmc-traces-');
    expect(rmc(['check', 'classic/diehard', '--trace-dir', dir]).code).toBe(12);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['.rmc-traces.json', 'classic-diehard--invariant-NotSolved.json', 'classic-diehard--invariant-NotSolved.txt']);
    expect(JSON.parse(readFileSync(join(dir, files[1]!), 'utf8')).trace).toHaveLength(7);
  });

  it('loads a spec module written outside the repository, by a path relative to where the user ran it', () => {
    const dir = tempDir('rmc-external-');
    mkdirSync(join(dir, 'models'));
    writeFileSync(
      join(dir, 'models', 'counter.ts'),
      `import type { Spec } from 'rmc-does-not-need-to-resolve-this';
type S = { n: number };
const spec: Spec<S, { limit: number }> = {
  name: 'counter', summary: 'counts up to a limit', defaults: { limit: 3 },
  validate: (p) => (p.limit < 1 ? ['limit must be at least 1'] : []),
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s, p) => (s.n < p.limit ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  invariants: { Small: (s) => s.n < 5 },
};
export default spec;
`,
    );
    const r = rmc(['check', './models/counter.ts', '--no-deadlock', '--json'], { cwd: dir, env: { INIT_CWD: dir } });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).stats).toMatchObject({ distinctStates: 4, generatedStates: 4, depth: 4 });
    const bad = rmc(['check', join(dir, 'models/counter.ts'), '--set', 'limit=0']);
    expect(bad.code).toBe(151);
    expect(bad.stderr).toContain('limit must be at least 1');
    const violated = rmc(['check', join(dir, 'models/counter.ts'), '--set', 'limit=9', '--no-deadlock']);
    expect(violated.code).toBe(12);
  });

  it('ends on Ctrl-C with partial statistics, exit 130 and one JSON object', async () => {
    const r = await rmcInterrupted(['check', 'classic/twophase', '--set', 'rms=9', '--json'], 2500);
    expect(r.code).toBe(130);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('interrupted');
    expect(report.stats.distinctStates).toBeGreaterThan(0);
  }, 60_000);
});

describe('rmc check on bad input', () => {
  const cases: [string, string[], number, RegExp][] = [
    ['an unknown spec', ['check', 'no-such-spec'], 150, /unknown spec 'no-such-spec' \(known: .*classic\/diehard/],
    ['a missing module path', ['check', './nowhere.ts'], 150, /not found/],
    ['an unknown option', ['check', 'classic/diehard', '--frobnicate'], 2, /unknown option/],
    ['an unknown parameter', ['check', 'classic/twophase', '--set', 'nodes=3'], 151, /unknown parameter 'nodes'.*known: rms/],
    ['a parameter of the wrong type', ['check', 'classic/twophase', '--set', 'rms=three'], 151, /'rms'.*must be a number/],
    ['a malformed --set', ['check', 'classic/twophase', '--set', 'rms'], 151, /malformed --set/],
    ['an unknown invariant', ['check', 'classic/diehard', '--invariant', 'Nope'], 151, /unknown invariant 'Nope' \(known: TypeOK, NotSolved\)/],
    ['a missing config', ['check', 'classic/twophase', '--config', 'nope'], 151, /config 'nope' not found/],
    ['a non-positive budget', ['check', 'classic/diehard', '--max-states', '0'], 2, /--max-states must be a positive whole number/],
    [
      'a --design beside --set of the same parameter',
      ['check', 'revoke', '--design', join(root, 'examples/scm-walk.ts'), '--set', 'variant=badfs'],
      2,
      /^rmc: --design and --set 'variant=badfs' both set variant: give one$/m,
    ],
    [
      'a --design beside --set of the same parameter (table)',
      ['table', 'revoke', '--design', join(root, 'examples/scm-walk.ts'), '--set', 'variant=badfs'],
      2,
      /^rmc: --design and --set 'variant=badfs' both set variant: give one$/m,
    ],
  ];
  for (const [what, args, code, message] of cases) {
    it(`answers ${what} with one line and exit ${code}`, () => {
      const r = rmc(args);
      expect(r.code).toBe(code);
      oneLine(r.stderr);
      expect(r.stderr).toMatch(message);
    });
  }

  it('answers a malformed config file and a module that is not a spec with one line each', () => {
    const dir = tempDir('rmc-bad-');
    writeFileSync(join(dir, 'broken.json'), '{ "rms": ');
    const config = rmc(['check', 'classic/twophase', '--config', join(dir, 'broken.json')]);
    expect(config.code).toBe(151);
    oneLine(config.stderr);
    expect(config.stderr).toMatch(/malformed config/);
    writeFileSync(join(dir, 'notspec.mts'), 'export default { hello: 1 };\n');
    const mod = rmc(['check', join(dir, 'notspec.mts')]);
    expect(mod.code).toBe(150);
    oneLine(mod.stderr);
    expect(mod.stderr).toMatch(
      /^rmc: spec .*notspec\.mts: its default export must be a Spec object \(name, summary, defaults, init, actions, invariants, \.\.\.\), got an object with none of a Spec's fields$/m,
    );
  });

  it('finds a config by name with or without .json, in the configs folder and in the folder it is run in', () => {
    const dir = tempDir('rmc-config-');
    writeFileSync(join(dir, 'two.json'), '{ "rms": 2 }');
    const params = (config: string, spec = 'classic/twophase'): unknown => {
      const r = rmc(['check', spec, '--config', config, '--max-states', '1', '--json'], { cwd: dir, env: { INIT_CWD: dir } });
      return JSON.parse(r.stdout).params;
    };
    expect(params('two')).toEqual({ rms: 2 });
    expect(params('two.json')).toEqual({ rms: 2 });
    expect(params('viro-a.json', 'revoke')).toMatchObject({ sendDuringRevoke: true, recvAfterReturn: true });
    expect(params('viro-a.json', 'revoke')).toEqual(params('viro-a', 'revoke'));
  });

  it('names each path a missing config was looked for once, never x.json.json', () => {
    const dir = tempDir('rmc-config-');
    const configs = join(root, 'spec', 'classic', 'configs');
    for (const [config, tried] of [
      ['nope', [join(configs, 'nope.json'), join(dir, 'nope'), join(dir, 'nope.json')]],
      ['nope.json', [join(dir, 'nope.json'), join(configs, 'nope.json')]],
    ] as const) {
      const r = rmc(['check', 'classic/twophase', '--config', config], { cwd: dir, env: { INIT_CWD: dir } });
      expect(r.code).toBe(151);
      expect(r.stderr).toBe(`rmc: config '${config}' not found (tried ${tried.map((f) => `'${f}'`).join(', ')})\n`);
    }
  });

  it('prints one JSON object with verdict error under --json', () => {
    const r = rmc(['check', 'no-such-spec', '--json']);
    expect(r.code).toBe(150);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'error' });
  });
});
