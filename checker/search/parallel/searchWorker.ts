// The worker side of the parallel search: it holds its share of the frontier as live states,
// expands them in order, and reports each successor's fingerprint; the coordinator decides which
// are new, and the worker then checks those and ships them back for the next level.
import { parentPort, workerData } from 'node:worker_threads';
import type { AnySpec, StateCodec } from '../../spec.ts';
import { SpecError } from '../../errors.ts';
import { importSpecModule } from '../../importSpecModule.ts';
import { ByteWriter } from '../../state/byteWriter.ts';
import { fingerprint64, fp } from '../../state/fingerprint.ts';
import { makeStateEncoder } from '../../state/stateEncoder.ts';
import { BatchWriter, batchState, readBatch } from './stateBatch.ts';
import type { FromWorker, StateBatch, ToWorker, WorkerSetup } from './protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);

const spec = (await importSpecModule(setup.specFile)) as AnySpec;
const params = setup.params;
const writer = new ByteWriter();
const encode = makeStateEncoder(spec, params, writer, { symmetry: setup.symmetry });
const codec: StateCodec<unknown> | undefined = setup.transport === 'codec' ? spec.codec!(params) : undefined;
const invariants = setup.invariants.map((n) => spec.invariants[n]!);
const reachable = setup.reachable.map((n) => spec.reachable![n]!);
const constraint = spec.constraint?.bind(spec);

let frontier: unknown[] = [];
// The last expansion's successors, until the coordinator decides which are new: as codec bytes
// when the spec has a codec (a few bytes each), else as the objects themselves.
let candidates: StateBatch = { kind: 'clone', states: [] };

/** A growable typed array of candidates' facts, filled in generation order. */
class Column<T extends Uint16Array | Uint32Array | Uint8Array> {
  length = 0;
  constructor(public data: T) {}
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  take(): T {
    return this.data.slice(0, this.length) as T;
  }
}

/** Candidates per message: the coordinator merges one chunk while the workers expand the next. */
const CHUNK = 1 << 15;

function expand(): void {
  let counts: number[] = [];
  let terminal: number[] = [];
  let actions = new Column(new Uint16Array(CHUNK));
  let his = new Column(new Uint32Array(CHUNK));
  let los = new Column(new Uint32Array(CHUNK));
  let inModel = new Column(new Uint8Array(CHUNK));
  const send = (last: boolean): void => {
    const m = { type: 'expanded' as const, last, counts: Uint32Array.from(counts), terminal: Uint32Array.from(terminal), actions: actions.take(), his: his.take(), los: los.take(), inModel: inModel.take() };
    post(m, [m.counts.buffer, m.terminal.buffer, m.actions.buffer, m.his.buffer, m.los.buffer, m.inModel.buffer]);
    counts = [];
    terminal = [];
    actions = new Column(new Uint16Array(CHUNK));
    his = new Column(new Uint32Array(CHUNK));
    los = new Column(new Uint32Array(CHUNK));
    inModel = new Column(new Uint8Array(CHUNK));
  };
  const store = new BatchWriter(setup.transport, codec);
  let phase = '';
  try {
    for (let i = 0; i < frontier.length; i++) {
      const s = frontier[i];
      let n = 0;
      for (let a = 0; a < spec.actions.length; a++) {
        const action = spec.actions[a]!;
        phase = action.name;
        for (const succ of action.successors(s, params)) {
          n++;
          encode(succ.state);
          fingerprint64(writer.bytes, writer.length);
          actions.push(a);
          his.push(fp[0]!);
          los.push(fp[1]!);
          inModel.push(!constraint || constraint(succ.state, params) ? 1 : 0);
          if (encode.keyIsCodec) store.addBytes(writer.bytes, writer.length);
          else store.add(succ.state);
        }
      }
      if (n === 0 && spec.terminal?.(s, params)) terminal.push(counts.length);
      counts.push(n);
      if (actions.length >= CHUNK && i < frontier.length - 1) send(false);
    }
  } catch (e) {
    throw new SpecError(`action ${phase} threw: ${(e as Error).message}`, 75);
  }
  frontier = [];
  candidates = store.finish().batch;
  send(true);
}

function decide(keep: Uint8Array, stopAtFirst: boolean): void {
  const failures: number[] = [];
  const reached = new Set<number>();
  const kept = new BatchWriter(setup.transport, codec);
  for (let c = 0; c < keep.length; c++) {
    if (keep[c] === 0) continue;
    const s = batchState(candidates, c, codec);
    for (let k = 0; k < invariants.length; k++) {
      let ok: boolean;
      try {
        ok = invariants[k]!(s, params);
      } catch (e) {
        throw new SpecError(`invariant ${setup.invariants[k]} threw: ${(e as Error).message}`, 76);
      }
      if (!ok) {
        failures.push(c, k);
        if (stopAtFirst) break;
      }
    }
    for (let r = 0; r < reachable.length; r++) if (!reached.has(r) && reachable[r]!(s, params)) reached.add(r);
    if (keep[c] === 1) kept.addFrom(candidates, c);
  }
  candidates = { kind: 'clone', states: [] };
  const { batch, transfer } = kept.finish();
  const f = Int32Array.from(failures);
  post({ type: 'decided', failures: f, reached: [...reached], kept: batch }, [f.buffer, ...transfer]);
}

port.on('message', (m: ToWorker) => {
  try {
    switch (m.type) {
      case 'frontier':
        frontier = readBatch(m.batch, codec);
        return;
      case 'expand':
        return expand();
      case 'decide':
        return decide(m.keep, m.stopAtFirst);
    }
  } catch (e) {
    const exitCode = e instanceof SpecError ? e.exitCode : 255;
    post({ type: 'error', message: (e as Error).message, exitCode });
  }
});
post({ type: 'ready' });
