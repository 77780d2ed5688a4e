// classify: where a generated state stands against the store, decided the same way by every
// search (the sequential one, the parallel search's head start and workers, the behaviour graph
// pass, the random walks): outside the constraint (and then whether its key is stored already),
// known, or new. The store keys the state and, for a new one, records the key: nothing else
// happens here. What follows from the answer (queue it, link its parent, check it, tell an
// observer) is the caller's visit (search/visit.ts for the searches that keep parent links).
//
// The hot path: the answer is a number, so nothing is allocated for a known successor (most of
// them: the revoke model's wide search generates 5.6 successors per new state).

/** New: the store has just stored its key (the sequential stores: at index `size - 1`). */
export const NEW = -1;
/** Outside the constraint, its key not stored: checked, never stored or expanded. */
export const OUTSIDE = -2;
/** Outside the constraint, with the key of a stored state (under a view): nothing to check. */
export const OUTSIDE_KNOWN = -3;
/** Known, by a store that keeps no index for it (the parallel search's shared table). */
export const KNOWN = -4;
// Any other answer, >= 0, is known: the index of the stored state with its key.

/** What classify asks of a store. key() leaves the key in place for the two questions after it. */
export interface KeyedStore {
  /** Computes s's key (encoding, and the fingerprint where the store keys by it). */
  key(s: unknown): void;
  /** Whether the last key is stored, without storing it. */
  holdsKey(): boolean;
  /** Stores the last key unless it is there: NEW, or the stored state's index (KNOWN without one). */
  claimKey(): number;
}

export type Constraint = ((s: unknown, p: object) => boolean) | undefined;

/**
 * Where s stands: NEW (now stored), known (its index, or KNOWN), OUTSIDE or OUTSIDE_KNOWN. The
 * key is computed first, so a state the encoding cannot take fails here whatever the constraint says.
 */
export function classify(store: KeyedStore, constraint: Constraint, params: object, s: unknown): number {
  store.key(s);
  if (constraint !== undefined && !constraint(s, params)) return store.holdsKey() ? OUTSIDE_KNOWN : OUTSIDE;
  return store.claimKey();
}
