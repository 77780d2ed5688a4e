// drm-unplug: DRM's hot-unplug (drivers/gpu/drm/drm_drv.c drm_dev_enter, drm_dev_exit,
// drm_dev_unplug; drm_ioctl.c drm_ioctl_kernel; drm_gem.c drm_gem_mmap; TTM's ttm_bo_vm_fault and
// ttm_bo_vm_dummy_page), of the family active-refs.ts names. A row of its own since promises are
// judged per operation: judged on the data calls it promises, it differs from kernfs, whose f_op
// calls all take an active reference, where DRM's drm_read and the core's ioctl checks do not.
// The model counts drm_read as device access (its `read` reaches I): drm_read copies events off
// the file's own queue, which the device filled, so a red cell through `read` alone says that a
// read after unplug still returns, not that it touches the hardware.
//
// The revoker (drm_dev_unplug): dev->unplugged = true; synchronize_srcu(&drm_unplug_srcu), which
// waits for every drm_dev_enter section begun before it; drm_dev_unregister; then
// unmap_mapping_range(dev->anon_inode->i_mapping, 0, 0, 1), zapping every linked BO mapping.
// Callers: only what a driver wraps in drm_dev_enter/exit is in a section. The core's checks are
// not: drm_ioctl and drm_ioctl_kernel test drm_dev_is_unplugged and then run the handler outside
// any section (its own inner sections, around the hardware, are the driver's), drm_gem_mmap tests
// it before ->mmap, and drm_read (the event queue) and the inode-level calls test nothing. DRM
// has no ->write (EINVAL). A TTM fault runs its handler and the PTE insert inside drm_dev_enter,
// and maps a dummy page once it fails: a fault past the handler holds the section until its PTE
// is in, so the synchronize waits for it and the unmap takes the PTE.
// Struct files are never released by the unplug: they stay open, dead to the wrapped paths.
// The inode-level calls (fchmod, fsetxattr, fstat on the device node) meet no check: fsetxattr is
// answered and judged as fchmod in every state, so fchmod stands for it; fstat, which needs no
// ownership, is enumerated apart. Nothing in DRM's use changes the node's owner (holderOwns).
// Left out: drm_unplug_srcu is one SRCU for every DRM device (another device's long section
// delays this unplug, which no guarantee reads); open after unplug (drm_open's check is not
// read here, and the caller's chmod blocks later opens anyway).
// A signal to the revoker (the `revokerSignal` bound) ends none of its waits:
// synchronize_srcu(&drm_unplug_srcu) is uninterruptible (__synchronize_srcu: wait_for_completion).
import { ENTER, type Design, type Holder, type State, fail, inodeLevel } from '../api/designApi.ts';
import { revokeReturn, revokerStep, unmap } from '../kernel/revokerSteps.ts';
import { inodeOf, withIDead } from '../kernel/state.ts';

const unplugged = (s: State): boolean => s.inodes.I!.dead;

/** The drm_dev_enter sections synchronize_srcu waits for: a TTM fault past its handler, until its PTE is in. */
function faultsInSection(s: State): Holder[] {
  return Object.keys(s.tasks)
    .sort()
    .filter((t) => {
      const vma = s.tasks[t]!.vma;
      return vma !== null && vma.faulting && inodeOf(s, vma.file) === 'I';
    })
    .map((t) => ({ task: t, through: 'mmap' }));
}

const markUnplugged = revokerStep({
  name: 'RevokeMarkDead',
  doc: 'The revoker (drm_dev_unplug) sets dev->unplugged: every later drm_dev_enter, and the core checks, fail.',
  kernel: 'drm_dev_unplug: dev->unplugged = true',
  from: 'idle',
  to: 'deactivated',
  next: withIDead,
  label: () => 'RevokeMarkDead(I): dev->unplugged = true',
});

const synchronizeSrcu = revokerStep({
  name: 'RevokeDrain',
  doc: 'The revoker waits in synchronize_srcu(&drm_unplug_srcu) until no drm_dev_enter section begun before it is open: enabled only then.',
  kernel: 'synchronize_srcu(&drm_unplug_srcu)',
  from: 'deactivated',
  to: 'drained',
  waitsFor: { holds: 'a drm_dev_enter section', holders: faultsInSection },
  next: (s) => s,
  label: () => 'RevokeDrain(I): synchronize_srcu, no section left',
});

export const drmUnplug: Design = {
  name: 'drm-unplug',
  callKinds: ['read', 'write', 'pread', 'fchmod', 'fstat'],
  on: {
    begin: {
      kernel: 'fdget, drm_ioctl: drm_dev_is_unplugged',
      // drm_read and the inode-level calls test nothing; DRM has no ->write; drm_ioctl's check is
      // outside any section.
      hook: (s, _p, op) => (inodeLevel(op.kind) || op.kind === 'read' ? ENTER : op.kind === 'write' ? fail('EINVAL') : unplugged(s) ? fail('ENODEV') : ENTER),
    },
    // drm_gem_mmap's check, outside any section.
    mmap: (s) => (unplugged(s) ? fail('ENODEV') : ENTER),
    // ttm_bo_vm_fault: drm_dev_enter fails, the dummy page is mapped.
    fault: {
      kernel: { Fault: 'ttm_bo_vm_fault: drm_dev_enter', FaultInstall: 'ttm_bo_vm_fault_reserved: vmf_insert_pfn, drm_dev_exit' },
      hook: (s) => (unplugged(s) ? fail('SIGBUS') : ENTER),
    },
  },
  // What unplug promises: the driver's wrapped f_op paths and the BO mappings. Inode-level calls
  // and an open are not its business (drm_open's check is not read here).
  promises: {
    stops: {
      data: 'drm_drv.c drm_dev_unplug: "This unplugs a hotpluggable DRM device, which makes it inaccessible to userspace operations."',
      mapping: 'drm_dev_unplug: unmap_mapping_range(dev->anon_inode->i_mapping, 0, 0, 1)',
    },
  },
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'violated 4',
    'no-mapping-after-revoke': 'violated 5',
    'no-inode-access-after-return': 'violated 5',
    'writes-complete-reads-abort': 'violated 5',
    'no-live-file-anywhere': 'violated 4',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'violated 1',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },

  steps: [
    markUnplugged,
    synchronizeSrcu,
    unmap({
      doc: "The revoker unmap_mapping_range's the device's anon inode mapping: every linked BO mapping's PTEs go.",
      kernel: 'unmap_mapping_range(dev->anon_inode->i_mapping)',
      from: 'drained',
      how: 'ptes',
      select: (s, _t, vma) => inodeOf(s, vma.file) === 'I',
    }),
    revokeReturn({ kernel: 'drm_dev_unplug returns', from: 'unmapped' }),
  ],
};
