// What a design promises, per operation. A revoke design does not always promise to stop every
// operation on the inode: tty hangup, a Revocable and pseudo-filesystem removal cut the driver's
// data behind f_op and leave the inode-level calls (fchmod on the device node) alone, by design.
// A guarantee reads some classes of operation (G3 the calls in progress, G2 the mappings); each
// design's cell is judged only against the classes it promises, and an operation it does not
// promise that gets through is shown as such (guarantees.ts builds each guarantee for a set of
// classes; revokeSpec.ts checks both halves; index.ts tells the table which is which).
import type { CallKind } from './state.ts';

/** An operation through a descriptor, or an open under way (variant.ts's OpKind, spelled here so the design record can import this module). */
type OpKind = CallKind | 'mmap' | 'open';

/**
 * The operations a design may promise to stop, as its authors write about them:
 * - data: the f_op data calls, read, write and ioctl (`pread` stands for the calls that bypass a
 *   counted fdget: driver ioctls, splice);
 * - setattr: the inode-level calls (fchmod standing for the setattr family, fsetxattr, fstat),
 *   which act on file_inode(file) and never go through f_op;
 * - mapping: mmap and the faults of a mapping made before;
 * - open: an open already past its permission check when revoke begins;
 * - release: the final fput's ->release (no guarantee judges it yet: nothing in the model calls it).
 */
export type Operation = 'data' | 'setattr' | 'mapping' | 'open' | 'release';

export const OPERATIONS: readonly Operation[] = ['data', 'setattr', 'mapping', 'open', 'release'];

/** How the table, GUARANTEES.md and the sheets name each class. */
export const OPERATION_TEXT: Readonly<Record<Operation, string>> = {
  data: 'f_op data calls (read, write, ioctl)',
  setattr: 'inode-level calls (fchmod: the setattr family)',
  mapping: 'mappings and faults',
  open: 'opens under way',
  release: 'the final release',
};

/** The class of an operation through a descriptor (an open under way is the `open` class). */
export function operationOf(kind: OpKind): Operation {
  switch (kind) {
    case 'read':
    case 'write':
    case 'pread':
      return 'data';
    case 'fchmod':
      return 'setattr';
    case 'mmap':
      return 'mapping';
    case 'open':
      return 'open';
  }
}

/**
 * What a design promises: the classes of operation it stops (each with its authors' words, for
 * the guarantee sheet), and the guarantees it answers for at all (evdev's per-client revoke says
 * nothing about other open files of the inode: the others are "n/a: not claimed").
 */
export interface Promises {
  /** The classes it promises to stop, each with where its authors say so. Absent: every class ("revoke takes away all access"). */
  readonly stops?: Readonly<Partial<Record<Operation, string>>>;
  /** The guarantees it claims. Absent: every one. */
  readonly guarantees?: readonly string[];
}

/** The set of classes a judgement counts: the design's promised ones, or the rest. */
export type Judged = ReadonlySet<Operation>;

export const EVERY_OPERATION: Judged = new Set(OPERATIONS);

/** The classes design promises stop. */
export function promisedOperations(promises: Promises | undefined): Judged {
  const stops = promises?.stops;
  return stops === undefined ? EVERY_OPERATION : new Set(OPERATIONS.filter((op) => Object.hasOwn(stops, op)));
}

/** The classes a design leaves unpromised. */
export function unpromisedOperations(promises: Promises | undefined): Judged {
  const promised = promisedOperations(promises);
  return new Set(OPERATIONS.filter((op) => !promised.has(op)));
}

/** Does the judgement count an operation of this kind? */
export const counts = (judged: Judged, kind: OpKind): boolean => judged.has(operationOf(kind));
