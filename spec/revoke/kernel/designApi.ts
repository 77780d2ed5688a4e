// The design API at run time: the object a design file's factory receives (`(api) => design`,
// README.md's "Writing a design"), typed by designApi.ts's DesignApi, the module `rmc/revoke` names.
// The built-in designs (variants/*.ts) are written with the same functions. The file needs no
// node_modules and no path into the repository: everything it uses arrives here.
import { ENTER, type DesignApi, type Layout, type OwnState, type RevokeParams, enter, fail } from '../api/designApi.ts';
import { callerHolders, gateHeld, gateHeldByCallers, gateHolders } from './gate.ts';
import { filesOnI, revokeReturn, revokerStep, revokerStepOn, scanDone, scanTarget, scanTask, unmap } from './revokerSteps.ts';
import { SRCU_IDLE, srcuDrained, srcuFlip, srcuLayout, srcuOther, srcuReadLock, srcuReadUnlock } from './srcu.ts';
import {
  FDS,
  allTasks,
  bool,
  enumOf,
  everySlot,
  getFile,
  inodeOf,
  isMarker,
  ownerTask,
  putFile,
  record,
  returnedZero,
  someTask,
  tableOf,
  task,
  withDesign,
  withFile,
  withFileRevoked,
  withIDead,
  withInode,
  withMessage,
  withRevoker,
  withSlot,
  withCallCancelled,
  withTask,
} from './state.ts';

/** A design's own state: its layout and initial value, and the handle that reads and writes it in a state. */
export function ownState<T>(def: { readonly layout: (p: RevokeParams) => Layout; readonly init: (p: RevokeParams) => T }): OwnState<T> {
  return { layout: def.layout, init: def.init, get: (s) => s.design as T, set: (s, value) => withDesign(s, value) };
}

export const designApi = {
  revokerStep,
  revokerStepOn,
  scanTask,
  scanTarget,
  scanDone,
  unmap,
  revokeReturn,
  filesOnI,
  gateHolders,
  callerHolders,
  gateHeld,
  gateHeldByCallers,
  ENTER,
  enter,
  fail,
  ownState,
  layout: {
    bool,
    enumOf,
    record,
    list: (of: Layout, max: number): Layout => ({ type: 'list', of, max }),
    int: (min: number, max: number): Layout => ({ type: 'int', min, max }),
    tasks: allTasks,
  },
  srcu: {
    idle: SRCU_IDLE,
    layout: srcuLayout,
    readLock: srcuReadLock,
    readUnlock: srcuReadUnlock,
    drained: srcuDrained,
    flip: srcuFlip,
    other: srcuOther,
  },
  FDS,
  everySlot,
  someTask,
  tableOf,
  task,
  ownerTask,
  inodeOf,
  isMarker,
  returnedZero,
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
  withCallCancelled,
} as const satisfies DesignApi;
