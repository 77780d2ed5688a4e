// The codec a declared layout implies: equal states give equal bytes, different states different
// bytes, decoding gives the state back, and a state outside its layout is named, not merged.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Layout } from '../../../checker/spec.ts';
import { layoutCodec } from '../../../checker/state/layoutCodec.ts';

const layout: Layout = {
  type: 'record',
  fields: {
    pc: { type: 'enum', values: ['idle', 'busy', 'done'] },
    count: { type: 'int', min: -3, max: 1000 },
    flags: { type: 'dict', keys: Array.from({ length: 12 }, (_, i) => `k${i}`), of: { type: 'enum', values: [false, true] } },
    slots: { type: 'dict', keys: [3, 4], of: { type: 'enum', values: ['F0', 'F1', null] } },
    msg: { type: 'optional', of: { type: 'record', fields: { to: { type: 'enum', values: ['A', 'B'] }, n: { type: 'int', min: 0, max: 9 } } } },
    refs: { type: 'list', of: { type: 'enum', values: ['F0', 'F1'] }, max: 4 },
  },
};

const arbState = fc.record({
  pc: fc.constantFrom('idle', 'busy', 'done'),
  count: fc.integer({ min: -3, max: 1000 }),
  flags: fc.dictionary(fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `k${i}`)), fc.boolean()),
  slots: fc.dictionary(fc.constantFrom('3', '4'), fc.constantFrom('F0', 'F1', null)),
  msg: fc.option(fc.record({ to: fc.constantFrom('A', 'B'), n: fc.integer({ min: 0, max: 9 }) }), { nil: null }),
  refs: fc.array(fc.constantFrom('F0', 'F1'), { maxLength: 4 }),
});

const bytesOf = (codec: ReturnType<typeof layoutCodec>, s: unknown): string => {
  const out = new Uint8Array(codec.maxBytes);
  return Array.from(out.subarray(0, codec.encode(s, out))).join(',');
};

/** JSON with every object's keys sorted: equal exactly for equal plain values. */
function sortedJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(sortedJson).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${sortedJson((v as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

describe('layoutCodec', () => {
  it('decodes every state back to itself, within maxBytes', () => {
    const codec = layoutCodec(layout);
    fc.assert(
      fc.property(arbState, (s) => {
        const out = new Uint8Array(codec.maxBytes);
        const n = codec.encode(s, out);
        expect(n).toBeLessThanOrEqual(codec.maxBytes);
        expect(codec.decode(out.slice(0, n))).toEqual(s);
      }),
    );
  });

  it('gives equal bytes exactly to equal states, whatever the key order', () => {
    const codec = layoutCodec(layout);
    fc.assert(
      fc.property(arbState, arbState, (a, b) => {
        const reordered = Object.fromEntries(Object.entries(a).reverse());
        expect(bytesOf(codec, reordered)).toBe(bytesOf(codec, a));
        expect(bytesOf(codec, a) === bytesOf(codec, b)).toBe(sortedJson(a) === sortedJson(b));
      }),
    );
  });

  it('names the field of a value outside the layout', () => {
    const codec = layoutCodec(layout);
    const s = { pc: 'idle', count: 1001, flags: {}, slots: {}, msg: null, refs: [] };
    expect(() => codec.encode(s, new Uint8Array(codec.maxBytes))).toThrow("state.count = 1001 is outside the state's layout");
    expect(() => codec.encode({ ...s, count: 0, msg: { to: 'C', n: 1 } }, new Uint8Array(codec.maxBytes))).toThrow('state.msg.to = "C"');
    expect(() => codec.encode({ ...s, count: 0, refs: ['F0', 'F0', 'F0', 'F0', 'F0'] }, new Uint8Array(codec.maxBytes))).toThrow('state.refs');
  });

  it('refuses -0, which its int and enum tests would take for 0, naming the field', () => {
    const codec = layoutCodec({ type: 'record', fields: { n: { type: 'int', min: -3, max: 3 }, e: { type: 'enum', values: ['a', 0] } } });
    const encode = (s: unknown): number => codec.encode(s, new Uint8Array(codec.maxBytes));
    expect(encode({ n: 0, e: 0 })).toBe(2);
    expect(() => encode({ n: -0, e: 0 })).toThrow('state.n = -0 cannot be told from 0 in a state');
    expect(() => encode({ n: 0, e: -0 })).toThrow('state.e = -0 cannot be told from 0 in a state');
    // Where 0 is outside the bounds, so is -0: refused either way, and named as -0.
    const positive = layoutCodec({ type: 'int', min: 1, max: 3 });
    expect(() => positive.encode(-0, new Uint8Array(1))).toThrow('state = -0 cannot be told from 0');
    expect(() => positive.encode(0, new Uint8Array(1))).toThrow("state = 0 is outside the state's layout");
  });

  it('refuses a layout whose enum lists a number its compiled code cannot write', () => {
    for (const bad of [-0, NaN, Infinity]) {
      expect(() => layoutCodec({ type: 'enum', values: ['a', bad] })).toThrow(/an enum value must be a finite number other than -0/);
    }
  });

  it('refuses a state with a field its layout does not declare, which it would otherwise lose', () => {
    const codec = layoutCodec(layout);
    const s = { pc: 'idle', count: 0, flags: {}, slots: {}, msg: null, refs: [], extra: 1 };
    expect(() => codec.encode(s, new Uint8Array(codec.maxBytes))).toThrow('state.extra: the state does not match its layout');
  });

  it('refuses layouts it cannot encode', () => {
    expect(() => layoutCodec({ type: 'enum', values: [] })).toThrow('an enum needs 1..256 values');
    expect(() => layoutCodec({ type: 'int', min: 0, max: 70000 })).toThrow('at most 65535 apart');
    expect(() => layoutCodec({ type: 'dict', keys: ['a', 'a'], of: { type: 'int', min: 0, max: 1 } })).toThrow('lists a key twice');
  });
});
