// Task creation: fork (copy, then link) and clone sharing the descriptor table.
//
// copy_process runs copy_files (dup_fd: every struct file gains a reference) and copy_mm
// (dup_mmap: every VMA's vm_file gains one) early, and links the child into the task list much
// later, under write_lock(tasklist_lock). In between the child holds descriptors no task-list
// walk can see: that window is ForkCopy .. ForkLink. A revoker holding read_lock(tasklist_lock)
// delays the link but not the copy. CLONE_FILES shares the table instead of copying it, so there
// is nothing to hide: CloneFiles is one step (its link also waits for tasklist_lock).
// copy_mm is left out: the child's copy of a mapping would sit in i_mmap next to the parent's,
// found by the same teardown, and the passive child never touches it; the parent's mapping
// already carries every mapping verdict. The child's table keeps the struct files it copied,
// renumbered from fd 3 (a passive child never names an fd, and a revokefs or bad file it would
// copy gives no access), and a fork is offered only when there is a file on I to copy: these keep
// equal situations equal states. One child slot: the child is passive (see state.ts). Exit is not
// modelled: a task that exits drops references and can only remove holders, which no guarantee is
// about. A fork is offered only once revoke has begun: a fork completed before that only adds
// one more visible task with copies of the parent's descriptors, which the revoker scans like
// any other (the `tasks` bound covers more tasks); the race a fork child exists for is the copy
// before the scan and the link after it (Viro-style T4). Offering it earlier multiplied the
// default state space by ten and found nothing new.
import { defineAction } from '../../../checker/defineAction.ts';
import { canAct } from './files.ts';
import type { Installed } from './install.ts';
import type { RevokeParams } from './params.ts';
import {
  FDS,
  type FileId,
  type State,
  type Table,
  type TaskId,
  begun,
  childId,
  getFile,
  inodeOf,
  isMarker,
  tableOf,
  task,
  userTasks,
  withTable,
  withTask,
} from './state.ts';

/** The struct files t's table holds, in fd order (revoked and bad slots are not copied: see above). */
function liveFiles(s: State, t: TaskId): FileId[] {
  const files: FileId[] = [];
  const table = tableOf(s, t);
  for (const fd of FDS) {
    const slot = table[fd];
    if (slot !== undefined && !isMarker(slot)) files.push(slot);
  }
  return files;
}

/** t's table holds a struct file on I. */
function holdsFileOnI(s: State, t: TaskId): boolean {
  const table = tableOf(s, t);
  return FDS.some((fd) => {
    const slot = table[fd];
    return slot !== undefined && !isMarker(slot) && inodeOf(s, slot) === 'I';
  });
}

export const ForkCopy = defineAction<State, RevokeParams, TaskId>({
  name: 'ForkCopy',
  doc: "Task t forks (copy_process: copy_files): the child holds copies of t's descriptors but is not yet on the task list.",
  params: (_s, p) => userTasks(p),
  pick: 't',
  enabled: (s, t, p) => p.fork && begun(s) && s.tasks[childId(p)] === undefined && canAct(s, t) && holdsFileOnI(s, t),
  next(s, t, p) {
    const c = childId(p);
    const copied = liveFiles(s, t);
    const table: { [fd: number]: FileId } = {};
    copied.forEach((f, i) => (table[FDS[i]!] = f));
    let next = withTask(withTable(s, c, table as Table), c, { table: c, visible: false, vma: null, call: null, opening: null, dup: null });
    for (const f of copied) next = getFile(next, f);
    return next;
  },
  label(s, t, p) {
    return `ForkCopy(${t} -> ${childId(p)}): copies ${liveFiles(s, t).join(', ')}, not yet linked`;
  },
  actor: (_s, t) => t,
});

/** copy_process may take tasklist_lock for writing: no revoker step holds it for reading, and the design's `forkLink` point lets it. */
function linkMayProceed(d: Installed, s: State, p: RevokeParams): boolean {
  return !d.tasklistHeld(s) && d.on.forkLink(s, p, {}) !== 'wait';
}

export const ForkLink = (d: Installed) =>
  defineAction<State, RevokeParams, TaskId>({
    name: 'ForkLink',
    doc: 'copy_process links the child into the task list (write_lock(tasklist_lock)): it waits while the revoker holds the lock for reading.',
    params: (s, p) => (s.tasks[childId(p)] !== undefined ? [childId(p)] : []),
    pick: 't',
    enabled: (s, c, p) => !task(s, c).visible && linkMayProceed(d, s, p),
    next: (s, c) => withTask(s, c, { ...task(s, c), visible: true }),
    label: (_s, c) => `ForkLink(${c}): on the task list`,
    actor: (_s, c) => c,
  });

export const CloneFiles = (d: Installed) =>
  defineAction<State, RevokeParams, TaskId>({
    name: 'CloneFiles',
    doc: "Task t clones with CLONE_FILES: a new visible task sharing t's table, which makes fdget count from now on.",
    params: (_s, p) => userTasks(p),
    pick: 't',
    enabled: (s, t, p) => p.fork && s.tasks[childId(p)] === undefined && canAct(s, t) && linkMayProceed(d, s, p),
    next: (s, t, p) => withTask(s, childId(p), { table: task(s, t).table, visible: true, vma: null, call: null, opening: null, dup: null }),
    label: (_s, t, p) => `CloneFiles(${t} -> ${childId(p)}): shares ${t}'s table`,
    actor: (_s, t) => t,
  });
