// The design API: what a revoke design written outside the repository may use. A design file's
// default export is a function of this object returning the design (see README.md, "Writing a
// design"): the file needs no node_modules and no path into the repository, and its types come
// from `import type { DesignApi, Variant } from '<repo>/spec/revoke/designApi.ts'` (which
// re-exports this module) if it wants them (a type import compiles away).
// Everything here is also what the built-in designs (variants/*.ts) are written with.
import { drainStep, filesOnI, revokeReturn, revokerStep, revokerStepOn, scanDone, scanTarget, scanTask, unmap } from './revokerSteps.ts';
import {
  FDS,
  everySlot,
  getFile,
  inodeOf,
  isMarker,
  putFile,
  returnedZero,
  setPc,
  someTask,
  tableOf,
  task,
  ownerTask,
  withFile,
  withFileRevoked,
  withIDead,
  withInode,
  withMessage,
  withRevoker,
  withSlot,
  withTask,
} from './state.ts';
import { ENTER, fail, gateHeld, gateHeldByCallers, gateHolders, slotCutterHooks } from './variant.ts';
import { srcuDrained, srcuFlip, srcuOther, srcuReadLock, srcuReadUnlock } from './srcu.ts';

export const designApi = {
  // Revoker steps: the two builders, and the steps several designs share.
  revokerStep,
  revokerStepOn,
  scanTask,
  scanTarget,
  scanDone,
  drainStep,
  unmap,
  revokeReturn,
  filesOnI,
  // Gates: let an operation in, fail it with an errno, or ask whether a caller holds the gate.
  ENTER,
  fail,
  gateHeld,
  gateHeldByCallers,
  gateHolders,
  slotCutterHooks,
  // An SRCU domain beside inode I, for a gate that is an SRCU read-side section (srcu.ts).
  srcuReadLock,
  srcuReadUnlock,
  srcuDrained,
  srcuFlip,
  srcuOther,
  // Reading and building states (never change one in place).
  FDS,
  everySlot,
  someTask,
  tableOf,
  task,
  ownerTask,
  inodeOf,
  isMarker,
  returnedZero,
  setPc,
  getFile,
  putFile,
  withFile,
  withFileRevoked,
  withIDead,
  withInode,
  withMessage,
  withRevoker,
  withSlot,
  withTask,
} as const;

export type DesignApi = typeof designApi;
export type { Variant, Gate, Errno, OpKind, Drain, GateHolder } from './variant.ts';
export type { State, Task, Vma, Call, File, Message, Revoker, RevokerPc, Slot, Marker, FileId, TaskId, CallKind } from './state.ts';
export type { RevokeParams } from './params.ts';
