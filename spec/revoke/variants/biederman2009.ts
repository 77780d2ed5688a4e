// biederman-2009: Eric W. Biederman's "File descriptor hot-unplug support v2" (linux-mm and
// linux-fsdevel, 2009-06-01; never merged). "[PATCH 04/23] vfs: Introduce infrastructure for
// revoking a file" (fs/file_table.c) and "[PATCH 01/23] mm: Introduce revoke_file_mappings".
//
// Callers: each converted VFS entry point (read/write, poll, mmap in do_mmap_pgoff, fallocate,
// fsync, and 16/23's "vfs: Teach fstatfs, fstatfs64, ftruncate, fchdir, fchmod, fchown to use
// file_hotplug_lock", fs/open.c) runs its call inside
// file_hotplug_read_trylock(file) ... file_hotplug_read_unlock(file). The trylock reads f_mode and,
// if FMODE_DEAD is clear, stores the file in one of the task's four file_hotplug_lock slots; the
// slot is held across the whole call, sleeps included. A dead file gives -EIO.
// The revoker, revoke_file_list over the inode's file list, in a restart loop: it skips files not
// yet FMODE_OPENED (set at the end of __dentry_open; here the struct file an open makes is opened
// in the same step) and files whose f_count is 0, takes a reference, and revoke_file: sets
// FMODE_DEAD under f_ep_lock, calls f_op->dead to wake sleepers, polls file_in_use() (every
// task's slots) until no slot holds the file, then revoke_file_mappings (every vma whose vm_file
// is the file, under its mm's mmap_sem: zapped, unlinked, vm_file put, faults SIGBUS) and
// frelease (->release; f_op, f_mapping, private_data set to NULL). It restarts from the top of
// the list until the list is empty; a file made later (an open past may_open) joins the list and
// is revoked in turn, but only if it is on the list before the loop ends.
// Not converted: fs/xattr.c and fs/stat.c (no patch of the series names them): fsetxattr and fstat
// take no file_hotplug_lock slot and never test FMODE_DEAD, so the drain does not wait for them
// and they act on f_path.dentry's inode whatever revoke did; after frelease f_path is NULL, and
// the same call dereferences it (an oops, no -EIO either): the model counts both as the call
// reaching I, against 04/23's "close succeeds all other operations return -EIO". fstat is
// enumerated apart from fchmod, and stands for fsetxattr: where the holders own I, the two are
// answered alike in every state (the plain kernel's ENTER at begin and at end, no hold) and so
// judged alike (an inode-level call in progress that reaches I breaks G3 and G8 either way); where
// they do not, fsetxattr fails EPERM and is no step at all. G1, G4 and G7 ask `begin` of fsetxattr
// itself. Nothing in the series changes the owner (holderOwns: true).
// What the checker is to find (read from 04/23): the trylock checks FMODE_DEAD before it stores
// the slot. A caller that saw the file live, then the revoker's mark and its scan finding no slot,
// then the caller's store, calls f_op after frelease: the `begin` point `recordsLater`,
// and SyscallRecord is the store. An mmap holds its slot from do_mmap_pgoff's trylock to the link
// (the `link` point): that hold is this design's own state, the tasks whose mmap holds a slot. Modelling assumptions: one struct file is revoked per
// RevokeMarkDead..RevokeReleaseFile round; f_op->dead and the wake-ups are not steps (a woken call
// ends as any call does); close of a dead file is a plain close (the series returns -EIO from it
// and skips removing POSIX locks, which Viro objected to; no guarantee here reads locks).
// A signal to the revoker (the `revokerSignal` bound) ends none of its waits: revoke_file polls
// file_in_use() with schedule_timeout_uninterruptible(1) (PATCH 04/23).
import { ENTER, type Design, type Holder, enter, fail } from '../api/designApi.ts';
import { ownState } from '../kernel/designApi.ts';
import { gateHolders } from '../kernel/gate.ts';
import { filesOnI, revokeReturn, revokerStep, revokerStepOn, unmap } from '../kernel/revokerSteps.ts';
import { type FileId, type State, type TaskId, actors, enumOf, getFile, inodeOf, putFile, withRevoker, withFileRevoked } from '../kernel/state.ts';

/** The tasks whose mmap holds a file_hotplug_lock slot (between its trylock and the vma's link), sorted. */
const mmapSlots = ownState<readonly TaskId[]>({
  layout: (p) => ({ type: 'list', of: enumOf(actors(p)), max: actors(p).length }),
  init: () => [],
});

const dead = (s: State, f: FileId): boolean => s.files[f]?.ops === 'revoked';

/** The next opened, counted, not yet dead struct file on I (the list is walked from the top each round). */
const nextLive = (s: State): FileId | undefined => filesOnI(s).find((f) => !dead(s, f) && f !== s.revoker.spared);

/** file_in_use(f): every task's slots, a call's and an mmap's, that hold f. */
function slotHolders(s: State, f: FileId): Holder[] {
  const mmaps: Holder[] = mmapSlots
    .get(s)
    .filter((t) => s.tasks[t]!.vma?.file === f)
    .map((t) => ({ task: t, through: 'mmap' }));
  // A task is in one call or one mmap at a time: by task, the order gateHolders gives calls in.
  const taskOf = (h: Holder): string => (typeof h === 'object' && 'task' in h ? h.task : '');
  return [...gateHolders(s, f), ...mmaps].sort((a, b) => (taskOf(a) < taskOf(b) ? -1 : taskOf(a) > taskOf(b) ? 1 : 0));
}

const markDead = revokerStepOn({
  name: 'RevokeMarkDead',
  doc: 'The revoker (revoke_file) sets FMODE_DEAD on the next opened struct file on the list: every later trylock fails.',
  kernel: 'revoke_file: FMODE_DEAD, f_op->dead',
  // Between rounds: before the first, or after a file's release.
  from: ['idle', 'released'],
  to: 'marked',
  target: nextLive,
  // revoke_file_list holds a reference across the round (atomic_long_inc_not_zero), so the file
  // outlives a close meanwhile.
  next(s, f) {
    const held = getFile(withFileRevoked(s, f), f);
    return withRevoker(held, { ...held.revoker, cursor: f, refs: [...held.revoker.refs, f].sort() });
  },
  label: (_s, f) => `RevokeMarkDead(${f}): FMODE_DEAD`,
});

const drain = revokerStep({
  name: 'RevokeDrain',
  doc: "The revoker polls file_in_use() until no task's file_hotplug_lock slot holds the file: enabled only then.",
  kernel: 'revoke_file: poll file_in_use()',
  from: 'marked',
  to: 'drained',
  waitsFor: { holds: 'a file_hotplug_lock slot on the file', holders: (s) => slotHolders(s, s.revoker.cursor) },
  next: (s) => s,
  label: (s) => `RevokeDrain(${s.revoker.cursor}): no task holds it`,
});

const releaseFile = revokerStep({
  name: 'RevokeReleaseFile',
  doc: "The revoker (frelease) calls ->release and clears f_op, f_mapping and private_data; it goes back to the list's top.",
  kernel: 'frelease: ->release; fput',
  from: 'unmapped',
  to: 'released',
  enabled: (s) => s.revoker.cursor !== '',
  // ... and drops it after frelease (__fput then finds nothing left to release).
  next(s) {
    const f = s.revoker.cursor;
    const refs = [...s.revoker.refs];
    refs.splice(refs.indexOf(f), 1);
    return putFile(withRevoker(s, { ...s.revoker, refs }), f);
  },
  label: (s) => `RevokeReleaseFile(${s.revoker.cursor}): ->release, f_op = NULL, fput`,
});

export const biederman2009: Design = {
  name: 'biederman-2009',
  callKinds: ['read', 'write', 'fchmod', 'fstat'],
  state: mmapSlots,
  on: {
    begin: {
      kernel: 'fdget, file_hotplug_read_trylock: FMODE_DEAD checked',
      // The trylock: check, then store the slot in a step of its own; held to the call's return.
      // fs/xattr.c and fs/stat.c take none.
      hook: (_s, _p, op) =>
        op.kind === 'fsetxattr' || op.kind === 'fstat' ? ENTER : op.file.ops === 'revoked' ? fail('EIO') : enter({ holds: true, recordsLater: true }),
    },
    end: { kernel: 'file_hotplug_read_unlock, fdput' },
    // do_mmap_pgoff's trylock, checked and stored at once, held until the vma is linked.
    mmap: (_s, _p, op) => (op.file.ops === 'revoked' ? fail('EIO') : enter({ change: (m, t) => mmapSlots.set(m, [...mmapSlots.get(m), t].sort()) })),
    link: (_s, _p, op) =>
      enter({
        change: (m) =>
          mmapSlots.set(
            m,
            mmapSlots.get(m).filter((t) => t !== op.t),
          ),
      }),
  },
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'violated 5',
    'no-mapping-after-revoke': 'violated 6',
    'no-inode-access-after-return': 'violated 6',
    'writes-complete-reads-abort': 'violated 6',
    'no-live-file-anywhere': 'violated 4',
    'caller-access-as-specified': 'n/a',
    // fsetxattr and fstat on a file marked FMODE_DEAD: fs/xattr.c and fs/stat.c never test it.
    'revoked-ops-fail-with-ebadf-or-enxio': 'violated 1',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [
    markDead,
    drain,
    unmap({
      doc: 'The revoker (revoke_file_mappings) zaps, unlinks and puts every linked vma whose vm_file is the file; their faults are SIGBUS.',
      kernel: 'revoke_file_mappings',
      from: 'drained',
      how: 'unlink',
      select: (s, _t, vma) => vma.file === s.revoker.cursor && inodeOf(s, vma.file) === 'I',
    }),
    releaseFile,
    // The list holds no live opened file: revoke_file_list returns (a revoke with nothing to do returns at once).
    revokeReturn({ kernel: 'revoke_file_list returns', from: ['idle', 'released'], enabled: (s) => nextLive(s) === undefined }),
  ],
};
