// GraphTap: what the sequential search tells a behaviour-graph recorder while it runs, so that
// temporal properties are checked on the states of the one safety search (TLC's way) instead of
// exploring the state space again. The recorder (checker/liveness/graphRecorder.ts) implements
// it; the search only calls it, so search/ knows nothing of liveness/.
//
// The calls, in the order the search makes them: `begin` once; `stored` for every new state
// inside the constraint, in index order (initial states first); `expanding` before each stored
// state's successors are walked, in index order; `step` for each successor that is not a
// stutter (its key is not the expanded state's), to a stored state or (to = -1) to one outside
// the constraint, which is never stored but still enables its action.
import type { StoredGraph } from '../trace/rebuild.ts';

export interface GraphTap {
  /**
   * By action index: 1 when steps of the action are told apart by actor (a per-actor fairness
   * condition names it). The search asks for the actor of those steps only; others get undefined.
   */
  readonly byActor: Uint8Array;
  /** The search's stored states: what node indices are, and what lasso traces are rebuilt from. */
  begin(store: StoredGraph): void;
  /** A new state stored at `index`; `initial` when it is an initial state. */
  stored(state: unknown, index: number, initial: boolean): void;
  /** The stored state at `index` is about to be expanded. */
  expanding(index: number): void;
  /** A step of the state being expanded by (action, actor) to stored state `to`, or to a state outside the constraint (-1). */
  step(action: number, actor: string | undefined, to: number): void;
}
