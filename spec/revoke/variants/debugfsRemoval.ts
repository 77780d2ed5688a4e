// debugfs-removal: the removal of a debugfs file Linux ships (fs/debugfs/file.c
// __debugfs_file_get, debugfs_file_put, debugfs_enter_cancellation, debugfs_leave_cancellation,
// full_proxy_* and debugfs_full_proxy_file_operations, open_proxy_open; fs/debugfs/inode.c
// debugfs_remove -> simple_recursive_removal -> remove_one -> __debugfs_file_removed,
// debugfs_setattr; fs/libfs.c simple_recursive_removal; read in gregkh/linux of the
// debugfs_short_fops era). Inode I is a file made with debugfs_create_file (the full proxy) whose
// handlers wait for the device with a cancellation registered, as net/wireless/debugfs.c's
// wiphy_locked_debugfs_read/write do (their ->cancel() cancels the work and completes the wait;
// the handler then returns its .ret, -ENODEV).
//
// Callers: every proxied f_op (full_proxy_read, _write, _unlocked_ioctl, _poll, _llseek) calls
// debugfs_file_get (refcount_inc_not_zero(&fsd->active_users), -EIO once the dentry is unlinked
// or the count is zero), the real method, then debugfs_file_put (the last put completes
// active_users_drained). full_proxy_open_regular holds a reference across ->open only (-ENOENT
// after removal). debugfs_full_proxy_file_operations has no ->mmap: mmap fails -ENODEV. The
// inode's setattr is debugfs_setattr -> simple_setattr, outside any reference: fchmod after
// removal succeeds. full_proxy_release calls the real ->release unconditionally: "We must not
// protect this against removal races here: the original releaser should be called
// unconditionally in order not to leak any resources."
// The revoker (debugfs_remove): simple_recursive_removal d_invalidate's the dentry (d_unlinked:
// debugfs_file_get fails from now on) and calls remove_one -> __debugfs_file_removed: drop the
// initial reference; while active_users is not zero, run ->cancel() for every cancellation on
// fsd->cancellations, then wait_for_completion(&fsd->active_users_drained). Then it returns.
// The model: d_unlinked and the dropped initial reference are the inode's dead flag (one step:
// file_get tests d_unlinked first); a call holds the gate from file_get to file_put; every call
// holding it is inside its cancellation section (the handlers this row reads), so the cancel
// step cancels each (it returns ENODEV as it ends, and ends even if it was blocked); the wait is
// the drain. The loop's later rounds, for a handler that registers its cancellation after the
// remover looked (debugfs_enter_cancellation completes the wait to wake it), are the cancel
// step staying enabled while an uncancelled holder is left.
// Left out, and why that is sound:
// - fsetxattr: debugfs inodes have no xattr handlers, so it fails -EOPNOTSUPP (an errno the model
//   lacks); it is answered as fchmod, an inode-level call outside the gate, which is unpromised here
//   and gets through already, so no cell depends on it. fstat (simple/proc getattr, no gate) is
//   enumerated apart, as active-refs does.
// - The unsafe open proxy (debugfs_create_file_unsafe, DEFINE_DEBUGFS_ATTRIBUTE users):
//   open_proxy_open holds a reference across ->open only and replace_fops installs the real
//   fops, so read, write, ioctl and ->mmap are protected only where the real fops call
//   debugfs_file_get themselves (debugfs_attr_read/write do; plain fops do not). Such a file is
//   another row: its data calls and mappings would reach the driver after removal (G3, G2, G1).
// - A handler with no cancellation: the remover waits for it as active-refs' drain does (G5
//   under stuckCaller is then violated, as for active-refs; with the cancellation it holds).
// - debugfs_short_fops (debugfs_create_file_short): the same proxy without ioctl and poll.
// - The lockdep map and fsd's lazy allocation (cmpxchg of d_fsdata): no guarantee reads them.
// A signal to the revoker (the `revokerSignal` bound) ends none of its waits:
// __debugfs_file_removed sleeps in wait_for_completion(&fsd->active_users_drained), uninterruptible
// (not wait_for_completion_killable).
import { ENTER, type Design, type Holder, type State, enter, fail, inodeLevel } from '../api/designApi.ts';
import { gateHolders } from '../kernel/gate.ts';
import { revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { withCallCancelled, withIDead } from '../kernel/state.ts';

/** The dentry is unlinked and the initial reference dropped: debugfs_file_get fails. */
const removed = (s: State): boolean => s.inodes.I!.dead;

/** The calls inside a cancellation section that ->cancel() has not reached yet: every holder of an active_users reference. */
function uncancelled(s: State): string[] {
  return gateHolders(s).flatMap((h: Holder) => (typeof h === 'object' && 'task' in h && s.tasks[h.task]!.call!.cancelled === null ? [h.task] : []));
}

const unlink = revokerStep({
  name: 'RevokeUnlink',
  doc: 'The revoker (simple_recursive_removal) d_invalidates the dentry and drops the initial active_users reference: every later debugfs_file_get fails -EIO.',
  kernel: 'simple_recursive_removal: d_invalidate; __debugfs_file_removed: refcount_dec_and_test',
  from: 'idle',
  to: 'unlinked',
  next: withIDead,
  label: () => 'RevokeUnlink(I): d_unlinked, initial reference dropped',
});

const cancel = revokerStep({
  name: 'RevokeCancel',
  doc: 'The revoker runs ->cancel() for every cancellation on fsd->cancellations: each handler inside one returns early (-ENODEV), still holding its reference until debugfs_file_put.',
  kernel: '__debugfs_file_removed: c->cancel(dentry, c->cancel_data)',
  from: 'unlinked',
  enabled: (s) => uncancelled(s).length > 0,
  next: (s) => uncancelled(s).reduce((next, t) => withCallCancelled(next, t, 'ENODEV'), s),
  label: (s) => `RevokeCancel: ->cancel() for ${uncancelled(s).join(', ')}'s call`,
});

const drain = revokerStep({
  name: 'RevokeDrain',
  doc: 'The revoker waits (wait_for_completion(&fsd->active_users_drained)) until active_users is zero: enabled only then.',
  kernel: '__debugfs_file_removed: wait_for_completion(&fsd->active_users_drained)',
  from: 'unlinked',
  to: 'drained',
  waitsFor: { holds: 'an active_users reference', holders: (s) => gateHolders(s) },
  next: (s) => s,
  label: () => 'RevokeDrain(I): active_users drained',
});

export const debugfsRemoval: Design = {
  name: 'debugfs-removal',
  callKinds: ['read', 'write', 'fchmod', 'fstat'],
  on: {
    begin: {
      kernel: 'fdget, full_proxy_*: debugfs_file_get',
      // debugfs_setattr is simple_setattr, outside any reference; every proxied f_op holds one.
      hook: (s, _p, op) => (inodeLevel(op.kind) ? ENTER : removed(s) ? fail('EIO') : enter({ holds: true })),
    },
    end: { kernel: 'debugfs_leave_cancellation, debugfs_file_put, fdput' },
    // debugfs_full_proxy_file_operations has no ->mmap.
    mmap: () => fail('ENODEV'),
    // full_proxy_open_regular: __debugfs_file_get across ->open, -EIO turned -ENOENT.
    open: { kernel: { OpenFile: 'full_proxy_open_regular: __debugfs_file_get, real_fops->open' }, hook: (s) => (removed(s) ? fail('ENOENT') : ENTER) },
    // full_proxy_release: the real ->release, unconditionally.
    release: () => true,
  },
  // What debugfs_remove's authors promise: that no proxied call is still in the file's methods
  // once it returns, and that ->open is protected. The release is called unconditionally by
  // design; the inode's setattr is simple_setattr's; there are no mappings.
  promises: {
    stops: {
      data: 'fs/debugfs/file.c debugfs_file_get: "Up to a matching call to debugfs_file_put(), any successive call into the file removing functions debugfs_remove() and debugfs_remove_recursive() will block."',
      open: 'fs/debugfs/inode.c debugfs_create_file_unsafe: "->open() is still protected by debugfs though." (full_proxy_open_regular: -EIO turned -ENOENT)',
    },
  },
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'unpromised 3',
    'no-mapping-after-revoke': 'unpromised',
    'no-inode-access-after-return': 'unpromised 4',
    'writes-complete-reads-abort': 'unpromised 4',
    'no-live-file-anywhere': 'unpromised 3',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'unpromised 1',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [unlink, cancel, drain, revokeReturn({ kernel: 'debugfs_remove returns', from: 'drained' })],
};
