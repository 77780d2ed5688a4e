// GraphTap: an observer of the sequential search's visits (search/visit.ts), told what each
// visit decided, so that a behaviour-graph recorder builds the graph temporal properties are
// checked on from the states of the one safety search (TLC's way) instead of exploring the state
// space again. The recorder (checker/liveness/behaviourGraph.ts) implements it and decides what
// the answers mean for the graph (which step is a stutter, which is an edge); the search only
// calls it, so search/ knows nothing of liveness/.
//
// The calls, in the order the search makes them: `begin` once; `stored` for every new state
// inside the constraint, in index order (initial states first); `expanding` before each stored
// state's successors are walked, in index order; `successor` for each successor of the state
// being expanded, with classify's answer for it (checker/search/classify.ts).
import type { StoredGraph } from '../trace/rebuild.ts';

export interface GraphTap {
  /**
   * By action index: 1 when steps of the action are told apart by actor (a per-actor fairness
   * condition names it). The recorder asks for the actor of those steps only.
   */
  readonly byActor: Uint8Array;
  /**
   * The search's stored states (what node indices are, what lasso traces are rebuilt from), and
   * the actor of a successor of the state being expanded, given its action and instance.
   */
  begin(store: StoredGraph, actorOf: (action: number, instance: unknown) => string | undefined): void;
  /** A new state stored at `index`; `initial` when it is an initial state. */
  stored(state: unknown, index: number, initial: boolean): void;
  /** The stored state at `index` is about to be expanded. */
  expanding(index: number): void;
  /**
   * A successor of the state being expanded, by `action` (`instance` as the Expander gave it),
   * classified as `outcome`; the store's writer still holds its key. A new one is stored already.
   */
  successor(action: number, instance: unknown, outcome: number): void;
  /**
   * The search is over and has let go of its queue. Its store's files (parent links and
   * fingerprints spilled past 2^18 states) stay open, for the graph's lasso traces are rebuilt
   * from them: `close` lets go of them, the recorder's to call once the graph is done with.
   */
  keepStore(close: () => void): void;
}
