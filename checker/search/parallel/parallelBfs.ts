// parallelBfs: breadth-first search with worker threads, strictly level by level, giving the
// sequential search's results exactly: the same counts, the same stored indices, the same
// shortest traces (TLC's parallel BFS does not promise this: its issue #883).
//
// Each level: every worker expands its share of the frontier and reports each successor's
// fingerprint; the coordinator then walks the successors in the sequential search's order
// (frontier index, then action, then yield order), so the seen-set assigns indices, counts
// duplicates and picks the first violation exactly as one thread would. The workers check the
// new states' invariants and send them back; the coordinator deals the next frontier out in
// contiguous runs (worker 0 holds the first states of the level, worker 1 the next), so it can
// merge worker 0's chunks while the others are still expanding. When the first violation ends
// the search, the counts are cut back to that successor, as the sequential search stops there.
import type { AnySpec, TraceStep } from '../../spec.ts';
import { FingerprintSeenSet } from '../../state/seenSet.ts';
import { fingerprint64, fp } from '../../state/fingerprint.ts';
import { rebuildTrace, step } from '../../trace/rebuild.ts';
import { NO_PARENT } from '../parentLinks.ts';
import { SearchBook } from '../searchBook.ts';
import type { CheckOptions, CheckResult } from '../types.ts';
import type { Decided, Expanded, Transport } from './protocol.ts';
import { BatchWriter } from './stateBatch.ts';
import { Interrupted, WorkerPool } from './workerPool.ts';

export async function parallelBfs(spec: AnySpec, params: object, options: CheckOptions, specFile: string, transport: Transport): Promise<CheckResult> {
  const book = new SearchBook(spec, params, options);
  const seen = book.seen as FingerprintSeenSet;
  const W = options.workers!;
  const invariantNames = book.invariants.map(([n]) => n);
  const reachableNames = Object.keys(spec.reachable ?? {});
  const pool = new WorkerPool(W, { specFile, params, symmetry: options.symmetry ?? false, transport, invariants: invariantNames, reachable: reachableNames });
  const codec = transport === 'codec' ? spec.codec!(params) : undefined;
  const deal = (states: (writers: BatchWriter[]) => void): void => {
    const writers = Array.from({ length: W }, () => new BatchWriter(transport, codec));
    states(writers);
    writers.forEach((b, w) => {
      const { batch, transfer } = b.finish();
      pool.send(w, { type: 'frontier', batch }, transfer);
    });
  };
  try {
    await pool.collect('ready', options.interrupted);

    // Level 1: the coordinator computes the initial states itself, exactly as bfs does.
    const initial: unknown[] = [];
    for (const s of spec.init(params)) {
      book.generated++;
      book.encode(s);
      if (book.constraint && !book.constraint(s, params)) {
        if (!seen.has(book.writer.bytes, book.writer.length)) book.checkState(s, (state) => [{ action: null, label: 'Initial predicate', state }], s);
      } else if (seen.insertOrGet(book.writer.bytes, book.writer.length) < 0) {
        const index = seen.size - 1;
        book.parents.push(NO_PARENT, 0);
        book.depth = 1;
        initial.push(s);
        book.checkState(s, (i) => rebuildTrace(book, i), index);
      }
      if (book.stop) break;
    }
    deal((writers) => initial.forEach((s, k) => writers[shareOf(k, initial.length, W)]!.add(s)));

    let levelStart = 0;
    let levelSize = initial.length;
    let level = 1;
    let lastProgress = performance.now();
    while (!book.stop && levelSize > 0) {
      if (options.maxDepth !== undefined && level >= options.maxDepth) {
        book.incomplete(`depth budget of ${options.maxDepth} reached`);
        break;
      }
      book.queue = levelSize;
      pool.broadcast({ type: 'expand' });
      const level0: LevelStart = { levelStart, generated: book.generated, distinct: seen.size, coverage: structuredClone(book.coverage) };
      const merger = new LevelMerger(book, seen, levelStart, options.deadlock ?? true);
      const expanded: Expanded[] = [];
      for (let w = 0; w < W; w++) {
        const chunks: Expanded[] = [];
        for (;;) {
          const chunk = await pool.receive(w, 'expanded', options.interrupted);
          merger.merge(w, chunk);
          chunks.push(chunk);
          if (chunk.last) break;
        }
        expanded.push(concatChunks(chunks));
      }
      const merged = merger.finish();
      expanded.forEach((_, w) => pool.send(w, { type: 'decide', keep: merged.keep[w]!, stopAtFirst: !options.continue }));
      const decided = await pool.collect('decided', options.interrupted);
      for (const d of decided) book.markReached((_, name) => d.reached.includes(reachableNames.indexOf(name)));
      const newCount = seen.size - level0.distinct;
      if (newCount > 0) book.depth = level + 1;
      reportViolations(book, merged, expanded, decided, invariantNames, level0, level);

      // Deal the new states out in contiguous runs, in index order.
      deal((writers) => {
        const cursor = new Array<number>(W).fill(0);
        for (let k = 0; k < newCount; k++) {
          const from = merged.newSource[k]!;
          writers[shareOf(k, newCount, W)]!.addFrom(decided[from]!.kept, cursor[from]!++);
        }
      });
      levelStart += levelSize;
      levelSize = newCount;
      level++;
      book.queue = levelSize;
      const now = performance.now();
      if (options.interrupted?.()) book.stop = 'interrupted';
      else if (!book.stop) book.budgetSpent(now);
      if (options.onProgress && now - lastProgress >= (options.progressSeconds ?? 10) * 1000) {
        lastProgress = now;
        options.onProgress(book.progress());
      }
    }
  } catch (e) {
    if (!(e instanceof Interrupted)) throw e;
    book.stop = 'interrupted';
  } finally {
    await pool.close();
  }
  return book.result();
}

interface Merged {
  /** Per worker, per candidate: 1 new and stored, 2 new but outside the constraint, 0 seen. */
  readonly keep: Uint8Array[];
  /** For each new state of the level, in index order: the worker that holds it. */
  readonly newSource: Uint8Array;
  /** Deadlocked parents: [position in sequential order, parent index] pairs. */
  readonly deadlocks: number[];
  /** The first stored index of this level's new states. */
  readonly firstNew: number;
}

/** The worker holding the k-th of n states of a level: contiguous runs, as equal as they come. */
function shareOf(k: number, n: number, W: number): number {
  return Math.floor((k * W) / n);
}

function concat<T extends Uint8Array | Uint16Array | Uint32Array>(parts: readonly T[], make: (n: number) => T): T {
  if (parts.length === 1) return parts[0]!;
  const out = make(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One worker's chunks of a level as one message (for decisions and the rare second walk). */
function concatChunks(chunks: readonly Expanded[]): Expanded {
  return {
    type: 'expanded',
    last: true,
    counts: concat(chunks.map((c) => c.counts), (n) => new Uint32Array(n)),
    terminal: new Uint32Array(0), // only the merge reads it, chunk by chunk
    actions: concat(chunks.map((c) => c.actions), (n) => new Uint16Array(n)),
    his: concat(chunks.map((c) => c.his), (n) => new Uint32Array(n)),
    los: concat(chunks.map((c) => c.los), (n) => new Uint32Array(n)),
    inModel: concat(chunks.map((c) => c.inModel), (n) => new Uint8Array(n)),
  };
}

/**
 * Walks a level's candidates in the sequential search's order: worker 0's states first (they
 * are the first of the level), each state's successors in yield order.
 */
function walkLevel(expanded: readonly Expanded[], visit: (w: number, c: number, seq: number, parent: number) => void): void {
  let seq = 0;
  let k = 0;
  expanded.forEach((e, w) => {
    let c = 0;
    for (let i = 0; i < e.counts.length; i++, k++) for (let j = 0; j < e.counts[i]!; j++) visit(w, c++, seq++, k);
  });
}

/**
 * The hot loop of the coordinator: one fingerprint-table probe per successor, chunk by chunk as
 * workers send them, and nothing the workers could do instead. Positions, parents and indices of
 * candidates are recomputed by a second walk only when a violation needs them.
 */
class LevelMerger {
  private readonly keep: Uint8Array[][] = [];
  private readonly newSource: number[] = [];
  private readonly deadlocks: number[] = [];
  private readonly firstNew: number;
  private readonly coverage: { generated: number; distinct: number }[];
  private seq = 0;
  private parentIndex: number;

  constructor(
    private readonly book: SearchBook,
    private readonly seen: FingerprintSeenSet,
    levelStart: number,
    private readonly deadlock: boolean,
  ) {
    this.firstNew = seen.size;
    this.parentIndex = levelStart;
    this.coverage = book.spec.actions.map((a) => book.coverage[a.name]!);
  }

  merge(w: number, e: Expanded): void {
    const keep = new Uint8Array(e.actions.length);
    (this.keep[w] ??= []).push(keep);
    const { seen, book, coverage } = this;
    let c = 0;
    let t = 0;
    for (let i = 0; i < e.counts.length; i++, this.parentIndex++) {
      const count = e.counts[i]!;
      const validEnd = e.terminal[t] === i;
      if (validEnd) t++;
      if (count === 0 && this.deadlock && !validEnd) this.deadlocks.push(this.seq, this.parentIndex);
      for (let j = 0; j < count; j++, c++) {
        const a = e.actions[c]!;
        coverage[a]!.generated++;
        if (e.inModel[c] === 1) {
          if (seen.insertFingerprint(e.his[c]!, e.los[c]!) < 0) {
            book.parents.push(this.parentIndex, a);
            coverage[a]!.distinct++;
            keep[c] = 1;
            this.newSource.push(w);
          }
        } else if (!seen.hasFingerprint(e.his[c]!, e.los[c]!)) {
          keep[c] = 2;
        }
      }
      this.seq += count;
    }
    book.generated += e.actions.length;
  }

  finish(): Merged {
    const keep = this.keep.map((parts) => concat(parts, (n) => new Uint8Array(n)));
    return { keep, newSource: Uint8Array.from(this.newSource), deadlocks: this.deadlocks, firstNew: this.firstNew };
  }
}

/**
 * Records this level's violations in the sequential order; when the first one stops the search,
 * cuts the counts back to what the sequential search had counted at that successor.
 */
function reportViolations(book: SearchBook, m: Merged, expanded: Expanded[], decided: Decided[], invariantNames: readonly string[], level0: LevelStart, level: number): void {
  if (m.deadlocks.length === 0 && decided.every((d) => d.failures.length === 0)) return;
  // Where each candidate stands in the sequential order, its parent and its stored index.
  const order = expanded.map((e) => new Uint32Array(e.actions.length));
  const parent = expanded.map((e) => new Uint32Array(e.actions.length));
  const index = expanded.map((e) => new Uint32Array(e.actions.length));
  let nextIndex = m.firstNew;
  walkLevel(expanded, (w, c, seq, k) => {
    order[w]![c] = seq;
    parent[w]![c] = level0.levelStart + k;
    if (m.keep[w]![c] === 1) index[w]![c] = nextIndex++;
  });
  // Events keyed by sequential position; at one position a deadlock (before any successor of
  // the next parent) comes first, then the candidate's invariants in their declared order.
  const events: { at: number; rank: number; apply: () => void }[] = [];
  for (let i = 0; i < m.deadlocks.length; i += 2) {
    const parentIndex = m.deadlocks[i + 1]!;
    events.push({ at: m.deadlocks[i]!, rank: -1, apply: () => book.record('deadlock', 'deadlock', () => rebuildTrace(book, parentIndex)) });
  }
  decided.forEach((d, w) => {
    for (let i = 0; i < d.failures.length; i += 2) {
      const c = d.failures[i]!;
      const k = d.failures[i + 1]!;
      const trace = (): readonly TraceStep<unknown>[] =>
        m.keep[w]![c] === 1 ? rebuildTrace(book, index[w]![c]!) : traceToUnstored(book, parent[w]![c]!, expanded[w]!.actions[c]!, expanded[w]!.his[c]!, expanded[w]!.los[c]!);
      events.push({ at: order[w]![c]!, rank: k, apply: () => book.record('invariant', invariantNames[k]!, trace) });
    }
  });
  events.sort((x, y) => x.at - y.at || x.rank - y.rank);
  for (const ev of events) {
    ev.apply();
    if (book.stop) {
      cutBack(book, expanded, m, level0, ev.rank < 0 ? ev.at : ev.at + 1, level);
      return;
    }
  }
}

interface LevelStart {
  readonly levelStart: number;
  readonly generated: number;
  readonly distinct: number;
  readonly coverage: SearchBook['coverage'];
}

/** The counts as they stood after the first `upTo` successors of this level. */
function cutBack(book: SearchBook, expanded: Expanded[], m: Merged, level0: LevelStart, upTo: number, level: number): void {
  book.generated = level0.generated + upTo;
  for (const [name, c] of Object.entries(level0.coverage)) book.coverage[name] = { ...c };
  const names = book.spec.actions.map((a) => a.name);
  let fresh = 0;
  walkLevel(expanded, (w, c, seq) => {
    if (seq >= upTo) return;
    const cov = book.coverage[names[expanded[w]!.actions[c]!]!]!;
    cov.generated++;
    if (m.keep[w]![c] === 1) {
      cov.distinct++;
      fresh++;
    }
  });
  book.distinctOverride = level0.distinct + fresh;
  book.depth = fresh > 0 ? level + 1 : level;
}

/** The trace to a successor that was checked but not stored (outside the constraint). */
function traceToUnstored(book: SearchBook, parentIndex: number, action: number, hi: number, lo: number): TraceStep<unknown>[] {
  const prefix = rebuildTrace(book, parentIndex);
  const from = prefix[prefix.length - 1]!.state;
  const a = book.spec.actions[action]!;
  for (const succ of a.successors(from, book.params)) {
    book.encode(succ.state);
    fingerprint64(book.writer.bytes, book.writer.length);
    if (fp[0] === hi && fp[1] === lo) return [...prefix, step(a.name, succ)];
  }
  throw new Error(`could not find the successor of state ${parentIndex} by ${a.name} again`);
}
