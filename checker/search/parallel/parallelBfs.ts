// parallelBfs: breadth-first search with worker threads, strictly level by level, giving the
// sequential search's results exactly: the same counts, the same stored indices, the same
// shortest traces (TLC's parallel BFS does not promise this: its issue #883).
//
// The coordinator searches the first levels itself while the workers start (headStart.ts).
// Then each level sits in shared memory, in index order, and each worker expands an equal
// contiguous range of it; all share one lock-free seen-set (checker/state/sharedTable.ts): a
// state two workers reach in the same level goes to the lower worker, whose successors come
// first in the sequential order, so every worker's new states are the ones one thread would have
// stored, worker 0's first, then worker 1's. The coordinator only sizes the table, appends the
// new states' parent links and fingerprints (what traces are rebuilt from) and replays the
// level's violations in the sequential order; when the first one ends the search, the counts
// are cut back to that successor, as the sequential search stops there.
//
// A level can take minutes, so while the workers expand it the coordinator looks up every
// WAIT_MS (workerPool.ts): it reads the workers' running counts from the control block
// (controlBlock.ts), prints progress, and on Ctrl-C or a spent budget sets the stop word; the
// workers then abandon the level and report what they counted (docs/decisions/006 says which counts).
import { specCodec } from '../../state/specCodec.ts';
import type { AnySpec, TraceStep } from '../../spec.ts';
import { fingerprint64, fp } from '../../state/fingerprint.ts';
import { IndexedFingerprints } from '../../state/seenSet.ts';
import { SharedTable } from '../../state/sharedTable.ts';
import { rebuildTrace, rebuildTraceToUnstored } from '../../trace/rebuild.ts';
import { SearchBook } from '../searchBook.ts';
import type { SearchCounts } from '../searchCounts.ts';
import type { StopRequest } from '../stopRequest.ts';
import type { CheckResult, Progress } from '../../findings.ts';
import type { CheckOptions } from '../../checkOptions.ts';
import { ControlBlock, type LevelFigures } from './controlBlock.ts';
import { FAILURE_FIELDS, SEQ, type Finished, type FromWorker, type Run, type StateBatch, type Transport } from './protocol.ts';
import { BatchWriter } from './batchWriter.ts';
import { headStart } from './headStart.ts';
import { SearchDriver } from '../searchDriver.ts';
import type { HeapReading } from '../../memoryReading.ts';
import { WorkerOutOfMemory, WorkerPool } from './workerPool.ts';

type Book = SearchBook<IndexedFingerprints>;

/** Thrown out of a wait when the search stops there (the book says why). */
class Stopped extends Error {}

/** The load a level may not pass in the table (it is sized for half: SharedTable.makeRoom). */
const MAX_LOAD = 0.85;

/** The claims a level of `size` states is sized for: twice what the last level's rate predicts. */
const expectedClaims = (size: number, growth: number): number => Math.ceil(size * growth * 2);

export async function parallelBfs(spec: AnySpec, params: object, options: CheckOptions, specFile: string, transport: Transport): Promise<CheckResult> {
  const book: Book = new SearchBook(spec, params, options, { seen: new IndexedFingerprints() });
  const W = options.workers as number; // check() resolved 'auto'
  const { counts, findings, store } = book;
  const invariantNames = findings.invariants.names;
  const reachableNames = Object.keys(spec.reachable ?? {});
  const control = new ControlBlock(W);
  // The workers' heaps are their own: each publishes its use in the control block, and the
  // driver's memory watch reads them beside the coordinator's (search/memoryWatch.ts).
  const driver = SearchDriver.of(options, book.started, () => control.heaps());
  const progress = (): Progress => book.progress();
  const pool = await WorkerPool.start(W, {
    specFile,
    params,
    symmetry: options.symmetry ?? false,
    transport,
    invariants: invariantNames,
    reachable: reachableNames,
    deadlock: options.deadlock ?? true,
    control: control.words,
  });
  const codec = transport === 'codec' ? specCodec(spec, params) : undefined;
  // Small at first, so the first levels (and the tests' small graphs) also take the path where
  // a level outgrows the table and runs again; it grows with the search.
  const table = new SharedTable(16);
  /** While no level is out (the workers start): a stop ends the search at once. */
  const watchIdle = (): void => {
    const now = performance.now();
    driver.progressIfDue(now, progress);
    const request = driver.stopWanted(now, store.seen.size);
    if (request === undefined) return;
    findings.stopAs(request);
    throw new Stopped();
  };
  /** While a violation's counts are cut back: only Ctrl-C ends the wait (the verdict is known). */
  const watchCut = (): void => {
    if (!options.interrupted?.()) return;
    findings.stopAs({ verdict: 'interrupted' });
    throw new Stopped();
  };
  // While a level is under way: how to put the counts back as they stood at its start.
  let backToLevelStart: (() => void) | undefined;
  try {
    const start = await headStart(book, table, driver, () => options.headStart === false || pool.allSent('ready'));
    let ready = false; // waited for only if the head start left something to search
    let runs: readonly Run[] = [{ batch: toBatch(start.states, transport, codec) }];

    let levelSize = start.states.length;
    let level = start.level;
    let levelBase = 2; // tag 1: stored at an earlier level
    let growth = start.growth; // claims per expanded state in the last level
    while (!findings.stop && levelSize > 0) {
      if (options.maxDepth !== undefined && level >= options.maxDepth) {
        findings.incomplete(`depth budget of ${options.maxDepth} reached`);
        break;
      }
      if (!ready) ready = (await pool.collect('ready', watchIdle)).length > 0;
      counts.queue = levelSize;
      const before: LevelStart = { distinct: store.seen.size, counts: counts.snapshot() };
      const depthBefore = counts.depth;
      const heapsBefore = control.heaps();
      backToLevelStart = () => {
        counts.restore(before.counts);
        counts.overrideDistinct(before.distinct);
        counts.depth = depthBefore;
        counts.queue = levelSize;
      };
      const levelStart = store.seen.size - levelSize;
      // Set while the workers expand (Ctrl-C, a budget), applied once the level is dealt with.
      let pending: StopRequest | undefined;
      const watchLevel = (): void => {
        const now = performance.now();
        const figures = control.figures();
        driver.progressIfDue(now, () => levelProgress(book, figures, levelSize, level, now));
        pending ??= driver.stopWanted(now, store.seen.size + figures.claims);
        if (pending) control.stop();
      };

      // Expand, in a table big enough for the level (run again in a bigger one if it was not).
      let estimate = expectedClaims(levelSize, growth);
      let claims: number[];
      let expanded: Extract<FromWorker, { type: 'expanded' }>[];
      for (;;) {
        table.makeRoom(estimate, levelBase);
        const budget = Math.max(1, Math.floor((MAX_LOAD * table.capacity - table.size) / W));
        control.reset();
        // Equal ranges of the level, in index order: worker w's successors all come before w + 1's.
        for (let w = 0; w < W; w++) {
          const from = Math.floor((w * levelSize) / W);
          const to = Math.floor(((w + 1) * levelSize) / W);
          pool.send(w, { type: 'expand', runs, levelStart, from, to, table: table.view(), levelBase, budget });
        }
        expanded = await pool.collect('expanded', watchLevel);
        claims = expanded.map((e) => e.claims);
        if (!expanded.some((e) => e.overflow)) break;
        if (pending) break; // abandoned below, not run again
        estimate = Math.max(estimate * 4, table.capacity);
      }
      growth = claims.reduce((a, b) => a + b, 0) / levelSize;

      // Tell each worker which of its claims a lower worker took over.
      const lost = Array.from({ length: W }, () => [] as number[]);
      for (const e of expanded) {
        for (const tag of e.takenOver) {
          const w = (tag - levelBase) % W;
          lost[w]!.push((tag - levelBase - w) / W);
        }
      }
      // The new states are copied to the coordinator, then to every worker: their size, as the
      // workers' heaps grew to hold them, must fit on every heap (clone transport: the states
      // are objects; codec states sit in shared memory and barely show).
      const copied = driver.roomFor(heapGrowth(heapsBefore, control.heaps()));
      pending ??= copied;
      if (pending && (copied || expanded.some((e) => e.overflow || e.stopped))) {
        lost.forEach((l, w) => pool.send(w, { type: 'abandon', lost: Uint32Array.from(l) }));
        countAbandoned(book, await pool.collect('abandoned'), levelSize, level);
        findings.stopAs(pending);
        break;
      }
      lost.forEach((l, w) => pool.send(w, { type: 'finish', lost: Uint32Array.from(l) }));
      // Every claim is in, so the table holds the next level already: size it for the level
      // after while the workers finish (they only read it).
      const nextSize = claims.reduce((a, b) => a + b, 0) - lost.reduce((n, l) => n + l.length, 0);
      table.size += nextSize;
      levelBase += W * Math.max(...claims) + W;
      if (levelBase > 2 ** 31) {
        table.rebuild(table.capacity, levelBase); // every tag back to 1, so tags can start over
        levelBase = 2;
      }
      // (Not when the search stops after this level: a wide level's table takes seconds to fill.)
      if (!pending) table.makeRoom(expectedClaims(nextSize, growth), levelBase);
      const finished = await pool.collect('finished', watchLevel);
      const placed = placeLevel(book, finished);
      backToLevelStart = undefined;
      for (const f of finished) findings.markReached((_, name) => f.reached.includes(reachableNames.indexOf(name)));
      if (placed.keys.length > 0) counts.depth = level + 1;
      const stopAt = reportViolations(book, finished, placed, invariantNames);
      if (stopAt !== undefined) await cutBack(book, pool, placed, before, stopAt, level, watchCut);

      runs = finished.map((f) => f.run);
      levelSize = placed.keys.length;
      store.holdsElsewhere(table.bytes);
      level++;
      if (stopAt === undefined) counts.queue = levelSize;
      const now = performance.now();
      if (!findings.stop) {
        const request = pending ?? driver.stopWanted(now, store.seen.size);
        if (request) findings.stopAs(request);
      }
      driver.progressIfDue(now, progress);
    }
  } catch (e) {
    if (e instanceof WorkerOutOfMemory) {
      // The levels before stand; the one under way is lost with the worker.
      backToLevelStart?.();
      findings.incomplete(e.message);
    } else if (!(e instanceof Stopped)) throw e;
  } finally {
    await pool.close();
    store.close();
  }
  return book.result();
}

/** What the workers' heaps grew by, all told, from `before` to `after`. */
function heapGrowth(before: readonly HeapReading[], after: readonly HeapReading[]): number {
  let grown = 0;
  for (let w = 0; w < after.length; w++) grown += Math.max(0, after[w]!.used - (before[w]?.used ?? 0));
  return grown;
}

/** The figures while a level is expanded: its claims so far count as distinct and queued. */
function levelProgress(book: Book, f: LevelFigures, levelSize: number, level: number, now: number): Progress {
  const seconds = (now - book.started) / 1000;
  const distinct = book.store.seen.size + f.claims;
  return {
    generatedStates: book.counts.generated + f.generated,
    distinctStates: distinct,
    queue: levelSize - f.expanded + f.claims,
    depth: f.claims > 0 ? level + 1 : level,
    seconds,
    statesPerSecond: seconds > 0 ? distinct / seconds : 0,
    memoryBytes: book.memoryBytes(),
  };
}

/**
 * The counts of a level the search stopped inside: every successor generated so far, and the
 * claims that stood as distinct states (each is a state none had stored before); what one
 * thread's queue would hold, the range left plus the claims.
 */
function countAbandoned(book: Book, abandoned: readonly Extract<FromWorker, { type: 'abandoned' }>[], levelSize: number, level: number): void {
  const { counts } = book;
  let expanded = 0;
  let fresh = 0;
  for (const a of abandoned) {
    expanded += a.expanded;
    counts.addGenerated(a.generated);
    for (let k = 0; k < counts.distinctBy.length; k++) {
      counts.distinctBy[k]! += a.distinct[k]!;
      fresh += a.distinct[k]!;
    }
  }
  counts.overrideDistinct(book.store.seen.size + fresh);
  counts.queue = levelSize - expanded + fresh;
  if (fresh > 0) counts.depth = level + 1;
}

/** States as a batch in shared memory, for every worker to read. */
function toBatch(states: readonly unknown[], transport: Transport, codec: ReturnType<NonNullable<AnySpec['codec']>> | undefined): StateBatch {
  const w = new BatchWriter(transport, codec, true);
  for (const s of states) w.add(s);
  return w.view();
}

interface Placed {
  /** The stored index of the level's first new state. */
  readonly first: number;
  /** The level's new states' keys and actions, in index order. */
  readonly keys: Float64Array;
  readonly actions: Uint16Array;
}

/**
 * Appends the level's new states in the sequential order (worker 0's, then worker 1's, ...),
 * with their parent links and fingerprints, and counts generated and distinct states.
 */
function placeLevel(book: Book, finished: readonly Finished[]): Placed {
  const { counts, store } = book;
  const first = store.seen.size;
  const total = finished.reduce((n, f) => n + f.keys.length, 0);
  const keys = new Float64Array(total);
  const actions = new Uint16Array(total);
  let g = 0;
  for (const f of finished) {
    keys.set(f.keys, g);
    actions.set(f.actions, g);
    g += f.keys.length;
    store.parents.pushAll(f.parents, f.actions);
    store.seen.appendAll(f.his, f.los);
    counts.addGenerated(f.generated);
  }
  for (let k = 0; k < total; k++) counts.distinctBy[actions[k]!]!++;
  return { first, keys, actions };
}

/**
 * Records this level's violations in the sequential order: a deadlocked state's at its place
 * among the parents, an invariant's at its candidate's key (declared order among a state's
 * invariants). Returns the key the search stops at, if a violation stopped it.
 */
function reportViolations(book: Book, merged: readonly Finished[], placed: Placed, invariantNames: readonly string[]): number | undefined {
  const events: { key: number; rank: number; apply: () => void }[] = [];
  for (const m of merged) {
    for (const parent of m.deadlocks)
      events.push({ key: parent * SEQ, rank: -1, apply: () => book.findings.record('deadlock', 'deadlock', () => rebuildTrace(book.store, parent)) });
    for (let i = 0; i < m.failures.length; i += FAILURE_FIELDS) {
      const [key, k, stored, hi, lo, action] = m.failures.subarray(i, i + FAILURE_FIELDS) as unknown as number[];
      const trace = (): readonly TraceStep<unknown>[] =>
        stored === 1
          ? rebuildTrace(book.store, placed.first + indexOfKey(placed.keys, key!))
          : traceToUnstored(book, Math.floor(key! / SEQ), action!, hi!, lo!);
      events.push({ key: key!, rank: k!, apply: () => book.findings.record('invariant', invariantNames[k!]!, trace) });
    }
  }
  events.sort((x, y) => x.key - y.key || x.rank - y.rank);
  for (const ev of events) {
    ev.apply();
    if (book.findings.stop) return ev.key;
  }
  return undefined;
}

interface LevelStart {
  readonly distinct: number;
  readonly counts: ReturnType<SearchCounts['snapshot']>;
}

/** The counts as they stood after the successor with key `upTo` (the workers count theirs). */
async function cutBack(book: Book, pool: WorkerPool, placed: Placed, before: LevelStart, upTo: number, level: number, onWait: () => void): Promise<void> {
  pool.broadcast({ type: 'cut', upTo });
  const cuts = await pool.collect('cut', onWait);
  const { counts } = book;
  counts.restore(before.counts);
  for (const c of cuts) counts.addGenerated(c.generated);
  let fresh = 0;
  while (fresh < placed.keys.length && placed.keys[fresh]! <= upTo) counts.distinctBy[placed.actions[fresh++]!]!++;
  counts.overrideDistinct(before.distinct + fresh);
  // One thread had taken every state up to the stopping one off its queue.
  counts.queue = before.distinct + fresh - (Math.floor(upTo / SEQ) + 1);
  counts.depth = fresh > 0 ? level + 1 : level;
}

/** Where a key stands in a sorted list of keys (it is there). */
function indexOfKey(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The trace to a successor that was checked but not stored (outside the constraint). */
function traceToUnstored(book: Book, parentIndex: number, action: number, hi: number, lo: number): TraceStep<unknown>[] {
  const { store } = book;
  return rebuildTraceToUnstored(store, parentIndex, action, (s) => {
    store.encode(s);
    fingerprint64(store.writer.bytes, store.writer.length);
    return fp[0] === hi && fp[1] === lo;
  });
}
