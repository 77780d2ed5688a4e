// What a design promises, per operation. A revoke design does not always promise to stop every
// operation on the inode: tty hangup, a Revocable and pseudo-filesystem removal cut the driver's
// data behind f_op and leave the inode-level calls (fchmod, fsetxattr, fstat on the device node)
// alone, by design.
// A guarantee reads some classes of operation (G3 the calls in progress, G2 the mappings); each
// design's cell is judged only against the classes it promises, and an operation it does not
// promise that gets through is shown as such (guarantees.ts builds each guarantee for a set of
// classes; revokeSpec.ts checks both halves; index.ts tells the table which is which).
import type { Operation, Promises } from '../api/designApi.ts';
import type { AnyOpKind as OpKind } from './access.ts';

/** The operations a design may promise to stop, and what it promises: api/designApi.ts defines them, for a design file to be typed by. */
export type { Operation, Promises } from '../api/designApi.ts';

export const OPERATIONS: readonly Operation[] = ['data', 'setattr', 'mapping', 'open', 'release'];

/** How the table, GUARANTEES.md and the sheets name each class. */
export const OPERATION_TEXT: Readonly<Record<Operation, string>> = {
  data: 'f_op data calls (read, write, ioctl)',
  setattr: 'inode-level calls (the setattr family, fsetxattr, fstat)',
  mapping: 'mappings and faults',
  open: 'opens under way',
  release: "the final release (the driver's ->release)",
};

/** The class of an operation through a descriptor (an open under way is the `open` class). */
export function operationOf(kind: OpKind): Operation {
  switch (kind) {
    case 'read':
    case 'write':
    case 'pread':
      return 'data';
    // fstat with them: it reads the inode through i_op, no driver data (api/designApi.ts's Operation).
    case 'fchmod':
    case 'fsetxattr':
    case 'fstat':
      return 'setattr';
    case 'mmap':
      return 'mapping';
    case 'open':
      return 'open';
    case 'release':
      return 'release';
  }
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
