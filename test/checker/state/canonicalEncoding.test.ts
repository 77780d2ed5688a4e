import fc from 'fast-check';
import { List, Map as IMap, Record, Set as ISet } from 'immutable';
import { describe, expect, it } from 'vitest';
import { canonicalBytes } from '../../../checker/state/canonicalEncoding.ts';
import { ByteWriter } from '../../../checker/state/byteWriter.ts';
import { fingerprint64, fp } from '../../../checker/state/fingerprint.ts';

const json: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.integer(),
    // Every double a state may hold: not NaN, -0 or an infinity (refused below).
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value')),
    fc.dictionary(fc.string(), tie('value')),
  ),
})).value;

function shuffledObject(v: unknown, seed: number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffledObject(x, seed));
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v);
  const order = seed % 2 ? keys.reverse() : keys;
  return Object.fromEntries(order.map((k) => [k, shuffledObject((v as { [k: string]: unknown })[k], seed)]));
}

describe('canonical encoding', () => {
  it('gives equal bytes to equal plain objects whatever their key order', () => {
    fc.assert(
      fc.property(json, (v) => {
        expect(canonicalBytes(shuffledObject(v, 1))).toEqual(canonicalBytes(shuffledObject(v, 2)));
      }),
    );
  });

  it('gives different bytes to different plain values', () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        fc.pre(JSON.stringify(shuffledObject(a, 0)) !== JSON.stringify(shuffledObject(b, 0)));
        expect(canonicalBytes(a)).not.toEqual(canonicalBytes(b));
      }),
    );
  });

  it('gives equal bytes to Immutable maps and sets built in any order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.oneof(fc.string(), fc.integer()), fc.integer()), { selector: (e) => e[0] }), (entries) => {
        const forward = IMap(entries);
        const backward = IMap([...entries].reverse());
        expect(canonicalBytes(forward)).toEqual(canonicalBytes(backward));
        const keys = entries.map((e) => e[0]);
        expect(canonicalBytes(ISet(keys))).toEqual(canonicalBytes(ISet([...keys].reverse())));
        expect(canonicalBytes(ISet(keys).add('extra-member'))).not.toEqual(canonicalBytes(ISet(keys)));
      }),
    );
  });

  it('keeps list order and record field order as part of the value', () => {
    const Point = Record({ x: 0, y: 0 });
    expect(canonicalBytes(List([1, 2]))).not.toEqual(canonicalBytes(List([2, 1])));
    expect(canonicalBytes(Point({ x: 1, y: 2 }))).toEqual(canonicalBytes(Point({ y: 2, x: 1 })));
    expect(canonicalBytes(Point({ x: 1, y: 2 }))).not.toEqual(canonicalBytes(Point({ x: 2, y: 1 })));
    expect(canonicalBytes(IMap({ s: ISet([Point({ x: 1 }), Point({ y: 1 })]) }))).toEqual(
      canonicalBytes(IMap({ s: ISet([Point({ y: 1 }), Point({ x: 1 })]) })),
    );
  });

  it('refuses values that have no canonical form', () => {
    expect(() => canonicalBytes({ f: () => 1 })).toThrow(/cannot encode a function/);
    expect(() => canonicalBytes(NaN)).toThrow(/NaN/);
    // -0 would be 0 (=== and JSON cannot tell them apart); JSON prints the infinities as null.
    expect(() => canonicalBytes(-0)).toThrow('cannot encode -0 in a state');
    expect(() => canonicalBytes([1, { x: -0 }])).toThrow('cannot encode -0 in a state');
    expect(() => canonicalBytes(new Float64Array([1, -0]))).toThrow('cannot encode -0 in a state');
    expect(() => canonicalBytes(Infinity)).toThrow('cannot encode Infinity in a state');
    expect(() => canonicalBytes(-Infinity)).toThrow('cannot encode -Infinity in a state');
    expect(() => canonicalBytes(new (class Foo {})())).toThrow(/Foo/);
  });

  it('fingerprints equal bytes equally and spreads distinct ones', () => {
    const seen = new Set<string>();
    const w = new ByteWriter();
    for (let i = 0; i < 20000; i++) {
      w.reset();
      w.varint(i);
      fingerprint64(w.bytes, w.length);
      seen.add(`${fp[0]}:${fp[1]}`);
    }
    expect(seen.size).toBe(20000);
  });
});
