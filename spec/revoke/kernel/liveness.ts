// G5 `revoke-returns`: the revoke model's liveness property and the fairness it is checked under.
//
// The promise, as a reviewer would state it: once revoke(2) has begun, it returns (0, or the
// error of a design that gives up), provided
//   - the revoker is not starved: every revoker step is weakly fair (a step that stays enabled is
//     eventually taken), and badfs's bounded wait is strongly fair (RevokeGiveUp: a revoker that
//     keeps finding a light user in the file eventually times out, however often that user leaves
//     and comes back in between; under weak fairness alone badfs "fails" G5 by a lasso in which
//     B's borrowed read begins and ends for ever and the revoker always looks at the wrong time,
//     which the one-second bound of quiesce_filesystem rules out);
//   - every call in progress eventually returns: SyscallEnd is weakly fair per task, and so are
//     the later halves of an mmap, a fault, an open and a dup (MmapLink, FaultInstall, OpenFile,
//     OpenInstall, DupInstall): a task inside the kernel finishes what it began;
//   - nothing else: users may stop for ever, and need not open, send, close or map anything.
// Two configurations take an assumption away, and G5 is reported for them separately:
//   - `stuckCaller` (configs/stuck-caller.json): the owner's (B's) call may block for ever (a
//     D-state sleep inside the method). Its end is the action SyscallEndStuck, which no fairness
//     covers.
//     A design that waits for callers to leave (active-refs' drain, vnode-revoke's LK_DRAIN)
//     then waits for ever: T8, found as a lasso whose cycle is the revoker's stutter.
//   - `selfRevoke` (configs/self-revoke.json): the revoker is itself inside an operation on the
//     file and holds the gate (an active reference, the vnode lock) until revoke returns. The
//     drain waits for itself (kernfs's "suicide" case), unless `breakActiveProtection`
//     (kernfs_break_active_protection) makes active-refs drop its own reference first.
//
// Why `leadsTo(begun, revokeFinished)` and not `eventually revokeFinished`: whether anyone calls
// revoke is not the design's business, and before revoke begins the users may toggle which
// revoker step is enabled (file-list: B closes F0 and A reopens it, so RevokeKillFile and
// RevokeUnmap are never continuously enabled), so weak fairness would not even make revoke
// begin. Once it has begun, opens of I are refused and every revoker step's guard only becomes
// true, or stays true, except where the design waits: exactly what G5 asks about.
//
// Symmetry is not declared: with tasks=3, A and C look interchangeable, but the revoker scans
// tasks in id order and its cursor names the last task scanned, so renaming A and C in a
// mid-scan state changes which tasks are still to be scanned (and otherInode gives A fd 4 -> J0).
import type { Fairness, Temporal } from '../../../checker/spec.ts';
import type { RevokeParams } from './params.ts';
import { type State, begun, revokeFinished } from './state.ts';
import type { Installed } from './install.ts';

/** The later halves of a task's mmap, fault, open and dup: weakly fair per task, as SyscallEnd. */
const KERNEL_STEPS: readonly string[] = ['MmapLink', 'FaultInstall', 'OpenFile', 'OpenInstall', 'DupInstall', 'SyscallRecord'];

/**
 * The fairness G5 assumes under design d (only its revoker steps are named): each revoker step is
 * weakly fair, or strongly where the step says so (badfs's bounded wait for light users, one
 * second or a signal).
 */
export function fairness(d: Installed): Fairness[] {
  const revoker = d.steps.map((step) => step.name).filter((name, i, all) => all.indexOf(name) === i);
  return [
    ...revoker.map((action): Fairness => ({ kind: d.strong.has(action) ? 'strong' : 'weak', action })),
    { kind: 'weak', action: 'SyscallEnd', perActor: true },
    // A task inside the kernel gets on with its own steps: an mmap links its vma, a fault
    // installs its PTE, an open makes and installs its file.
    ...KERNEL_STEPS.map((action): Fairness => ({ kind: 'weak', action, perActor: true })),
  ];
}

export const properties: Record<string, Temporal<State, RevokeParams>> = {
  /** G5: once revoke has begun, it returns (under `fairness`). */
  'revoke-returns': { op: 'leadsTo', p: begun, q: revokeFinished },
};

/**
 * Valid end states: the model is one revoke call, so a run that has nothing left to do once
 * revoke has returned (0 or an error) is finished, not deadlocked. A run that stops before that
 * (the revoker waiting for itself, every user idle) is still reported as a deadlock.
 */
export function terminal(s: State): boolean {
  return revokeFinished(s);
}

/** Spread into design d's spec: its temporal properties, their fairness, and its valid end states. */
export const liveness = (d: Installed) => ({ properties, fairness: fairness(d), terminal });
