// headStart: the first levels of a parallel search, searched by the coordinator itself while the
// workers start (each loads tsx and the spec, longer than the first levels of most searches
// take). It is the sequential search's visit (visit.ts), level by level, storing into the
// structures the workers take over: the shared table, the parent links and the fingerprints by
// index. It stops at the end of the level during which the workers became ready, or before a
// big level. A level here can take seconds (many successors per state), so the driver looks up
// after every state, as it does between the sequential search's slices.
import { fingerprint64, fp } from '../../state/fingerprint.ts';
import type { IndexedFingerprints } from '../../state/seenSet.ts';
import type { SharedTable } from '../../state/sharedTable.ts';
import { rebuildTrace } from '../../trace/rebuild.ts';
import { KNOWN, NEW, type KeyedStore } from '../classify.ts';
import type { SearchBook } from '../searchBook.ts';
import type { SearchDriver, Stepper } from '../searchDriver.ts';
import type { StateStore } from '../stateStore.ts';
import { makeVisits, type Visits } from '../visit.ts';

type Book = SearchBook<IndexedFingerprints>;

/** A level this big is better spread over the workers, even if they are still starting. */
const BIG_LEVEL = 1 << 13;

export interface Level {
  /** The level's states, in index order (the last stored). */
  readonly states: unknown[];
  /** Its number (initial states: 1). */
  readonly level: number;
  /** Successors stored per state in the last level expanded here (for sizing the table). */
  readonly growth: number;
}

/**
 * Stores the initial states, then expands levels here until `ready()` (checked between levels),
 * the search stops, or it ends.
 */
export async function headStart(book: Book, table: SharedTable, driver: SearchDriver, ready: () => boolean): Promise<Level> {
  const { spec, params, counts, findings, store } = book;
  let next: unknown[] = [];
  const visits = makeVisits(book, sharedTableKeys(store, table), { push: (s) => next.push(s) });
  try {
    for (const s of spec.init(params)) {
      counts.initial++;
      if (!visits.initial(s)) break;
    }
  } catch (e) {
    throw visits.failure(e);
  }
  let states = next;
  let level = 1;
  let growth = 4;
  for (;;) {
    await driver.yieldNow(); // let the workers' messages in
    counts.queue = states.length;
    if (ready() || findings.stop || states.length === 0 || states.length > BIG_LEVEL) return { states, level, growth };
    if (book.options.maxDepth !== undefined && level >= book.options.maxDepth) return { states, level, growth };
    next = [];
    const request = (await driver.run(levelStepper(book, visits, states, level, next), 1)) ?? driver.stopWanted(performance.now(), store.seen.size);
    if (request && !findings.stop) findings.stopAs(request);
    if (findings.stop) return { states: next, level: level + 1, growth };
    growth = next.length / states.length;
    states = next;
    level++;
  }
}

/** The shared table as classify asks it: keys are fingerprints; a new one is settled and gets the next index. */
function sharedTableKeys(store: StateStore<IndexedFingerprints>, table: SharedTable): KeyedStore {
  const { encode, writer, seen } = store;
  let hi = 0;
  let lo = 0;
  return {
    key(s) {
      encode(s);
      fingerprint64(writer.bytes, writer.length);
      hi = fp[0]!;
      lo = fp[1]!;
    },
    holdsKey: () => table.tagOf(hi, lo) !== 0,
    claimKey() {
      if (!table.insertSettled(hi, lo)) return KNOWN;
      seen.append(hi, lo);
      return NEW;
    },
  };
}

/** One level, exactly as bfs expands it, a state a step; new states go to `next`. */
function levelStepper(book: Book, visits: Visits, states: readonly unknown[], level: number, next: readonly unknown[]): Stepper {
  const { options, counts, findings, store } = book;
  const deadlockCheck = options.deadlock ?? true;
  const levelStart = store.seen.size - states.length;
  let i = 0; // the next state to expand
  return {
    step(n) {
      try {
        for (let k = 0; k < n && i < states.length && !findings.stop; k++, i++) {
          const s = states[i];
          const index = levelStart + i;
          if (visits.isDeadlock(s, visits.expand(index, s, level), deadlockCheck)) findings.record('deadlock', 'deadlock', () => rebuildTrace(store, index));
        }
      } catch (e) {
        throw visits.failure(e);
      }
      counts.queue = states.length - i + next.length; // what one thread's queue holds
      return findings.stop !== undefined || i === states.length;
    },
    distinct: () => store.seen.size,
    progress: () => book.progress(),
  };
}
