// enberg-2007: the two-pass design of the 2007 fsdevel thread ("[RFC/PATCH 2/5] revoke: core
// code") and Andrew Morton's -mm tree.
//
// Pass 1, under read_lock(tasklist_lock): each matching fd slot gets a preallocated revokefs file
// (so the fd stays allocated and close works; operations fail EBADF, ENXIO for a device: I is a
// regular file), the real file is collected. Pass 2: revoke_mapping walks the inode's i_mmap and
// makes every shared mapping fault SIGBUS (except the frevoke caller's file), then the collected
// files are put. The real struct files are not touched: whoever else holds one keeps it live.
// Left out: the "live replacement of ->f_mapping" Viro mentions (the seed's code is cut off);
// fsync (no guarantee reads it).
import { revokeReturn, scanDone, scanTask, unmap } from '../kernel/revokerSteps.ts';
import { inodeOf } from '../kernel/state.ts';
import { slotCutterHooks, type Variant } from '../kernel/variant.ts';

export const enberg2007: Variant = {
  name: 'enberg-2007',
  markerErrno: { revoked: 'EBADF' },
  ...slotCutterHooks,
  steps: [
    scanTask({
      doc: "The revoker (pass 1, under tasklist_lock and t's file_lock) installs a revokefs file in every fd of task t on the inode and collects the real file.",
      marker: 'revoked',
      collect: true,
    }),
    unmap({
      doc: "The revoker (revoke_mapping over i_mmap) makes every shared mapping of the inode fault SIGBUS, except the frevoke caller's.",
      from: scanDone,
      to: 'unmapped',
      how: 'zap',
      select: (s, _t, vma) => inodeOf(s, vma.file) === 'I' && vma.file !== s.revoker.spared,
    }),
    revokeReturn((s) => s.revoker.pc === 'unmapped'),
  ],
};
