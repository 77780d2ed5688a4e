// A design's guarantees in two halves: each guarantee judged against the operations the design
// promises to stop (its own name: red or green in the table), and, where the design leaves some
// class the guarantee reads unpromised, judged again against those alone (`<name>-unpromised`:
// what gets through that the design never promised to stop, shown as "not promised"). Both are
// plain invariants of the row's spec, so `rmc check` reports them as they are; the study tells the
// table which column the second belongs to (index.ts).
import { type Guarantee } from './guarantee.ts';
import { guarantees } from './guarantees.ts';
import type { RevokeParams } from './params.ts';
import { type Operation, operationOf, promisedOperations, unpromisedOperations } from './promises.ts';
import type { State } from './state.ts';
import { type AnyOpKind as OpKind, OP_KINDS } from './access.ts';
import type { Installed } from './install.ts';

/** The guarantee's unpromised half's invariant name. */
export const unpromisedName = (guarantee: string): string => `${guarantee}-unpromised`;

/** Where a guarantee's judgement is split for design d: the other half's name, the classes in it, and whether the design promises nothing the guarantee reads. */
export interface Split {
  readonly invariant: string;
  readonly operations: readonly Operation[];
  readonly whole: boolean;
}

export function splits(d: Installed): Readonly<Record<string, Split>> {
  const unpromised = unpromisedOperations(d.promises);
  const out: Record<string, Split> = {};
  for (const g of guarantees(d)) {
    const reads = g.reads ?? [];
    const left = reads.filter((op) => unpromised.has(op));
    if (left.length > 0) out[g.name] = { invariant: unpromisedName(g.name), operations: left, whole: left.length === reads.length };
  }
  return out;
}

/** The guarantees a row's spec checks for design d: the promised halves under their own names, then the unpromised halves. */
export function judgedGuarantees(d: Installed): readonly Guarantee[] {
  const promised = guarantees(d, promisedOperations(d.promises));
  const split = splits(d);
  const rest = guarantees(d, unpromisedOperations(d.promises), true)
    .filter((g) => Object.hasOwn(split, g.name))
    .map((g): Guarantee => {
      // No reachability partner of its own (the guarantee's covers it), and n/a with the guarantee.
      const { reachable: _partner, ...half } = g;
      return { ...half, name: unpromisedName(g.name), doc: `${g.name}, judged only on the operations design ${d.name} does not promise to stop: ${g.doc}` };
    });
  return [...promised, ...rest];
}

/** Kinds of operation by class, for naming what got through. */
const KINDS: readonly OpKind[] = [...OP_KINDS, 'open', 'release'];

/**
 * The operations that break guarantee `name` of design d in state s (its last state, in a
 * trace): each kind whose class alone breaks it ('fchmod', 'read'...). Empty for a guarantee that
 * reads no operation (it is the revoker's own doing).
 */
export function operationsThrough(d: Installed, name: string, s: State, p: RevokeParams): string[] {
  const base = name.endsWith('-unpromised') ? name.slice(0, -'-unpromised'.length) : name;
  const unpromised = name !== base;
  const half = unpromised ? unpromisedOperations(d.promises) : promisedOperations(d.promises);
  return KINDS.filter((k) => {
    if (!half.has(operationOf(k))) return false;
    // The guarantee judged on kind k alone (in its own class), as the half that failed judges it.
    const g = guarantees(d, new Set([operationOf(k)]), unpromised, (kind) => kind === k).find((x) => x.name === base);
    return g?.reads?.includes(operationOf(k)) === true && !g.holds(s, p);
  });
}
