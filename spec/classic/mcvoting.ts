// classic/mcvoting: Voting.tla with the model MCVoting.tla/.cfg from tlaplus/Examples
// (specifications/Paxos), Lamport's high-level voting algorithm underlying Paxos: acceptors vote
// for values in numbered ballots, a value is chosen when a quorum votes for it in one ballot.
//
// Modelling choices: acceptors are 'a1'..'aN' and values 'v1'..'vK' (MCVoting: 3 and 2), ballots
// 0..maxBallot (MCBallot == 0..1 replaces Ballot == Nat, so `b \in Ballot` ranges over it, in
// the invariants too). Quorums are the majorities of the smallest size, floor(N/2) + 1: for three
// acceptors exactly MCQuorum, {{a1,a2},{a1,a3},{a2,a3}}. votes[a], a set of <<b, v>>, is an array
// of [b, v] sorted by ballot then value, so equal states are equal values. symmetry() permutes
// acceptors and values (MCSymmetry); `permute` re-sorts the votes after a renaming.
// MCVoting.cfg's PROPERTY ConsensusSpecBar (Voting refines Consensus) is a refinement, which this
// checker's temporal data cannot state; its safety half (at most one value is ever chosen) is the
// invariant ChosenConsistent. VoteFor yields one successor per witness of its existentials
// (quorum, ballot, voter), as TLC does: this changes no reachable state, only the generated count.
//
// Expected results (deadlock checking off, as MCVoting.cfg): 599 distinct states, 3,124 generated
// without symmetry; 77 distinct, 451 generated, depth 11 with symmetry over acceptors and values
// (TLC's, tlaplus/Examples manifest). TypeOK, VotesSafe, OneValuePerBallot (Voting's Inv) and
// ChosenConsistent hold.
import type { Spec, Successor, Symmetry } from '../../checker/spec.ts';

export type Vote = readonly [ballot: number, value: string];

export interface VotingState {
  /** votes[a]: the votes acceptor a has cast, sorted. */
  readonly votes: Readonly<Record<string, readonly Vote[]>>;
  /** maxBal[a]: a votes only in ballots >= maxBal[a]; -1 before anything. */
  readonly maxBal: Readonly<Record<string, number>>;
}

export interface VotingParams {
  readonly acceptors: number;
  readonly values: number;
  /** Ballots are 0..maxBallot. */
  readonly maxBallot: number;
}

const ids = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);
const acceptorsOf = (p: VotingParams): string[] => ids('a', p.acceptors);
const valuesOf = (p: VotingParams): string[] => ids('v', p.values);
const ballotsOf = (p: VotingParams): number[] => Array.from({ length: p.maxBallot + 1 }, (_, b) => b);

/** Every subset of `xs` with `k` elements. */
function subsets<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [x, ...rest] = xs;
  return [...subsets(rest, k - 1).map((s) => [x!, ...s]), ...subsets(rest, k)];
}
const quorumsOf = (p: VotingParams): string[][] => subsets(acceptorsOf(p), Math.floor(p.acceptors / 2) + 1);

const compareVotes = (x: Vote, y: Vote): number => x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);

const votedFor = (s: VotingState, a: string, b: number, v: string): boolean => s.votes[a]!.some(([vb, vv]) => vb === b && vv === v);
const didNotVoteAt = (s: VotingState, a: string, b: number): boolean => s.votes[a]!.every(([vb]) => vb !== b);
const cannotVoteAt = (s: VotingState, a: string, b: number): boolean => s.maxBal[a]! > b && didNotVoteAt(s, a, b);
const range = (lo: number, hi: number): number[] => (hi < lo ? [] : Array.from({ length: hi - lo + 1 }, (_, i) => lo + i));

/** No value other than v has been or can ever be chosen in ballot b. */
const noneOtherChoosableAt = (s: VotingState, b: number, v: string, p: VotingParams): boolean =>
  quorumsOf(p).some((q) => q.every((a) => votedFor(s, a, b, v) || cannotVoteAt(s, a, b)));

/** No value other than v has been or can ever be chosen in a ballot below b. */
const safeAt = (s: VotingState, b: number, v: string, p: VotingParams): boolean => range(0, b - 1).every((c) => noneOtherChoosableAt(s, c, v, p));

const chosen = (s: VotingState, p: VotingParams): string[] =>
  valuesOf(p).filter((v) => ballotsOf(p).some((b) => quorumsOf(p).some((q) => q.every((a) => votedFor(s, a, b, v)))));

function withAcceptor(s: VotingState, a: string, votes: readonly Vote[], maxBal: number): VotingState {
  return { votes: { ...s.votes, [a]: votes }, maxBal: { ...s.maxBal, [a]: maxBal } };
}

const increaseMaxBal = {
  name: 'IncreaseMaxBal',
  doc: 'An acceptor promises to vote in no ballot below b, any time b exceeds its maxBal.',
  successors(s: VotingState, p: VotingParams): Successor<VotingState>[] {
    const out: Successor<VotingState>[] = [];
    for (const a of acceptorsOf(p)) {
      for (const b of ballotsOf(p)) {
        if (!(b > s.maxBal[a]!)) continue;
        out.push({ label: `IncreaseMaxBal(${a}, ${b})`, state: withAcceptor(s, a, s.votes[a]!, b), actor: a });
      }
    }
    return out;
  },
};

/**
 * VoteFor(a, b, v) yields one successor per witness of its existentials, as TLC enumerates them:
 * each quorum Q and ballot c with ShowsSafeAt(Q, b, v), and for c /= -1 each acceptor of Q that
 * voted v at c. The witnesses lead to the same state; they are the distinct reasons the vote is
 * allowed, and the label names the one taken.
 */
const voteFor = {
  name: 'VoteFor',
  doc: 'An acceptor votes for v in ballot b, where no one voted otherwise in b and a quorum shows v safe at b.',
  successors(s: VotingState, p: VotingParams): Successor<VotingState>[] {
    const out: Successor<VotingState>[] = [];
    const acceptors = acceptorsOf(p);
    const quorums = quorumsOf(p);
    for (const a of acceptors) {
      for (const b of ballotsOf(p)) {
        for (const v of valuesOf(p)) {
          const enabled =
            s.maxBal[a]! <= b && didNotVoteAt(s, a, b) && acceptors.every((c) => c === a || s.votes[c]!.every(([vb, vv]) => vb !== b || vv === v));
          if (!enabled) continue;
          let state: VotingState | undefined;
          const vote = `VoteFor(${a}, ${b}, ${v})`;
          for (const q of quorums) {
            if (!q.every((x) => s.maxBal[x]! >= b)) continue;
            for (const c of range(-1, b - 1)) {
              if (!range(c + 1, b - 1).every((d) => q.every((x) => didNotVoteAt(s, x, d)))) continue;
              const shownBy = c === -1 ? [undefined] : q.filter((x) => votedFor(s, x, c, v));
              for (const w of shownBy) {
                state ??= withAcceptor(s, a, [...s.votes[a]!, [b, v] as const].sort(compareVotes), b);
                const why = w === undefined ? 'no vote below' : `${w} voted ${v} at ${c}`;
                out.push({ label: `${vote}: quorum {${q.join(',')}} shows it safe, ${why}`, state, actor: a });
              }
            }
          }
        }
      }
    }
    return out;
  },
};

function symmetry(p: VotingParams): Symmetry<VotingState> {
  return {
    sets: [acceptorsOf(p), valuesOf(p)],
    permute(s, rename) {
      const to = (x: string): string => (rename.get(x) as string | undefined) ?? x;
      const votes: Record<string, readonly Vote[]> = {};
      const maxBal: Record<string, number> = {};
      // Rebuild with keys in acceptor order, whatever the renaming.
      const from = new Map(acceptorsOf(p).map((a) => [to(a), a]));
      for (const a of acceptorsOf(p)) {
        const old = from.get(a)!;
        votes[a] = s.votes[old]!.map(([b, v]): Vote => [b, to(v)]).sort(compareVotes);
        maxBal[a] = s.maxBal[old]!;
      }
      return { votes, maxBal };
    },
  };
}

const spec: Spec<VotingState, VotingParams> = {
  name: 'classic/mcvoting',
  summary: 'Paxos Voting with MCVoting (TLA+ Examples): acceptors vote, at most one value is chosen',
  defaults: { acceptors: 3, values: 2, maxBallot: 1 },
  validate: (p) => [
    ...(Number.isInteger(p.acceptors) && p.acceptors >= 1 ? [] : [`acceptors must be a positive integer (got ${p.acceptors})`]),
    ...(Number.isInteger(p.values) && p.values >= 1 ? [] : [`values must be a positive integer (got ${p.values})`]),
    ...(Number.isInteger(p.maxBallot) && p.maxBallot >= 0 ? [] : [`maxBallot must be a natural number (got ${p.maxBallot})`]),
  ],
  init: (p) => {
    const votes: Record<string, readonly Vote[]> = {};
    const maxBal: Record<string, number> = {};
    for (const a of acceptorsOf(p)) {
      votes[a] = [];
      maxBal[a] = -1;
    }
    return [{ votes, maxBal }];
  },
  actions: [increaseMaxBal, voteFor],
  invariants: {
    TypeOK: (s, p) => {
      const values = valuesOf(p);
      return acceptorsOf(p).every(
        (a) =>
          s.votes[a]!.every(([b, v]) => Number.isInteger(b) && b >= 0 && b <= p.maxBallot && values.includes(v)) &&
          Number.isInteger(s.maxBal[a]) &&
          s.maxBal[a]! >= -1 &&
          s.maxBal[a]! <= p.maxBallot,
      );
    },
    /** Every vote is for a value safe at its ballot. */
    VotesSafe: (s, p) => acceptorsOf(p).every((a) => s.votes[a]!.every(([b, v]) => safeAt(s, b, v, p))),
    /** No two acceptors vote for different values in one ballot. */
    OneValuePerBallot: (s, p) =>
      ballotsOf(p).every((b) => new Set(acceptorsOf(p).flatMap((a) => s.votes[a]!.filter(([vb]) => vb === b).map(([, v]) => v))).size <= 1),
    /** At most one value is chosen (Consensus's safety). */
    ChosenConsistent: (s, p) => chosen(s, p).length <= 1,
  },
  reachable: {
    SomeValueChosen: (s, p) => chosen(s, p).length > 0,
  },
  symmetry,
};

export default spec;
