// StronglyConnectedComponents: Tarjan's algorithm without recursion (behaviour graphs have 10^5 to
// 10^6 nodes, far past the JS call stack), over the subgraph induced by a set of nodes.
//
// The fair-component search calls it repeatedly on shrinking node sets, so the per-node arrays
// are allocated once for the whole graph and a run only touches the nodes it is given: a node is
// "visited in this run" when its stamp equals the run number, which saves clearing the arrays.

export class StronglyConnectedComponents {
  private readonly stamp: Int32Array;
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly onStack: Uint8Array;
  private readonly nextEdge: Int32Array;
  private run = 0;

  /** `start`/`target`: node v's successors are target[start[v] .. start[v + 1]). */
  constructor(
    private readonly start: Int32Array,
    private readonly target: Int32Array,
  ) {
    const n = start.length - 1;
    this.stamp = new Int32Array(n);
    this.index = new Int32Array(n);
    this.low = new Int32Array(n);
    this.onStack = new Uint8Array(n);
    this.nextEdge = new Int32Array(n);
  }

  /**
   * The SCCs of the subgraph induced by `nodes` (`inside(v)` must be true exactly for them), each
   * a list of nodes, in the order Tarjan completes them (successor components first).
   */
  components(nodes: ArrayLike<number>, inside: (v: number) => boolean): Int32Array[] {
    const { start, target, stamp, index, low, onStack, nextEdge } = this;
    const run = ++this.run;
    const result: Int32Array[] = [];
    const stack: number[] = []; // Tarjan's stack of nodes in open components
    const calls: number[] = []; // the explicit DFS call stack
    let counter = 0;
    const visit = (v: number): void => {
      stamp[v] = run;
      index[v] = low[v] = counter++;
      nextEdge[v] = start[v]!;
      onStack[v] = 1;
      stack.push(v);
      calls.push(v);
    };
    for (let r = 0; r < nodes.length; r++) {
      const root = nodes[r]!;
      if (stamp[root] === run) continue;
      visit(root);
      while (calls.length > 0) {
        const v = calls[calls.length - 1]!;
        if (nextEdge[v]! < start[v + 1]!) {
          const w = target[nextEdge[v]!++]!;
          if (!inside(w)) continue;
          if (stamp[w] !== run) visit(w);
          else if (onStack[w] && index[w]! < low[v]!) low[v] = index[w]!;
          continue;
        }
        calls.pop();
        if (low[v] === index[v]) {
          let size = 0;
          while (stack[stack.length - 1 - size] !== v) size++;
          const component = new Int32Array(size + 1);
          for (let i = size; i >= 0; i--) {
            const w = stack.pop()!;
            onStack[w] = 0;
            component[i] = w;
          }
          result.push(component);
        }
        if (calls.length > 0) {
          const u = calls[calls.length - 1]!;
          if (low[v]! < low[u]!) low[u] = low[v]!;
        }
      }
    }
    return result;
  }
}
