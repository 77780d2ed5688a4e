// enberg-2006: Pekka Enberg's first revoke/frevoke patch (lkml, 2006-07-20, "V1").
//
// Pass 1, under read_lock(tasklist_lock), per thread under files->file_lock: every fd on the
// inode (except frevoke's `exclude`) is set to NULL and its number deliberately leaked, the file
// recorded. Pass 2: for each recorded file, filp_close, then revoke_mapping(inode->i_mapping):
// every vma linked in I's i_mmap gets a nopage that fails (SIGBUS) and invalidate_inode_pages2
// drops the PTEs; with nothing recorded, revoke_mapping is never called. Because do_revoke races
// with fget_light, V1's diff switches sys_read and sys_write to fget, and only those two
// (fs/read_write.c, two hunks): pread64, readv, ioctl and fchmod keep fdget's borrowed file.
// `pread` stands for them (fchmod, fsetxattr and fstat take the same borrowed path to the same
// inode, so they are not enumerated apart; G1 and G7 ask the `begin` point of each). The caller
// chowns before it revokes (V1 and V2 refuse a caller that does not own I, and leave blocking later
// opens to the caller's chmod or chown): the holders own I no longer (holderOwns).
// A leaked slot is a NULL slot the allocator skips: operations on it fail EBADF; close too.
import type { Design, State } from '../api/designApi.ts';
import { revokeReturn, scanDone, scanTask, unmap } from '../kernel/revokerSteps.ts';
import { inodeOf } from '../kernel/state.ts';

/** Pass 1 recorded some file (frevoke's own fget of the spared file is not a recorded one). */
const recordedAny = (s: State): boolean => s.revoker.refs.some((f) => f !== s.revoker.spared);

export const enberg2006: Design = {
  name: 'enberg-2006',
  callKinds: ['read', 'write', 'pread'],
  holderOwns: false,
  on: {
    // V1's two hunks: sys_read and sys_write take fget; every other call keeps fdget's choice.
    fdget: (_s, _p, op) => op.counted || op.kind === 'read' || op.kind === 'write',
  },
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
      doc: 'The revoker (do_revoke pass 1) sets every fd of task t on the inode to NULL, leaking the number, and records the file.',
      kernel: 'do_revoke pass 1: revoke_files',
      marker: 'leaked',
      collect: true,
    }),
    unmap({
      doc: "The revoker, having recorded a file, runs revoke_mapping on the inode's i_mmap: every linked mapping of I faults SIGBUS and loses its PTEs.",
      kernel: 'revoke_mapping, invalidate_inode_pages2',
      enabled: scanDone,
      how: 'nopage',
      select: (s, _t, vma) => recordedAny(s) && inodeOf(s, vma.file) === 'I' && vma.file !== s.revoker.spared,
    }),
    revokeReturn({ kernel: 'filp_close each recorded file, return 0', from: 'unmapped' }),
  ],
};
