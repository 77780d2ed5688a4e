// Descriptor table events: open, dup, close.
//
// Abstracts do_sys_open (get_unused_fd_flags + fd_install), dup (under files->file_lock) and
// close_fd/filp_close. Each is atomic: the kernel does it under the table's file_lock, which the
// revoker's scan of that table takes too. Open of I is possible only before revoke begins: the
// caller blocks later opens (chmod/chown first, as the 2007 documentation says), so a later open
// is not a hole in revoke. At most two struct files on I are open at once (DOMAIN.md's bound).
import { defineAction } from '../../../checker/defineAction.ts';
import type { RevokeParams } from './params.ts';
import { type FileId, FDS, File, type State, type TaskId, begun, freeFd, isMarker, putFile, tableOf, task, userTasks } from './state.ts';

/** A user task not inside a system call (one thread per task: a task in a call does nothing else). */
export function canAct(s: State, t: TaskId): boolean {
  return task(s, t).call === null;
}

/**
 * Struct files on I open at once. DOMAIN.md allows two; one keeps the default state space inside
 * the table's time budget (two multiplied it past a million states), and every listed
 * counterexample needs only F0, shared by as many holders as it likes.
 */
const MAX_FILES_ON_I = 1;
const FILE_IDS = ['F0', 'F1'];

export const Open = defineAction<State, RevokeParams, TaskId>({
  name: 'Open',
  doc: 'Task t opens I (do_sys_open): a new struct file with f_count 1 in the lowest free fd; only before revoke begins.',
  params: (_s, p) => userTasks(p),
  enabled: (s, t) => !begun(s) && canAct(s, t) && freeFd(tableOf(s, t)) !== undefined && s.files.count((f) => f.inode === 'I') < MAX_FILES_ON_I,
  next(s, t) {
    const f = FILE_IDS.find((id) => !s.files.has(id))!;
    return s.setIn(['files', f], File({ inode: 'I' })).setIn(['tables', task(s, t).table, freeFd(tableOf(s, t))!], f);
  },
  label: (s, t, _p, next) => `Open(${t}, I): fd ${freeFd(tableOf(s, t))} -> ${tableOf(next, t).get(freeFd(tableOf(s, t))!)}`,
  actor: (_s, t) => t,
});

export const Dup = defineAction<State, RevokeParams, { t: TaskId; fd: number }>({
  name: 'Dup',
  doc: 'Task t duplicates fd into its lowest free fd (dup): the struct file gains a reference.',
  *params(_s, p) {
    for (const t of userTasks(p)) for (const fd of FDS) yield { t, fd };
  },
  enabled: (s, { t, fd }) => {
    const slot = tableOf(s, t).get(fd);
    return canAct(s, t) && slot !== undefined && !isMarker(slot) && freeFd(tableOf(s, t)) !== undefined;
  },
  next(s, { t, fd }) {
    const f = tableOf(s, t).get(fd) as FileId;
    return s.setIn(['tables', task(s, t).table, freeFd(tableOf(s, t))!], f).setIn(['files', f, 'count'], s.files.get(f)!.count + 1);
  },
  label: (s, { t, fd }) => `Dup(${t}, fd ${fd}): fd ${freeFd(tableOf(s, t))} -> ${tableOf(s, t).get(fd)}`,
  actor: (_s, { t }) => t,
});

export const Close = defineAction<State, RevokeParams, { t: TaskId; fd: number }>({
  name: 'Close',
  doc: 'Task t closes fd (close_fd, filp_close): the slot empties and its struct file loses a reference; a leaked NULL slot gives EBADF and is not a step.',
  *params(_s, p) {
    for (const t of userTasks(p)) for (const fd of FDS) yield { t, fd };
  },
  enabled: (s, { t, fd }) => {
    const slot = tableOf(s, t).get(fd);
    return canAct(s, t) && slot !== undefined && slot !== 'leaked';
  },
  next(s, { t, fd }) {
    const slot = tableOf(s, t).get(fd)!;
    const next = s.deleteIn(['tables', task(s, t).table, fd]) as State;
    return isMarker(slot) ? next : putFile(next, slot);
  },
  label(s, { t, fd }, _p, next) {
    const slot = tableOf(s, t).get(fd)!;
    const freed = !isMarker(slot) && !next.files.has(slot) ? `, ${slot} freed` : '';
    return `Close(${t}, fd ${fd}): ${slot}${freed}`;
  },
  actor: (_s, { t }) => t,
});
