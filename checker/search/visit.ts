// visit: what a search that keeps parent links decides for each state it generates, written
// once for the sequential search (bfs.ts), the parallel search's head start (its initial states
// and first levels, parallel/headStart.ts) and the behaviour graph pass (liveness/graphPass.ts).
// classify.ts says where the state stands; a new one is then stored (its parent link, the queue,
// the counts), every new one and every one outside the constraint is checked (invariants and
// `reachable` predicates: SearchFindings), and the observer, if any, is told (a GraphTap: the
// behaviour-graph recorder). TLC's counting rules follow: distinct = states stored, depth = the
// deepest level a new state was stored at, a state outside the constraint checked but never stored.
//
// The hot path: one closure made once per search (the state being expanded and its level live in
// its scope), so a known successor costs its classification and nothing else.
import type { TraceStep } from '../spec.ts';
import type { ByteWriter } from '../state/byteWriter.ts';
import { NO_PARENT } from '../state/parentLinks.ts';
import type { StoredStates } from '../state/seenSet.ts';
import { hasKeyOf, rebuildTrace, rebuildTraceToUnstored } from '../trace/rebuild.ts';
import { classify, NEW, OUTSIDE, type KeyedStore } from './classify.ts';
import { Expander } from './expander.ts';
import type { GraphTap } from './graphTap.ts';
import type { SearchBook } from './searchBook.ts';
import { searchFailure } from './searchFailure.ts';

/** Where new states wait to be expanded: the search's queue, or the head start's next level. */
export interface VisitQueue {
  /** Queues a new state; `key` holds its key bytes (the codec's, where the queue can reuse them). */
  push(state: unknown, key: ByteWriter): void;
}

export interface Visits {
  /** Visits an initial state (counted by the caller); false once the search is to stop. */
  initial(state: unknown): boolean;
  /** Visits the successors of `state`, stored at `index` at BFS level `level`; returns how many it yielded. */
  expand(index: number, state: unknown, level: number): number;
  /** Whether `state`, which yielded `successors`, is a deadlock (the Expander's rule). */
  isDeadlock(state: unknown, successors: number, check: boolean): boolean;
  /** The spec's failure under the last visit, named by what was evaluated and in which state. */
  failure(e: unknown): Error;
}

export function makeVisits(book: SearchBook<StoredStates>, keys: KeyedStore, queue: VisitQueue, tap?: GraphTap): Visits {
  const { spec, params, counts, findings, store } = book;
  const { writer, seen, parents, constraint } = store;
  const { distinctBy } = counts; // by action index: no lookup by name per successor

  // The state being expanded (NO_PARENT while initial states are visited), the depth of a state
  // first reached from it, and the state itself (for searchFailure and actors).
  let parent = NO_PARENT;
  let depthIfNew = 1;
  let current: unknown;

  const storedTrace = (index: number): TraceStep<unknown>[] => rebuildTrace(store, index);
  /** The trace to a state outside the constraint: a step from its parent, or an initial state. */
  const unstoredTrace = ([from, action, state]: readonly [number, number, unknown]): TraceStep<unknown>[] =>
    from === NO_PARENT ? [{ action: null, label: 'Initial predicate', state }] : rebuildTraceToUnstored(store, from, action, hasKeyOf(store, state));

  /** Visits a generated state; false once the search is to stop. */
  const visit = (s: unknown, action: number, instance: unknown): boolean => {
    const outcome = classify(keys, constraint, params, s);
    if (outcome === NEW) {
      parents.push(parent, action);
      queue.push(s, writer);
      if (parent !== NO_PARENT) distinctBy[action]!++;
      counts.depth = depthIfNew;
      tap?.stored(s, seen.size - 1, parent === NO_PARENT);
    }
    if (tap !== undefined && parent !== NO_PARENT) tap.successor(action, instance, outcome);
    if (outcome === NEW) findings.checkState(s, storedTrace, seen.size - 1);
    else if (outcome === OUTSIDE) findings.checkState(s, unstoredTrace, [parent, action, s] as const);
    else return true; // known, or outside with a stored key: nothing more to decide
    return !findings.stop;
  };
  const expander = new Expander(spec, params, { generatedBy: counts.generatedBy, visit });
  tap?.begin(store, (action, instance) => expander.actorOf(current, action, instance));

  return {
    initial(state) {
      parent = NO_PARENT;
      depthIfNew = 1;
      current = state;
      return visit(state, 0, undefined);
    },
    expand(index, state, level) {
      parent = index;
      depthIfNew = level + 1;
      current = state;
      tap?.expanding(index);
      return expander.expand(state);
    },
    isDeadlock: (state, successors, check) => expander.isDeadlock(state, successors, check),
    failure: (e) => searchFailure(e, expander.phase, current),
  };
}
