// active-refs: the Linux "active reference" family: kernfs (kernfs_get_active/kernfs_put_active,
// __kernfs_remove -> kernfs_drain -> kernfs_drain_open_files), debugfs_file_get/put, DRM's
// drm_dev_enter/exit + drm_dev_unplug.
//
// Every operation, mmap and fault first takes an active reference that fails once the node is
// deactivated (-ENODEV; kernfs_vma_fault returns VM_FAULT_SIGBUS). Revoke: deactivate (add
// KN_DEACTIVATED_BIAS: new gets fail), wait until the active count drains, unmap_mapping_range
// (even_cows), return. Struct files and fds survive, dead. A method that removes its own node
// must first kernfs_break_active_protection, or it waits for itself (`selfRevoke`,
// `breakActiveProtection`; liveness is G5's business).
import { revokeReturn, revokerStep, unmap } from '../kernel/revokerSteps.ts';
import { type State, inodeOf, setPc, withInode, withRevoker } from '../kernel/state.ts';
import { type Variant, fail, gateHeld } from '../kernel/variant.ts';

const dead = (s: State): boolean => s.inodes.I!.dead;

const markDead = revokerStep({
  name: 'RevokeMarkDead',
  doc: 'The revoker deactivates the node (KN_DEACTIVATED_BIAS): every later kernfs_get_active fails.',
  enabled: (s) => s.revoker.pc === 'idle',
  next: (s) => setPc(withInode(s, 'I', { ...s.inodes.I!, dead: true }), 'deactivated'),
  label: () => 'RevokeMarkDead(I): new active references fail',
});

const breakProtection = revokerStep({
  name: 'RevokeBreakActiveProtection',
  doc: 'The revoker, itself inside a method of the node, drops its own active reference (kernfs_break_active_protection).',
  enabled: (s, p) => p.breakActiveProtection && s.revoker.gate && s.revoker.pc !== 'done',
  next: (s) => withRevoker(s, { ...s.revoker, gate: false }),
  label: () => 'RevokeBreakActiveProtection: own active reference dropped',
});

const drain = revokerStep({
  name: 'RevokeDrain',
  doc: 'The revoker (kernfs_drain) waits until no active reference is held: enabled only then.',
  enabled: (s) => s.revoker.pc === 'deactivated' && !gateHeld(s),
  next: (s) => setPc(s, 'drained'),
  label: () => 'RevokeDrain(I): no active reference left',
});

export const activeRefs: Variant = {
  name: 'active-refs',
  gate: (s, _p, _file, kind) => (dead(s) ? fail('ENODEV') : { enter: true, holds: kind !== 'mmap' }),
  callReaches: () => true,
  faultReaches: (s, _p, vma) => !vma.zapped && !dead(s),
  cut: (s) => dead(s),
  tasklistHeld: () => false,
  steps: [
    markDead,
    breakProtection,
    drain,
    unmap({
      doc: "The revoker (kernfs_drain_open_files) unmap_mapping_range's the inode: the next fault goes through the gate and gets SIGBUS.",
      from: (s) => s.revoker.pc === 'drained',
      to: 'unmapped',
      how: 'zap',
      select: (s, _t, vma) => inodeOf(s, vma.file) === 'I',
    }),
    revokeReturn((s) => s.revoker.pc === 'unmapped'),
  ],
};
