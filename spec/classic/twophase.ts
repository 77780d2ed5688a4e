// classic/twophase: TwoPhase.tla from tlaplus/Examples (specifications/transaction_commit),
// Lamport's two-phase commit, in which a transaction manager (TM) drives the resource managers
// (RMs) to the decision TCommit allows.
//
// As in the TLA+ spec: RMs send Prepared spontaneously (the TM's Prepare messages are left out),
// an RM that decides to abort sends nothing (the TM may abort on its own), and `msgs` is the set
// of every message ever sent: a message is never removed, so receiving it twice changes nothing
// and losing it is the same as never receiving it. Only safety is specified.
//
// Modelling choices: RM i is named r(i+1); tmPrepared is a set kept as an array sorted by RM index,
// msgs a set kept as an array in canonical order (Prepared by RM index, then Commit, then Abort),
// with one shared object per message, so equal states are equal values. A codec packs a state
// into rms + 1 bytes (this is a benchmark model).
//
// Expected results (TLC's; deadlock cannot occur, an RM may always re-receive a decision):
//   rms = 3: 288 distinct states, 1,146 generated, depth 11
//   rms = 5: 8,832 distinct, 58,146 generated, depth 17
//   rms = 7: 296,448 distinct, 2,744,706 generated, depth 23
//   (rms = 8: 1,745,408 distinct; rms = 9: 10,340,352 distinct)
import type { Spec, StateCodec, Successor } from '../../checker/spec.ts';

export type RmState = 'working' | 'prepared' | 'committed' | 'aborted';
export type TmState = 'init' | 'committed' | 'aborted';
export type Message = { readonly type: 'Prepared'; readonly rm: string } | { readonly type: 'Commit' } | { readonly type: 'Abort' };

export interface TwoPhaseState {
  /** rmState[i]: the state of RM r(i+1). */
  readonly rmState: readonly RmState[];
  /** The state of the transaction manager. */
  readonly tmState: TmState;
  /** The RMs from which the TM has received Prepared, sorted by index. */
  readonly tmPrepared: readonly string[];
  /** Every message sent so far, in canonical order. */
  readonly msgs: readonly Message[];
}

export interface TwoPhaseParams {
  /** The number of resource managers. */
  readonly rms: number;
}

const COMMIT: Message = Object.freeze({ type: 'Commit' });
const ABORT: Message = Object.freeze({ type: 'Abort' });
const RM_STATES: readonly RmState[] = ['working', 'prepared', 'committed', 'aborted'];
const TM_STATES: readonly TmState[] = ['init', 'committed', 'aborted'];

/** Names, messages and labels for n RMs, built once per n so successors allocate only states. */
interface Tables {
  readonly n: number;
  readonly names: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly prepared: readonly Message[];
  readonly labels: Readonly<Record<'rcv' | 'prepare' | 'abort' | 'commitMsg' | 'abortMsg', readonly string[]>>;
}

let cached: Tables | undefined;
function tables(n: number): Tables {
  if (cached?.n === n) return cached;
  const names = Array.from({ length: n }, (_, i) => `r${i + 1}`);
  const label = (f: (r: string) => string) => names.map(f);
  cached = {
    n,
    names,
    index: new Map(names.map((r, i) => [r, i])),
    prepared: names.map((rm): Message => Object.freeze({ type: 'Prepared', rm })),
    labels: {
      rcv: label((r) => `TMRcvPrepared(${r})`),
      prepare: label((r) => `RMPrepare(${r})`),
      abort: label((r) => `RMChooseToAbort(${r})`),
      commitMsg: label((r) => `RMRcvCommitMsg(${r})`),
      abortMsg: label((r) => `RMRcvAbortMsg(${r})`),
    },
  };
  return cached;
}

/** [type |-> type] \in msgs (compared by value: a state may come from elsewhere than our actions). */
const sent = (msgs: readonly Message[], type: 'Commit' | 'Abort'): boolean => msgs.some((m) => m.type === type);
const preparedSent = (msgs: readonly Message[], rm: string): boolean => msgs.some((m) => m.type === 'Prepared' && m.rm === rm);

/** A message's place in the canonical order. */
function rank(m: Message, t: Tables): number {
  switch (m.type) {
    case 'Prepared':
      return t.index.get(m.rm)!;
    case 'Commit':
      return t.n;
    case 'Abort':
      return t.n + 1;
  }
}

/** msgs \cup {m}, keeping the canonical order. */
function send(msgs: readonly Message[], m: Message, t: Tables): readonly Message[] {
  const r = rank(m, t);
  let at = 0;
  while (at < msgs.length && rank(msgs[at]!, t) < r) at++;
  if (at < msgs.length && rank(msgs[at]!, t) === r) return msgs;
  return [...msgs.slice(0, at), m, ...msgs.slice(at)];
}

function setRm(s: TwoPhaseState, i: number, v: RmState): readonly RmState[] {
  const rmState = s.rmState.slice();
  rmState[i] = v;
  return rmState;
}

/** Every successor of one kind of RM step, for each RM it is enabled for. */
function rmStep(
  name: string,
  doc: string,
  labels: keyof Tables['labels'],
  enabled: (s: TwoPhaseState, i: number, t: Tables) => boolean,
  next: (s: TwoPhaseState, i: number, t: Tables) => TwoPhaseState,
) {
  return {
    name,
    doc,
    successors(s: TwoPhaseState, p: TwoPhaseParams): Successor<TwoPhaseState>[] {
      const t = tables(p.rms);
      const out: Successor<TwoPhaseState>[] = [];
      for (let i = 0; i < t.n; i++) {
        if (enabled(s, i, t)) out.push({ label: t.labels[labels][i]!, state: next(s, i, t), actor: t.names[i]! });
      }
      return out;
    },
  };
}

function codec(p: TwoPhaseParams): StateCodec<TwoPhaseState> {
  const t = tables(p.rms);
  // One byte per RM: its state (bits 0-1), in tmPrepared (bit 2), its Prepared sent (bit 3);
  // then one byte for the TM: its state (bits 0-1), Commit sent (bit 2), Abort sent (bit 3).
  return {
    maxBytes: t.n + 1,
    encode(s, out) {
      for (let i = 0; i < t.n; i++) out[i] = RM_STATES.indexOf(s.rmState[i]!);
      for (const r of s.tmPrepared) out[t.index.get(r)!]! |= 4;
      let tm = TM_STATES.indexOf(s.tmState);
      for (const m of s.msgs) {
        if (m.type === 'Prepared') out[t.index.get(m.rm)!]! |= 8;
        else tm |= m.type === 'Commit' ? 4 : 8;
      }
      out[t.n] = tm;
      return t.n + 1;
    },
    decode(bytes) {
      const rmState: RmState[] = [];
      const tmPrepared: string[] = [];
      const msgs: Message[] = [];
      for (let i = 0; i < t.n; i++) {
        const b = bytes[i]!;
        rmState.push(RM_STATES[b & 3]!);
        if (b & 4) tmPrepared.push(t.names[i]!);
        if (b & 8) msgs.push(t.prepared[i]!);
      }
      const tm = bytes[t.n]!;
      if (tm & 4) msgs.push(COMMIT);
      if (tm & 8) msgs.push(ABORT);
      return { rmState, tmState: TM_STATES[tm & 3]!, tmPrepared, msgs };
    },
  };
}

const spec: Spec<TwoPhaseState, TwoPhaseParams> = {
  name: 'classic/twophase',
  summary: 'Two-phase commit (TLA+ Examples TwoPhase): a TM drives RMs to a consistent decision',
  defaults: { rms: 3 },
  validate: (p) => (Number.isInteger(p.rms) && p.rms >= 1 && p.rms <= 250 ? [] : [`rms must be an integer in 1..250 (got ${p.rms})`]),
  init: (p) => [{ rmState: Array.from({ length: p.rms }, (): RmState => 'working'), tmState: 'init', tmPrepared: [], msgs: [] }],
  actions: [
    // The TM's steps.
    rmStep(
      'TMRcvPrepared',
      'The TM, still undecided, receives a Prepared message from an RM.',
      'rcv',
      (s, i, t) => s.tmState === 'init' && preparedSent(s.msgs, t.names[i]!),
      (s, i, t) => {
        const r = t.names[i]!;
        if (s.tmPrepared.includes(r)) return s;
        const tmPrepared = t.names.filter((x) => x === r || s.tmPrepared.includes(x));
        return { ...s, tmPrepared };
      },
    ),
    {
      name: 'TMCommit',
      doc: 'The TM commits the transaction once every RM has sent Prepared.',
      successors(s: TwoPhaseState, p: TwoPhaseParams): Successor<TwoPhaseState>[] {
        if (s.tmState !== 'init' || s.tmPrepared.length !== p.rms) return [];
        return [{ label: 'TMCommit', state: { ...s, tmState: 'committed', msgs: send(s.msgs, COMMIT, tables(p.rms)) }, actor: 'TM' }];
      },
    },
    {
      name: 'TMAbort',
      doc: 'The TM spontaneously aborts the transaction.',
      successors(s: TwoPhaseState, p: TwoPhaseParams): Successor<TwoPhaseState>[] {
        if (s.tmState !== 'init') return [];
        return [{ label: 'TMAbort', state: { ...s, tmState: 'aborted', msgs: send(s.msgs, ABORT, tables(p.rms)) }, actor: 'TM' }];
      },
    },
    // The RMs' steps.
    rmStep(
      'RMPrepare',
      'A working RM prepares and sends Prepared to the TM.',
      'prepare',
      (s, i) => s.rmState[i] === 'working',
      (s, i, t) => ({ ...s, rmState: setRm(s, i, 'prepared'), msgs: send(s.msgs, t.prepared[i]!, t) }),
    ),
    rmStep(
      'RMChooseToAbort',
      'A working RM spontaneously aborts, telling no one.',
      'abort',
      (s, i) => s.rmState[i] === 'working',
      (s, i) => ({ ...s, rmState: setRm(s, i, 'aborted') }),
    ),
    rmStep(
      'RMRcvCommitMsg',
      "An RM receives the TM's Commit and commits.",
      'commitMsg',
      (s) => sent(s.msgs, 'Commit'),
      (s, i) => (s.rmState[i] === 'committed' ? s : { ...s, rmState: setRm(s, i, 'committed') }),
    ),
    rmStep(
      'RMRcvAbortMsg',
      "An RM receives the TM's Abort and aborts.",
      'abortMsg',
      (s) => sent(s.msgs, 'Abort'),
      (s, i) => (s.rmState[i] === 'aborted' ? s : { ...s, rmState: setRm(s, i, 'aborted') }),
    ),
  ],
  invariants: {
    TPTypeOK: (s, p) => {
      const t = tables(p.rms);
      return (
        s.rmState.length === p.rms &&
        s.rmState.every((r) => RM_STATES.includes(r)) &&
        TM_STATES.includes(s.tmState) &&
        s.tmPrepared.every((r) => t.index.has(r)) &&
        s.msgs.every((m) => m.type === 'Commit' || m.type === 'Abort' || (m.type === 'Prepared' && t.index.has(m.rm)))
      );
    },
    /** TCommit's TCConsistent, under the refinement TwoPhase => TCommit (TC == INSTANCE TCommit). */
    TCConsistent: (s) => !(s.rmState.includes('aborted') && s.rmState.includes('committed')),
  },
  reachable: {
    AllCommitted: (s) => s.rmState.every((r) => r === 'committed'),
    SomeAborted: (s) => s.rmState.includes('aborted'),
  },
  codec,
};

export default spec;
