// Memory mappings: mmap, munmap, and touching a mapping (a page fault).
//
// do_mmap takes a reference for vma->vm_file (get_file) and links the VMA into the inode's
// i_mmap under i_mmap_rwsem, the lock unmap_mapping_range also takes: a mapping is either there
// before a teardown or made after it, so mmap is one step. do_munmap drops the reference. A fault
// (filemap_fault, or the variant's gated handler) either reaches the inode's pages or raises
// SIGBUS; it changes nothing the guarantees read, so Touch is a step that only shows in traces,
// offered once revoke has returned (before, it is plain use). A failing mmap changes nothing and
// is not a step (G7 asks the gate directly).
// Shared mappings only: private COW copies are the caller's own memory.
import { defineAction } from '../../../checker/defineAction.ts';
import { opThrough, variantOf } from './access.ts';
import { canAct } from './files.ts';
import type { RevokeParams } from './params.ts';
import { taskFds } from './instances.ts';
import { type Fd, type FileId, type State, type TaskId, getFile, inodeOf, putFile, returnedZero, tableOf, task, userTasks, withTask } from './state.ts';

export const Mmap = defineAction<State, RevokeParams, { t: TaskId; fd: Fd }>({
  name: 'Mmap',
  doc: "Task t maps fd shared (do_mmap, through the variant's gate): the VMA holds a reference to the struct file.",
  params: (_s, p) => taskFds(p),
  enabled(s, { t, fd }, p) {
    const slot = tableOf(s, t)[fd];
    if (!canAct(s, t) || task(s, t).vma !== null || slot === undefined) return false;
    const g = opThrough(s, p, slot, 'mmap');
    return g !== 'wait' && g.enter;
  },
  next(s, { t, fd }) {
    const slot = tableOf(s, t)[fd] as FileId;
    return getFile(withTask(s, t, { ...task(s, t), vma: { file: slot, zapped: false } }), slot);
  },
  label: (s, { t, fd }) => `Mmap(${t}, fd ${fd}): maps ${tableOf(s, t)[fd]}`,
  actor: (_s, { t }) => t,
});

export const Munmap = defineAction<State, RevokeParams, TaskId>({
  name: 'Munmap',
  doc: "Task t unmaps its mapping (do_munmap): the VMA's reference is put.",
  params: (_s, p) => userTasks(p),
  enabled: (s, t) => canAct(s, t) && task(s, t).vma !== null,
  next: (s, t) => putFile(withTask(s, t, { ...task(s, t), vma: null }), task(s, t).vma!.file),
  label: (s, t) => `Munmap(${t}): ${task(s, t).vma!.file}`,
  actor: (_s, t) => t,
});

export const Touch = defineAction<State, RevokeParams, TaskId>({
  name: 'Touch',
  doc: "Task t touches its mapping after revoke returned (page fault): it reaches the inode's pages, or gets SIGBUS from a zapped or gated mapping.",
  params: (_s, p) => userTasks(p),
  enabled: (s, t) => returnedZero(s) && canAct(s, t) && task(s, t).vma !== null,
  next: (s) => s,
  label(s, t, p) {
    const vma = task(s, t).vma!;
    const inode = inodeOf(s, vma.file);
    const reaches = inode !== 'I' || variantOf(p).faultReaches(s, p, vma);
    return `Touch(${t}, mapping of ${vma.file}): ${reaches ? `reaches ${inode}` : 'SIGBUS'}`;
  },
  actor: (_s, t) => t,
});
