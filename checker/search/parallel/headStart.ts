// headStart: the first levels of a parallel search, searched by the coordinator itself while the
// workers start (each loads tsx and the spec, longer than the first levels of most searches
// take). It is the sequential search's loop, level by level, storing into the structures the
// workers take over: the shared table, the parent links and the fingerprints by index. It stops
// at the end of the level during which the workers became ready, or before a big level.
// A level here can take seconds (many successors per state), so it looks up as bfs does.
import type { TraceStep } from '../../spec.ts';
import { fingerprint64, fp } from '../../state/fingerprint.ts';
import type { IndexedFingerprints } from '../../state/seenSet.ts';
import type { SharedTable } from '../../state/sharedTable.ts';
import { hasKeyOf, rebuildTrace, rebuildTraceToUnstored } from '../../trace/rebuild.ts';
import { searchFailure } from '../searchFailure.ts';
import { Expander } from '../expander.ts';
import { NO_PARENT } from '../../state/parentLinks.ts';
import type { SearchBook } from '../searchBook.ts';

type Book = SearchBook<IndexedFingerprints>;

/** A level this big is better spread over the workers, even if they are still starting. */
const BIG_LEVEL = 1 << 13;

/** Successors between two looks at the clock; at most LOOK_MS between two looks up. */
const LOOK_EVERY = 512;
const LOOK_MS = 50;

export interface Level {
  /** The level's states, in index order (the last stored). */
  readonly states: unknown[];
  /** Its number (initial states: 1). */
  readonly level: number;
  /** Successors stored per state in the last level expanded here (for sizing the table). */
  readonly growth: number;
}

/** Stores the initial states, as bfs does. */
export function initialLevel(book: Book, table: SharedTable): unknown[] {
  const { spec, params, counts, findings, store } = book;
  const states: unknown[] = [];
  let current: unknown;
  try {
    for (const s of spec.init(params)) {
      current = s;
      counts.initial++;
      store.encode(s);
      fingerprint64(store.writer.bytes, store.writer.length);
      if (store.constraint && !store.constraint(s, params)) {
        if (table.tagOf(fp[0]!, fp[1]!) === 0) findings.checkState(s, (state) => [{ action: null, label: 'Initial predicate', state }], s);
      } else if (table.insertSettled(fp[0]!, fp[1]!)) {
        const index = store.seen.size;
        store.seen.append(fp[0]!, fp[1]!);
        store.parents.push(NO_PARENT, 0);
        counts.depth = 1;
        states.push(s);
        findings.checkState(s, (i) => rebuildTrace(store, i), index);
      }
      if (findings.stop) break;
    }
  } catch (e) {
    throw searchFailure(e, 'init', current);
  }
  return states;
}

/** Expands levels here until `ready()` (checked between levels), the search stops, or it ends. */
export async function headStart(book: Book, table: SharedTable, initial: unknown[], ready: () => boolean): Promise<Level> {
  let states = initial;
  let level = 1;
  let growth = 4;
  const { counts, findings } = book;
  for (;;) {
    await new Promise((r) => setImmediate(r)); // let the workers' messages in
    counts.queue = states.length;
    if (ready() || findings.stop || states.length === 0 || states.length > BIG_LEVEL) return { states, level, growth };
    if (book.options.maxDepth !== undefined && level >= book.options.maxDepth) return { states, level, growth };
    const next = await expandLevel(book, table, states, level);
    const request = findings.stop ? undefined : book.stopWanted(performance.now(), book.store.seen.size);
    if (request) {
      findings.stopAs(request);
      counts.queue = next.length; // what one thread's queue holds at the end of this level
    }
    if (findings.stop) return { states: next, level: level + 1, growth };
    growth = next.length / states.length;
    states = next;
    level++;
  }
}

/**
 * One level, exactly as bfs expands it; returns the next level's states. Every LOOK_MS it yields
 * (Ctrl-C is heard), prints progress and ends the search on Ctrl-C or a spent budget.
 */
async function expandLevel(book: Book, table: SharedTable, states: readonly unknown[], level: number): Promise<unknown[]> {
  const { spec, params, options, counts, findings, store } = book;
  const { distinctBy } = counts;
  const levelStart = store.seen.size - states.length;
  const next: unknown[] = [];
  let parent = levelStart; // the state being expanded
  /** Stores a successor if new, as bfs's visit does; false once the search is to stop. */
  const visit = (state: unknown, a: number): boolean => {
    store.encode(state);
    fingerprint64(store.writer.bytes, store.writer.length);
    const hi = fp[0]!;
    const lo = fp[1]!;
    if (store.constraint && !store.constraint(state, params)) {
      const trace = (): TraceStep<unknown>[] => rebuildTraceToUnstored(store, parent, a, hasKeyOf(store, state));
      if (table.tagOf(hi, lo) === 0) findings.checkState(state, trace, undefined);
    } else if (table.insertSettled(hi, lo)) {
      const index = store.seen.size;
      store.seen.append(hi, lo);
      store.parents.push(parent, a);
      distinctBy[a]!++;
      counts.depth = level + 1;
      next.push(state);
      findings.checkState(state, (k) => rebuildTrace(store, k), index);
    }
    return !findings.stop;
  };
  const expander = new Expander(spec, params, { generatedBy: counts.generatedBy, visit, phase: 'search' });
  const deadlockCheck = options.deadlock ?? true;
  let current: unknown;
  let sinceLook = 0;
  let lastLook = performance.now();
  try {
    for (let i = 0; i < states.length && !findings.stop; i++) {
      const s = (current = states[i]);
      parent = levelStart + i;
      const successors = expander.expand(s);
      if (expander.isDeadlock(s, successors, deadlockCheck)) findings.record('deadlock', 'deadlock', () => rebuildTrace(store, parent));
      sinceLook += successors + 1;
      if (!findings.stop && sinceLook >= LOOK_EVERY) {
        sinceLook = 0;
        if (performance.now() - lastLook >= LOOK_MS) {
          await new Promise((r) => setImmediate(r));
          lastLook = performance.now();
          counts.queue = states.length - i - 1 + next.length;
          book.progressIfDue(lastLook);
          const request = book.stopWanted(lastLook, store.seen.size);
          if (request) findings.stopAs(request);
        }
      }
      if (findings.stop) counts.queue = states.length - i - 1 + next.length; // what one thread's queue held
    }
  } catch (e) {
    throw searchFailure(e, expander.phase, current);
  }
  return next;
}
