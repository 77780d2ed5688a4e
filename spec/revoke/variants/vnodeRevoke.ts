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
// - fchmod and the other inode-level calls are VOP_SETATTR under the vnode lock: they wait on a
//   doomed vnode and fail EBADF on a dead one.
// - A device mapping is a cdev pager object whose handle is the cdev, not the vnode:
//   vnode_destroy_vobject returns at once for it, and vgone tears down no page table. Existing
//   mappings keep their PTEs, and a fault still reaches the driver's d_mmap.
// selfRevoke: the revoker holds the vnode lock itself and the drain waits for it (G5's business).
import { drainStep, revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { type State, setPc, withIDead, withInode } from '../kernel/state.ts';
import { ENTER, type Variant, fail } from '../kernel/variant.ts';

const inode = (s: State) => s.inodes.I!;

const doom = revokerStep({
  name: 'RevokeDoom',
  doc: 'The revoker marks the vnode doomed (VI_DOOMED): new lockers sleep.',
  enabled: (s) => s.revoker.pc === 'idle',
  next: (s) => setPc(withInode(s, 'I', { ...inode(s), doomed: true }), 'doomed'),
  label: () => 'RevokeDoom(I): new lockers wait',
});

const drain = drainStep({
  name: 'RevokeDrain',
  doc: 'The revoker takes the vnode lock exclusively: enabled once no caller holds it (callers inside d_read do not).',
  holds: 'the vnode lock',
  waiting: (s) => s.revoker.pc === 'doomed',
  next: (s) => setPc(s, 'locked'),
  label: () => 'RevokeDrain(I): vnode lock taken, no holder left',
});

const vgone = revokerStep({
  name: 'RevokeVgone',
  doc: 'The revoker (vgonel) reclaims the vnode (v_rdev = NULL) and sets v_op = dead_vnodeops.',
  enabled: (s) => s.revoker.pc === 'locked',
  next: (s) => setPc(withIDead(s), 'vgone'),
  label: () => 'RevokeVgone(I): v_rdev = NULL, v_op -> deadfs',
});

export const vnodeRevoke: Variant = {
  name: 'vnode-revoke',
  callKinds: ['read', 'write', 'fchmod'],
  gate(s, _p, _file, kind) {
    const { dead, doomed } = inode(s);
    if (kind === 'fchmod' || kind === 'open') {
      // VOP_SETATTR, VOP_OPEN: under the vnode lock.
      if (dead) return fail(kind === 'open' ? 'ENXIO' : 'EBADF');
      return doomed ? 'wait' : { enter: true, holds: true };
    }
    // devfs_read_f, devfs_write_f, devfs_ioctl_f, devfs_mmap_f: dev_refthread, no vnode lock.
    if (dead) return fail(kind === 'mmap' ? 'ENXIO' : 'EIO');
    return ENTER;
  },
  callReaches: () => true,
  faultReaches: () => true,
  cut: (s) => inode(s).dead,
  tasklistHeld: () => false,
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
  kernel: {
    RevokeDoom: 'VOP_REVOKE -> vgone: VI_DOOMED',
    RevokeDrain: 'vgonel: vn_lock(LK_EXCLUSIVE)',
    RevokeVgone: 'vgonel: VOP_RECLAIM, v_op = dead_vnodeops',
    RevokeReturn: 'sys_revoke returns 0',
    SyscallBegin: 'fdget: devfs_fp_check, or vn_lock for VOP_SETATTR',
  },
  drain: drain.drain,
  steps: [doom, drain.step, vgone, revokeReturn((s) => s.revoker.pc === 'vgone')],
};
