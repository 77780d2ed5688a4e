// rust-revocable: Rust-for-Linux's Revocable<T> (rust/kernel/revocable.rs), the primitive under
// Devres<T>: a driver's resource (I's device: its registers, its memory) that unbind takes away.
//
// A user: try_access takes rcu_read_lock and loads is_available (an AtomicBool); true gives a
// guard that keeps the RCU read-side section until it is dropped (the guard must not sleep),
// false gives None (the driver returns its error: ENXIO here). The driver's f_op methods (read,
// write, ioctl) each run their access inside such a guard; the struct files, descriptors and the
// open are the driver's plain ones and Revocable knows nothing of them.
// The revoker: revoke swaps is_available (this design's own state) to false; the caller that swapped it (true before)
// runs synchronize_rcu - every RCU reader that began before it has ended - and then drops T in
// place, and returns true. A revoker that finds it false already returns false at once.
// The check and the hold are one step: rcu_read_lock comes first, and RCU's grace-period
// guarantee is that a reader either began before synchronize_rcu (which waits for it) or sees the
// swap; no reader loads true after the grace period began without being waited for. Nothing of
// the C revocable's shared index is here: rcu_read_lock hands back no index to store (a guard is
// the caller's own value, and preemptible RCU counts the nesting in the task itself), so no
// reader's unlock can cancel another's.
// What its authors claim ("the object is guaranteed to remain accessible while the guard is
// alive"; revoke "waiting for all concurrent callers to complete before dropping"): no access
// through a guard after revoke returns (G3), revoke returns (G5), and the model's sanity
// checks. It promises nothing about descriptors, struct files, mappings or inode-level calls
// (G1, G2, G4, G6, G7, G8: "n/a: not claimed").
// Left out: a second revoker. Devres had two (unbind's devres callback and Devres::drop): the
// loser of the swap returned false at once while the winner was still in synchronize_rcu, and
// the device finished unbinding with the resource still mapped ("rust: devres: fix race in
// Devres::drop()", f744201c6159, which makes the loser wait on a Completion). With one revoker
// here, that race is not in this row. The driver has no ->mmap (mmap: ENODEV), so G2 has
// nothing to say.
// A signal to the revoker (the `revokerSignal` bound) ends none of its waits: synchronize_rcu is
// uninterruptible (wait_rcu_gp: wait_for_completion).
import { ENTER, type Design, type State, enter, fail, inodeLevel } from '../api/designApi.ts';
import { ownState } from '../kernel/designApi.ts';
import { gateHolders } from '../kernel/gate.ts';
import { revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { bool, record } from '../kernel/state.ts';

/** The Revocable's is_available flag. */
const revocable = ownState({ layout: () => record({ available: bool }), init: () => ({ available: true }) });
/** is_available is false: every later try_access gives None. */
const revoked = (s: State): boolean => !revocable.get(s).available;

const swap = revokerStep({
  name: 'RevokeSwap',
  doc: 'The revoker (Revocable::revoke) swaps is_available to false and finds it was true: it is the one to wait and drop.',
  kernel: 'Revocable::revoke: is_available.swap(false)',
  from: 'idle',
  to: 'swapped',
  next: (s) => revocable.set(s, { available: false }),
  label: () => 'RevokeSwap: is_available = false (was true)',
});

const synchronizeRcu = revokerStep({
  name: 'RevokeSynchronizeRcu',
  doc: 'The revoker waits in synchronize_rcu until every RCU reader that began before it has left its section: enabled only then.',
  kernel: 'synchronize_rcu',
  from: 'swapped',
  to: 'synchronized',
  waitsFor: { holds: 'an RCU read-side section (a Revocable guard)', holders: (s) => gateHolders(s) },
  next: (s) => s,
  label: () => 'RevokeSynchronizeRcu: no guard left',
});

const dropInPlace = revokerStep({
  name: 'RevokeDrop',
  doc: 'The revoker drops T in place (drop_in_place): the resource is gone.',
  kernel: 'drop_in_place',
  from: 'synchronized',
  to: 'dropped',
  next: (s) => s,
  label: () => 'RevokeDrop: drop_in_place(T)',
});

export const rustRevocable: Design = {
  name: 'rust-revocable',
  // An inode-level call (fchmod, fsetxattr, fstat on the device node) never reaches the resource: not enumerated.
  state: revocable,
  promises: {
    stops: {
      data: 'rust/kernel/revocable.rs: "the object is guaranteed to remain accessible while the guard is alive"; revoke waits "for all concurrent callers to complete before dropping"',
    },
    guarantees: ['no-inode-access-after-return', 'no-use-after-free', 'refcounts-balance', 'revoke-returns'],
  },
  on: {
    begin: {
      kernel: 'fdget, Revocable::try_access (rcu_read_lock)',
      // try_access: a guard held to the method's return, or None; an inode-level call takes none.
      hook: (s, _p, op) => (inodeLevel(op.kind) ? ENTER : revoked(s) ? fail('ENXIO') : enter({ holds: true })),
    },
    end: { kernel: 'RevocableGuard drop (rcu_read_unlock), fdput' },
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
    'revoke-returns': 'holds',
  },
  steps: [swap, synchronizeRcu, dropInPlace, revokeReturn({ kernel: 'Revocable::revoke returns true', from: 'dropped' })],
};
