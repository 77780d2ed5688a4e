// Descriptor table events: open, dup, close.
//
// Abstracts do_sys_open (whole, or in its three parts below), dup (its two parts below: the
// reference is in flight between) and close_fd/filp_close. Close is atomic: the kernel does it
// under the table's file_lock, which the revoker's scan of that table takes too. A new open of I
// is possible only before revoke begins: the caller blocks later opens (chmod/chown first, as the 2007
// documentation says). An open whose may_open passed before is not blocked: OpenBegin, OpenFile
// and OpenInstall below let it finish at any point of revoke. At most `filesOnI` struct files
// on I exist at once, counting the ones opens under way will make.
// Left out: the fd get_unused_fd_flags reserves at the start of open is taken at fd_install
// instead (which number an fd gets never matters; a table that filled up meanwhile makes the
// install wait, where the kernel would have kept the number). A close whose ->flush or deferred
// __fput (task_work, after the syscall returns) runs late is the same close: by then the slot is
// empty and f_count has dropped, so no holder is left for any guarantee to see; ->release only
// takes the file off per-inode lists, which no design's walk counts as a holder once f_count is 0.
import { defineAction } from '../../../checker/defineAction.ts';
import type { RevokeParams } from './params.ts';
import { taskFds } from './instances.ts';
import type { Enter, Fail } from '../api/designApi.ts';
import type { Installed } from './install.ts';
import {
  type Fd,
  type File,
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
  actors,
  withFile,
  withSlot,
  withTask,
} from './state.ts';

/**
 * A task not inside the kernel: no call, fault, mmap, open or dup under way (one thread per task: a
 * task in a system call does nothing else until it returns).
 */
export function canAct(s: State, t: TaskId): boolean {
  const tk = s.tasks[t]!;
  return tk.call === null && tk.opening === null && tk.dup === null && (tk.vma === null || (tk.vma.linked && !tk.vma.faulting));
}

/** Struct file ids on I, in the order open hands them out. */
const FILE_IDS_ON_I: readonly FileId[] = ['F0', 'F1'];

/** Struct files on I that exist or that an open under way will make (its may_open has passed). */
function filesOnIOrComing(s: State): number {
  let n = 0;
  for (const f in s.files) if (s.files[f]!.inode === 'I') n++;
  for (const t in s.tasks) if (s.tasks[t]!.opening === 'permitted') n++;
  return n;
}

/** The opener's struct file: the first free id on I (ids are reused only once a file is freed). */
const newFileId = (s: State): FileId => FILE_IDS_ON_I.find((id) => s.files[id] === undefined)!;

const LIVE_ON_I: File = { inode: 'I', count: 1, ops: 'live' };

export const Open = defineAction<State, RevokeParams, TaskId>({
  name: 'Open',
  doc: 'Task t opens I (do_sys_open, all of it before revoke begins): a new struct file with f_count 1 in the lowest free fd.',
  params: (_s, p) => actors(p),
  pick: 't',
  enabled: (s, t, p) => !begun(s) && canAct(s, t) && freeFd(tableOf(s, t), p) !== undefined && filesOnIOrComing(s) < p.filesOnI,
  next(s, t, p) {
    const f = newFileId(s);
    return withSlot(withFile(s, f, LIVE_ON_I), task(s, t).table, freeFd(tableOf(s, t), p)!, f);
  },
  label: (s, t, p, next) => `Open(${t}, I): fd ${freeFd(tableOf(s, t), p)} -> ${tableOf(next, t)[freeFd(tableOf(s, t), p)!]}`,
  actor: (_s, t) => t,
});

// An open already under way when revoke begins (openInProgress): do_sys_openat2 passed may_open
// before the caller's chmod, and its last two steps come later. OpenFile is do_dentry_open: the
// struct file is made (the opener holds its reference) and the file's ->open runs, through the
// design's gate (kernfs_fop_open takes an active reference; a tty's ->open joins tty_files).
// OpenInstall is fd_install. Each may come after any revoker step: the scan may have passed the
// opener's table, the file-list walk may be over.

export const OpenBegin = defineAction<State, RevokeParams, TaskId>({
  name: 'OpenBegin',
  doc: 'Task t starts open(2) of I and passes may_open (path walk, permission): only before revoke begins.',
  params: (_s, p) => (p.openInProgress ? actors(p) : []),
  pick: 't',
  enabled: (s, t, p) => !begun(s) && canAct(s, t) && freeFd(tableOf(s, t), p) !== undefined && filesOnIOrComing(s) < p.filesOnI,
  next: (s, t) => withTask(s, t, { ...task(s, t), opening: 'permitted' }),
  label: (_s, t) => `OpenBegin(${t}, I): may_open passed`,
  actor: (_s, t) => t,
});

export const OpenFile = (d: Installed) =>
  defineAction<State, RevokeParams, TaskId>({
    name: 'OpenFile',
    doc: "Task t's open makes the struct file (do_dentry_open: f_count 1, held by the opener) and calls ->open through the design's `open` point; a refused open returns its error.",
    params: (_s, p) => (p.openInProgress ? actors(p) : []),
    pick: 't',
    enabled(s, t, p) {
      if (task(s, t).opening !== 'permitted') return false;
      return d.on.open(s, p, {}) !== 'wait';
    },
    next(s, t, p) {
      const g = d.on.open(s, p, {}) as Enter | Fail;
      if (!g.enter) return withTask(s, t, { ...task(s, t), opening: null });
      const f = newFileId(s);
      const opened = withTask(withFile(s, f, LIVE_ON_I), t, { ...task(s, t), opening: f });
      return g.change === undefined ? opened : g.change(opened, t);
    },
    label(s, t, p, next) {
      const g = d.on.open(s, p, {}) as Enter | Fail;
      return g.enter ? `OpenFile(${t}, I): ${task(next, t).opening} made, ->open` : `OpenFile(${t}, I): ->open fails ${g.errno}`;
    },
    actor: (_s, t) => t,
  });

export const OpenInstall = defineAction<State, RevokeParams, TaskId>({
  name: 'OpenInstall',
  doc: "Task t's open installs its struct file in the lowest free fd (fd_install) and returns: the opener's reference moves to the table.",
  params: (_s, p) => (p.openInProgress ? actors(p) : []),
  pick: 't',
  enabled: (s, t, p) => {
    const o = task(s, t).opening;
    return o !== null && o !== 'permitted' && freeFd(tableOf(s, t), p) !== undefined;
  },
  next(s, t, p) {
    const f = task(s, t).opening as FileId;
    return withSlot(withTask(s, t, { ...task(s, t), opening: null }), task(s, t).table, freeFd(tableOf(s, t), p)!, f);
  },
  label: (s, t, p) => `OpenInstall(${t}): fd ${freeFd(tableOf(s, t), p)} -> ${task(s, t).opening}`,
  actor: (_s, t) => t,
});

// dup(2), as fs/file.c has it (SYSCALL_DEFINE1(dup); 2.6.2x's sys_dup + dupfd the same): fget_raw
// takes a reference on the slot's struct file (__fget_files_rcu: load, file_ref_get, load again,
// under RCU alone), get_unused_fd_flags reserves the lowest free fd (alloc_fd, under
// files->file_lock; EMFILE: fput and return), fd_install stores the file in the slot (an RCU
// pointer store, file_lock only while the table is resized). No lock is held across the three, so
// from fget_raw to fd_install the reference is in flight: the task's `dup`, one count of f_count,
// which a scan of the table (under file_lock) does not find and a walk of the inode's files does.
// DupGet is fget_raw; DupInstall is get_unused_fd_flags and fd_install together. Why one step may
// stand for those two: the reserved slot is NULL to every reader of the table (the revoker's scan,
// fget, close_fd's EBADF, dup_fd's copy, which clears the bit), so no guarantee or design hook
// tells a reserved slot from a free one; the reservation decides only which number the descriptor
// gets and, on a table shared with a thread, which of two allocators gets EMFILE. Guarantees read
// slots by what they hold, not by number, but G6, which spares the caller's fd 3: there a copy of
// the spared file is a second descriptor on it at either number once both slots hold it, and a dup
// after frevoke returns makes one in the model as in the kernel; both EMFILE outcomes are runs of
// the model (the other allocator first, or the dup first). Left out: dup2/dup3 (ksys_dup3 holds
// file_lock from the lookup to do_dup2's install, so it is atomic to a scan, and its states are
// those of DupGet and DupInstall run back to back), and fcntl(F_DUPFD) (fdget_raw, borrowed on an
// unshared table, then f_dupfd's alloc_fd, get_file, fd_install): its borrowed stretch is a
// borrowed call's (a revoker that puts the slot's reference frees the file under it, the use-after-
// free a borrowed read already shows), and once get_file has run it is this dup in flight.

export const DupGet = defineAction<State, RevokeParams, { t: TaskId; fd: Fd }>({
  name: 'DupGet',
  doc: "Task t's dup(fd) takes a reference on the slot's struct file (fget_raw): it is in flight until fd_install.",
  params: (_s, p) => taskFds(p),
  enabled: (s, { t, fd }) => {
    const slot = tableOf(s, t)[fd];
    return canAct(s, t) && slot !== undefined && !isMarker(slot);
  },
  next(s, { t, fd }) {
    const f = tableOf(s, t)[fd] as FileId;
    return getFile(withTask(s, t, { ...task(s, t), dup: f }), f);
  },
  label: (s, { t, fd }) => `DupGet(${t}, fd ${fd}): fget_raw ${tableOf(s, t)[fd]}`,
  actor: (_s, { t }) => t,
});

export const DupInstall = defineAction<State, RevokeParams, TaskId>({
  name: 'DupInstall',
  doc: "Task t's dup reserves the lowest free fd and installs its struct file there (get_unused_fd_flags, fd_install); with no free fd it fputs the file and returns EMFILE.",
  params: (_s, p) => actors(p),
  enabled: (s, t) => task(s, t).dup !== null,
  next(s, t, p) {
    const f = task(s, t).dup!;
    const done = withTask(s, t, { ...task(s, t), dup: null });
    const fd = freeFd(tableOf(s, t), p);
    return fd === undefined ? putFile(done, f) : withSlot(done, task(s, t).table, fd, f);
  },
  label(s, t, p) {
    const fd = freeFd(tableOf(s, t), p);
    return fd === undefined ? `DupInstall(${t}): EMFILE, fput ${task(s, t).dup}` : `DupInstall(${t}): fd ${fd} -> ${task(s, t).dup}`;
  },
  actor: (_s, t) => t,
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
