// c-revocable: the C "revocable" resource management merged as 62eb557580eb
// (drivers/base/revocable.c, include/linux/revocable.h), as its first consumers used it: one
// consumer handle per open file, kept in filp->private_data; reverted in 2026 (Hovold,
// "revocable: revert" v2 3/3, 21bab791346e).
//
// The provider holds the resource pointer under an SRCU domain (kernel/srcu.ts). A user's f_op
// method (read, write, ioctl) calls revocable_try_access(rev): rev->idx = srcu_read_lock(), then
// srcu_dereference(res), NULL once revoked; the method then fails (-ENODEV) or uses the
// resource, and always calls revocable_withdraw_access(rev): srcu_read_unlock(rev->idx). Readers
// may sleep. The revoker (revocable_provider_revoke): rcu_assign_pointer(res, NULL), then
// synchronize_srcu (the readers of the other index drain, the index flips, the readers of the
// old current index drain), then kref_put, and returns.
// The handle is one `struct revocable` per struct file, so two tasks calling through one struct
// file (a descriptor passed over SCM_RIGHTS, dup'ed across fork, or a thread) share rev->idx: the
// second lock overwrites the first's index, and the first unlock hands the wrong one back. Hovold's
// report: the SRCU section never ends and revoke hangs (G5). The fix (377563ce) makes the handle
// the caller's own (revocable_init on the caller's stack).
// What its authors claim ("any access granted is valid for the duration of its use"; revoke
// waits "for all current readers to finish"): G3, G5 and the model's sanity checks; nothing about
// descriptors, struct files or mappings (the others: "n/a: not claimed").
// Left out: the UAF of revocable_alloc after the final kref_put (no kref_get_unless_zero), and
// the fixed version's provider pointer copied by value; the driver has no ->mmap (ENODEV).
import { revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { srcuDrained, srcuFlip, srcuOther, srcuReadLock, srcuReadUnlock } from '../kernel/srcu.ts';
import { type State, setPc, task, withTask, withIDead } from '../kernel/state.ts';
import { ENTER, type Variant, fail } from '../kernel/variant.ts';

/** res is NULL: every later try_access gets NULL. */
const gone = (s: State): boolean => s.inodes.I!.dead;

const assignNull = revokerStep({
  name: 'RevokeAssignNull',
  doc: 'The revoker (revocable_provider_revoke) sets the resource pointer to NULL (rcu_assign_pointer): later try_access calls get NULL.',
  enabled: (s) => s.revoker.pc === 'idle',
  next: (s) => setPc(withIDead(s), 'nulled'),
  label: () => 'RevokeAssignNull: res = NULL',
});

const flip = revokerStep({
  name: 'RevokeSrcuFlip',
  doc: "The revoker's synchronize_srcu waits until no reader is counted on the other index (SCAN1), then flips the index new readers count on.",
  enabled: (s) => s.revoker.pc === 'nulled' && srcuDrained(s, srcuOther(s)),
  next: (s) => setPc(srcuFlip(s), 'flipped'),
  label: (s) => `RevokeSrcuFlip: index ${srcuOther(s)} drained, readers now count on ${srcuOther(s)}`,
});

const drain = revokerStep({
  name: 'RevokeSrcuDrain',
  doc: "The revoker's synchronize_srcu waits until no reader is counted on the index that was current (SCAN2): enabled only then.",
  enabled: (s) => s.revoker.pc === 'flipped' && srcuDrained(s, srcuOther(s)),
  next: (s) => setPc(s, 'synchronized'),
  label: (s) => `RevokeSrcuDrain: index ${srcuOther(s)} drained`,
});

export const cRevocable: Variant = {
  name: 'c-revocable',
  pcs: ['nulled', 'flipped', 'synchronized'],
  // An inode-level call (fchmod on the device node) never reaches the resource: not enumerated.
  callKinds: ['read', 'write'],
  showsSrcu: true,
  promises: {
    stops: {
      data: 'drivers/base/revocable.c: "any access granted is valid for the duration of its use"; revocable_provider_revoke waits "for all current readers to finish"',
    },
    guarantees: ['no-inode-access-after-return', 'no-use-after-free', 'refcounts-balance', 'revoke-returns'],
  },
  gate(_s, _p, _file, kind) {
    if (kind === 'mmap') return fail('ENODEV');
    // Every f_op method enters the SRCU section, and only then learns whether the resource is there.
    return ENTER;
  },
  enterCall(s, _p, t) {
    const call = task(s, t).call!;
    const locked = srcuReadLock(s, call.file);
    // NULL from srcu_dereference: the method will fail, but still withdraws.
    return gone(s) ? withTask(locked, t, { ...task(locked, t), call: { ...call, loadedOps: 'revoked' } }) : locked;
  },
  leaveCall: (s, _p, t) => srcuReadUnlock(s, task(s, t).call!.file),
  // A method that got the resource uses it until it withdraws; one that got NULL fails.
  callReaches: (_s, _p, call) => call.kind !== 'fchmod' && call.loadedOps === 'live',
  // The method got NULL from srcu_dereference.
  callErrno: () => 'ENODEV',
  faultReaches: () => false,
  cut: () => false,
  tasklistHeld: () => false,
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'n/a',
    'no-mapping-after-revoke': 'n/a',
    'no-inode-access-after-return': 'holds',
    'writes-complete-reads-abort': 'n/a',
    'no-live-file-anywhere': 'n/a',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'n/a',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'n/a',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'violated 9',
  },
  kernel: {
    RevokeAssignNull: 'revocable_provider_revoke: rcu_assign_pointer(res, NULL)',
    RevokeSrcuFlip: 'synchronize_srcu: SCAN1, srcu_flip',
    RevokeSrcuDrain: 'synchronize_srcu: SCAN2',
    RevokeReturn: 'kref_put, revocable_provider_revoke returns',
    SyscallBegin: 'fdget, revocable_try_access (rev->idx = srcu_read_lock)',
    SyscallEnd: 'revocable_withdraw_access (srcu_read_unlock(rev->idx)), fdput',
  },
  steps: [assignNull, flip, drain, revokeReturn((s) => s.revoker.pc === 'synchronized')],
};
