// Memory mappings: mmap in its two halves, munmap, and touching a mapping (a page fault in two
// halves, or a page-table entry already there).
//
// mmap_region (mm/vma.c __mmap_region) sets vma->vm_file = get_file(file) (one f_count), calls the
// file's ->mmap (through the design's gate: kernfs_fop_mmap holds an active reference across it),
// and only then links the vma into the i_mmap of the file's f_mapping (vma_link_file, under
// i_mmap_rwsem). ->mmap may populate the page tables itself (remap_pfn_range; the kernel's
// comment: "call_mmap() may map PTE"), which `mmapPopulates` turns on. unmap_mapping_range takes
// i_mmap_rwsem, not the mapper's mmap_lock, so a teardown between the two halves does not find the
// vma: Mmap is `->mmap` (MmapBegin) then the link (MmapLink). The mapper is inside mmap(2) in
// between and does nothing else.
// A fault is the handler (filemap_fault, or the design's gated one: kernfs_vma_fault takes and
// drops an active reference around it) and then the core's install of the PTE (finish_fault under
// the page-table lock). Nothing in between re-checks the design: a teardown that runs after the
// handler and before the install finds no PTE to zap, and the install happens anyway (truncate
// closes this window with the page lock and a second unmap; a revoke that only calls
// unmap_mapping_range does not). Faults happen at any time, before, during or after revoke.
// Touch is a step that changes nothing (a present PTE reaches I; a refusing handler raises
// SIGBUS): offered once revoke has returned, to show the access in traces. do_munmap drops the
// vma's reference. A failing mmap changes nothing and is not a step (G7 asks the gate directly).
// Private mappings are not apart from shared ones: until a page is copied on write, a private
// vma maps I's page-cache page, sits in the same i_mmap and is zapped by the same
// unmap_mapping_range (even_cows only decides about the copies, which are the task's own memory).
// One vma per task: a second one would sit beside the first in the same i_mmap and meet the same
// teardown.
import { defineAction } from '../../../checker/defineAction.ts';
import type { Enter, Outcome } from '../api/designApi.ts';
import { enters, faultPasses, opThrough } from './access.ts';
import { canAct } from './files.ts';
import type { Installed } from './install.ts';
import type { RevokeParams } from './params.ts';
import { taskFds } from './instances.ts';
import { type Fd, type FileId, type State, type TaskId, actors, getFile, inodeOf, putFile, returnedZero, tableOf, task, withTask } from './state.ts';

export const Mmap = (d: Installed) =>
  defineAction<State, RevokeParams, { t: TaskId; fd: Fd }>({
    name: 'MmapBegin',
    doc: "Task t maps fd (mmap_region: vm_file takes a reference, then the file's ->mmap through the design's `mmap` point); the vma is not yet linked into i_mmap.",
    params: (_s, p) => taskFds(p),
    enabled(s, { t, fd }, p) {
      const slot = tableOf(s, t)[fd];
      if (!canAct(s, t) || task(s, t).vma !== null || slot === undefined) return false;
      return enters(opThrough(d, s, p, slot, 'mmap'));
    },
    next(s, { t, fd }, p) {
      const slot = tableOf(s, t)[fd] as FileId;
      const onI = inodeOf(s, slot) === 'I';
      const vma = { file: slot, linked: false, pte: p.mmapPopulates && onI, zapped: false, faulting: false };
      const mapped = getFile(withTask(s, t, { ...task(s, t), vma }), slot);
      const change = onI ? (opThrough(d, s, p, slot, 'mmap') as Enter).change : undefined;
      return change === undefined ? mapped : change(mapped, t);
    },
    label: (s, { t, fd }, p) => `MmapBegin(${t}, fd ${fd}): ->mmap of ${tableOf(s, t)[fd]}${p.mmapPopulates ? ', PTEs mapped' : ''}, not yet linked`,
    actor: (_s, { t }) => t,
  });

/** The design's `link` point for task t's vma (a vma of J is the kernel's own). */
const linkOf = (d: Installed, s: State, p: RevokeParams, t: TaskId): Outcome => {
  const vma = task(s, t).vma!;
  return inodeOf(s, vma.file) === 'I' ? d.on.link(s, p, { t, vma }) : { enter: true };
};

export const MmapLink = (d: Installed) =>
  defineAction<State, RevokeParams, TaskId>({
    name: 'MmapLink',
    doc: "Task t's mmap links the vma into the i_mmap of the file's f_mapping (vma_link_file) and returns: from now on a teardown finds it.",
    params: (_s, p) => actors(p),
    pick: 't',
    enabled: (s, t, p) => task(s, t).vma !== null && !task(s, t).vma!.linked && linkOf(d, s, p, t) !== 'wait',
    next(s, t, p) {
      const linked = withTask(s, t, { ...task(s, t), vma: { ...task(s, t).vma!, linked: true } });
      const change = (linkOf(d, s, p, t) as Enter).change;
      return change === undefined ? linked : change(linked, t);
    },
    label: (s, t) => `MmapLink(${t}): vma of ${task(s, t).vma!.file} in i_mmap`,
    actor: (_s, t) => t,
  });

export const Munmap = defineAction<State, RevokeParams, TaskId>({
  name: 'Munmap',
  doc: "Task t unmaps its mapping (do_munmap): the VMA's reference is put.",
  params: (_s, p) => actors(p),
  pick: 't',
  enabled: (s, t) => canAct(s, t) && task(s, t).vma !== null,
  next: (s, t) => putFile(withTask(s, t, { ...task(s, t), vma: null }), task(s, t).vma!.file),
  label: (s, t) => `Munmap(${t}): ${task(s, t).vma!.file}`,
  actor: (_s, t) => t,
});

export const Fault = (d: Installed) =>
  defineAction<State, RevokeParams, TaskId>({
    name: 'Fault',
    doc: "Task t touches its mapping where no PTE is: the fault handler (through the design's `fault` point) finds the page; the core installs the PTE next.",
    params: (_s, p) => actors(p),
    pick: 't',
    enabled(s, t, p) {
      const vma = task(s, t).vma;
      return vma !== null && canAct(s, t) && !vma.pte && faultPasses(d, s, p, vma);
    },
    next: (s, t) => withTask(s, t, { ...task(s, t), vma: { ...task(s, t).vma!, faulting: true } }),
    label: (s, t) => `Fault(${t}, mapping of ${task(s, t).vma!.file}): handler found the page`,
    actor: (_s, t) => t,
  });

export const FaultInstall = defineAction<State, RevokeParams, TaskId>({
  name: 'FaultInstall',
  doc: "Task t's fault installs the PTE (finish_fault) and returns to user space, whatever a teardown did since the handler ran.",
  params: (_s, p) => actors(p),
  pick: 't',
  enabled: (s, t) => task(s, t).vma !== null && task(s, t).vma!.faulting,
  next: (s, t) => withTask(s, t, { ...task(s, t), vma: { ...task(s, t).vma!, pte: true, faulting: false } }),
  label: (s, t) => `FaultInstall(${t}): PTE for ${task(s, t).vma!.file}`,
  actor: (_s, t) => t,
});

export const Touch = (d: Installed) =>
  defineAction<State, RevokeParams, TaskId>({
    name: 'Touch',
    doc: "Task t touches its mapping after revoke returned: a present PTE reaches the inode's pages; with none, a refusing handler raises SIGBUS.",
    params: (_s, p) => actors(p),
    pick: 't',
    enabled(s, t, p) {
      const vma = task(s, t).vma;
      return returnedZero(s) && vma !== null && canAct(s, t) && (vma.pte || !faultPasses(d, s, p, vma));
    },
    next: (s) => s,
    label(s, t) {
      const vma = task(s, t).vma!;
      return `Touch(${t}, mapping of ${vma.file}): ${vma.pte ? `reaches ${inodeOf(s, vma.file)} through its PTE` : 'SIGBUS'}`;
    },
    actor: (_s, t) => t,
  });
