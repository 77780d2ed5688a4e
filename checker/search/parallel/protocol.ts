// The messages of the parallel search (parallelBfs.ts, searchWorker.ts), one BFS level at a time.
//
// The level's states sit in shared memory, in index order, as the runs the workers stored; each
// worker expands a contiguous range of them, and all share one seen-set
// (checker/state/sharedTable.ts). A level has two
// phases with a barrier between. Expanding, every worker generates its states' successors in
// the sequential order and claims the new ones in the shared table; a state claimed by two
// workers goes to the lower one, whose successors come first in the sequential order. Finishing,
// each worker keeps the claims that stood (its next run of states), decides the successors
// outside the constraint, and reports its new states' keys, parents and violations.
//
// A successor's key is its place in the sequential order: parent index * SEQ + its position
// among the parent's successors (all actions, in declared order). Keys fit a double exactly.
import type { SharedTableView } from '../../state/sharedTable.ts';

/** Successors per state a key can number (2^21); parents up to 2^32 keep keys below 2^53. */
export const SEQ = 2 ** 21;

export type Transport = 'codec' | 'clone';

export interface WorkerSetup {
  readonly specFile: string;
  /** The spec module prebuilt as one CommonJS file (prebuilt.ts), which the worker compiles as specFile; else it bundles specFile itself. */
  readonly specBundle?: string;
  readonly params: object;
  readonly symmetry: boolean;
  readonly transport: Transport;
  /** Invariant names, in the order failures refer to them by index. */
  readonly invariants: readonly string[];
  readonly reachable: readonly string[];
  readonly deadlock: boolean;
  /** The control block's words (controlBlock.ts), shared with the coordinator. */
  readonly control: Uint32Array;
  /** This worker's number, and how many there are. */
  readonly me: number;
  readonly workers: number;
}

/** A batch of states in transport form: codec bytes end to end, or plain values (cloned). */
export type StateBatch =
  { readonly kind: 'codec'; readonly bytes: Uint8Array; readonly ends: Uint32Array } | { readonly kind: 'clone'; readonly states: readonly unknown[] };

/** A run of states: state i is `batch`'s state order[i], or its i-th without an order. */
export interface Run {
  readonly batch: StateBatch;
  readonly order?: Uint32Array | undefined;
}

export type ToWorker =
  /**
   * Expand positions [from, to) of the level, whose states are `runs` end to end (in shared
   * memory, for codec states) and whose first state has global index `levelStart`; claim new
   * states in `table` with tags from `levelBase`; stop after `budget` claims (the table would
   * fill).
   */
  | {
      readonly type: 'expand';
      readonly runs: readonly Run[];
      readonly levelStart: number;
      readonly from: number;
      readonly to: number;
      readonly table: SharedTableView;
      readonly levelBase: number;
      readonly budget: number;
    }
  /** Every worker has expanded: keep the claims that stood (all but the `lost` ones) and report them. */
  | { readonly type: 'finish'; readonly lost: Uint32Array }
  /** Per action, how many of the last expansion's successors have a key of at most `upTo`. */
  | { readonly type: 'cut'; readonly upTo: number }
  /** The search stops inside this level: count the claims that stood (all but `lost`) and drop the level. */
  | { readonly type: 'abandon'; readonly lost: Uint32Array };

export type ExpandOrder = Extract<ToWorker, { type: 'expand' }>;

/** One worker's share of a level, once every worker has expanded. */
export interface Finished {
  readonly type: 'finished';
  /** Successors generated, per action. */
  readonly generated: Float64Array<ArrayBuffer>;
  /** Expanded states without successors (and not valid end states), by global index. */
  readonly deadlocks: Float64Array<ArrayBuffer>;
  /** The new states this worker stored, in key order: key, parent index, action, fingerprint. */
  readonly keys: Float64Array<ArrayBuffer>;
  readonly parents: Uint32Array<ArrayBuffer>;
  readonly actions: Uint16Array<ArrayBuffer>;
  readonly his: Uint32Array<ArrayBuffer>;
  readonly los: Uint32Array<ArrayBuffer>;
  /** Invariant failures, FAILURE_FIELDS numbers each: key, invariant, stored (1/0), hi, lo, action. */
  readonly failures: Float64Array<ArrayBuffer>;
  /** Indices of `reachable` predicates some checked state satisfies. */
  readonly reached: readonly number[];
  /** The new states themselves (this worker's part of the next level), readable by every worker. */
  readonly run: Run;
}

export const FAILURE_FIELDS = 6;

export type FromWorker =
  | Finished
  | { readonly type: 'ready' }
  /**
   * Expansion done; `overflow` if it stopped at its claim budget, `stopped` if at the control
   * block's stop word; `claims` made; the tags of other workers' claims it took over.
   */
  | { readonly type: 'expanded'; readonly overflow: boolean; readonly stopped: boolean; readonly claims: number; readonly takenOver: Float64Array<ArrayBuffer> }
  /** An abandoned level's counts: states expanded, and per action successors generated and claims that stood. */
  | { readonly type: 'abandoned'; readonly expanded: number; readonly generated: Float64Array<ArrayBuffer>; readonly distinct: Float64Array<ArrayBuffer> }
  | { readonly type: 'cut'; readonly generated: Float64Array<ArrayBuffer> }
  /** `outOfMemory`: the worker was ended at its JS heap's limit (the pool says so; the worker cannot). */
  | { readonly type: 'error'; readonly message: string; readonly exitCode: number; readonly outOfMemory?: true };
