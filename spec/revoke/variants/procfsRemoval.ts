// procfs-removal: the removal of a /proc entry Linux ships (fs/proc/inode.c use_pde, unuse_pde,
// proc_entry_rundown, close_pdeo, proc_reg_read/write/unlocked_ioctl/mmap/open/release;
// fs/proc/generic.c remove_proc_entry -> proc_entry_rundown; fs/proc/internal.h pde_is_permanent;
// read in gregkh/linux, fs/proc/inode.c of the proc_ops era). Inode I is a non-permanent entry
// whose proc_ops has ->proc_release; its struct files use proc_reg_file_ops.
//
// Callers: every proc_reg_* f_op wraps the entry's method in use_pde/unuse_pde
// (atomic_inc_unless_negative(&pde->in_use)): read, write, poll, ioctl, llseek, ->proc_mmap. Once
// the BIAS is added, use_pde fails and the wrapper returns its default: -EIO for read, write and
// mmap, -ENOTTY for ioctl (`pread` stands for pread64, which is proc_reg_read's: -EIO).
// proc_reg_open holds in_use across ->proc_open and puts the opener on pde->pde_openers (after
// removal: -ENOENT). proc_reg_mmap holds in_use across ->proc_mmap only: the vma is linked after,
// and nothing in the rundown unmaps it; its faults run the entry's vm_ops, which take no in_use.
// The inode-level calls (proc_notify_change, the setattr of every proc inode) take no in_use.
// The revoker (remove_proc_entry -> proc_entry_rundown): atomic_add_return(BIAS, &de->in_use),
// wait_for_completion until every user has left (unuse_pde completes it at BIAS), then, under
// pde_unload_lock, close_pdeo on every opener: ->proc_release(file_inode(file), file) for it,
// and the pdeo off the list. A later last fput's proc_reg_release finds no pdeo: no driver call.
// The struct files and descriptors survive, dead to the wrappers.
// The model: the BIAS is the inode's dead flag (new use_pde fails); a call holds the gate across
// its method; each close_pdeo is a revoker step of its own (->proc_release may sleep, and users
// run between), recorded in the design's own state; the `release` point answers whether the
// final fput would still call ->proc_release.
// Left out, and why that is sound:
// - fsetxattr: procfs inodes have no xattr handlers, so it fails -EOPNOTSUPP (an errno the model
//   lacks); it is answered as fchmod, an inode-level call outside the gate, which is unpromised here
//   and gets through already, so no cell depends on it. fstat (simple/proc getattr, no gate) is
//   enumerated apart, as active-refs does.
// - pde_is_permanent entries skip use_pde entirely (no removal, nothing to model).
// - close_pdeo racing proc_reg_release on one opener (pdeo->closing: the second waits for the
//   first's ->release): a release is one step here, so neither is seen half done, and the rundown
//   returns only after it, as the completion makes it.
// - ->proc_lseek, ->proc_poll, get_unmapped_area are wrapped as read is: no guarantee tells them
//   apart.
// - remove_proc_entry's unlinking of the entry from its parent (later lookups fail): the caller's
//   chmod already blocks later opens in the model, and an open under way meets the BIAS.
// A signal to the revoker (the `revokerSignal` bound) ends none of its waits: proc_entry_rundown
// sleeps in wait_for_completion(&c), uninterruptible.
import { ENTER, type Design, type FileId, type State, enter, fail, inodeLevel } from '../api/designApi.ts';
import { ownState } from '../kernel/designApi.ts';
import { gateHolders } from '../kernel/gate.ts';
import { filesOnI, revokeReturn, revokerStep, revokerStepOn } from '../kernel/revokerSteps.ts';
import { bool, record, withIDead } from '../kernel/state.ts';

/** The openers close_pdeo has released (their pdeo off pde_openers): F0 and F1 on I. */
const openers = ownState<{ readonly F0: boolean; readonly F1: boolean }>({
  layout: () => record({ F0: bool, F1: bool }),
  init: () => ({ F0: false, F1: false }),
});
const released = (s: State, f: FileId): boolean => (f === 'F0' || f === 'F1') && openers.get(s)[f];

/** use_pde fails once the BIAS is in in_use. */
const biased = (s: State): boolean => s.inodes.I!.dead;

/** The next opener still on pde_openers: a struct file on I not yet released. */
const nextOpener = (s: State): FileId | undefined => filesOnI(s).find((f) => !released(s, f));

const addBias = revokerStep({
  name: 'RevokeBias',
  doc: 'The revoker (proc_entry_rundown) adds BIAS to in_use: every later use_pde fails.',
  kernel: 'proc_entry_rundown: atomic_add_return(BIAS, &de->in_use)',
  from: 'idle',
  to: 'biased',
  next: withIDead,
  label: () => 'RevokeBias(I): in_use += BIAS, new use_pde fails',
});

const drain = revokerStep({
  name: 'RevokeDrain',
  doc: 'The revoker waits (wait_for_completion) until every caller has left its use_pde section: enabled only then.',
  kernel: 'proc_entry_rundown: wait_for_completion (unuse_pde completes at BIAS)',
  from: 'biased',
  to: 'drained',
  waitsFor: { holds: 'a use_pde reference (in_use)', holders: (s) => gateHolders(s) },
  next: (s) => s,
  label: () => 'RevokeDrain(I): in_use drained',
});

const closeOpener = revokerStepOn<FileId>({
  name: 'RevokeClosePdeo',
  doc: "The revoker (close_pdeo) calls the entry's ->proc_release for the first opener on pde_openers and takes it off the list.",
  kernel: 'close_pdeo: pde->proc_ops->proc_release(file_inode(file), file)',
  from: 'drained',
  target: nextOpener,
  next: (s, f) => openers.set(s, { ...openers.get(s), [f]: true }),
  label: (_s, f) => `RevokeClosePdeo(${f}): ->proc_release, pdeo off pde_openers`,
});

export const procfsRemoval: Design = {
  name: 'procfs-removal',
  callKinds: ['read', 'write', 'fchmod', 'fstat'],
  state: openers,
  on: {
    begin: {
      kernel: 'fdget, proc_reg_read/write/unlocked_ioctl: use_pde',
      // proc_notify_change takes no in_use; an f_op call holds its use_pde until unuse_pde.
      hook: (s, _p, op) => (inodeLevel(op.kind) ? ENTER : biased(s) ? fail('EIO') : enter({ holds: true })),
    },
    end: { kernel: 'unuse_pde, fdput' },
    // proc_reg_mmap: use_pde across ->proc_mmap only.
    mmap: (s) => (biased(s) ? fail('EIO') : ENTER),
    // proc_reg_open: use_pde across ->proc_open and the pdeo's list_add, or -ENOENT.
    open: { kernel: { OpenFile: 'proc_reg_open: use_pde, ->proc_open, list_add(pdeo)' }, hook: (s) => (biased(s) ? fail('ENOENT') : ENTER) },
    // proc_reg_release: close_pdeo (->proc_release) for a file still on pde_openers, nothing after the rundown.
    release: (s, _p, op) => !released(s, op.f),
  },
  // What remove_proc_entry's authors promise: that no caller is still in the module's methods
  // once it returns, that no open gets in, and that ->proc_release runs for every opener. Nothing
  // is said of mappings (nothing unmaps) or of the inode-level calls.
  promises: {
    stops: {
      data: 'fs/proc/inode.c proc_entry_rundown: "Wait until all existing callers into module are done."',
      open: 'proc_entry_rundown: "->pde_openers list can\'t grow from now on." (proc_reg_open: use_pde fails, -ENOENT)',
      release:
        'proc_reg_open: "Ensure that 1) PDE\'s ->release hook will be called no matter what either normally by close()/->release, or forcefully by rmmod/remove_proc_entry."',
    },
  },
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'unpromised 4',
    'no-mapping-after-revoke': 'unpromised 5',
    'no-inode-access-after-return': 'unpromised 5',
    'writes-complete-reads-abort': 'unpromised 5',
    'no-live-file-anywhere': 'unpromised 4',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'unpromised 1',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [
    addBias,
    drain,
    closeOpener,
    revokeReturn({ kernel: 'proc_entry_rundown, remove_proc_entry return', from: 'drained', enabled: (s) => nextOpener(s) === undefined }),
  ],
};
