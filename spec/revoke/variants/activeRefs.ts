// active-refs: the Linux "active reference" family: kernfs (kernfs_get_active/kernfs_put_active,
// __kernfs_remove -> kernfs_drain -> kernfs_drain_open_files), debugfs_file_get/put, DRM's
// drm_dev_enter/exit + drm_dev_unplug.
//
// Every f_op call, open (kernfs_fop_open), mmap (kernfs_fop_mmap, across ops->mmap) and fault
// (kernfs_vma_fault, around vm_ops->fault only) first takes an active reference that fails once
// the node is deactivated (-ENODEV; a fault gets VM_FAULT_SIGBUS). Revoke: deactivate (add
// KN_DEACTIVATED_BIAS: new gets fail), wait until the active count drains, then
// kernfs_drain_open_files: unmap_mapping_range(file_inode(file)->i_mapping, 0, 0, 1) for every
// open file that was mmapped, and return. Struct files and fds survive, dead.
// What the gate does not cover (fs/kernfs/inode.c, fs/sysfs/file.c, mm/vma.c):
// - kernfs_iop_setattr, kernfs_iop_getattr and the xattr handlers take no active reference:
//   fchmod, fchown, fsetxattr and fstat on an open file of a removed node still reach it. The
//   three kinds are enumerated as two: fsetxattr is answered as fchmod in every state (no gate,
//   the same ownership check) and judged as fchmod is (an inode-level change), so a run with one
//   maps onto a run with the other; fstat needs no ownership, so it is enumerated apart.
// - kernfs_fop_mmap drops the active reference when ops->mmap returns, before mmap_region links
//   the vma into i_mmap: a drain and unmap in between miss the vma, and PTEs ops->mmap mapped
//   (PCI resources: io_remap_pfn_range) stay.
// - The unmap walks the kernfs inode's own i_mapping, but a sysfs bin file with f_mapping (PCI
//   resource files: iomem_get_mapping) links its vmas into iomem's i_mmap (`iomemMapping`).
// - A fault past its handler installs its PTE after the active reference is dropped.
// A method that removes its own node must first kernfs_break_active_protection, or it waits for
// itself (`selfRevoke`, `breakActiveProtection`; liveness is G5's business).
// A signal to the revoker (the `revokerSignal` bound) ends none of its waits: kernfs_drain sleeps
// in wait_event(root->deactivate_waitq, ...), uninterruptible (not wait_event_interruptible).
import { ENTER, type Design, enter, fail, inodeLevel } from '../api/designApi.ts';
import { gateHolders } from '../kernel/gate.ts';
import { revokeReturn, revokerStep, unmap } from '../kernel/revokerSteps.ts';
import { type State, inodeOf, withRevoker, withIDead } from '../kernel/state.ts';

const dead = (s: State): boolean => s.inodes.I!.dead;
/** kernfs_drain_open_files has run (RevokeUnmap, then the return): every open file is released. */
const drainedOpenFiles = (s: State): boolean => s.revoker.pc === 'unmapped' || s.revoker.pc === 'done';

const markDead = revokerStep({
  name: 'RevokeMarkDead',
  doc: 'The revoker deactivates the node (KN_DEACTIVATED_BIAS): every later kernfs_get_active fails.',
  kernel: '__kernfs_remove: KN_DEACTIVATED_BIAS',
  from: 'idle',
  to: 'deactivated',
  next: withIDead,
  label: () => 'RevokeMarkDead(I): new active references fail',
});

const breakProtection = revokerStep({
  name: 'RevokeBreakActiveProtection',
  doc: 'The revoker, itself inside a method of the node, drops its own active reference (kernfs_break_active_protection).',
  kernel: 'kernfs_break_active_protection',
  enabled: (s, p) => p.breakActiveProtection && s.revoker.gate && s.revoker.pc !== 'done',
  next: (s) => withRevoker(s, { ...s.revoker, gate: false }),
  label: () => 'RevokeBreakActiveProtection: own active reference dropped',
});

const drain = revokerStep({
  name: 'RevokeDrain',
  doc: 'The revoker (kernfs_drain) waits until no active reference is held: enabled only then.',
  kernel: 'kernfs_drain',
  from: 'deactivated',
  to: 'drained',
  waitsFor: { holds: 'an active reference', holders: (s) => gateHolders(s) },
  next: (s) => s,
  label: () => 'RevokeDrain(I): no active reference left',
});

/** kernfs_get_active: fails once the node is deactivated. */
const activeRef = (s: State) => (dead(s) ? fail('ENODEV') : ENTER);

export const activeRefs: Design = {
  name: 'active-refs',
  callKinds: ['read', 'write', 'fchmod', 'fstat'],
  on: {
    begin: {
      kernel: 'fdget, kernfs_get_active',
      // kernfs_iop_setattr, _getattr and the xattr handlers take no active reference; an f_op call holds its one until it returns.
      hook: (s, _p, op) => (inodeLevel(op.kind) ? ENTER : dead(s) ? fail('ENODEV') : enter({ holds: true })),
    },
    end: { kernel: 'kernfs_put_active, fdput' },
    // kernfs_fop_mmap and kernfs_fop_open hold their active reference across their step only.
    mmap: activeRef,
    open: activeRef,
    // kernfs_vma_fault: the active reference fails, VM_FAULT_SIGBUS.
    fault: (s) => (dead(s) ? fail('SIGBUS') : ENTER),
    // kernfs_drain_open_files calls kernfs_release_file for every open file (of->released), and
    // kernfs_fop_release's later call finds it released: no ops->release after the drain.
    release: (s) => !drainedOpenFiles(s),
  },
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  // kernfs removal promises the node's users are gone: its f_op calls, opens, mappings and
  // faults (kernfs_drain_open_files unmaps, and releases what was opened). Its setattr is the
  // inode's and takes no active reference: not promised.
  promises: {
    stops: {
      data: 'fs/kernfs/dir.c kernfs_drain: "Drain existing usages and nuke all existing mmaps of @kn."',
      mapping: 'kernfs_drain: "nuke all existing mmaps" (kernfs_drain_open_files: unmap_mapping_range() for every open file that was mmapped)',
      open: 'kernfs_fop_open takes an active reference, which fails once the node is deactivated',
      release: 'kernfs_drain_open_files: kernfs_release_file() for every open file',
    },
  },
  expect: {
    'no-usable-descriptor': 'unpromised 4',
    'no-mapping-after-revoke': 'violated 5',
    'no-inode-access-after-return': 'unpromised 5',
    'writes-complete-reads-abort': 'unpromised 5',
    'no-live-file-anywhere': 'unpromised 4',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'unpromised 1',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [
    markDead,
    breakProtection,
    drain,
    unmap({
      doc: "The revoker (kernfs_drain_open_files) unmap_mapping_range's the kernfs inode's own i_mapping: the next fault goes through the gate and gets SIGBUS.",
      kernel: 'kernfs_drain_open_files: unmap_mapping_range',
      from: 'drained',
      how: 'ptes',
      select: (s, _t, vma, p) => inodeOf(s, vma.file) === 'I' && !p.iomemMapping,
    }),
    revokeReturn({ kernel: 'kernfs_remove returns', from: 'unmapped' }),
  ],
};
