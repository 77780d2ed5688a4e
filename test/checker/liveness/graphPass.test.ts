// The behaviour graph's pass of its own keeps no state object past its turn in the queue, as the
// search does: with a codec, the states it expands are decoded from packed bytes, and a node's
// state is found again through the parent links.
import { describe, expect, it } from 'vitest';
import { exploreBehaviourGraph } from '../../../checker/liveness/graphPass.ts';
import type { AnySpec } from '../../../checker/spec.ts';

type S = { readonly n: number; readonly decoded?: true };
const expanded: S[] = [];
const counter: AnySpec = {
  name: 'counter',
  summary: 'counts modulo 5',
  defaults: {},
  codec: () => ({
    maxBytes: 1,
    encode: (s: S, out: Uint8Array) => ((out[0] = s.n), 1),
    decode: (b: Uint8Array): S => ({ n: b[0]!, decoded: true }),
  }),
  init: () => [{ n: 0 }],
  actions: [
    {
      name: 'Inc',
      successors: (s: S) => {
        expanded.push(s);
        return [{ label: 'Inc', state: { n: (s.n + 1) % 5 } }];
      },
    },
  ],
  invariants: {},
};

describe('exploreBehaviourGraph', () => {
  it('expands states decoded from its queue and finds a node state again by its parent links', () => {
    const graph = exploreBehaviourGraph(counter, {});
    const explored = expanded.splice(0);
    expect(graph.size).toBe(5);
    expect(explored.map((s) => s.n)).toEqual([0, 1, 2, 3, 4]);
    expect(explored.every((s) => s.decoded)).toBe(true);
    expect(graph.stateAt(3)).toEqual({ n: 3 });
    expect(graph.matches(3, { n: 3 })).toBe(true);
  });
});
