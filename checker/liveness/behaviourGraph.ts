// BehaviourGraph: the reachable state graph temporal properties are judged on, and the recorder
// that builds it from what a search tells it (GraphTap, checker/search/graphTap.ts).
//
// Nodes are the search's stored states, by the search's index (breadth-first order), so counts
// agree with `check` and no state object is kept: where a lasso needs a state it is found again
// through the search's parent links (trace/rebuild.ts), as every other trace is. The graph holds:
// - edges (from, to, instance) between stored states; a step that leaves the state's key unchanged
//   is a stutter in TLA+ (not an <A>_v step), so it is not an edge;
// - for every node, the action instances ENABLED there in the sense of ENABLED <A>_v: some
//   successor of that action (and actor) differs from the state. A successor outside the
//   constraint counts: the action is enabled even though the graph does not follow it;
// - the initial nodes, and each state predicate of the properties at every node (evaluated once,
//   when the state is stored).
// An instance is an (action, actor) pair. The actor is asked of the spec only for the actions a
// per-actor fairness condition names (`byActor`); every step of another action is one instance
// whose actor is undefined, which is all its fairness (if any) and the lasso traces need.
import type { AnySpec, Fairness } from '../spec.ts';
import { SpecError } from '../errors.ts';
import { describe } from '../search/searchFailure.ts';
import type { GraphTap } from '../search/graphTap.ts';
import { NEW, OUTSIDE, OUTSIDE_KNOWN } from '../search/classify.ts';
import { rebuildTrace, type StoredGraph } from '../trace/rebuild.ts';
import { ByteList } from './byteList.ts';
import { IntList } from './intList.ts';

export interface Instance {
  readonly action: number;
  /** The actor of the instance's steps; always undefined for an action not told apart by actor (see byActor). */
  readonly actor: string | undefined;
}

export interface GraphStats {
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  readonly seconds: number;
}

export interface BehaviourGraph {
  /** The number of nodes: 0 .. size - 1. */
  readonly size: number;
  /** Node indices of the initial states, in the order `init` yields them, without repeats. */
  readonly initial: Int32Array;
  /** The action instances seen anywhere (enabled or taken). */
  readonly instances: readonly Instance[];
  /** By action index: 1 when its instances are told apart by actor (a per-actor fairness condition names it). */
  readonly byActor: Uint8Array;
  /** Edge e goes from edgeFrom[e] to edgeTo[e] by instance edgeInstance[e]. */
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeInstance: Int32Array;
  /** Out-edges of node v: outEdge[outStart[v] .. outStart[v + 1]). */
  readonly outStart: Int32Array;
  readonly outEdge: Int32Array;
  /** Instances enabled at node v: enabledInstance[enabledStart[v] .. enabledStart[v + 1]). */
  readonly enabledStart: Int32Array;
  readonly enabledInstance: Int32Array;
  /** predicateValues[i][v] is 1 when predicates[i] holds at node v (each evaluated once). */
  readonly predicateValues: readonly Uint8Array[];
  /** A state with node v's key: the first one stored, or one found again through the parent links. */
  stateAt(v: number): unknown;
  /** Does `state` have the key of node v? (How trace steps are found again.) */
  matches(v: number, state: unknown): boolean;
  readonly stats: GraphStats;
  /** Lets go of the search's store, which stateAt and matches read (its spilled files): once the properties are judged. */
  close(): void;
}

/** How the recorder's nodes are turned back into states. */
export interface GraphNodes {
  stateAt(v: number): unknown;
  matches(v: number, state: unknown): boolean;
}

export interface RecorderOptions {
  /** State predicates to evaluate once per stored state. */
  readonly predicates: readonly ((s: any, p: any) => boolean)[];
  /** What each predicate is, for the message when it throws: the properties it belongs to (default: `predicate #i`). */
  readonly predicateNames?: readonly string[];
  /** The fairness the properties are judged under: its per-actor entries say which actions' actors are asked. */
  readonly fairness: readonly Fairness[];
}

/** The actions whose steps are told apart by actor: those a per-actor fairness entry names. */
export function actionsByActor(spec: AnySpec, fairness: readonly Fairness[]): Uint8Array {
  const byActor = new Uint8Array(spec.actions.length);
  for (const f of fairness) {
    if (!f.perActor) continue;
    const a = spec.actions.findIndex((x) => x.name === f.action);
    if (a >= 0) byActor[a] = 1; // an unknown name is reported when the fairness is judged
  }
  return byActor;
}

/**
 * Records the behaviour graph from a search's calls. Nothing here keeps a state: edges and
 * enabled lists live in growable typed arrays, predicate values one byte a node.
 */
export class GraphRecorder implements GraphTap {
  readonly byActor: Uint8Array;
  private store: StoredGraph | undefined;
  /** Closes the search's store once the graph is done with it (keepStore). */
  private closeStore: (() => void) | undefined;
  private actorOf: ((action: number, instance: unknown) => string | undefined) | undefined;
  private readonly predicates: RecorderOptions['predicates'];
  private readonly predicateNames: readonly string[];
  /** Per predicate, the first error it threw and in which state (reported when the graph is built, as if evaluated then). */
  private readonly predicateErrors: ({ readonly error: unknown; readonly state: string } | undefined)[];
  private readonly predicateValues: ByteList[];
  private readonly instances: Instance[] = [];
  /** Per action: its one instance (actions not told apart by actor), -1 until seen. */
  private readonly soleInstance: Int32Array;
  /** Per action told apart by actor: actor -> instance. */
  private readonly actorInstances: Map<string | undefined, number>[];
  private readonly initial = new IntList();
  private readonly edgeFrom = new IntList();
  private readonly edgeTo = new IntList();
  private readonly edgeInstance = new IntList();
  private readonly enabledStart = new IntList();
  private readonly enabledInstance = new IntList();
  /** The node being expanded (-1 before the first), and the instances enabled there so far. */
  private node = -1;
  private readonly enabledHere: number[] = [];
  /** markedAt[i] = node + 1 once instance i is in enabledHere. */
  private markedAt = new Int32Array(16);
  private stored_ = 0;

  constructor(
    spec: AnySpec,
    private readonly params: object,
    options: RecorderOptions,
  ) {
    this.byActor = actionsByActor(spec, options.fairness);
    this.predicates = options.predicates;
    this.predicateNames = this.predicates.map((_, i) => options.predicateNames?.[i] ?? `predicate #${i}`);
    this.predicateErrors = this.predicates.map(() => undefined);
    this.predicateValues = this.predicates.map(() => new ByteList());
    this.soleInstance = new Int32Array(spec.actions.length).fill(-1);
    this.actorInstances = spec.actions.map(() => new Map());
  }

  begin(store: StoredGraph, actorOf: (action: number, instance: unknown) => string | undefined): void {
    this.store = store;
    this.actorOf = actorOf;
  }

  keepStore(close: () => void): void {
    this.closeStore = close;
  }

  /** Lets go of the search's store (its spilled files), once: after judging, or when nothing will be judged. */
  release(): void {
    const close = this.closeStore;
    this.closeStore = undefined;
    close?.();
  }

  /** Whether a search has begun recording (the sequential one; the parallel search takes no tap). */
  get began(): boolean {
    return this.store !== undefined;
  }

  stored(state: unknown, index: number, initial: boolean): void {
    if (index !== this.stored_) throw new Error(`GraphRecorder: state ${index} stored out of order (internal error)`);
    this.stored_++;
    if (initial) this.initial.push(index);
    const { predicates, predicateErrors, predicateValues, params } = this;
    for (let i = 0; i < predicates.length; i++) {
      let value = 0;
      if (predicateErrors[i] === undefined) {
        try {
          value = predicates[i]!(state, params) ? 1 : 0;
        } catch (error) {
          predicateErrors[i] = { error, state: describe(state) };
        }
      }
      predicateValues[i]!.push(value);
    }
  }

  expanding(index: number): void {
    this.closeNode();
    if (index !== this.node + 1) throw new Error(`GraphRecorder: state ${index} expanded out of order (internal error)`);
    this.node = index;
    this.enabledStart.push(this.enabledInstance.length);
  }

  /**
   * A step of the expanded node, unless it is a stutter: a successor with the node's own key
   * (known at the node's index, or outside the constraint with its key) is not an <A>_v step,
   * so neither an edge nor a sign that its action is enabled. One outside the constraint is
   * never stored but still enables its action (`to` = -1).
   */
  successor(action: number, instance: unknown, outcome: number): void {
    const store = this.store!;
    let to: number;
    if (outcome >= 0) {
      if (outcome === this.node) return;
      to = outcome;
    } else if (outcome === NEW) to = store.seen.size - 1;
    else if (outcome === OUTSIDE) to = -1;
    else if (outcome === OUTSIDE_KNOWN) {
      if (store.seen.matches(this.node, store.writer.bytes, store.writer.length)) return;
      to = -1;
    } else throw new Error(`GraphRecorder: a successor classified ${outcome}, without a stored index (internal error)`);
    this.step(action, this.byActor[action] ? this.actorOf!(action, instance) : undefined, to);
  }

  private step(action: number, actor: string | undefined, to: number): void {
    const inst = this.instanceOf(action, actor);
    if (this.markedAt[inst] !== this.node + 1) {
      this.markedAt[inst] = this.node + 1;
      this.enabledHere.push(inst);
    }
    if (to < 0) return;
    this.edgeFrom.push(this.node);
    this.edgeTo.push(to);
    this.edgeInstance.push(inst);
  }

  private instanceOf(action: number, actor: string | undefined): number {
    if (!this.byActor[action]) {
      const id = this.soleInstance[action]!;
      return id >= 0 ? id : (this.soleInstance[action] = this.newInstance(action, undefined));
    }
    const ids = this.actorInstances[action]!;
    const id = ids.get(actor);
    if (id !== undefined) return id;
    const made = this.newInstance(action, actor);
    ids.set(actor, made);
    return made;
  }

  private newInstance(action: number, actor: string | undefined): number {
    const id = this.instances.length;
    this.instances.push({ action, actor });
    if (id === this.markedAt.length) {
      const bigger = new Int32Array(2 * id);
      bigger.set(this.markedAt);
      this.markedAt = bigger;
    }
    return id;
  }

  /** Appends the expanded node's enabled instances, in instance order. */
  private closeNode(): void {
    if (this.node < 0) return;
    const here = this.enabledHere;
    // Insertion sort: a handful of instances a node, where Array#sort's comparator calls cost more.
    for (let i = 1; i < here.length; i++) {
      const x = here[i]!;
      let j = i - 1;
      for (; j >= 0 && here[j]! > x; j--) here[j + 1] = here[j]!;
      here[j + 1] = x;
    }
    for (let i = 0; i < here.length; i++) this.enabledInstance.push(here[i]!);
    here.length = 0;
  }

  /** The states of a search's store: found again through its parent links, compared by its keys. */
  private storedNodes(): GraphNodes {
    const store = this.store;
    if (!store) throw new Error('GraphRecorder: no search began (internal error)');
    return {
      stateAt: (v) => rebuildTrace(store, v).at(-1)!.state,
      matches: (v, state) => {
        store.encode(state);
        return store.seen.matches(v, store.writer.bytes, store.writer.length);
      },
    };
  }

  /**
   * The graph, once every stored state has been expanded (the search ran to its end). A predicate
   * that threw is reported now (exit 77), the first one in declared order, as if evaluated now.
   */
  graph(stats: GraphStats, nodes: GraphNodes = this.storedNodes()): BehaviourGraph {
    const n = this.stored_;
    if (this.node !== n - 1) throw new Error(`GraphRecorder: ${this.node + 1} of ${n} states expanded (internal error)`);
    this.closeNode();
    this.node = n; // closed: nothing more is recorded
    this.enabledStart.push(this.enabledInstance.length);
    this.predicateErrors.forEach((failed, i) => {
      if (failed)
        throw new SpecError(
          `temporal property ${this.predicateNames[i]} threw: ${(failed.error as Error)?.message ?? failed.error} (in state ${failed.state})`,
          77,
        );
    });
    // Each list is copied right-sized and let go, one at a time, so the peak stays near one copy.
    const from = this.edgeFrom.take();
    const { start: outStart, items: outEdge } = bySource(n, from);
    return {
      size: n,
      initial: this.initial.take(),
      instances: this.instances,
      byActor: this.byActor,
      edgeFrom: from,
      edgeTo: this.edgeTo.take(),
      edgeInstance: this.edgeInstance.take(),
      outStart,
      outEdge,
      enabledStart: this.enabledStart.take(),
      enabledInstance: this.enabledInstance.take(),
      predicateValues: this.predicateValues.map((values) => values.take()),
      stateAt: nodes.stateAt,
      matches: nodes.matches,
      stats,
      close: () => this.release(),
    };
  }
}

/**
 * Edge indices grouped by source: the CSR form the SCC search walks. Edges are recorded while
 * their source is expanded and nodes are expanded in index order (`expanding` refuses any other),
 * so they arrive grouped already: the grouping is the identity and only the starts are counted.
 */
function bySource(n: number, from: Int32Array): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < from.length; e++) start[from[e]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const items = new Int32Array(from.length);
  for (let e = 0; e < items.length; e++) items[e] = e;
  return { start, items };
}
