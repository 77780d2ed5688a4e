// exploreBehaviourGraph: the behaviour graph (behaviourGraph.ts) in a pass of its own, after the
// safety search: how `checkLiveness` builds it, and how `check` does where the search cannot
// record it: under symmetry (the graph is always without it; TLC warns that symmetry can hide
// liveness violations) and with parallel workers (run/check.ts says why). The sequential search
// without symmetry records it while it runs (search/bfs.ts, GraphTap), exploring once.
//
// The pass is that same sequential search (search/bfs.ts: its visits, queue and counts) with the
// recorder as its observer and nothing checked: a state outside `constraint` is counted as
// generated but neither stored nor expanded, and states are keyed by the same encoder (view,
// codec, canonical bytes: checker/state/stateEncoder.ts), so counts agree with `check`. As in the
// search, no state object outlives its turn in the queue (packed bytes with a codec, frontier.ts):
// where a lasso needs a node's state it is found again through the parent links.
import type { AnySpec, Fairness } from '../spec.ts';
import type { StopRequest } from '../search/stopRequest.ts';
import { SearchBook } from '../search/searchBook.ts';
import { SequentialSearch, SLICE } from '../search/bfs.ts';
import { SearchDriver } from '../search/searchDriver.ts';
import type { Progress } from '../findings.ts';
import { GraphRecorder, type BehaviourGraph } from './behaviourGraph.ts';

export interface GraphOptions {
  /** State predicates to evaluate once per stored state. */
  readonly predicates?: readonly ((s: any, p: any) => boolean)[];
  /** What each predicate is, for the message when it throws (RecorderOptions). */
  readonly predicateNames?: readonly string[];
  /** The fairness the properties are judged under (its per-actor entries say which actors are asked; default: none). */
  readonly fairness?: readonly Fairness[];
  /** Key states by fingerprint instead of full canonical bytes (default: exact). */
  readonly fingerprints?: boolean;
  readonly onProgress?: (p: Progress) => void;
  readonly progressSeconds?: number;
}

export function exploreBehaviourGraph(spec: AnySpec, params: object, options: GraphOptions = {}): BehaviourGraph {
  const pass = graphPass(spec, params, options);
  let graph: BehaviourGraph | undefined;
  try {
    new SearchDriver({ stop: () => undefined, ...progress(options) }, pass.search.book.started).runToEnd(pass.search, 1);
    return (graph = pass.graph());
  } finally {
    // The graph keeps the store open for its traces (its close lets go); without one nothing will.
    pass.search.close();
    if (graph === undefined) pass.release();
  }
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
  const pass = graphPass(spec, params, options);
  let graph: BehaviourGraph | undefined;
  try {
    const driver = new SearchDriver({ stop: (_now, distinct) => options.stop(distinct), ...progress(options) }, pass.search.book.started);
    return (await driver.run(pass.search, SLICE)) ?? (graph = pass.graph());
  } finally {
    pass.search.close();
    if (graph === undefined) pass.release();
  }
}

function progress(options: GraphOptions): Pick<GraphOptions, 'onProgress' | 'progressSeconds'> {
  const { onProgress, progressSeconds } = options;
  return {
    ...(onProgress ? { onProgress: (p: Progress) => onProgress({ ...p, phase: 'behaviour graph' }) } : {}),
    ...(progressSeconds === undefined ? {} : { progressSeconds }),
  };
}

/** The sequential search, recording, checking nothing; graph() once it has expanded every state. */
function graphPass(spec: AnySpec, params: object, options: GraphOptions): { search: SequentialSearch; graph(): BehaviourGraph; release(): void } {
  const book = new SearchBook(spec, params, { exact: !options.fingerprints, symmetry: false, deadlock: false }, { unchecked: true });
  const recorder = new GraphRecorder(spec, params, {
    predicates: options.predicates ?? [],
    ...(options.predicateNames ? { predicateNames: options.predicateNames } : {}),
    fairness: options.fairness ?? [],
  });
  const search = new SequentialSearch(book, recorder);
  const graph = (): BehaviourGraph => {
    const { distinctStates, generatedStates, depth, seconds } = book.stats();
    return recorder.graph({ distinctStates, generatedStates, depth, seconds });
  };
  return { search, graph, release: () => recorder.release() };
}
