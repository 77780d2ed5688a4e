// What a spec that fails under the checker is told: the part of a state that cannot be encoded
// (a cycle, not a stack overflow), the state an invariant threw in, the property whose predicate threw.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, tempDir } from './runRmc.ts';

const dir = tempDir('rmc-spec-failures-');
const module = (name: string, text: string): string => {
  const file = join(dir, `${name}.ts`);
  writeFileSync(file, text);
  return file;
};
const cyclic = module(
  'cyclic',
  `export default { name: 'cyclic', summary: 'Odd makes a state that holds itself', defaults: {},
  init: () => [{ n: 0 }],
  actions: [{ name: 'Odd', successors: (s: { n: number }) => {
    if (s.n > 0) return [];
    const t: { n: number; inner: { back?: unknown } } = { n: 1, inner: {} };
    t.inner.back = t;
    return [{ label: 'Odd', state: t }];
  } }],
  invariants: {}, terminal: () => true };\n`,
);
// Counts 0..3; the invariant and the right side of the property throw at 2.
const throwing = module(
  'throwing',
  `export default { name: 'throwing', summary: 'counts to 3', defaults: {},
  init: () => [{ n: 0, tag: 'start' }],
  actions: [{ name: 'Up', successors: (s: { n: number }) => (s.n < 3 ? [{ label: 'Up', state: { n: s.n + 1, tag: 'up' } }] : []) }],
  invariants: { Judged: (s: { n: number }) => { if (s.n === 2) throw new Error('cannot judge 2'); return true; } },
  properties: {
    ReachesThree: { op: 'leadsTo', p: (s: { n: number }) => s.n === 0, q: (s: { n: number }) => { if (s.n === 2) throw new Error('no verdict at 2'); return s.n === 3; } },
  },
  terminal: () => true };\n`,
);

/** Exactly one line on stderr. */
const oneLine = (stderr: string): void => expect(stderr.trimEnd().split('\n')).toHaveLength(1);

describe('a spec that fails under the checker', () => {
  it('is told which field of a cyclic state leads back, not that the stack overflowed (exit 75)', () => {
    const r = rmc(['check', cyclic]);
    expect(r.code).toBe(75);
    oneLine(r.stderr);
    expect(r.stderr).toBe(
      'rmc: action Odd could not encode a state: state.inner.back leads back to state (a cycle): a state must be a tree of values (a successor of state {"n":0})\n',
    );
  });

  for (const workers of ['1', '2']) {
    it(`is shown the state an invariant threw in (exit 76, --workers ${workers})`, () => {
      const r = rmc(['check', throwing, '--invariant', 'Judged', '--workers', workers]);
      expect(r.code).toBe(76);
      expect(r.stderr).toBe('rmc: invariant Judged threw: cannot judge 2 (in state {"n":2,"tag":"up"})\n');
    });
  }

  const passes: [string, string[]][] = [
    ['recorded by the search', ['--workers', '1']],
    ['explored after a parallel search', ['--workers', '2']],
  ];
  for (const [how, args] of passes) {
    it(`is told which property's predicate threw, and in which state (exit 77, graph ${how})`, () => {
      const r = rmc(['check', throwing, '--property', 'ReachesThree', ...args]);
      expect(r.code).toBe(77);
      expect(r.stderr).toBe(`rmc: temporal property 'ReachesThree' (its right side) threw: no verdict at 2 (in state {"n":2,"tag":"up"})\n`);
    });
  }
});
