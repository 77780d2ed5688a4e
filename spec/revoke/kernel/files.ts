// Descriptor table events: open, dup, close.
//
// Abstracts do_sys_open (get_unused_fd_flags + fd_install), dup (under files->file_lock) and
// close_fd/filp_close. Each is atomic: the kernel does it under the table's file_lock, which the
// revoker's scan of that table takes too. Open of I is possible only before revoke begins: the
// caller blocks later opens (chmod/chown first, as the 2007 documentation says), so a later open
// is not a hole in revoke. At most two struct files on I are open at once (DOMAIN.md's bound).
import { defineAction } from '../../../checker/defineAction.ts';
import type { RevokeParams } from './params.ts';
import { taskFds } from './instances.ts';
import {
  type Fd,
  type FileId,
  type State,
  type TaskId,
  begun,
  freeFd,
  getFile,
  isMarker,
  putFile,
  tableOf,
  task,
  userTasks,
  withFile,
  withSlot,
} from './state.ts';

/** A user task not inside a system call (one thread per task: a task in a call does nothing else). */
export function canAct(s: State, t: TaskId): boolean {
  return s.tasks[t]!.call === null;
}

/**
 * Struct files on I open at once. DOMAIN.md allows two; one keeps the default state space inside
 * the table's time budget (two multiplied it past a million states), and every listed
 * counterexample needs only F0, shared by as many holders as it likes.
 */
const MAX_FILES_ON_I = 1;
const FILE_IDS_ON_I: readonly FileId[] = ['F0', 'F1'];

function filesOnICount(s: State): number {
  let n = 0;
  for (const f in s.files) if (s.files[f]!.inode === 'I') n++;
  return n;
}

export const Open = defineAction<State, RevokeParams, TaskId>({
  name: 'Open',
  doc: 'Task t opens I (do_sys_open): a new struct file with f_count 1 in the lowest free fd; only before revoke begins.',
  params: (_s, p) => userTasks(p),
  enabled: (s, t) => !begun(s) && canAct(s, t) && freeFd(tableOf(s, t)) !== undefined && filesOnICount(s) < MAX_FILES_ON_I,
  next(s, t) {
    const f = FILE_IDS_ON_I.find((id) => s.files[id] === undefined)!;
    return withSlot(withFile(s, f, { inode: 'I', count: 1, ops: 'live' }), task(s, t).table, freeFd(tableOf(s, t))!, f);
  },
  label: (s, t, _p, next) => `Open(${t}, I): fd ${freeFd(tableOf(s, t))} -> ${tableOf(next, t)[freeFd(tableOf(s, t))!]}`,
  actor: (_s, t) => t,
});

export const Dup = defineAction<State, RevokeParams, { t: TaskId; fd: Fd }>({
  name: 'Dup',
  doc: 'Task t duplicates fd into its lowest free fd (dup): the struct file gains a reference.',
  params: (_s, p) => taskFds(p),
  enabled: (s, { t, fd }) => {
    const slot = tableOf(s, t)[fd];
    return canAct(s, t) && slot !== undefined && !isMarker(slot) && freeFd(tableOf(s, t)) !== undefined;
  },
  next(s, { t, fd }) {
    const f = tableOf(s, t)[fd] as FileId;
    return getFile(withSlot(s, task(s, t).table, freeFd(tableOf(s, t))!, f), f);
  },
  label: (s, { t, fd }) => `Dup(${t}, fd ${fd}): fd ${freeFd(tableOf(s, t))} -> ${tableOf(s, t)[fd]}`,
  actor: (_s, { t }) => t,
});

export const Close = defineAction<State, RevokeParams, { t: TaskId; fd: Fd }>({
  name: 'Close',
  doc: 'Task t closes fd (close_fd, filp_close): the slot empties and its struct file loses a reference; a leaked NULL slot gives EBADF and is not a step.',
  params: (_s, p) => taskFds(p),
  enabled: (s, { t, fd }) => {
    const slot = tableOf(s, t)[fd];
    return canAct(s, t) && slot !== undefined && slot !== 'leaked';
  },
  next(s, { t, fd }) {
    const slot = tableOf(s, t)[fd]!;
    const next = withSlot(s, task(s, t).table, fd, undefined);
    return isMarker(slot) ? next : putFile(next, slot);
  },
  label(s, { t, fd }, _p, next) {
    const slot = tableOf(s, t)[fd]!;
    const freed = !isMarker(slot) && next.files[slot] === undefined ? `, ${slot} freed` : '';
    return `Close(${t}, fd ${fd}): ${slot}${freed}`;
  },
  actor: (_s, { t }) => t,
});
