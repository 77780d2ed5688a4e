// cannibalize: Pekka Enberg's last idea in the 2007 thread (no code was posted): detach the inode
// (remove it from the inode cache and the dentry, make_bad_inode: i_op and i_fop return EIO), take
// its mapping down, leave the struct files alone.
//
// What that does in Linux: a struct file copied f_op from i_fop at open, so read and write keep
// going through the filesystem's methods; only operations that go through the inode now
// (fchmod -> notify_change -> i_op->setattr, fstat -> vfs_getattr -> i_op->getattr, fsetxattr:
// bad_inode_ops of 2007 answered setxattr -EIO; make_bad_inode today clears IOP_XATTR, and
// __vfs_setxattr answers -EOPNOTSUPP, a failure all the same) fail EIO. With `checked=true` every entry point
// also tests the dead flag (an active-reference gate without the drain): new calls fail EIO, but
// calls already past the test finish. The mapping teardown (truncate_inode_pages,
// unmap_mapping_range) drops the page cache and the PTEs, but the vma's handler is still
// filemap_fault on the file's f_mapping, whose a_ops make_bad_inode leaves alone, and i_size is
// unchanged: the next fault reads the page back from disk. A new mmap through a cached f_op
// (naive) maps the detached inode again.
// The three inode-level kinds are enumerated as two: fsetxattr is answered as fchmod in every
// state (the dead i_op; the same ownership check) and judged as fchmod is, so fchmod stands for
// it; fstat needs no ownership and is enumerated apart. Its use is revoke(2)'s from the 2007
// thread ("use revoke() (with chown, for example)"): the holders own I no longer (holderOwns).
import type { Design, State } from '../api/designApi.ts';
import { ENTER, fail, inodeLevel } from '../api/designApi.ts';
import { revokeReturn, revokerStep, unmap } from '../kernel/revokerSteps.ts';
import { inodeOf, withIDead } from '../kernel/state.ts';

const detach = revokerStep({
  name: 'RevokeDetach',
  doc: 'The revoker detaches the inode: unhashed, dentry dropped, make_bad_inode (the dead flag).',
  kernel: 'remove_inode_hash, d_drop, make_bad_inode',
  from: 'idle',
  to: 'detached',
  next: withIDead,
  label: () => 'RevokeDetach(I): inode is dead',
});

const dead = (s: State): boolean => s.inodes.I!.dead;

export const cannibalize: Design = {
  name: 'cannibalize',
  callKinds: ['read', 'write', 'fchmod', 'fstat'],
  holderOwns: false,
  on: {
    // i_op of a bad inode: notify_change and vfs_getattr fail EIO; with `checked`, every entry point tests the flag.
    begin: (s, p, op) => (dead(s) && (p.checked || inodeLevel(op.kind)) ? fail('EIO') : ENTER),
    mmap: (s, p) => (dead(s) && p.checked ? fail('EIO') : ENTER),
    // An open under way meets i_fop = bad_file_ops, whose ->open fails EIO.
    open: (s) => (dead(s) ? fail('EIO') : ENTER),
    // A read or write acts through the f_op it copied at open; an inode-level call through the dead i_op.
    end: (s, _p, op) => (inodeLevel(op.call.kind) && dead(s) ? fail('EIO') : ENTER),
  },
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
    detach,
    unmap({
      doc: "The revoker takes the inode's mapping down (truncate_inode_pages, unmap_mapping_range): the page cache and the PTEs of every linked mapping go.",
      kernel: 'truncate_inode_pages, unmap_mapping_range',
      from: 'detached',
      how: 'ptes',
      select: (s, _t, vma) => inodeOf(s, vma.file) === 'I',
    }),
    revokeReturn({ kernel: 'return 0', from: 'unmapped' }),
  ],
};
