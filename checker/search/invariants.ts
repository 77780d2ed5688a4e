// Invariants: the invariants a search checks on a state, and the one loop that checks them, for
// every search: the sequential one and the head start (through SearchFindings), the parallel
// search's workers and the random walks. Each caller decides what a broken one means (record
// it and maybe stop, send it to the coordinator, end the walk); the check itself is the same.
//
// Loaded in the workers as CommonJS too, where every call of an imported function goes through a
// getter: the loop below calls nothing imported (describe, only once an invariant has thrown).
import type { AnySpec } from '../spec.ts';
import { SpecError } from '../errors.ts';
import { describe } from './searchFailure.ts';

type Predicate = (s: unknown, p: object) => boolean;

export class Invariants {
  private readonly predicates: Predicate[];
  private readonly checked: string[];

  /** `names`: the invariants to check, in the order they are checked (and reported). */
  constructor(spec: AnySpec, names: readonly string[]) {
    this.checked = [...names];
    this.predicates = names.map((n) => spec.invariants[n]!);
  }

  /** The invariants still checked, in order: firstBroken's answer indexes this list. */
  get names(): readonly string[] {
    return this.checked;
  }

  /** Invariant `k` is no longer checked (the ones after it move down one). */
  retire(k: number): void {
    this.checked.splice(k, 1);
    this.predicates.splice(k, 1);
  }

  /**
   * The index of the first invariant, from `from` on, that s breaks, or -1 when it breaks none.
   * An invariant that throws is the spec's failure (exit 76).
   */
  firstBroken(s: unknown, params: object, from = 0): number {
    const { predicates } = this;
    let k = from;
    try {
      for (; k < predicates.length; k++) if (!predicates[k]!(s, params)) return k;
    } catch (e) {
      throw new SpecError(`invariant ${this.names[k]} threw: ${String((e as Error)?.message ?? e)} (in state ${describe(s)})`, 76);
    }
    return -1;
  }
}
