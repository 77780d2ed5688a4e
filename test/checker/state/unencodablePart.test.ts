// When the canonical encoding refuses a state, the message names the part it refused: the
// encoder keeps no path, so the state is walked again to find it.
import { List, Map as IMap, Record } from 'immutable';
import { describe, expect, it } from 'vitest';
import { ByteWriter } from '../../../checker/state/byteWriter.ts';
import { makeStateEncoder } from '../../../checker/state/stateEncoder.ts';
import { UnencodableError } from '../../../checker/state/canonicalEncoding.ts';
import type { AnySpec } from '../../../checker/spec.ts';

const spec = (extra: Partial<AnySpec> = {}): AnySpec => ({ name: 'values', defaults: {}, init: () => [], actions: [], invariants: {}, ...extra }) as AnySpec;
const failure = (state: unknown, extra: Partial<AnySpec> = {}): Error => {
  const encode = makeStateEncoder(spec(extra), {}, new ByteWriter());
  try {
    encode(state);
  } catch (e) {
    return e as Error;
  }
  throw new Error('the state was encoded');
};

describe('an unencodable state', () => {
  it('names the path of the value the encoding refuses', () => {
    const Task = Record({ fd: 0 });
    expect(failure({ tasks: { A: { fd: 3 }, B: { fd: NaN } } }).message).toBe('state.tasks.B.fd: cannot encode NaN in a state (it is not equal to itself)');
    expect(failure({ log: [0, 1, -0] }).message).toMatch(/^state\.log\[2\]: cannot encode -0 in a state/);
    expect(failure({ m: IMap([['k', List([Task({ fd: Infinity })])]]) }).message).toMatch(/^state\.m\.get\("k"\)\[0\]\.fd: cannot encode Infinity in a state/);
    expect(failure({ 'odd key': () => 1 }).message).toBe('state["odd key"]: cannot encode a function in a state');
    expect(failure({ f: NaN })).toBeInstanceOf(UnencodableError);
  });

  it('names a cycle instead of overflowing the stack', () => {
    const s: { n: number; inner: { back?: unknown } } = { n: 1, inner: {} };
    s.inner.back = s;
    const e = failure(s);
    expect(e).toBeInstanceOf(UnencodableError);
    expect(e.message).toBe('state.inner.back leads back to state (a cycle): a state must be a tree of values');
  });

  it("names the view's part when the spec has a view", () => {
    expect(failure({ x: 1 }, { view: (s: unknown) => ({ seen: [(s as { x: number }).x / 0] }) }).message).toMatch(/^view\.seen\[0\]: cannot encode Infinity/);
  });

  it('leaves a shared (acyclic) part alone', () => {
    const shared = { fd: 3 };
    const encode = makeStateEncoder(spec(), {}, new ByteWriter());
    expect(() => encode({ a: shared, b: [shared, shared] })).not.toThrow();
  });
});
