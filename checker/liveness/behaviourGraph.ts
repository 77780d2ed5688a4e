// exploreBehaviourGraph: the whole reachable state graph of a spec, kept in memory for liveness.
//
// Breadth-first from the initial states, like the safety search: a state outside `constraint` is
// counted as generated but neither stored nor expanded, and states are keyed by the same encoder
// (view, codec, canonical bytes: checker/state/stateEncoder.ts), so counts agree with `check`.
// Symmetry is not applied: as TLC warns, it can hide liveness violations.
//
// What liveness needs besides the states:
// - edges (from, to, instance) between stored states; a step that leaves the state unchanged is a
//   stutter in TLA+ (not an <A>_v step), so it is not an edge;
// - for every state, the action instances ENABLED there in the sense of ENABLED <A>_v: some
//   successor of that action (and actor) differs from the state. A successor outside the
//   constraint counts: the action is enabled even though the graph does not follow it.
// An instance is an (action, actor) pair; successors without an actor form their own instance.
// The actor is asked of the spec only for the actions a per-actor fairness condition names
// (`byActor`); every step of another action is one instance whose actor is undefined, which is
// all its fairness (if any) and the lasso traces need.
import type { AnySpec, Fairness } from '../spec.ts';
import { SpecError } from '../errors.ts';
import { ByteWriter } from '../state/byteWriter.ts';
import { makeStateEncoder } from '../state/stateEncoder.ts';
import { ExactSeenSet, FingerprintSeenSet, type SeenSet } from '../state/seenSet.ts';
import type { StopRequest } from '../search/stopRequest.ts';
import { Expander } from '../search/expander.ts';
import { SearchCounts } from '../search/searchCounts.ts';
import type { Progress } from '../findings.ts';
import { IntList } from './intList.ts';

export interface Instance {
  readonly action: number;
  /** The actor of the instance's steps; always undefined for an action not told apart by actor (see byActor). */
  readonly actor: string | undefined;
}

export interface BehaviourGraph {
  /** Node index -> the first state found with that key. */
  readonly states: readonly unknown[];
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
  /** Does `state` have the key of node v? (How trace labels are found again.) */
  matches(v: number, state: unknown): boolean;
  readonly stats: { distinctStates: number; generatedStates: number; depth: number; seconds: number };
}

export interface GraphOptions {
  /** State predicates to evaluate once per stored state. */
  readonly predicates?: readonly ((s: any, p: any) => boolean)[];
  /** The fairness the properties are judged under (its per-actor entries say which actors are asked; default: none). */
  readonly fairness?: readonly Fairness[];
  /** Key states by fingerprint instead of full canonical bytes (default: exact). */
  readonly fingerprints?: boolean;
  readonly onProgress?: (p: Progress) => void;
  readonly progressSeconds?: number;
}

export function exploreBehaviourGraph(spec: AnySpec, params: object, options: GraphOptions = {}): BehaviourGraph {
  const explorer = graphExplorer(spec, params, options);
  while (!explorer.step(Infinity));
  return explorer.graph();
}

/**
 * exploreBehaviourGraph, yielding to the event loop every 50 ms so that Ctrl-C is heard, and
 * asking `stop` (with the distinct states so far) whether to go on: what it said when it said
 * stop, else the graph.
 */
export async function exploreBehaviourGraphWatched(
  spec: AnySpec,
  params: object,
  options: GraphOptions & { readonly stop: (distinct: number) => StopRequest | undefined },
): Promise<BehaviourGraph | StopRequest> {
  const explorer = graphExplorer(spec, params, options);
  for (;;) {
    const until = Date.now() + 50;
    let done = false;
    while (!done && Date.now() < until) done = explorer.step(256);
    if (done) return explorer.graph();
    await new Promise((r) => setImmediate(r));
    const request = options.stop(explorer.distinct());
    if (request) return request;
  }
}

/** The exploration, a slice at a time: step(n) expands up to n more states; true once all are. */
function graphExplorer(spec: AnySpec, params: object, options: GraphOptions): { step(n: number): boolean; distinct(): number; graph(): BehaviourGraph } {
  const started = Date.now();
  const writer = new ByteWriter();
  const encode = makeStateEncoder(spec, params, writer);
  const seen: SeenSet = options.fingerprints ? new FingerprintSeenSet() : new ExactSeenSet();
  const constraint = spec.constraint?.bind(spec);
  const predicates = options.predicates ?? [];
  const byActor = actionsByActor(spec, options.fairness ?? []);
  const states: unknown[] = [];
  const depthOf = new IntList();
  const initial = new IntList();
  const instanceIds = new Map<string, number>();
  const instances: Instance[] = [];
  const edgeFrom = new IntList();
  const edgeTo = new IntList();
  const edgeInstance = new IntList();
  const enabledStart = new IntList();
  const enabledInstance = new IntList();
  const counts = new SearchCounts(spec.actions.map((a) => a.name));
  let depth = 0;
  let lastProgress = started;
  const progressMs = (options.progressSeconds ?? 10) * 1000;

  const instanceOf = (action: number, actor: string | undefined): number => {
    const key = actor === undefined ? `${action}` : `${action}:${actor}`;
    let id = instanceIds.get(key);
    if (id === undefined) {
      id = instances.length;
      instanceIds.set(key, id);
      instances.push({ action, actor });
    }
    return id;
  };
  /** Stores the state if new; returns its node index, or -1 when it lies outside the constraint. */
  const store = (s: unknown, level: number): number => {
    if (constraint && !constraint(s, params)) return -1;
    encodeOrThrow(encode, s, spec.name);
    const found = seen.insertOrGet(writer.bytes, writer.length);
    if (found >= 0) return found;
    states.push(s);
    depthOf.push(level);
    if (level > depth) depth = level;
    return states.length - 1;
  };

  try {
    for (const s of spec.init(params)) {
      counts.initial++;
      const before = states.length;
      const v = store(s, 1);
      if (v >= 0 && v === before) initial.push(v);
    }
  } catch (e) {
    throw asSpecError(e, 'init');
  }

  // States are appended in BFS order, so the array itself is the queue.
  const enabledHere = new Set<number>();
  let next = 0; // the next state to expand
  // The node being expanded and its key bytes.
  let v = 0;
  let selfKey: Uint8Array = new Uint8Array(0);
  /** Records the step to a successor as an edge (unless a stutter) and the instance as enabled. */
  const visit = (state: unknown, a: number, instance: unknown): boolean => {
    encodeOrThrow(encode, state, spec.name);
    if (sameBytes(selfKey, writer)) return true; // a stutter: not an <A>_v step
    const inst = instanceOf(a, byActor[a] ? expander.actorOf(states[v], a, instance) : undefined);
    enabledHere.add(inst);
    const w = store(state, depthOf.at(v) + 1);
    if (w < 0) return true;
    edgeFrom.push(v);
    edgeTo.push(w);
    edgeInstance.push(inst);
    return true;
  };
  const expander = new Expander(spec, params, { generatedBy: counts.generatedBy, visit });
  const expand = (node: number): void => {
    v = node;
    const s = states[v];
    enabledStart.push(enabledInstance.length);
    enabledHere.clear();
    encodeOrThrow(encode, s, spec.name);
    selfKey = writer.take();
    try {
      expander.expand(s);
    } catch (e) {
      throw asSpecError(e, expander.phase);
    }
    for (const inst of [...enabledHere].sort((x, y) => x - y)) enabledInstance.push(inst);
    if (options.onProgress && Date.now() - lastProgress >= progressMs) {
      lastProgress = Date.now();
      const seconds = (lastProgress - started) / 1000;
      options.onProgress({
        phase: 'behaviour graph',
        generatedStates: counts.generated,
        distinctStates: states.length,
        queue: states.length - v - 1,
        depth,
        seconds,
        statesPerSecond: states.length / Math.max(seconds, 1e-9),
      });
    }
  };

  const step = (n: number): boolean => {
    for (let k = 0; k < n && next < states.length; k++) expand(next++);
    return next >= states.length;
  };

  const graph = (): BehaviourGraph => {
    enabledStart.push(enabledInstance.length);

    const n = states.length;
    const from = edgeFrom.toArray();
    const { start: outStart, items: outEdge } = groupBy(n, from);
    const predicateValues = predicates.map((pred, i) => {
      const values = new Uint8Array(n);
      for (let v = 0; v < n; v++) {
        try {
          values[v] = pred(states[v], params) ? 1 : 0;
        } catch (e) {
          throw new SpecError(`temporal property predicate #${i} threw: ${(e as Error).message ?? e}`, 77);
        }
      }
      return values;
    });
    return {
      states,
      initial: initial.toArray(),
      instances,
      byActor,
      edgeFrom: from,
      edgeTo: edgeTo.toArray(),
      edgeInstance: edgeInstance.toArray(),
      outStart,
      outEdge,
      enabledStart: enabledStart.toArray(),
      enabledInstance: enabledInstance.toArray(),
      predicateValues,
      matches(v, state) {
        encode(state);
        return seen.matches(v, writer.bytes, writer.length);
      },
      stats: { distinctStates: n, generatedStates: counts.generated, depth, seconds: (Date.now() - started) / 1000 },
    };
  };
  return { step, distinct: () => states.length, graph };
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

/** Counting sort of edge indices by source: the CSR form the SCC search walks. */
function groupBy(n: number, key: Int32Array): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < key.length; e++) start[key[e]! + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const items = new Int32Array(key.length);
  for (let e = 0; e < key.length; e++) items[fill[key[e]!]!++] = e;
  return { start, items };
}

function sameBytes(a: Uint8Array, w: ByteWriter): boolean {
  if (a.length !== w.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== w.bytes[i]) return false;
  return true;
}

function encodeOrThrow(encode: (s: unknown) => void, s: unknown, specName: string): void {
  try {
    encode(s);
  } catch (e) {
    throw new SpecError(`${specName}: a state could not be encoded: ${(e as Error).message ?? e}`, 75);
  }
}

function asSpecError(e: unknown, where: string): Error {
  if (e instanceof SpecError) return e;
  return new SpecError(`${where} threw: ${(e as Error)?.message ?? e}`, 75);
}
