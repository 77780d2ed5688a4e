import fc from 'fast-check';
import { List, Map as IMap, Record, Set as ISet } from 'immutable';
import { describe, expect, it } from 'vitest';
import type { AnySpec, Spec } from '../../../checker/spec.ts';
import { ByteWriter } from '../../../checker/state/byteWriter.ts';
import { canonicalBytes } from '../../../checker/state/canonicalEncoding.ts';
import { makeStateEncoder } from '../../../checker/state/stateEncoder.ts';
import { makeCanonicalizer, symmetryGroup } from '../../../checker/state/symmetry.ts';
import { SpecError } from '../../../checker/errors.ts';

// A state described over id *indices*, so the same description built with the ids in another
// order is the permuted state, and built with `reversed` inserts every collection backwards.
type D =
  | { t: 'id'; i: number }
  | { t: 'num'; n: number }
  | { t: 'arr' | 'list'; xs: D[] }
  | { t: 'obj' | 'map'; entries: [number, D][] } // key: id index, or (when >= ids) a number
  | { t: 'set'; xs: number[] }
  | { t: 'rec'; a: D; b: D };

const N = 3;
const key = fc.nat(N + 1);
const desc: fc.Arbitrary<D> = fc.letrec<{ d: D }>((tie) => ({
  d: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ t: fc.constant('id' as const), i: fc.nat(N - 1) }),
    fc.record({ t: fc.constant('num' as const), n: fc.nat(3) }),
    fc.record({ t: fc.constantFrom('arr' as const, 'list' as const), xs: fc.array(tie('d'), { maxLength: 3 }) }),
    fc.record({
      t: fc.constantFrom('obj' as const, 'map' as const),
      entries: fc.uniqueArray(fc.tuple(key, tie('d')), { maxLength: 3, selector: (e) => e[0] }),
    }),
    fc.record({ t: fc.constant('set' as const), xs: fc.uniqueArray(key, { maxLength: 3 }) }),
    fc.record({ t: fc.constant('rec' as const), a: tie('d'), b: tie('d') }),
  ),
})).d;

const Pair = Record<{ a: unknown; b: unknown }>({ a: null, b: null });
const IDS = ['t1', 't2', 't3'];

function build(d: D, ids: readonly string[], reversed: boolean): unknown {
  const atom = (k: number): string | number => (k < N ? ids[k]! : k);
  const order = <T>(xs: T[]): T[] => (reversed ? [...xs].reverse() : xs);
  switch (d.t) {
    case 'id':
      return ids[d.i];
    case 'num':
      return d.n;
    case 'arr':
      return d.xs.map((x) => build(x, ids, reversed));
    case 'list':
      return List(d.xs.map((x) => build(x, ids, reversed)));
    case 'obj':
      return Object.fromEntries(order(d.entries).map(([k, x]) => [String(atom(k)), build(x, ids, reversed)]));
    case 'map':
      return IMap(order(d.entries).map(([k, x]) => [atom(k), build(x, ids, reversed)] as const));
    case 'set':
      return ISet(order(d.xs).map(atom));
    case 'rec':
      return Pair({ a: build(d.a, ids, reversed), b: build(d.b, ids, reversed) });
  }
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

const specOver = (sets: (string | number)[][], extra: Partial<AnySpec> = {}): AnySpec =>
  ({ name: 't', summary: '', defaults: {}, init: () => [], actions: [], invariants: {}, symmetry: () => ({ sets }), ...extra }) as AnySpec;

function keyOf(spec: AnySpec, s: unknown): string {
  const w = new ByteWriter();
  makeStateEncoder(spec, {}, w, { symmetry: true })(s);
  return Buffer.from(w.take()).toString('hex');
}

describe('symmetry', () => {
  it('gives every permutation of a state, however built, the same key', () => {
    const spec = specOver([IDS]);
    fc.assert(
      fc.property(desc, fc.constantFrom(...permutations(IDS)), fc.boolean(), (d, perm, reversed) => {
        expect(keyOf(spec, build(d, perm, reversed))).toBe(keyOf(spec, build(d, IDS, false)));
      }),
      { numRuns: 500 },
    );
  });

  it('gives two states the same key exactly when one is a permutation of the other', () => {
    const spec = specOver([IDS]);
    fc.assert(
      fc.property(desc, desc, (d1, d2) => {
        const target = Buffer.from(canonicalBytes(build(d2, IDS, false))).toString('hex');
        const sameOrbit = permutations(IDS).some((perm) => Buffer.from(canonicalBytes(build(d1, perm, false))).toString('hex') === target);
        expect(keyOf(spec, build(d1, IDS, false)) === keyOf(spec, build(d2, IDS, false))).toBe(sameOrbit);
      }),
      { numRuns: 500 },
    );
  });

  it('takes the least encoding over the whole group, not a sort of the ids', () => {
    // The ids' own order says nothing here: only the minimum over all six permutations can
    // find that these three are one orbit.
    const spec = specOver([IDS]);
    const ring = (a: string, b: string, c: string) => ({ next: { [a]: b, [b]: c, [c]: a }, mark: a });
    const keys = new Set([ring('t1', 't2', 't3'), ring('t2', 't3', 't1'), ring('t3', 't1', 't2')].map((s) => keyOf(spec, s)));
    expect(keys.size).toBe(1);
    expect(keyOf(spec, ring('t1', 't3', 't2'))).toBe(keyOf(spec, ring('t1', 't2', 't3'))); // the reverse ring is a relabelling too
  });

  it('permutes each set among itself only: the group is the product of symmetric groups', () => {
    expect(
      symmetryGroup([
        ['a', 'b', 'c'],
        ['x', 'y'],
      ]).permutations.length,
    ).toBe(12);
    expect(symmetryGroup([[1, 2, 3, 4, 5]]).permutations.length).toBe(120);
    const spec = specOver([
      ['a', 'b'],
      ['x', 'y'],
    ]);
    expect(keyOf(spec, { a: 'x', b: 'x' })).toBe(keyOf(spec, { b: 'y', a: 'y' }));
    expect(keyOf(spec, { a: 'x', b: 'x' })).not.toBe(keyOf(spec, { a: 'a', b: 'x' }));
  });

  it("uses the spec's permute when it gives one, and applies the view after permuting", () => {
    let calls = 0;
    const sorted = (xs: string[]) => [...xs].sort();
    const spec = specOver([IDS], {
      symmetry: () => ({
        sets: [IDS],
        permute: (s: { holders: string[]; n: number }, rename: ReadonlyMap<string | number, string | number>) => {
          calls++;
          return { holders: sorted(s.holders.map((h) => rename.get(h) as string)), n: s.n };
        },
      }),
      view: (s: { holders: string[] }) => s.holders,
    });
    expect(keyOf(spec, { holders: ['t1', 't2'], n: 1 })).toBe(keyOf(spec, { holders: ['t2', 't3'], n: 2 }));
    expect(calls).toBe(10); // five non-identity permutations per state
  });

  it('does nothing for a trivial group and refuses malformed sets', () => {
    expect(makeCanonicalizer(specOver([['only']]), {})).toBeUndefined();
    expect(makeCanonicalizer(specOver([]), {})).toBeUndefined();
    expect(() =>
      makeCanonicalizer(
        specOver([
          ['a', 'b'],
          ['b', 'c'],
        ]),
        {},
      ),
    ).toThrow(SpecError);
    const plain: Spec<unknown> = { name: 't', summary: '', defaults: {}, init: () => [], actions: [], invariants: {} };
    expect(makeCanonicalizer(plain, {})).toBeUndefined();
  });

  it('renames numeric ids as values, as map keys and as object keys', () => {
    const spec = specOver([[1, 2]]);
    expect(keyOf(spec, { 1: 'a', holder: 1, m: IMap([[1, true]]) })).toBe(keyOf(spec, { 2: 'a', holder: 2, m: IMap([[2, true]]) }));
  });
});
