// c-revocable: the C "revocable" resource management merged as 62eb557580eb
// (drivers/base/revocable.c, include/linux/revocable.h), as its first consumers used it: one
// consumer handle per open file, kept in filp->private_data; reverted in 2026 (Hovold,
// "revocable: revert" v2 3/3, 21bab791346e).
//
// The provider holds the resource pointer under an SRCU domain (kernel/srcu.ts): both are this
// design's own state. A user's f_op
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
import { ENTER, type Design, type Holder, type Srcu, type SrcuIdx, type State, enter, fail, inodeLevel } from '../api/designApi.ts';
import { ownState } from '../kernel/designApi.ts';
import { revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { SRCU_IDLE, srcuDrained, srcuFlip, srcuLayout, srcuOther, srcuReadLock, srcuReadUnlock } from '../kernel/srcu.ts';
import { bool, record, task, withTask } from '../kernel/state.ts';

/** The provider: `gone` once res is NULL (every later try_access gets NULL), and its SRCU domain. */
const provider = ownState<{ readonly gone: boolean; readonly srcu: Srcu }>({
  layout: (p) => record({ gone: bool, srcu: srcuLayout(p) }),
  init: () => ({ gone: false, srcu: SRCU_IDLE }),
});
const srcuOf = (s: State): Srcu => provider.get(s).srcu;
const withSrcu = (s: State, srcu: Srcu): State => provider.set(s, { ...provider.get(s), srcu });

/**
 * Whom synchronize_srcu waits for on index i: a reader is counted there while a method is inside
 * its section (every call in progress on I is), or a count no method holds (an unlock handed the
 * wrong index left it behind).
 */
function readersOn(s: State, i: SrcuIdx): Holder[] {
  if (srcuDrained(srcuOf(s), i)) return [];
  const inside: Holder[] = Object.keys(s.tasks)
    .sort()
    .filter((t) => s.tasks[t]!.call?.inode === 'I')
    .map((t) => ({ task: t, through: 'call' }));
  return inside.length > 0 ? inside : [{ stray: `a reader count of ${srcuOf(s).readers[i]} on SRCU index ${i}` }];
}

const assignNull = revokerStep({
  name: 'RevokeAssignNull',
  doc: 'The revoker (revocable_provider_revoke) sets the resource pointer to NULL (rcu_assign_pointer): later try_access calls get NULL.',
  kernel: 'revocable_provider_revoke: rcu_assign_pointer(res, NULL)',
  from: 'idle',
  to: 'nulled',
  next: (s) => provider.set(s, { ...provider.get(s), gone: true }),
  label: () => 'RevokeAssignNull: res = NULL',
});

const flip = revokerStep({
  name: 'RevokeSrcuFlip',
  doc: "The revoker's synchronize_srcu waits until no reader is counted on the other index (SCAN1), then flips the index new readers count on.",
  kernel: 'synchronize_srcu: SCAN1, srcu_flip',
  from: 'nulled',
  to: 'flipped',
  waitsFor: { holds: 'an SRCU read-side section', holders: (s) => readersOn(s, srcuOther(srcuOf(s))) },
  next: (s) => withSrcu(s, srcuFlip(srcuOf(s))),
  label: (s) => `RevokeSrcuFlip: index ${srcuOther(srcuOf(s))} drained, readers now count on ${srcuOther(srcuOf(s))}`,
});

const drain = revokerStep({
  name: 'RevokeSrcuDrain',
  doc: "The revoker's synchronize_srcu waits until no reader is counted on the index that was current (SCAN2): enabled only then.",
  kernel: 'synchronize_srcu: SCAN2',
  from: 'flipped',
  to: 'synchronized',
  waitsFor: { holds: 'an SRCU read-side section', holders: (s) => readersOn(s, srcuOther(srcuOf(s))) },
  next: (s) => s,
  label: (s) => `RevokeSrcuDrain: index ${srcuOther(srcuOf(s))} drained`,
});

/** revocable_withdraw_access: srcu_read_unlock(rev->idx) through the call's file's handle. */
const withdraw = (s: State, t: string): State => withSrcu(s, srcuReadUnlock(srcuOf(s), task(s, t).call!.file));

export const cRevocable: Design = {
  name: 'c-revocable',
  // An inode-level call (fchmod, fsetxattr, fstat on the device node) never reaches the resource, and
  // takes no SRCU section: not enumerated.
  state: provider,
  promises: {
    stops: {
      data: 'drivers/base/revocable.c: "any access granted is valid for the duration of its use"; revocable_provider_revoke waits "for all current readers to finish"',
    },
    guarantees: ['no-inode-access-after-return', 'no-use-after-free', 'refcounts-balance', 'revoke-returns'],
  },
  on: {
    begin: {
      kernel: 'fdget, revocable_try_access (rev->idx = srcu_read_lock)',
      // Every f_op method enters the SRCU section, and only then learns whether the resource is there.
      hook: (_s, _p, op) =>
        inodeLevel(op.kind)
          ? ENTER
          : enter({
              change(s, t) {
                const call = task(s, t).call!;
                const locked = withSrcu(s, srcuReadLock(srcuOf(s), call.file));
                // NULL from srcu_dereference: the method will fail, but still withdraws.
                return provider.get(s).gone ? withTask(locked, t, { ...task(locked, t), call: { ...call, loadedOps: 'revoked' } }) : locked;
              },
            }),
    },
    // A method that got the resource uses it until it withdraws; one that got NULL fails (-ENODEV).
    end: {
      kernel: 'revocable_withdraw_access (srcu_read_unlock(rev->idx)), fdput',
      hook: (_s, _p, op) => (op.call.loadedOps === 'live' ? enter({ change: withdraw }) : fail('ENODEV', { change: withdraw })),
    },
    // The driver has no ->mmap.
    mmap: () => fail('ENODEV'),
  },
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
  steps: [assignNull, flip, drain, revokeReturn({ kernel: 'kref_put, revocable_provider_revoke returns', from: 'synchronized' })],
};
