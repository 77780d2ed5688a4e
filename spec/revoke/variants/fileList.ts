// file-list: find every struct file through a per-inode list and swap its operations (Pekka
// Enberg's reply in the 2007 thread; __tty_hangup does this with tty->tty_files and
// hung_up_tty_fops).
//
// Under the list lock (tty->files_lock in __tty_hangup), in one pass: each struct file on the
// list (except the frevoke caller's) gets dead f_op and f_mapping. Then unmap_mapping_range zaps
// the PTEs of the mappings linked in I's i_mmap; a later fault goes through the swapped
// f_mapping and raises SIGBUS. No exclusion with callers already inside a method: they loaded the
// old f_op at fdget and keep using it (the 2024 do_splice_read NULL dereference). Operations
// through a killed file's f_op fail EIO (hung_up_tty_write's code). The inode-level calls
// (fchmod, fchown, fsetxattr, fstat) do not go through f_op at all: chmod_common ->
// notify_change, vfs_setxattr and vfs_getattr act on file_inode(file), so they still reach I
// (Viro: "you still have the ability to do fchmod() later") - as far as ownership lets them: the
// design is revoke(2)'s ("use revoke() (with chown, for example)"), so the holders own I no longer
// and their fchmod and fsetxattr fail EPERM (holderOwns), while fstat needs no ownership.
// fsetxattr is answered and judged as fchmod in every state, so fchmod stands for it.
// The list holds every struct file whose ->open has run (tty_add_file in tty_open) until its
// release. Opens are blocked once revoke begins, except one that passed may_open before: its
// ->open may run after the walk, and the file joins the list too late (the window Biederman's
// series closes with FMODE_OPENED).
import type { Design, State } from '../api/designApi.ts';
import { filesOnI, revokeReturn, revokerStep, unmap } from '../kernel/revokerSteps.ts';
import { inodeOf, withFileRevoked } from '../kernel/state.ts';

/** The files the walk kills: every struct file on I except the frevoke caller's. */
const victims = (s: State) => filesOnI(s).filter((f) => f !== s.revoker.spared);

const killFiles = revokerStep({
  name: 'RevokeKillFiles',
  doc: "The revoker, under the inode's file-list lock, gives every struct file on the list dead operations and mapping (f_op = hung-up fops).",
  kernel: '__tty_hangup: f_op = hung_up_tty_fops',
  from: 'idle',
  to: 'kill',
  next(s) {
    let next = s;
    for (const f of victims(s)) next = withFileRevoked(next, f);
    return next;
  },
  label: (s) => (victims(s).length === 0 ? 'RevokeKillFiles: none on the list' : `RevokeKillFiles: f_op -> dead for ${victims(s).join(', ')}`),
});

// Every user path is the plain kernel's: a killed file's f_op calls and mmap fail EIO, a call
// already inside acts with the f_op it loaded, an inode-level call goes on, and a fault goes
// through the swapped f_mapping (SIGBUS).
export const fileList: Design = {
  name: 'file-list',
  callKinds: ['read', 'write', 'fchmod', 'fstat'],
  holderOwns: false,
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'violated 3',
    'no-mapping-after-revoke': 'violated 4',
    'no-inode-access-after-return': 'violated 4',
    'writes-complete-reads-abort': 'violated 4',
    'no-live-file-anywhere': 'violated 3',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'violated 1',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [
    killFiles,
    unmap({
      doc: "The revoker (unmap_mapping_range) zaps the PTEs of every mapping linked in the inode's i_mmap, except the frevoke caller's.",
      kernel: 'unmap_mapping_range',
      from: 'kill',
      how: 'ptes',
      select: (s, _t, vma) => inodeOf(s, vma.file) === 'I' && vma.file !== s.revoker.spared,
    }),
    revokeReturn({ kernel: 'return 0', from: 'unmapped' }),
  ],
};
