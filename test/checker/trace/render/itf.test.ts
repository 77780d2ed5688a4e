import { Record as ImmutableRecord, List, Map, OrderedMap, Set } from 'immutable';
import { describe, expect, it } from 'vitest';
import { itf } from '../../../../checker/trace/render/itf.ts';
import { traceView } from '../../../../checker/trace/render/traceView.ts';
import { validateItf } from './validateItf.ts';
import type { AnySpec } from '../../../../checker/spec.ts';
import { handoffTrace } from './handoffTrace.ts';

const bare = { name: 'test/values', summary: '', defaults: {}, init: () => [], actions: [], invariants: {} } as unknown as AnySpec;
const oneState = (state: unknown) => itf(traceView(bare, {}, 'x', [{ action: null, label: 'Initial predicate', state }]));

describe('itf', () => {
  it('writes the handoff counterexample as the committed ITF, which passes the ITF rules', async () => {
    const json = itf(await handoffTrace(true));
    expect(validateItf(json)).toEqual([]);
    await expect(JSON.stringify(json, null, 2) + '\n').toMatchFileSnapshot('__snapshots__/handoff.itf.json');
  });

  it('encodes sets, maps, records, lists and integers beyond 2^53 by the ITF rules', () => {
    const R = ImmutableRecord({ a: 1, b: List([Set([2, 1])]) });
    const json = oneState({
      set: Set(['b', 'a']),
      jsSet: new globalThis.Set([3]),
      map: Map([
        [2, 'x'],
        [1, 'y'],
      ]),
      jsMap: new globalThis.Map([['k', true]]),
      rec: R(),
      big: 2 ** 60,
      bigint: 12345678901234567890n,
      small: 7n,
      neg: -(2 ** 55),
      none: null,
      half: 0.5,
    });
    expect(validateItf(json)).toEqual([]);
    expect((json.states as unknown[])[0]).toEqual({
      '#meta': { index: 0, label: 'Initial predicate' },
      big: { '#bigint': '1152921504606846976' },
      bigint: { '#bigint': '12345678901234567890' },
      half: { '#unserializable': '0.5' },
      jsMap: { '#map': [['k', true]] },
      jsSet: { '#set': [3] },
      map: {
        '#map': [
          [1, 'y'],
          [2, 'x'],
        ],
      },
      neg: { '#bigint': '-36028797018963968' },
      none: { '#unserializable': 'null' },
      rec: { a: 1, b: [{ '#set': [1, 2] }] },
      set: { '#set': ['a', 'b'] },
      small: 7,
    });
  });

  it('gives equal states equal bytes whatever their construction order', () => {
    const a = oneState(
      Map({
        m: OrderedMap([
          ['y', 1],
          ['x', 2],
        ]),
        s: Set([3, 1, 2]),
      }),
    );
    const b = oneState(
      Map({
        s: Set([2, 3, 1]),
        m: OrderedMap([
          ['x', 2],
          ['y', 1],
        ]),
      }),
    );
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('marks a lasso with loop, and the validator checks it is a state index', async () => {
    const json = itf(await handoffTrace(false, 1));
    expect(json.loop).toBe(1);
    expect((json['#meta'] as Record<string, unknown>).loop).toBe(1);
    expect(validateItf(json)).toEqual([]);
    expect(validateItf({ ...json, loop: 9 })).toEqual(['loop 9 is not a state index']);
  });

  it('puts the spec, parameters, violated guarantee and each step label in #meta', async () => {
    const meta = itf(await handoffTrace(true))['#meta'] as Record<string, unknown>;
    expect(meta).toMatchObject({ format: 'ITF', source: 'test/handoff', params: { variant: 'naive' }, violated: 'no-usable-descriptor' });
    expect(meta.labels).toEqual(['Initial predicate', 'SendFd(B -> A, F0)', 'Revoke(F0)', 'RecvFd(A): fd 4 -> F0']);
  });
});

describe('validateItf', () => {
  const trace = (x: unknown) => ({ vars: ['x'], states: [{ '#meta': { index: 0 }, x }] });
  it('rejects what ITF has no encoding for', () => {
    expect(validateItf(trace(2 ** 60))).toEqual(['states[0].x: 1152921504606847000 is not an integer within 2^53 (use #bigint)']);
    expect(validateItf(trace(null))).toEqual(['states[0].x: null is not an ITF value']);
    expect(validateItf(trace({ '#bigint': '12a' }))).toEqual(['states[0].x: #bigint is not a decimal string']);
    expect(validateItf(trace({ '#map': [[1]] }))).toEqual(['states[0].x#map[0] is not a [key, value] pair']);
    expect(validateItf(trace({ '#set': [1, 1] }))).toEqual(['states[0].x: #set repeats an element']);
    expect(validateItf(trace({ '#set': [], extra: 1 }))).toEqual(['states[0].x: a tagged value has exactly one key']);
    expect(validateItf(trace({ '#list': [] }))).toEqual(['states[0].x: unknown tag #list']);
  });

  it('checks the trace shape: vars in every state, indices in order', () => {
    expect(validateItf({ vars: ['x', 'y'], states: [{ '#meta': { index: 1 }, x: 1, z: 2 }] })).toEqual([
      'states[0].#meta.index is 1',
      'states[0] lacks variable y',
      'states[0] has undeclared variable z',
    ]);
    expect(validateItf([])).toEqual(['the trace is not a JSON object']);
  });
});
