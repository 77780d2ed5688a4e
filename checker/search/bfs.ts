// bfs: the sequential breadth-first search, with TLC's counting rules (docs/DESIGN.md).
//
// generated = every initial state plus every yielded successor; distinct = states stored;
// depth = BFS levels, initial states at level 1. A state outside the constraint is counted and
// checked but never stored or explored. Invariants and `reachable` predicates are evaluated once
// per new state. Breadth-first order makes the first violation found a shortest one.
//
// With a GraphTap (temporal properties asked, one thread, no symmetry: run/check.ts), the search
// also tells it every stored state, every expansion and every step that is not a stutter, so the
// behaviour graph is built from this one exploration; without one, nothing of that is done.
import type { AnySpec, TraceStep } from '../spec.ts';
import { hasKeyOf, rebuildTrace, rebuildTraceToUnstored } from '../trace/rebuild.ts';
import { NO_PARENT } from '../state/parentLinks.ts';
import { SearchBook } from './searchBook.ts';
import { makeFrontier } from './frontier.ts';
import { searchFailure } from './searchFailure.ts';
import { Expander } from './expander.ts';
import type { CheckResult } from '../findings.ts';
import type { CheckOptions } from '../checkOptions.ts';
import type { GraphTap } from './graphTap.ts';

export async function bfs(spec: AnySpec, params: object, options: CheckOptions, tap?: GraphTap): Promise<CheckResult> {
  const book = new SearchBook(spec, params, options);
  const { counts, findings, store } = book;
  const { writer, seen, parents, encode, constraint } = store;
  const { distinctBy } = counts; // by action index: no lookup by name per successor
  // States are queued exactly when stored, in index order, so the k-th state taken from the queue
  // is the state stored at index k: the queue needs no index of its own.
  const queue = makeFrontier(spec, params, encode.keyIsCodec, options.queueMemoryBytes);
  let taken = 0;

  const storedTrace = (index: number): TraceStep<unknown>[] => rebuildTrace(store, index);
  /** The trace to a successor that is not stored (outside the constraint), or to an initial state. */
  const stepTrace = ([parent, action, state]: readonly [number, number, unknown]): TraceStep<unknown>[] =>
    parent === NO_PARENT ? [{ action: null, label: 'Initial predicate', state }] : rebuildTraceToUnstored(store, parent, action, hasKeyOf(store, state));

  // The state being expanded (NO_PARENT while initial states are stored), and the depth of a
  // state first reached from it.
  let parent = NO_PARENT;
  let depthIfNew = 1;
  // The state being expanded (or the initial state being stored).
  let current: unknown;
  tap?.begin(store);
  const byActor = tap?.byActor;
  /** The actor of a step, asked of the spec only where the tap tells steps apart by actor. */
  const actorOf = (action: number, instance: unknown): string | undefined => (byActor![action] ? expander.actorOf(current, action, instance) : undefined);
  /**
   * Handles a generated state: stores it if new and within the constraint; false once the search
   * is to stop. The hot path: no closure or object is allocated for a state that is already known.
   * For the tap, a successor with the expanded state's own key is a stutter (not an <A>_v step):
   * neither an edge nor a sign that its action is enabled.
   */
  const visit = (s: unknown, action: number, instance: unknown): boolean => {
    encode(s);
    if (constraint && !constraint(s, params)) {
      if (!seen.has(writer.bytes, writer.length)) {
        if (tap !== undefined && parent !== NO_PARENT) tap.step(action, actorOf(action, instance), -1);
        findings.checkState(s, stepTrace, [parent, action, s] as const);
      } else if (tap !== undefined && parent !== NO_PARENT && !seen.matches(parent, writer.bytes, writer.length)) {
        tap.step(action, actorOf(action, instance), -1);
      }
      return !findings.stop;
    }
    const index = seen.size;
    const found = seen.insertOrGet(writer.bytes, writer.length);
    if (found >= 0) {
      if (tap !== undefined && parent !== NO_PARENT && found !== parent) tap.step(action, actorOf(action, instance), found);
      return true;
    }
    parents.push(parent, action);
    queue.push(s, writer);
    if (parent !== NO_PARENT) distinctBy[action]!++;
    counts.depth = depthIfNew;
    if (tap !== undefined) {
      tap.stored(s, index, parent === NO_PARENT);
      if (parent !== NO_PARENT) tap.step(action, actorOf(action, instance), index);
    }
    findings.checkState(s, storedTrace, index);
    return !findings.stop;
  };
  const expander = new Expander(spec, params, { generatedBy: counts.generatedBy, visit });
  const deadlockCheck = options.deadlock ?? true;

  try {
    for (const s of spec.init(params)) {
      current = s;
      counts.initial++;
      if (!visit(s, 0, undefined)) break;
    }

    let levelLeft = queue.length; // states of the current level still to expand
    let level = 1;
    let lastYield = performance.now();
    let lastProgress = lastYield;
    let expanded = 0;
    while (!findings.stop && queue.length > 0) {
      if (levelLeft === 0) {
        level++;
        levelLeft = queue.length;
      }
      if (options.maxDepth !== undefined && level >= options.maxDepth) {
        findings.incomplete(`depth budget of ${options.maxDepth} reached`);
        break;
      }
      const s = queue.shift();
      const index = taken++;
      levelLeft--;
      current = s;
      parent = index;
      depthIfNew = level + 1;
      tap?.expanding(index);
      if (expander.isDeadlock(s, expander.expand(s), deadlockCheck)) findings.record('deadlock', 'deadlock', () => rebuildTrace(store, index));

      if ((++expanded & 255) === 0) {
        const now = performance.now();
        counts.queue = queue.length;
        if (!findings.stop && !book.budgetSpent(now) && now - lastYield > 50) {
          // Let signal handlers (Ctrl-C) run: the search is otherwise one synchronous loop.
          await new Promise((r) => setImmediate(r));
          lastYield = performance.now();
          if (options.interrupted?.()) findings.stopAs({ verdict: 'interrupted' });
          if (options.onProgress && lastYield - lastProgress >= (options.progressSeconds ?? 10) * 1000) {
            lastProgress = lastYield;
            options.onProgress(book.progress());
          }
        }
      }
    }
  } catch (e) {
    throw searchFailure(e, expander.phase, current);
  } finally {
    queue.close();
  }
  counts.queue = queue.length;
  return book.result();
}
