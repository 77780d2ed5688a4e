import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StronglyConnectedComponents } from '../../../checker/liveness/scc.ts';

function csr(n: number, edges: readonly (readonly [number, number])[]): { start: Int32Array; target: Int32Array } {
  const sorted = [...edges].sort((a, b) => a[0] - b[0]);
  const start = new Int32Array(n + 1);
  for (const [from] of sorted) start[from + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  return { start, target: Int32Array.from(sorted.map(([, to]) => to)) };
}

/** Two nodes share a component when each reaches the other (transitive closure). */
function naive(n: number, edges: readonly (readonly [number, number])[], inside: (v: number) => boolean): string {
  const reach = Array.from({ length: n }, (_, v) => {
    const seen = new Set([v]);
    const todo = [v];
    while (todo.length) {
      const u = todo.pop()!;
      for (const [a, b] of edges) {
        if (a === u && inside(b) && !seen.has(b)) {
          seen.add(b);
          todo.push(b);
        }
      }
    }
    return seen;
  });
  const parts = new Set<string>();
  for (let v = 0; v < n; v++) if (inside(v)) parts.add(JSON.stringify([...reach[v]!].filter((w) => reach[w]!.has(v)).sort((a, b) => a - b)));
  return [...parts].sort().join(' ');
}

describe('StronglyConnectedComponents', () => {
  it('finds the components a transitive closure finds, on random induced subgraphs', () => {
    const graph = fc.integer({ min: 1, max: 8 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 16 }),
        inside: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(graph, ({ n, edges, inside }) => {
        const { start, target } = csr(n, edges);
        const nodes = Array.from({ length: n }, (_, v) => v).filter((v) => inside[v]);
        const scc = new StronglyConnectedComponents(start, target);
        scc.components([0], () => true); // runs share arrays: an earlier run must not leak into the next
        const got = scc.components(nodes, (v) => inside[v]!).map((c) => JSON.stringify([...c].sort((a, b) => a - b)));
        expect(got.sort().join(' ')).toBe(naive(n, edges, (v) => inside[v]!));
      }),
      { numRuns: 500 },
    );
  });

  it('walks a 300,000-state ring and a 300,000-state chain without recursion', () => {
    const n = 300_000;
    const ring = csr(
      n,
      Array.from({ length: n }, (_, v) => [v, (v + 1) % n] as const),
    );
    const all = Array.from({ length: n }, (_, v) => v);
    expect(new StronglyConnectedComponents(ring.start, ring.target).components(all, () => true).map((c) => c.length)).toEqual([n]);
    const chain = csr(
      n,
      Array.from({ length: n - 1 }, (_, v) => [v, v + 1] as const),
    );
    expect(new StronglyConnectedComponents(chain.start, chain.target).components(all, () => true).length).toBe(n);
  });
});
