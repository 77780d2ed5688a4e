// c-revocable: the C "revocable" resource management merged as 62eb557580eb
// (drivers/base/revocable.c, include/linux/revocable.h), as its first consumers used it: one
// consumer handle per open file, kept in filp->private_data; reverted in 2026 (Hovold,
// "revocable: revert" v2 3/3, 21bab791346e).
//
// The provider holds the resource pointer under an SRCU domain (kernel/srcu.ts): both are this
// design's own state. A user's f_op method (read, write, ioctl) calls revocable_try_access(rev):
// rev->idx = srcu_read_lock(), then srcu_dereference(res), NULL once revoked; the method then
// fails (-ENODEV) or uses the resource, and always calls revocable_withdraw_access(rev):
// srcu_read_unlock(rev->idx). Readers may sleep. The revoker (revocable_provider_revoke):
// rcu_assign_pointer(res, NULL), then synchronize_srcu (the readers of the other index drain, the
// index flips, the readers of the old current index drain), then kref_put, and returns.
// The handle is one `struct revocable` per struct file, so every task calling through one struct
// file (a descriptor passed over SCM_RIGHTS, dup'ed across fork, or a thread) shares rev->idx.
// The entry is the code's three steps, each preemptible after the last (nothing disables
// preemption in __srcu_read_lock or revocable_try_access): SyscallBegin fetches the index
// (READ_ONCE(ssp->srcu_idx)), a SyscallRecord counts the reader on it (this_cpu_inc), a second
// stores it in the shared rev->idx and dereferences res. A reader that fetched before the flip
// counts on the old index after it, and its store may overwrite an index a later reader stored:
// an unlock then hands back the wrong index, cancelling another reader's lock. Hovold's report
// is the hang (the old index never drains: G5); with three users of one struct file the sums can
// also balance while a reader that got the resource is inside (G3). The fix (377563ce) makes the
// handle the caller's own (revocable_init on the caller's stack).
// Abstract, and why that is sound: srcu_read_unlock (load rev->idx, then count the unlock) is one
// step: a drain that passes between the two passes as well when the whole unlock comes after it
// (it reads the same sums), and the unlocking call, in progress a little longer, is a holder the
// guarantees see; the per-CPU counters are one sum per index, and the drain reads them at once
// (srcu_readers_active_idx_check sums the unlocks before the locks, so a section that overlaps the
// scan reads as active); the memory order is sequential (the smp_mb in __srcu_read_lock orders the
// count before the dereference; the store to rev->idx and the load of res are not ordered with
// each other, which only a weak-memory model would show).
// What its authors claim ("any access granted is valid for the duration of its use"; revoke
// waits "for all current readers to finish"): G3, G5 and the model's sanity checks; nothing about
// descriptors, struct files or mappings (the others: "n/a: not claimed").
// synchronize_srcu's wait is __synchronize_srcu's wait_for_completion, which no signal ends.
// Left out: the UAF of revocable_alloc after the final kref_put (no kref_get_unless_zero), and
// the fixed version's provider pointer copied by value; the driver has no ->mmap (ENODEV); a
// second revoker, which rcu_replace_pointer(*rp_ptr, NULL) turns away at once (it returns with
// nothing to do: it owes no wait).
// A signal to the revoker (the `revokerSignal` bound) ends none of its waits: synchronize_srcu's
// waits are uninterruptible: __synchronize_srcu sleeps in wait_for_completion
// (TASK_UNINTERRUPTIBLE) for the grace period's SCAN1 and SCAN2.
import { ENTER, type Call, type Design, type Holder, type Srcu, type SrcuIdx, type State, type TaskId, enter, fail, inodeLevel } from '../api/designApi.ts';
import { ownState } from '../kernel/designApi.ts';
import { revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { SRCU_IDLE, srcuCount, srcuDrained, srcuFetchIdx, srcuFlip, srcuLayout, srcuOther, srcuReadUnlock, srcuStoreHandle } from '../kernel/srcu.ts';
import { allTasks, bool, enumOf, record, task, withTask } from '../kernel/state.ts';

/** A reader inside revocable_try_access: the index it fetched, and whether it has counted itself on it yet. */
interface Entering {
  readonly idx: SrcuIdx;
  readonly counted: boolean;
}

/**
 * The provider: `gone` once res is NULL (every later try_access gets NULL), its SRCU domain, and
 * each reader still inside revocable_try_access (its fetched index lives in a register of its own).
 */
const provider = ownState<{ readonly gone: boolean; readonly srcu: Srcu; readonly entering: Readonly<Record<TaskId, Entering>> }>({
  layout: (p) =>
    record({
      gone: bool,
      srcu: srcuLayout(p),
      entering: { type: 'dict', keys: allTasks(p), of: record({ idx: enumOf([0, 1]), counted: bool }) },
    }),
  init: () => ({ gone: false, srcu: SRCU_IDLE, entering: {} }),
});
const srcuOf = (s: State): Srcu => provider.get(s).srcu;
const withSrcu = (s: State, srcu: Srcu): State => provider.set(s, { ...provider.get(s), srcu });
const enteringOf = (s: State, t: TaskId): Entering | undefined => provider.get(s).entering[t];
function withEntering(s: State, t: TaskId, e: Entering | undefined): State {
  const { [t]: _gone, ...others } = provider.get(s).entering;
  return provider.set(s, { ...provider.get(s), entering: e === undefined ? others : { ...others, [t]: e } });
}

/**
 * Whom synchronize_srcu waits for on index i while it is not drained: the calls in progress on I
 * that have counted themselves (on some index: which one the handle no longer tells), or a count no
 * method holds (an unlock handed the wrong index left it behind).
 */
function readersOn(s: State, i: SrcuIdx): Holder[] {
  if (srcuDrained(srcuOf(s), i)) return [];
  const inside: Holder[] = Object.keys(s.tasks)
    .sort()
    .filter((t) => s.tasks[t]!.call?.inode === 'I' && enteringOf(s, t)?.counted !== false)
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

/** The call's srcu_dereference gives (or will give) NULL. */
const gotNull = (s: State, t: TaskId, call: Call): boolean => (enteringOf(s, t) !== undefined ? provider.get(s).gone : call.loadedOps === 'revoked');

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
      kernel: 'fdget, revocable_try_access: srcu_read_lock: __srcu_read_lock: READ_ONCE(ssp->srcu_idx)',
      // Every f_op method enters the SRCU section, and only then learns whether the resource is there.
      hook: (_s, _p, op) =>
        inodeLevel(op.kind) ? ENTER : enter({ recordsLater: true, change: (s, t) => withEntering(s, t, { idx: srcuFetchIdx(srcuOf(s)), counted: false }) }),
    },
    record: {
      // Two steps, each shown with its own line: the count, then the store of the handle.
      kernel: '__srcu_read_lock: this_cpu_inc(srcu_lock_count[idx]), then revocable_try_access: rev->idx = idx, srcu_dereference(res)',
      hook(s, _p, { t, call }) {
        const e = enteringOf(s, t)!;
        // The count, on the index fetched: the store and the dereference come in a step of their own.
        if (!e.counted)
          return enter({
            recordsLater: true,
            kernel: '__srcu_read_lock: this_cpu_inc(ssp->sda->srcu_lock_count[idx].counter)',
            change: (s2, t2) => withEntering(withSrcu(s2, srcuCount(srcuOf(s2), e.idx)), t2, { ...e, counted: true }),
          });
        return enter({
          kernel: 'revocable_try_access: rev->idx = idx, srcu_dereference(rp->res)',
          change(s2, t2) {
            const stored = withEntering(withSrcu(s2, srcuStoreHandle(srcuOf(s2), call.file, e.idx)), t2, undefined);
            // NULL from srcu_dereference: the method will fail, but still withdraws.
            const c = task(stored, t2).call!;
            return provider.get(s2).gone ? withTask(stored, t2, { ...task(stored, t2), call: { ...c, loadedOps: 'revoked' } }) : stored;
          },
        });
      },
    },
    // A method that got the resource uses it until it withdraws; one that got NULL fails (-ENODEV).
    end: {
      kernel: 'revocable_withdraw_access (srcu_read_unlock(rev->idx)), fdput',
      // A call still inside try_access (asked by the guarantees only: SyscallEnd waits for the entry)
      // will dereference res in its last step: NULL if it is NULL already, for it never comes back.
      hook: (s, _p, op) => (inodeLevel(op.call.kind) ? ENTER : gotNull(s, op.t, op.call) ? fail('ENODEV', { change: withdraw }) : enter({ change: withdraw })),
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
    'revoke-returns': 'violated 17',
  },
  steps: [assignNull, flip, drain, revokeReturn({ kernel: 'kref_put, revocable_provider_revoke returns', from: 'synchronized' })],
};
