// revocable-resource: a driver whose file operations reach the device only through a
// Revocable<T> (rust/kernel/revocable.rs): each call does try_access, which holds an RCU read
// section until the guard drops at the call's return; revoke() swaps the "available" flag, so new
// try_access calls fail, waits for a grace period (synchronize_rcu: every reader that saw the
// flag set has left), and drops the resource. Written only against the design API, as a second
// example of a design file (spec/revoke/README.md, "Writing a design").
//
// What it protects is the device behind the file's f_op calls, not the inode: fchmod and the
// other inode-level calls, mappings and the struct files themselves are outside it. So it
// promises to stop only the f_op data calls (`promises.stops`), and of the guarantees only those
// about calls (`promises.guarantees`; the table shows the rest as "n/a: not claimed"); an fchmod
// that still reaches I is shown as "not promised", never as a broken promise. The model's call holds the RCU read section from begin to return, so it assumes a
// call that does not sleep while it holds the guard (RCU readers may not).
import type { Design, DesignApi, State } from 'rmc/revoke';

export default function revocableResource(api: DesignApi): Design {
  // The Revocable's "available" flag: this design's own state.
  const resource = api.ownState({ layout: () => api.layout.record({ available: api.layout.bool }), init: () => ({ available: true }) });
  const revoked = (s: State): boolean => !resource.get(s).available;

  const swapFlag = api.revokerStep({
    name: 'RevokeSwapAvailable',
    doc: 'The revoker swaps the Revocable\'s "available" flag to false: every later try_access returns None.',
    kernel: 'Revocable::revoke: available.swap(false)',
    from: 'idle',
    to: 'flagged',
    next: (s) => resource.set(s, { available: false }),
    label: () => 'RevokeSwapAvailable: try_access fails from now on',
  });

  const synchronizeRcu = api.revokerStep({
    name: 'RevokeSynchronizeRcu',
    doc: 'The revoker waits for a grace period (synchronize_rcu): enabled once no call holds a guard from before the swap.',
    kernel: 'synchronize_rcu, drop_in_place',
    from: 'flagged',
    to: 'synced',
    waitsFor: { holds: 'an RCU read-side section (a guard)', holders: (s) => api.gateHolders(s) },
    next: (s) => s,
    label: () => 'RevokeSynchronizeRcu: no reader left, the resource is dropped',
  });

  return {
    name: 'revocable-resource',
    callKinds: ['read', 'write', 'fchmod'],
    state: resource,
    on: {
      // Only the driver's f_op calls go through try_access; an open, an mmap and the inode-level calls do not.
      begin: {
        kernel: 'fdget, Revocable::try_access (rcu_read_lock)',
        hook: (s, _p, op) => (api.inodeLevel(op.kind) ? api.ENTER : revoked(s) ? api.fail('ENODEV') : api.enter({ holds: true })),
      },
      end: { kernel: 'the guard drops (rcu_read_unlock), fdput' },
    },
    // What a Revocable promises: the driver's data behind its f_op calls; and of the guarantees,
    // only those about calls (the others are "n/a: not claimed").
    promises: {
      stops: { data: 'rust/kernel/revocable.rs: "the object is guaranteed to remain accessible while the guard is alive"' },
      guarantees: ['no-inode-access-after-return', 'writes-complete-reads-abort', 'no-use-after-free', 'refcounts-balance', 'revoke-returns'],
    },
    // What the checker finds at the default bounds: fchmod, which no try_access guards, still changes
    // I after revoke returns; the design never promised to stop it, so the cells say "not promised".
    expect: {
      'no-usable-descriptor': 'n/a',
      'no-mapping-after-revoke': 'n/a',
      'no-inode-access-after-return': 'unpromised 4',
      'writes-complete-reads-abort': 'unpromised 4',
      'no-live-file-anywhere': 'n/a',
      'caller-access-as-specified': 'n/a',
      'revoked-ops-fail-with-ebadf-or-enxio': 'n/a',
      'revoked-file-unusable': 'n/a',
      'other-inodes-untouched': 'n/a',
      'no-use-after-free': 'holds',
      'refcounts-balance': 'holds',
      'revoke-returns': 'holds',
    },
    steps: [swapFlag, synchronizeRcu, api.revokeReturn({ kernel: 'revoke returns', from: 'synced' })],
  };
}
