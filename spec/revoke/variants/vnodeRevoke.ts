// vnode-revoke: BSD revoke(2): VOP_REVOKE -> vgone (FreeBSD vgonel, OpenBSD vclean).
//
// The revoker marks the vnode doomed (VI_DOOMED / VXLOCK: new lockers sleep), takes the vnode
// lock exclusively (LK_DRAIN: waits until every holder has left), flushes and reclaims, and sets
// v_op = dead_vnodeops. The struct files are not touched: every holder of one (tables, messages,
// calls, mappings) reaches the same vnode, whose operations are now dead: read and write fail
// EIO, fchmod (setattr) and mmap EBADF (deadfs). A call holds the vnode lock from fdget to return.
// Modelling assumption (the sources leave it open): a fault on an existing mapping goes through
// the dead vnode and raises SIGBUS, so there is no separate unmap step.
// selfRevoke: the revoker holds the vnode lock itself and LK_DRAIN waits for it (G5's business).
import { revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { type State, setPc, withInode } from '../kernel/state.ts';
import { type Variant, fail, gateHeld } from '../kernel/variant.ts';

const inode = (s: State) => s.inodes.I!;

const doom = revokerStep({
  name: 'RevokeDoom',
  doc: 'The revoker marks the vnode doomed (VI_DOOMED): new lockers sleep.',
  enabled: (s) => s.revoker.pc === 'idle',
  next: (s) => setPc(withInode(s, 'I', { ...inode(s), doomed: true }), 'doomed'),
  label: () => 'RevokeDoom(I): new lockers wait',
});

const drain = revokerStep({
  name: 'RevokeDrain',
  doc: 'The revoker takes the vnode lock exclusively (LK_DRAIN): enabled once no call holds it.',
  enabled: (s) => s.revoker.pc === 'doomed' && !gateHeld(s),
  next: (s) => setPc(s, 'locked'),
  label: () => 'RevokeDrain(I): vnode lock taken, no holder left',
});

const vgone = revokerStep({
  name: 'RevokeVgone',
  doc: 'The revoker (vgonel) flushes, closes and reclaims the vnode and sets v_op = dead_vnodeops.',
  enabled: (s) => s.revoker.pc === 'locked',
  next: (s) => setPc(withInode(s, 'I', { ...inode(s), dead: true }), 'vgone'),
  label: () => 'RevokeVgone(I): v_op -> deadfs',
});

export const vnodeRevoke: Variant = {
  name: 'vnode-revoke',
  gate(s, _p, _file, kind) {
    if (inode(s).dead) return fail(kind === 'read' || kind === 'write' ? 'EIO' : 'EBADF');
    if (inode(s).doomed) return 'wait';
    return { enter: true, holds: kind !== 'mmap' };
  },
  callReaches: () => true,
  faultReaches: (s, _p, vma) => !vma.zapped && !inode(s).dead,
  cut: (s) => inode(s).dead,
  tasklistHeld: () => false,
  steps: [doom, drain, vgone, revokeReturn((s) => s.revoker.pc === 'vgone')],
};
