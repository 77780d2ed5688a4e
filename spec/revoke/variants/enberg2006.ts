// enberg-2006: Pekka Enberg's first revoke/frevoke patch (lkml, 2006-07-20, "V1").
//
// Pass 1, under read_lock(tasklist_lock), per thread under files->file_lock: every fd on the
// inode (except frevoke's `exclude`) is set to NULL and its number deliberately leaked, the file
// recorded. Pass 2: for each recorded file, filp_close, then revoke_mapping: the VMAs of the
// files it collected fault SIGBUS. Because do_revoke races with fget_light, sys_read and
// sys_write were switched to fget: every call counts its reference.
// A leaked slot is a NULL slot the allocator skips: operations on it fail EBADF; close too.
import { revokeReturn, scanDone, scanTask, unmap } from '../kernel/revokerSteps.ts';
import { slotCutterHooks, type Variant } from '../kernel/variant.ts';

export const enberg2006: Variant = {
  name: 'enberg-2006',
  markerErrno: { leaked: 'EBADF' },
  forcesCountedFdget: true,
  ...slotCutterHooks,
  steps: [
    scanTask({
      doc: 'The revoker (do_revoke pass 1) sets every fd of task t on the inode to NULL, leaking the number, and records the file.',
      marker: 'leaked',
      collect: true,
    }),
    unmap({
      doc: 'The revoker (revoke_mapping) makes the mappings of the files it recorded fault SIGBUS, and only those.',
      from: scanDone,
      to: 'unmapped',
      how: 'zap',
      select: (s, _t, vma) => s.revoker.refs.includes(vma.file) && vma.file !== s.revoker.spared,
    }),
    revokeReturn((s) => s.revoker.pc === 'unmapped'),
  ],
};
