// The worker side of the parallel search (protocol.ts says how a level goes). A worker expands a
// contiguous range of the level's states (in shared memory) in index order, as one thread would,
// classifying each successor against the shared seen-set as every search does (classify.ts: a
// new one is claimed there) and checking new ones at once (the state is at hand); when every
// worker is done, it keeps the claims no lower worker took over.
import v8 from 'node:v8';
import { specCodec } from '../../state/specCodec.ts';
import { requireBundledSpec } from './bundledSpec.ts';
import { parentPort, workerData } from 'node:worker_threads';
import type { StateCodec } from '../../spec.ts';
import { SpecError } from '../../errors.ts';
import { specAt, specOf } from '../../specModule.ts';
import * as searchFailures from '../searchFailure.ts';
import { ByteWriter } from '../../state/byteWriter.ts';
import * as fingerprints from '../../state/fingerprint.ts';
import * as sharedTable from '../../state/sharedTable.ts';
import { makeStateEncoder } from '../../state/stateEncoder.ts';
import { Expander } from '../expander.ts';
import * as classification from '../classify.ts';
import type { KeyedStore } from '../classify.ts';
import { Invariants } from '../invariants.ts';
import { ClaimList } from './claimList.ts';
import * as controlBlocks from './controlBlock.ts';
import * as batches from './batchReader.ts';
import * as protocol from './protocol.ts';
import type { ExpandOrder, FromWorker, Run, ToWorker, WorkerSetup } from './protocol.ts';

// Loaded as CommonJS (workerEntry.cjs), where every use of an imported name goes through a
// getter on the module's exports; the hot loop's imports are read once, here.
const { fingerprint64, fp } = fingerprints;
const { claim, KNOWN: CLAIMED_BEFORE, NEW: CLAIMED_NOW, tagOf } = sharedTable;
const { classify, KNOWN, NEW, OUTSIDE } = classification;
const { runLength, runState } = batches;
const { SEQ } = protocol;
const { searchFailure } = searchFailures;
const { ControlBlock, HEAP_MS, SYNC_EVERY } = controlBlocks;

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

const params = setup.params;
// The module gives the spec of these bounds (a study's row: checker/spec.ts, SpecSource), the
// same one the coordinator searches with.
const spec = specAt(requireSpecModule(setup.specFile), params);
const actions = spec.actions;
const writer = new ByteWriter();
const encode = makeStateEncoder(spec, params, writer, { symmetry: setup.symmetry });
const codec: StateCodec<unknown> | undefined = setup.transport === 'codec' ? specCodec(spec, params) : undefined;
const invariants = new Invariants(spec, setup.invariants);
const reachable = setup.reachable.map((n) => spec.reachable![n]!);
const constraint = spec.constraint?.bind(spec);
const W = setup.workers;
const me = setup.me;
const control = new ControlBlock(W, setup.control);

/**
 * The spec module's export, bundled into one CommonJS module (bundledSpec.ts) and compiled in this
 * thread: no loader thread to start, which halves a worker's start-up; a default export may sit
 * one level down (specOf).
 */
function requireSpecModule(file: string): unknown {
  return specOf(requireBundledSpec(file, setup.specBundle));
}

/**
 * Calls `visit` with the states at positions [from, to) of a level stored as `runs` end to end,
 * and each state's global index.
 */
function eachState(runs: readonly Run[], levelStart: number, from: number, to: number, visit: (s: unknown, index: number) => boolean | void): void {
  let start = 0;
  for (const run of runs) {
    const n = runLength(run);
    for (let p = Math.max(from, start); p < Math.min(to, start + n); p++) if (visit(runState(run, p - start, codec), levelStart + p) === false) return;
    start += n;
  }
}

/** What one expansion leaves for finishing it (and for a cut-back): its order, and more. */
interface Level extends Omit<ExpandOrder, 'type' | 'budget'> {
  /** Claims in order (claim j has tag levelBase + j * W + me). */
  readonly claims: ClaimList;
  /** Invariant failures of claimed states: claim number, invariant, flattened. */
  readonly claimFailures: number[];
  /** Successors outside the constraint: decided when every claim is in. */
  readonly outside: { key: number; hi: number; lo: number; action: number; state: unknown }[];
  readonly reached: Set<number>;
  readonly generated: Float64Array<ArrayBuffer>;
  readonly deadlocks: number[];
  /** States of the range expanded so far (all of it, unless stopped). */
  expanded: number;
}
let level: Level | undefined;

function expand(m: ExpandOrder): void {
  const { table, levelBase, budget } = m;
  const lv: Level = {
    runs: m.runs,
    levelStart: m.levelStart,
    from: m.from,
    to: m.to,
    table,
    levelBase,
    claims: new ClaimList(setup.transport, codec, true),
    claimFailures: [],
    outside: [],
    reached: new Set(),
    generated: new Float64Array(actions.length),
    deadlocks: [],
    expanded: 0,
  };
  level = lv;
  const claims = lv.claims;
  const takenOver: number[] = [];
  let overflow = false;
  let stopped = false;
  // The key of the next successor: the parent's index * SEQ + its number among the parent's successors.
  let nextKey = 0;
  // The last successor's fingerprint.
  let hi = 0;
  let lo = 0;
  /** The shared table as classify asks it: a new key is claimed for this worker (tag: its next claim). */
  const keys: KeyedStore = {
    key(s) {
      encode(s);
      fingerprint64(writer.bytes, writer.length);
      hi = fp[0]!;
      lo = fp[1]!;
    },
    // Only a state stored at an earlier level is known for certain: whether one claimed in this
    // level comes before a successor outside the constraint is decided when every claim is in (finish).
    holdsKey() {
      const tag = tagOf(table, hi, lo);
      return tag !== 0 && tag < levelBase;
    },
    claimKey() {
      const was = claim(table, hi, lo, levelBase + claims.length * W + me, levelBase, W, me);
      if (was === CLAIMED_BEFORE) return KNOWN;
      if (was !== CLAIMED_NOW) takenOver.push(was);
      return NEW;
    },
  };
  /** Claims a successor if no one stored it before; false when the level outgrows the table. */
  const visit = (state: unknown, a: number): boolean => {
    const key = nextKey++;
    const outcome = classify(keys, constraint, params, state);
    if (outcome === OUTSIDE) lv.outside.push({ key, hi, lo, action: a, state });
    if (outcome !== NEW) return true;
    const j = claims.length;
    claims.push(hi, lo, key, a);
    if (encode.keyIsCodec) claims.states.addBytes(writer.bytes, writer.length);
    else claims.states.add(state);
    check(state, j, lv.claimFailures, lv.reached);
    if (j + 1 >= budget) {
      overflow = true;
      return false;
    }
    return true;
  };
  const expander = new Expander(spec, params, { generatedBy: lv.generated, visit, phase: 'search' });
  // The control block is looked at between states, every SYNC_EVERY successors or so: a
  // few atomic words per several hundred successors, nothing per successor.
  let generatedAll = 0;
  let sinceSync = 0;
  let current: unknown;
  try {
    eachState(m.runs, m.levelStart, m.from, m.to, (s, parent) => {
      current = s;
      nextKey = parent * SEQ;
      const seq = expander.expand(s);
      if (overflow) return false;
      if (seq >= SEQ) throw new SpecError(`a state has more than ${SEQ - 1} successors, more than the parallel search can number`, 75);
      if (expander.isDeadlock(s, seq, setup.deadlock)) lv.deadlocks.push(parent);
      lv.expanded++;
      generatedAll += seq;
      sinceSync += seq + 1;
      if (sinceSync >= SYNC_EVERY) {
        sinceSync = 0;
        publishHeapIfDue();
        if (control.publish(me, lv.expanded, generatedAll, claims.length, takenOver.length)) {
          stopped = true;
          return false;
        }
      }
      return true;
    });
  } catch (e) {
    throw searchFailure(e, expander.phase, current);
  }
  const tags = Float64Array.from(takenOver);
  publishHeap(); // what the level's claims take, for the coordinator to weigh before they are copied
  control.publish(me, lv.expanded, generatedAll, claims.length, takenOver.length);
  post({ type: 'expanded', overflow, stopped, claims: claims.length, takenOver: tags }, [tags.buffer]);
}

/** Checks a state's invariants (failures as [number, invariant] pairs) and `reachable` predicates. */
function check(s: unknown, number: number, failures: number[], reached: Set<number>): void {
  for (let k = invariants.firstBroken(s, params); k >= 0; k = invariants.firstBroken(s, params, k + 1)) failures.push(number, k);
  for (let r = 0; r < reachable.length; r++) if (!reached.has(r) && reachable[r]!(s, params)) reached.add(r);
}

let lastHeap = -Infinity;
/** Publishes this thread's heap for the coordinator's memory watch, at most every HEAP_MS. */
function publishHeapIfDue(): void {
  if (performance.now() - lastHeap >= HEAP_MS) publishHeap();
}

function publishHeap(): void {
  lastHeap = performance.now();
  const heap = v8.getHeapStatistics();
  control.publishHeap(me, heap.used_heap_size, heap.heap_size_limit);
}

/**
 * The first failure of each invariant in this worker's share of the level, in the sequential
 * order (by key). Only these can be the violation one thread would report: it records an
 * invariant's first failure and ignores the rest, and a stop happens at the first failure of all.
 * Sending every failing state instead made the coordinator sort hundreds of thousands of them a
 * level on the revoke model, where most states after the return break some guarantee.
 */
class FirstFailures {
  private readonly keys: Float64Array;
  private readonly fields: number[][];
  constructor(invariants: number) {
    this.keys = new Float64Array(invariants).fill(Infinity);
    this.fields = [];
  }
  /** A failure of invariant k at `key` (stored: 1 for a kept claim, 0 for a state outside the constraint). */
  offer(k: number, key: number, stored: number, hi: number, lo: number, action: number): void {
    if (key >= this.keys[k]!) return;
    this.keys[k] = key;
    this.fields[k] = [key, k, stored, hi, lo, action];
  }
  appendTo(failures: number[]): void {
    for (const f of this.fields) if (f !== undefined) failures.push(...f);
  }
}

/**
 * Every worker has expanded: keeps the claims that stood (they become this worker's run of the
 * next level, in place: no state is copied) and decides the successors outside the constraint.
 */
function finish(lost: Uint32Array): void {
  const lv = level!;
  const { claims, levelBase, table } = lv;
  const n = claims.length;
  const order = new Uint32Array(new SharedArrayBuffer(4 * n));
  const parents = new Uint32Array(n);
  const actionsKept = new Uint16Array(n);
  const keys = new Float64Array(n);
  const his = new Uint32Array(n);
  const los = new Uint32Array(n);
  const failures: number[] = [];
  const first = new FirstFailures(invariants.names.length);
  const stood = new Uint8Array(n).fill(1);
  for (const j of lost) stood[j] = 0;
  let kept = 0;
  let f = 0;
  for (let j = 0; j < n; j++) {
    if (stood[j] === 0) continue; // a lower worker took it over
    const key = claims.keys[j]!;
    order[kept] = j;
    parents[kept] = Math.floor(key / SEQ);
    actionsKept[kept] = claims.actions[j]!;
    keys[kept] = key;
    his[kept] = claims.his[j]!;
    los[kept] = claims.los[j]!;
    kept++;
    for (; f < lv.claimFailures.length && lv.claimFailures[f]! <= j; f += 2) {
      if (lv.claimFailures[f] === j) first.offer(lv.claimFailures[f + 1]!, key, 1, claims.his[j]!, claims.los[j]!, claims.actions[j]!);
    }
  }
  // One thread checks a successor outside the constraint unless its key was stored before it
  // in the sequential order: at an earlier level, by a lower worker, or by an earlier claim here.
  for (const o of lv.outside) {
    const tag = tagOf(table, o.hi, o.lo);
    const seen =
      tag !== 0 && (tag < levelBase || (tag - levelBase) % W < me || ((tag - levelBase) % W === me && claims.keys[(tag - levelBase - me) / W]! < o.key));
    if (seen) continue;
    const found: number[] = [];
    check(o.state, 0, found, lv.reached);
    for (let g = 0; g < found.length; g += 2) first.offer(found[g + 1]!, o.key, 0, o.hi, o.lo, o.action);
  }
  first.appendTo(failures);
  const run: Run = { batch: claims.states.view(), order: order.subarray(0, kept) };
  const out = {
    parents: parents.slice(0, kept),
    actions: actionsKept.slice(0, kept),
    keys: keys.slice(0, kept),
    his: his.slice(0, kept),
    los: los.slice(0, kept),
  };
  const generated = lv.generated;
  const deadlocks = Float64Array.from(lv.deadlocks);
  const fails = Float64Array.from(failures);
  post({ type: 'finished', generated, deadlocks, ...out, failures: fails, reached: [...lv.reached], run }, [
    generated.buffer,
    deadlocks.buffer,
    fails.buffer,
    out.parents.buffer,
    out.actions.buffer,
    out.keys.buffer,
    out.his.buffer,
    out.los.buffer,
  ]);
}

/**
 * Per action, how many successors of the last expansion have a key of at most `upTo`: the run
 * is expanded again up to there (only when a violation stopped the search).
 */
function cut(upTo: number): void {
  const lv = level!;
  const generated: Float64Array<ArrayBuffer> = new Float64Array(actions.length);
  eachState(lv.runs, lv.levelStart, lv.from, lv.to, (s, parent) => {
    let key = parent * SEQ;
    if (key > upTo) return false;
    for (let a = 0; a < actions.length; a++) {
      for (const _ of actions[a]!.successors(s, params)) {
        if (key++ > upTo) break;
        generated[a]!++;
      }
    }
    return true;
  });
  post({ type: 'cut', generated }, [generated.buffer]);
}

/** The search stops inside this level: what the range's expansion counted, then the level is dropped. */
function abandon(lost: Uint32Array): void {
  const lv = level!;
  const distinct: Float64Array<ArrayBuffer> = new Float64Array(actions.length);
  const stood = new Uint8Array(lv.claims.length).fill(1);
  for (const j of lost) stood[j] = 0;
  for (let j = 0; j < stood.length; j++) if (stood[j] === 1) distinct[lv.claims.actions[j]!]!++;
  const generated = lv.generated;
  level = undefined;
  post({ type: 'abandoned', expanded: lv.expanded, generated, distinct }, [generated.buffer, distinct.buffer]);
}

port.on('message', (m: ToWorker) => {
  try {
    switch (m.type) {
      case 'expand':
        return expand(m);
      case 'finish':
        return finish(m.lost);
      case 'cut':
        return cut(m.upTo);
      case 'abandon':
        return abandon(m.lost);
    }
  } catch (e) {
    const exitCode = e instanceof SpecError ? e.exitCode : 255;
    post({ type: 'error', message: (e as Error).message, exitCode });
  }
});
publishHeap();
post({ type: 'ready' });
