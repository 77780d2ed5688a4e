// vnode-revoke: BSD revoke(2), as FreeBSD does it for a character device: sys_revoke refuses
// anything but VCHR (EINVAL; OpenBSD today accepts ttys only), then VOP_REVOKE -> devfs_revoke ->
// vgone/vgonel on every vnode of the cdev.
//
// The revoker marks the vnode doomed (VI_DOOMED: new lockers sleep), takes the vnode lock
// exclusively (waits until every holder has left), reclaims (devfs_reclaim_vchr: v_rdev = NULL)
// and sets v_op = dead_vnodeops. The struct files are not touched: every holder of one (tables,
// messages, calls, mappings) reaches the same vnode.
// What the device path does that a vnode lock model would hide (sys/fs/devfs/devfs_vnops.c):
// - read, write, ioctl go devfs_read_f -> devfs_fp_check (dev_refthread: si_threadcount++) ->
//   the driver's d_read, never taking the vnode lock. vgone waits for lock holders only, and
//   nothing in revoke waits for si_threadcount (destroy_dev does, revoke does not): a read already
//   in the driver carries on after revoke returns. OpenBSD's spec_read drops the vnode lock
//   around d_read, so vclean's LK_DRAIN misses it the same way.
// - After vgone, devfs_fp_check fails (v_rdev is NULL) and the call falls back to vn_read, whose
//   VOP_READ is deadfs's: EIO (0 for a tty). mmap (devfs_mmap_f) fails the same check.
// - fchmod and the other inode-level calls take the vnode lock: fchmod/fchown are VOP_SETATTR,
//   fstat is vn_statfile's VOP_STAT -> VOP_GETATTR, extattr_set_fd (fsetxattr's analogue)
//   VOP_SETEXTATTR. They wait on a doomed vnode and fail on a dead one (dead_vnodeops: setattr and
//   getattr EBADF; the model says EBADF for setextattr too, which deadfs leaves to the default
//   vector: a failure either way). devfs_setattr refuses a non-owner's chmod (EPERM), and getty
//   chowns the tty to root before it revokes (`chown(ttyn, 0, 0); chmod(ttyn, 0600);
//   revoke(ttyn)`, libexec/getty/main.c): the holders own I no longer (holderOwns). fsetxattr is
//   answered and judged as fchmod in every state, so fchmod stands for it; fstat needs no
//   ownership and is enumerated apart.
// - A device mapping is a cdev pager object whose handle is the cdev, not the vnode:
//   vnode_destroy_vobject returns at once for it, and vgone tears down no page table. Existing
//   mappings keep their PTEs, and a fault still reaches the driver's d_mmap.
// selfRevoke: the revoker holds the vnode lock itself and the drain waits for it (G5's business).
// A signal to the revoker (the `revokerSignal` bound) ends none of its waits: vgonel's
// vn_lock(LK_EXCLUSIVE) sleeps in lockmgr without PCATCH, so no signal ends it.
import { ENTER, type Design, enter, fail, inodeLevel } from '../api/designApi.ts';
import { ownState } from '../kernel/designApi.ts';
import { gateHolders } from '../kernel/gate.ts';
import { revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { type State, bool, record, withIDead } from '../kernel/state.ts';

/** The vnode's VI_DOOMED flag: set, new lockers sleep. */
const vnode = ownState({ layout: () => record({ doomed: bool }), init: () => ({ doomed: false }) });
const doomed = (s: State): boolean => vnode.get(s).doomed;
const dead = (s: State): boolean => s.inodes.I!.dead;

const doom = revokerStep({
  name: 'RevokeDoom',
  doc: 'The revoker marks the vnode doomed (VI_DOOMED): new lockers sleep.',
  kernel: 'VOP_REVOKE -> vgone: VI_DOOMED',
  from: 'idle',
  to: 'doomed',
  next: (s) => vnode.set(s, { doomed: true }),
  label: () => 'RevokeDoom(I): new lockers wait',
});

const drain = revokerStep({
  name: 'RevokeDrain',
  doc: 'The revoker takes the vnode lock exclusively: enabled once no caller holds it (callers inside d_read do not).',
  kernel: 'vgonel: vn_lock(LK_EXCLUSIVE)',
  from: 'doomed',
  to: 'locked',
  waitsFor: { holds: 'the vnode lock', holders: (s) => gateHolders(s) },
  next: (s) => s,
  label: () => 'RevokeDrain(I): vnode lock taken, no holder left',
});

const vgone = revokerStep({
  name: 'RevokeVgone',
  doc: 'The revoker (vgonel) reclaims the vnode (v_rdev = NULL) and sets v_op = dead_vnodeops.',
  kernel: 'vgonel: VOP_RECLAIM, v_op = dead_vnodeops',
  from: 'locked',
  to: 'vgone',
  next: withIDead,
  label: () => 'RevokeVgone(I): v_rdev = NULL, v_op -> deadfs',
});

export const vnodeRevoke: Design = {
  name: 'vnode-revoke',
  callKinds: ['read', 'write', 'fchmod', 'fstat'],
  holderOwns: false,
  state: vnode,
  on: {
    begin: {
      kernel: 'fdget: devfs_fp_check, or vn_lock for VOP_SETATTR, VOP_STAT',
      hook(s, _p, op) {
        // VOP_SETATTR, VOP_GETATTR, VOP_SETEXTATTR: under the vnode lock.
        if (inodeLevel(op.kind)) return dead(s) ? fail('EBADF') : doomed(s) ? 'wait' : enter({ holds: true });
        // devfs_read_f, devfs_write_f, devfs_ioctl_f: dev_refthread, no vnode lock.
        return dead(s) ? fail('EIO') : ENTER;
      },
    },
    // devfs_mmap_f: devfs_fp_check fails once v_rdev is NULL.
    mmap: (s) => (dead(s) ? fail('ENXIO') : ENTER),
    // VOP_OPEN, under the vnode lock.
    open: (s) => (dead(s) ? fail('ENXIO') : doomed(s) ? 'wait' : ENTER),
    // vgonel closes an active vnode itself (VOP_CLOSE: the driver's d_close) before v_op becomes
    // dead_vnodeops; a later last close reaches deadfs's, not the driver.
    release: (s) => !dead(s),
  },
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'holds',
    'no-mapping-after-revoke': 'violated 5',
    'no-inode-access-after-return': 'violated 5',
    'writes-complete-reads-abort': 'violated 5',
    'no-live-file-anywhere': 'holds',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'holds',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [doom, drain, vgone, revokeReturn({ kernel: 'sys_revoke returns 0', from: 'vgone' })],
};
