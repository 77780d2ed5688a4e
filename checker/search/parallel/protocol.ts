// The messages between the coordinator (main thread) and the search workers, one BFS level at a
// time. Only fingerprints, indices, flags and the new states themselves cross threads, in typed
// arrays that are transferred, not copied.
//
// States travel in a transport form: the spec's codec bytes when it has a codec, else the plain
// JSON value itself (structured clone). A spec whose states are Immutable.js values and that has
// no codec cannot cross threads; check() then searches sequentially (see parallelSupport.ts).

export type Transport = 'codec' | 'clone';

export interface WorkerSetup {
  readonly specFile: string;
  readonly params: object;
  readonly symmetry: boolean;
  readonly transport: Transport;
  /** Invariant names, in the order failures refer to them by index. */
  readonly invariants: readonly string[];
  readonly reachable: readonly string[];
}

/** A batch of states in transport form. */
export type StateBatch =
  | { readonly kind: 'codec'; readonly bytes: Uint8Array; readonly ends: Uint32Array }
  | { readonly kind: 'clone'; readonly states: readonly unknown[] };

export type ToWorker =
  /** These states (a contiguous run of global indices) are this worker's share of the level. */
  | { readonly type: 'frontier'; readonly batch: StateBatch }
  /** Expand every frontier state, in order, reporting in chunks whose parents are contiguous. */
  | { readonly type: 'expand' }
  /**
   * The coordinator's decision on the last expansion's candidates: keep[i] = 1 stores candidate i
   * (send it back and check it), 2 only checks it (new but outside the constraint), 0 drops it.
   * `stopAtFirst`: stop evaluating a state's invariants at its first failure.
   */
  | { readonly type: 'decide'; readonly keep: Uint8Array; readonly stopAtFirst: boolean };

export interface Expanded {
  readonly type: 'expanded';
  /** The last chunk of this worker's share of the level. */
  readonly last: boolean;
  /** Successor count of each frontier state of this chunk, in frontier order. */
  readonly counts: Uint32Array;
  /** Positions (in this chunk) of states without successors that are valid end states. */
  readonly terminal: Uint32Array;
  /** Per candidate (successor), in generation order: action index, fingerprint, constraint. */
  readonly actions: Uint16Array;
  readonly his: Uint32Array;
  readonly los: Uint32Array;
  readonly inModel: Uint8Array;
}

export interface Decided {
  readonly type: 'decided';
  /** Failing (candidate, invariant index) pairs, flattened, in candidate order. */
  readonly failures: Int32Array;
  /** Indices of `reachable` predicates some checked candidate satisfies. */
  readonly reached: readonly number[];
  /** The kept candidates (keep = 1), in candidate order. */
  readonly kept: StateBatch;
}

export type FromWorker =
  | Expanded
  | Decided
  | { readonly type: 'ready' }
  | { readonly type: 'error'; readonly message: string; readonly exitCode: number };
