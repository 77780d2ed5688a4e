// Numbers a state or a parameter may not hold: -0 (=== and JSON take it for 0, Object.is does not)
// and the infinities (JSON prints them null). Merged with 0, a -0 state would hide a violation a
// spec that tells them apart reaches; printed null, a parameter would not be the one checked.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, tempDir } from './runRmc.ts';

const dir = tempDir('rmc-state-values-');
const module = (name: string, text: string): string => {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, text);
  return file;
};
// From x = 0, Negate reaches x = -0 (or, from x = 1e308 doubled, Infinity); the invariant tells it apart.
const negating = (init: string, next: string, extra = ''): string =>
  `export default { name: 'negating', summary: 'negates x', defaults: { initial: 0 },
  init: (p: { initial: number }) => [{ x: ${init} }],
  actions: [{ name: 'Negate', successors: (s: { x: number }) => [{ label: 'Negate', state: { x: ${next} } }] }],
  invariants: { NotNegativeZero: (s: { x: number }) => !Object.is(s.x, -0) }, ${extra} };\n`;
const negZero = module('negZero', negating('p.initial', '-s.x'));
const negZeroLayout = module(
  'negZeroLayout',
  negating('p.initial', '-s.x', "layout: () => ({ type: 'record', fields: { x: { type: 'int', min: -1, max: 1 } } })"),
);
const infinite = module('infinite', negating('1e308', 's.x * 10'));

/** Exactly one line on stderr. */
const oneLine = (stderr: string): void => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

describe('a state holding -0 or an infinity', () => {
  for (const workers of ['1', '2']) {
    it(`is refused (exit 75) naming the action and the field, not merged with 0 (--workers ${workers})`, () => {
      const r = rmc(['check', negZero, '--workers', workers]);
      expect(r.code).toBe(75);
      oneLine(r.stderr);
      expect(r.stderr).toContain('rmc: action Negate could not encode a state: state.x: cannot encode -0 in a state');
      expect(r.stderr).toContain('(a successor of state {"x":0})');
    });
  }

  it('is refused by a codec its layout implies too', () => {
    const r = rmc(['check', negZeroLayout]);
    expect(r.code).toBe(75);
    expect(r.stderr).toContain('rmc: action Negate could not encode a state: state.x = -0 cannot be told from 0 in a state');
  });

  it('is refused on a random walk', () => {
    const r = rmc(['simulate', negZero, '--traces', '2', '--depth', '3']);
    expect(r.code).toBe(75);
    expect(r.stderr).toContain('state.x: cannot encode -0 in a state');
  });

  it('refuses Infinity, which a trace would show as null', () => {
    const r = rmc(['check', infinite]);
    expect(r.code).toBe(75);
    expect(r.stderr).toContain('rmc: action Negate could not encode a state: state.x: cannot encode Infinity in a state');
  });
});

describe('a parameter of -0 or an infinity', () => {
  const config = join(dir, 'huge.json');
  writeFileSync(config, '{ "initial": 1e400 }\n');
  const cases: [string, string[], string][] = [
    [
      '--set initial=1e400',
      ['--set', 'initial=1e400'],
      "parameter 'initial' in --set is Infinity, which the echo of the bounds and the JSON report would print as null",
    ],
    ['--set initial=-1e400', ['--set', 'initial=-1e400'], "parameter 'initial' in --set is -Infinity"],
    [
      '--set initial=-0',
      ['--set', 'initial=-0'],
      "parameter 'initial' in --set is -0, which the echo of the bounds and the JSON report would print as 0: write 0",
    ],
    ['a config of 1e400', ['--config', config], `parameter 'initial' in config ${config} is Infinity`],
  ];
  for (const [what, args, message] of cases) {
    it(`is a configuration error (exit 151), as any malformed parameter: ${what}`, () => {
      const r = rmc(['check', negZero, ...args, '--json']);
      expect(r.code).toBe(151);
      expect(r.stderr).toContain(`rmc: ${message}`);
      expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'error' });
    });
  }

  it('is refused in a spec default (exit 150: the spec cannot be used)', () => {
    const r = rmc([
      'check',
      module('infiniteDefault', negating('p.initial', 's.x').replace('defaults: { initial: 0 }', 'defaults: { initial: 0, top: Infinity }')),
    ]);
    expect(r.code).toBe(150);
    expect(r.stderr).toContain("rmc: parameter 'top' in spec negating's defaults is Infinity");
  });

  it('leaves 0 and fractions alone', () => {
    const r = rmc(['check', negZero, '--set', 'initial=0.5', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).params).toEqual({ initial: 0.5 });
  });
});
