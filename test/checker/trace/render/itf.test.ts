import { Record as ImmutableRecord, List, Map, OrderedMap, Set } from 'immutable';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../../checker/errors.ts';
import { itf } from '../../../../checker/trace/render/itf.ts';
import { itfSource } from '../../../../checker/trace/render/itfSource.ts';
import { traceView } from '../../../../checker/trace/render/traceView.ts';
import { validateItf } from './validateItf.ts';
import type { AnySpec, Layout } from '../../../../checker/spec.ts';
import { handoffSpec } from './handoffSpec.ts';
import { handoffTrace } from './handoffTrace.ts';
import { defineAction } from '../../../../checker/defineAction.ts';
import { step } from '../../../../checker/trace/rebuild.ts';

const bare = { name: 'test/values', summary: '', defaults: {}, init: () => [], actions: [], invariants: {} } as unknown as AnySpec;
/** A trace of these states (the first initial, each later one a step), written as `spec` says. */
const trace = (spec: AnySpec, ...states: unknown[]) => {
  const steps = states.map((state, i) => ({ action: i === 0 ? null : 'Step', label: i === 0 ? 'Initial predicate' : `Step ${i}`, state }));
  return itf(traceView(spec, {}, 'x', steps), itfSource(spec, {}));
};
const statesOf = (json: Record<string, unknown>) =>
  (json.states as Record<string, unknown>[]).map(({ '#meta': _, 'mbt::actionTaken': _a, 'mbt::nondetPicks': _p, ...vars }) => vars);
const NONE = { tag: 'None', value: { '#tup': [] } };
const some = (value: unknown) => ({ tag: 'Some', value });

const bool: Layout = { type: 'enum', values: [false, true] };
const laidOut = (layout: Layout, presentation?: object) => ({ ...bare, layout: () => layout, ...(presentation ? { presentation } : {}) }) as AnySpec;

describe('itf', () => {
  it('writes the handoff counterexample as the committed ITF, which passes the ITF rules', async () => {
    const json = itf(await handoffTrace(true), itfSource(handoffSpec(true), { variant: 'naive' }));
    expect(validateItf(json)).toEqual([]);
    await expect(JSON.stringify(json, null, 2) + '\n').toMatchFileSnapshot('__snapshots__/handoff.itf.json');
  });

  it('encodes sets, maps, records, lists, absent values and integers beyond 2^53 by the ITF rules', () => {
    const R = ImmutableRecord({ a: 1, b: List([Set([2, 1])]) });
    const json = trace(bare, {
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
    });
    expect(validateItf(json)).toEqual([]);
    expect(statesOf(json)[0]).toEqual({
      big: { '#bigint': '1152921504606846976' },
      bigint: { '#bigint': '12345678901234567890' },
      jsMap: { '#map': [['k', true]] },
      jsSet: { '#set': [3] },
      map: {
        '#map': [
          [1, 'y'],
          [2, 'x'],
        ],
      },
      neg: { '#bigint': '-36028797018963968' },
      none: NONE,
      rec: { a: 1, b: [{ '#set': [1, 2] }] },
      set: { '#set': ['a', 'b'] },
      small: 7,
    });
  });

  it('writes a fraction, which ITF cannot hold, as #unserializable, which the strict rules reject', () => {
    const json = trace(bare, { half: 0.5 });
    expect(statesOf(json)).toEqual([{ half: { '#unserializable': '0.5' } }]);
    expect(validateItf(json)).toEqual(['states[0].half: #unserializable "0.5" is no value Quint can read']);
    expect(validateItf(json, { allowUnserializable: true })).toEqual([]);
  });

  it('makes a position that is null in some state an option in every state of the trace', () => {
    const json = trace(bare, { x: null, r: { f: 'a' }, l: [1] }, { x: 3, r: { f: null }, l: [null, 2] });
    expect(statesOf(json)).toEqual([
      { x: NONE, r: { f: some('a') }, l: [some(1)] },
      { x: some(3), r: { f: NONE }, l: [NONE, some(2)] },
    ]);
    expect(validateItf(json)).toEqual([]);
  });

  it("types raw states by the spec's layout: dicts as #map with the layout's keys, optionals as options in every state", () => {
    const layout: Layout = {
      type: 'record',
      fields: {
        fds: { type: 'dict', keys: [3, 4], of: { type: 'enum', values: ['F0', 'F1'] } },
        vma: { type: 'optional', of: { type: 'record', fields: { linked: bool } } },
        cursor: { type: 'enum', values: [null, 'A'] },
        count: { type: 'int', min: 0, max: 3 },
        refs: { type: 'list', of: { type: 'enum', values: ['F0'] }, max: 2 },
      },
    };
    const json = trace(
      laidOut(layout),
      { refs: [], count: 0, cursor: null, vma: null, fds: { 4: 'F1' } },
      { refs: ['F0'], count: 1, cursor: 'A', vma: { linked: true }, fds: {} },
    );
    expect(json.vars).toEqual(['fds', 'vma', 'cursor', 'count', 'refs', 'mbt::actionTaken', 'mbt::nondetPicks']);
    expect(statesOf(json)).toEqual([
      { fds: { '#map': [[4, 'F1']] }, vma: NONE, cursor: NONE, count: 0, refs: [] },
      { fds: { '#map': [] }, vma: some({ linked: true }), cursor: some('A'), count: 1, refs: ['F0'] },
    ]);
    expect(validateItf(json)).toEqual([]);
  });

  it("writes the JSON view, typed by its own layout, where the spec has one: the text trace's variables", () => {
    const raw: Layout = { type: 'record', fields: { message: { type: 'optional', of: { type: 'enum', values: ['F0'] } } } };
    const view: Layout = { type: 'record', fields: { socket: { type: 'list', of: { type: 'enum', values: ['F0'] }, max: 1 } } };
    const presentation = { toJSON: (s: { message: string | null }) => ({ socket: s.message === null ? [] : [s.message] }), jsonLayout: () => view };
    const spec = laidOut(raw, presentation);
    expect(itfSource(spec, {})).toEqual({ states: 'view', layout: view });
    expect(statesOf(trace(spec, { message: null }, { message: 'F0' }))).toEqual([{ socket: [] }, { socket: ['F0'] }]);
    // A view without a layout is still the view, each value typed by its kind.
    const untyped = laidOut(raw, { toJSON: presentation.toJSON });
    expect(itfSource(untyped, {})).toEqual({ states: 'view' });
    expect(statesOf(trace(untyped, { message: 'F0' }))).toEqual([{ socket: ['F0'] }]);
  });

  it('refuses states that leave their layout, naming the field, so the ITF never drops what the text shows', () => {
    const layout: Layout = { type: 'record', fields: { vma: { type: 'record', fields: { linked: bool } } } };
    const fails = (state: unknown) => () => trace(laidOut(layout), state);
    expect(fails({ vma: { linked: true, gate: false } })).toThrow(SpecError);
    expect(fails({ vma: { linked: true, gate: false } })).toThrow('ITF: state.vma.gate is not in the layout');
    expect(fails({ vma: null })).toThrow('ITF: state.vma is not an object');
    expect(fails({ vma: { linked: null } })).toThrow('ITF: state.vma.linked = null is no value the layout allows here');
    const dict: Layout = { type: 'record', fields: { fds: { type: 'dict', keys: [3], of: bool } } };
    expect(() => trace(laidOut(dict), { fds: { 5: true } })).toThrow('ITF: state.fds.5 is not a key of the layout');
  });

  it('gives equal states equal bytes whatever their construction order', () => {
    const a = trace(
      bare,
      Map({
        m: OrderedMap([
          ['y', 1],
          ['x', 2],
        ]),
        s: Set([3, 1, 2]),
      }),
    );
    const b = trace(
      bare,
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
    const json = itf(await handoffTrace(false, 1), itfSource(handoffSpec(false), { variant: 'naive' }));
    expect(json.loop).toBe(1);
    expect((json['#meta'] as Record<string, unknown>).loop).toBe(1);
    expect(validateItf(json)).toEqual([]);
    expect(validateItf({ ...json, loop: 9 })).toEqual(['loop 9 is not a state index']);
  });

  it('puts the spec, parameters, violated guarantee and each step label in #meta', async () => {
    const meta = itf(await handoffTrace(true), itfSource(handoffSpec(true), { variant: 'naive' }))['#meta'] as Record<string, unknown>;
    expect(meta).toMatchObject({ format: 'ITF', source: 'test/handoff', params: { variant: 'naive' }, violated: 'no-usable-descriptor' });
    expect(meta.labels).toEqual(['Initial predicate', 'SendFd(B -> A, F0)', 'Revoke(F0)', 'RecvFd(A): fd 4 -> F0']);
  });
});

describe('mbt::actionTaken', () => {
  it('names the action that led to every state, init for the first, as Quint --mbt traces do, and #meta holds no null', async () => {
    const json = itf(await handoffTrace(true), itfSource(handoffSpec(true), { variant: 'naive' }));
    const taken = (json.states as Record<string, unknown>[]).map((s) => s['mbt::actionTaken']);
    expect(taken).toEqual(['init', 'SendFd', 'Revoke', 'RecvFd']);
    expect((json['#meta'] as Record<string, unknown>).actions).toEqual(taken);
    expect(JSON.stringify(json['#meta'])).not.toContain('null');
    expect(validateItf(json, { mbt: true })).toEqual([]);
  });

  it('is checked by the validator: present, a name, init only first, agreeing with #meta.actions', async () => {
    const json = itf(await handoffTrace(true), itfSource(handoffSpec(true), { variant: 'naive' }));
    const states = json.states as Record<string, unknown>[];
    const edited = (edit: (s: Record<string, unknown>[]) => void, meta?: object) => {
      const copy = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
      edit(copy.states as Record<string, unknown>[]);
      if (meta) copy['#meta'] = { ...(copy['#meta'] as object), ...meta };
      return validateItf(copy, { mbt: true });
    };
    expect(
      validateItf(
        { ...json, vars: (json.vars as string[]).filter((v) => v !== 'mbt::actionTaken'), states: states.map(({ 'mbt::actionTaken': _, ...s }) => s) },
        { mbt: true },
      ),
    ).toEqual(['vars lacks mbt::actionTaken']);
    expect(edited((s) => (s[0]!['mbt::actionTaken'] = 'SendFd'))).toContain('states[0].mbt::actionTaken is "SendFd", not "init"');
    expect(edited((s) => (s[2]!['mbt::actionTaken'] = 'init'))).toContain('states[2].mbt::actionTaken is "init", which only the first state is');
    expect(edited((s) => (s[1]!['mbt::actionTaken'] = 7))).toContain("states[1].mbt::actionTaken is not an action's name");
    expect(edited((s) => (s[3]!['mbt::actionTaken'] = 'Close'))).toEqual(['states[3].mbt::actionTaken is "Close" but #meta.actions[3] is "RecvFd"']);
    expect(edited(() => {}, { actions: [null, 'SendFd', 'Revoke', 'RecvFd'] })).toEqual([
      'states[0].mbt::actionTaken is "init" but #meta.actions[0] is null',
      '#meta.actions[0] is null',
    ]);
  });
});

describe('mbt::nondetPicks', () => {
  // Two actions written with defineAction: Send picks a record (task and fd), Close one task.
  const Send = defineAction<number, object, { t: string; fd: number }>({
    name: 'Send',
    doc: '',
    params: () => [
      { t: 'A', fd: 3 },
      { t: 'B', fd: 4 },
    ],
    enabled: () => true,
    next: (s, a) => s + a.fd,
    label: (_s, a) => `Send(${a.t}, ${a.fd})`,
  });
  const Close = defineAction<number, object, string>({
    name: 'Close',
    doc: '',
    pick: 't',
    params: () => ['A', 'B'],
    enabled: () => true,
    next: (s) => s + 1,
    label: (_s, t) => `Close(${t})`,
  });
  const Tick = defineAction<number, object, string>({
    name: 'Tick',
    doc: '',
    pick: false,
    params: () => ['A'],
    enabled: () => true,
    next: (s) => s + 1,
    label: () => 'Tick',
  });
  const nth = (action: typeof Send, from: number, n: number) => step(action.name, [...action.successors(from, {})][n]!);
  const picksOf = (json: Record<string, unknown>) => (json.states as Record<string, unknown>[]).map((s) => s['mbt::nondetPicks']);

  it("records each step's choices by name, Some where it picked and None elsewhere, None everywhere in the initial state", () => {
    const steps = [{ action: null, label: 'Initial predicate', state: 0 }, nth(Send, 0, 1), nth(Close, 4, 0), nth(Tick, 5, 0)];
    expect(steps.map((s) => ('picks' in s ? s.picks : undefined))).toEqual([undefined, { t: 'B', fd: 4 }, { t: 'A' }, undefined]);
    const json = itf(traceView(bare, {}, 'x', steps), itfSource(bare, {}));
    expect(json.vars).toContain('mbt::nondetPicks');
    expect(picksOf(json)).toEqual([
      { t: NONE, fd: NONE },
      { t: some('B'), fd: some(4) },
      { t: some('A'), fd: NONE },
      { t: NONE, fd: NONE },
    ]);
    expect(validateItf(json, { mbt: true })).toEqual([]);
  });

  it('is checked by the validator: a record of options, the same names in every state, nothing picked first', () => {
    const steps = [{ action: null, label: 'Initial predicate', state: 0 }, nth(Send, 0, 0), nth(Close, 3, 1)];
    const json = itf(traceView(bare, {}, 'x', steps), itfSource(bare, {}));
    const edited = (edit: (picks: Record<string, unknown>[]) => void) => {
      const copy = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
      edit((copy.states as Record<string, unknown>[]).map((s) => s['mbt::nondetPicks'] as Record<string, unknown>));
      return validateItf(copy, { mbt: true });
    };
    expect(edited((p) => (p[0]!.t = some('A')))).toEqual(['states[0].mbt::nondetPicks.t is Some in the initial state, which nothing picked']);
    expect(edited((p) => delete p[2]!.fd)).toContain('states[2].mbt::nondetPicks names t, the first state fd, t');
    expect(edited((p) => (p[1]!.fd = 3))).toContain('states[1].mbt::nondetPicks.fd is not an option (Some or None)');
    const without = JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
    without.vars = (without.vars as string[]).filter((v) => v !== 'mbt::nondetPicks');
    for (const st of without.states as Record<string, unknown>[]) delete st['mbt::nondetPicks'];
    expect(validateItf(without, { mbt: true })).toEqual(['vars lacks mbt::nondetPicks']);
  });
});

describe('validateItf', () => {
  const trace = (...xs: unknown[]) => ({ vars: ['x'], states: xs.map((x, index) => ({ '#meta': { index }, x })) });
  it('rejects what ITF has no encoding for, and what Quint cannot read back', () => {
    expect(validateItf(trace(2 ** 60))).toEqual(['states[0].x: 1152921504606847000 is not an integer within 2^53 (use #bigint)']);
    expect(validateItf(trace(null))).toEqual(['states[0].x: null is not an ITF value']);
    expect(validateItf(trace({ '#bigint': '12a' }))).toEqual(['states[0].x: #bigint is not a decimal string']);
    expect(validateItf(trace({ '#map': [[1]] }))).toEqual(['states[0].x#map[0] is not a [key, value] pair']);
    expect(
      validateItf(
        trace({
          '#map': [
            [1, 'a'],
            [1, 'b'],
          ],
        }),
      ),
    ).toEqual(['states[0].x: #map repeats a key']);
    expect(validateItf(trace({ '#set': [1, 1] }))).toEqual(['states[0].x: #set repeats an element']);
    expect(validateItf(trace({ '#set': [], extra: 1 }))).toEqual(['states[0].x: a tagged value has exactly one key']);
    expect(validateItf(trace({ '#list': [] }))).toEqual(['states[0].x: unknown tag #list']);
    expect(validateItf(trace({ '#unserializable': 'null' }))).toEqual(['states[0].x: #unserializable "null" is no value Quint can read']);
    expect(validateItf(trace({ tag: 'A', task: 'B' }))).toEqual([
      'states[0].x: an object with a tag field is a variant, which has exactly a string tag and a value',
    ]);
  });

  it('reads options and other variants: tags may differ from state to state, their values may not', () => {
    expect(validateItf(trace(NONE, some({ a: 1 }), some({ a: 2 })))).toEqual([]);
    expect(validateItf(trace(some({ a: 1 }), some({ a: 'b' })))).toEqual([
      "states[1].x: type Some({ a: str }) differs from the earlier states' Some({ a: int })",
    ]);
  });

  it('checks that a variable keeps its type: a field cannot switch between an option and a bare value', () => {
    expect(validateItf(trace({ f: NONE }, { f: 'F0' }))).toEqual(["states[1].x: type { f: str } differs from the earlier states' { f: None(()) }"]);
    expect(validateItf(trace({ '#map': [] }, { '#map': [[3, 'F0']] }, { '#map': [[4, 1]] }))).toEqual([
      "states[2].x: type map<int, int> differs from the earlier states' map<int, str>",
    ]);
    expect(validateItf(trace([1, 'a']))).toEqual(['states[0].x: element 1 is str, the ones before it int']);
    expect(validateItf(trace({ a: 1 }, { a: 1, b: 2 }))).toEqual(["states[1].x: type { a: int, b: int } differs from the earlier states' { a: int }"]);
  });

  it('checks the trace shape: vars in every state, indices in order', () => {
    expect(validateItf({ vars: ['x', 'y'], states: [{ '#meta': { index: 1 }, x: 1, z: 2 }] })).toEqual([
      'states[0].#meta.index is 1',
      'states[0] lacks variable y',
      'states[0] has undeclared variable z',
    ]);
    expect(validateItf({ vars: ['x', 'x'], states: [] })).toEqual(['vars and params name a variable twice']);
    expect(validateItf([])).toEqual(['the trace is not a JSON object']);
  });
});
