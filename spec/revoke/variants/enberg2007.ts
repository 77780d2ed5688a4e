// enberg-2007: the two-pass design of the 2007 fsdevel thread ("[RFC/PATCH 2/5] revoke: core
// code") and Andrew Morton's -mm tree.
//
// Pass 1, under read_lock(tasklist_lock): each matching fd slot gets a preallocated revokefs file
// (so the fd stays allocated and close works; operations fail EBADF, ENXIO for a device: I is a
// regular file), the real file is collected. Pass 2: revoke_mapping walks the inode's i_mmap and,
// for every mapping of I except the frevoke caller's file's, revoke_vma zaps its PTEs, unlinks it
// from the file (__unlink_file_vma) and fput's vm_file (MM07): a touch of the range is SIGBUS
// and the vma no longer holds the file. Then the collected files are put. The real struct files are not touched: whoever else holds one keeps it live.
// Its use: "You use revoke() (with chown, for example) to gain exclusive access to an inode": the
// holders own I no longer (holderOwns), so their fchmod and fsetxattr fail EPERM.
// Left out: the "live replacement of ->f_mapping" Viro mentions (the seed's code is cut off);
// fsync (no guarantee reads it).
import type { Design } from '../api/designApi.ts';
import { revokeReturn, scanDone, scanTask, unmap } from '../kernel/revokerSteps.ts';
import { inodeOf } from '../kernel/state.ts';

export const enberg2007: Design = {
  name: 'enberg-2007',
  holderOwns: false,
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'violated 6',
    'no-mapping-after-revoke': 'violated 5',
    'no-inode-access-after-return': 'violated 5',
    'writes-complete-reads-abort': 'violated 5',
    'no-live-file-anywhere': 'violated 5',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'holds',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'violated 5',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [
    scanTask({
      doc: "The revoker (pass 1, under tasklist_lock and t's file_lock) installs a revokefs file in every fd of task t on the inode and collects the real file.",
      kernel: 'do_revoke pass 1: a revokefs file per fd',
      marker: 'revoked',
      collect: true,
    }),
    unmap({
      doc: "The revoker (revoke_mapping over i_mmap, revoke_vma) zaps, unlinks and fput's every linked mapping of the inode, except the frevoke caller's.",
      kernel: 'revoke_mapping: revoke_vma',
      enabled: scanDone,
      how: 'unlink',
      select: (s, _t, vma) => inodeOf(s, vma.file) === 'I' && vma.file !== s.revoker.spared,
    }),
    revokeReturn({ kernel: 'fput the collected files, return 0', from: 'unmapped' }),
  ],
};
