// classic/philosophers: N dining philosophers with a deadlock, exactly the model of
// bench/peers (philo.pml for SPIN, Philo.tla for TLC), the speed benchmark run side by side.
//
// s[i] in 0..4 (0 thinking, 1 hungry, 2 has its left fork, 3 eating, 4 releasing); fork[j] in 0..N
// (0 free, i+1 held by philosopher i). Philosopher i's left fork is fork[i], its right fork
// fork[(i+1) % N]. Each step is one philosopher doing one of Hunger, TakeLeft, TakeRight,
// PutRight, PutLeft. The only deadlock: every philosopher holds its left fork.
//
// Modelling choice (speed): the state is one number. Philosopher i owns the base-16 digit i,
// holding s[i] * 3 + f, where f says who holds fork[i]: 0 nobody, 1 philosopher i (its left fork),
// 2 philosopher i-1 (its right fork). Only those two neighbours ever take fork i (Philo.tla's
// ForkOK), so the digit loses nothing, and a step is one addition: no allocation, labels and
// actors are precomputed strings. 16^13 < 2^53 bounds n to 13. The codec writes the number's
// ceil(n/2) low bytes; `presentation.toJSON` shows Philo.tla's s and fork.
//
// Expected results (deadlock checking off, as Philo10.cfg; SPIN's and TLC's figures):
//   n = 4: 391 distinct, 1,317 generated, depth 15
//   n = 8: 153,631 distinct, 1,034,553 generated, depth 31
//   n = 9: 683,583 distinct, 5,178,664 generated, depth 35
//   n = 10: 3,041,599 distinct, 25,602,711 generated, depth 39
// With deadlock checking on: the all-hold-left deadlock after 2n steps (2n + 1 states).
import type { Spec, StateCodec, Successor } from '../../checker/spec.ts';

export type PhilosophersState = number;

export interface PhilosophersParams {
  /** The number of philosophers (2..13). */
  readonly n: number;
}

const MAX_N = 13;

/** Digit weights, labels and actors for n philosophers, built once per n. */
interface Tables {
  readonly n: number;
  /**
   * The digits of the two states last asked about (`of`), the newer in slot `newer`: the search
   * asks a state's five actions in turn, and the invariants about each new successor between.
   */
  readonly digits: readonly [Uint8Array, Uint8Array];
  readonly of: [number, number];
  newer: 0 | 1;
  /** 16^i */
  readonly w: readonly number[];
  /** (i + 1) % n */
  readonly right: readonly number[];
  readonly actor: readonly string[];
  readonly label: Readonly<Record<string, readonly string[]>>;
}

let cached: Tables | undefined;
function tables(n: number): Tables {
  if (cached?.n === n) return cached;
  const ids = Array.from({ length: n }, (_, i) => i);
  const label: Record<string, string[]> = {};
  for (const a of ['Hunger', 'TakeLeft', 'TakeRight', 'PutRight', 'PutLeft']) label[a] = ids.map((i) => `${a}(${i})`);
  cached = {
    n,
    digits: [new Uint8Array(n), new Uint8Array(n)],
    of: [-1, -1],
    newer: 0,
    w: ids.map((i) => 16 ** i),
    right: ids.map((i) => (i + 1) % n),
    actor: ids.map(String),
    label,
  };
  return cached;
}

const digit = (x: number, w: number): number => Math.floor(x / w) % 16;

/**
 * Every digit of x, computed once per state: the search asks the five actions (and the
 * invariants) about the same state in turn, and each would otherwise divide for every digit.
 */
function digitsOf(x: number, t: Tables): Uint8Array {
  if (t.of[t.newer] === x) return t.digits[t.newer];
  const older = t.newer === 0 ? 1 : 0;
  t.newer = older;
  if (t.of[older] === x) return t.digits[older];
  const digits = t.digits[older];
  let y = x;
  for (let i = 0; i < t.n; i++) {
    const d = y % 16;
    digits[i] = d;
    y = (y - d) / 16;
  }
  t.of[older] = x;
  return digits;
}

/** Philo.tla's variables, for invariants, traces and tests. */
export function unpack(x: PhilosophersState, n: number): { s: number[]; fork: number[] } {
  const s: number[] = [];
  const fork: number[] = [];
  for (let i = 0; i < n; i++) {
    const d = digit(x, 16 ** i);
    s.push(Math.floor(d / 3));
    const f = d % 3;
    fork.push(f === 0 ? 0 : f === 1 ? i + 1 : ((i + n - 1) % n) + 1);
  }
  return { s, fork };
}

/**
 * One of the five steps: enabled for philosopher i when its own digit is `mine` (its s and left
 * fork together) and, if `rightFree`, its right fork is free; the step adds `dMine` to its digit
 * and `dRight` to its right neighbour's (whose fork is i's right fork).
 */
function step(name: string, doc: string, mine: readonly number[], rightFree: boolean, dMine: number, dRight: number) {
  const enabledDigit = new Uint8Array(16);
  for (const d of mine) enabledDigit[d] = 1;
  return {
    name,
    doc,
    successors(x: PhilosophersState, p: PhilosophersParams): Successor<PhilosophersState>[] {
      const t = tables(p.n);
      const d = digitsOf(x, t);
      let out: Successor<PhilosophersState>[] | undefined;
      for (let i = 0; i < t.n; i++) {
        if (enabledDigit[d[i]!] !== 1) continue;
        const wr = t.w[t.right[i]!]!;
        if (rightFree && d[t.right[i]!]! % 3 !== 0) continue;
        (out ??= []).push({ label: t.label[name]![i]!, state: x + dMine * t.w[i]! + dRight * wr, actor: t.actor[i]! });
      }
      return out ?? NONE;
    },
  };
}
const NONE: Successor<PhilosophersState>[] = [];

// Digit values: s * 3 + f, with f in {0, 1, 2} (fork i free, held by i, held by i - 1).
const withS = (s: number): number[] => [s * 3, s * 3 + 1, s * 3 + 2];

function codec(p: PhilosophersParams): StateCodec<PhilosophersState> {
  const bytes = Math.ceil(p.n / 2);
  return {
    maxBytes: bytes,
    encode(x, out) {
      let lo = x % 0x100000000;
      let hi = (x - lo) / 0x100000000;
      for (let k = 0; k < bytes; k++) {
        if (k < 4) {
          out[k] = lo & 0xff;
          lo >>>= 8;
        } else {
          out[k] = hi & 0xff;
          hi >>>= 8;
        }
      }
      return bytes;
    },
    decode(b) {
      let x = 0;
      for (let k = bytes - 1; k >= 0; k--) x = x * 256 + b[k]!;
      return x;
    },
  };
}

const spec: Spec<PhilosophersState, PhilosophersParams> = {
  name: 'classic/philosophers',
  summary: 'N dining philosophers with a deadlock (the SPIN/TLC benchmark of bench/peers)',
  defaults: { n: 10 },
  validate: (p) => (Number.isInteger(p.n) && p.n >= 2 && p.n <= MAX_N ? [] : [`n must be an integer in 2..${MAX_N} (got ${p.n})`]),
  init: () => [0],
  actions: [
    step('Hunger', 'A thinking philosopher becomes hungry.', withS(0), false, 3, 0),
    step('TakeLeft', 'A hungry philosopher takes its free left fork.', [3], false, 4, 0),
    step('TakeRight', 'A philosopher holding its left fork takes its free right fork and eats.', withS(2), true, 3, 2),
    step('PutRight', 'An eating philosopher puts down its right fork.', withS(3), false, 3, -2),
    step('PutLeft', 'A releasing philosopher puts down its left fork and thinks.', [13], false, -13, 0),
  ],
  // Both invariants read the digits directly: they run on every new state of the benchmark.
  invariants: {
    /** Philo.tla's TypeOK: every s[i] in 0..4 and every fork in 0..n (no digit past n, none above 14). */
    TypeOK: (x, p) => {
      if (!Number.isInteger(x) || x < 0 || x >= 16 ** p.n) return false;
      const t = tables(p.n);
      const d = digitsOf(x, t);
      for (let i = 0; i < t.n; i++) if (d[i]! > 14) return false;
      return true;
    },
    /** Philo.tla's ForkOK, sharpened: fork j is held by j while j has it (s in 2..4), by j - 1 only while j - 1 eats. */
    ForkOK: (x, p) => {
      const t = tables(p.n);
      const digits = digitsOf(x, t);
      for (let j = 0; j < t.n; j++) {
        const d = digits[j]!;
        const f = d % 3;
        if (f === 1 && d < 6) return false;
        if (f === 2 && Math.floor(digits[(j + t.n - 1) % t.n]! / 3) !== 3) return false;
      }
      return true;
    },
  },
  reachable: {
    SomeoneEats: (x, p) => {
      const t = tables(p.n);
      const d = digitsOf(x, t);
      for (let i = 0; i < t.n; i++) if (Math.floor(d[i]! / 3) === 3) return true;
      return false;
    },
  },
  presentation: {
    lanes: (p) => tables(p.n).actor,
    toJSON: (x, p) => unpack(x, p.n),
  },
  codec,
};

export default spec;
