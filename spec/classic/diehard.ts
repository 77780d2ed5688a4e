// classic/diehard: DieHard.tla from tlaplus/Examples (specifications/DieHard), Lamport's jug puzzle.
//
// Our heroes hold a 5-gallon jug (`big`) and a 3-gallon jug (`small`) next to a faucet and must
// measure exactly 4 gallons. The jugs are not calibrated, so partially filling or emptying one
// achieves nothing: the six actions below are the only useful moves, as in the TLA+ spec.
//
// Expected results (TLC's): invariant NotSolved (big /= 4) is violated with a shortest trace of
// 7 states (6 actions); with NotSolved off, 16 distinct states, 97 generated, depth 8.
// Deadlock never occurs: every action is always enabled.
import type { Spec } from '../../checker/spec.ts';

export interface DieHardState {
  /** Gallons in the 5-gallon jug. */
  readonly big: number;
  /** Gallons in the 3-gallon jug. */
  readonly small: number;
}

const BIG = 5;
const SMALL = 3;

function jugs(big: number, small: number): DieHardState {
  return { big, small };
}

/** One deterministic, always-enabled move of the hero. */
function move(name: string, doc: string, next: (s: DieHardState) => DieHardState) {
  return {
    name,
    doc,
    *successors(s: DieHardState) {
      const state = next(s);
      yield { label: () => `${name}: big ${state.big}, small ${state.small}`, state };
    },
  };
}

const spec: Spec<DieHardState> = {
  name: 'classic/diehard',
  summary: 'DieHard jugs (TLA+ Examples): find 4 gallons with a 5- and a 3-gallon jug',
  defaults: {},
  init: () => [jugs(0, 0)],
  actions: [
    move('FillSmallJug', 'The hero fills the small jug at the faucet.', (s) => jugs(s.big, SMALL)),
    move('FillBigJug', 'The hero fills the big jug at the faucet.', (s) => jugs(BIG, s.small)),
    move('EmptySmallJug', 'The hero empties the small jug onto the ground.', (s) => jugs(s.big, 0)),
    move('EmptyBigJug', 'The hero empties the big jug onto the ground.', (s) => jugs(0, s.small)),
    move('SmallToBig', 'The hero pours the small jug into the big one until the big is full or the small is empty.', (s) => {
      const big = Math.min(s.big + s.small, BIG);
      return jugs(big, s.small - (big - s.big));
    }),
    move('BigToSmall', 'The hero pours the big jug into the small one until the small is full or the big is empty.', (s) => {
      const small = Math.min(s.big + s.small, SMALL);
      return jugs(s.big - (small - s.small), small);
    }),
  ],
  invariants: {
    TypeOK: (s) => Number.isInteger(s.small) && s.small >= 0 && s.small <= SMALL && Number.isInteger(s.big) && s.big >= 0 && s.big <= BIG,
    NotSolved: (s) => s.big !== 4,
  },
};

export default spec;
