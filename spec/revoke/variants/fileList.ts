// file-list: find every struct file through a per-inode list and swap its operations (Pekka
// Enberg's reply in the 2007 thread; __tty_hangup does this with tty->tty_files and
// hung_up_tty_fops).
//
// Under the list lock, each struct file on the inode (except the frevoke caller's) gets dead
// f_op and f_mapping: one step per file. Then the inode's shared mappings are zapped (a fault
// through the swapped f_mapping raises SIGBUS). No exclusion with callers already inside a
// method: they loaded the old f_op at fdget and keep using it (the 2024 do_splice_read NULL
// dereference). Operations through a killed file fail EIO (hung_up_tty_write's code).
// The list is complete: every struct file is added at open and removed at release, and open is
// blocked once revoke begins.
import { filesOnI, revokeReturn, revokerStepOn, unmap } from '../kernel/revokerSteps.ts';
import { type FileId, type State, inodeOf, withFile, withRevoker } from '../kernel/state.ts';
import { ENTER, type Variant, fail } from '../kernel/variant.ts';

const inKillPass = (s: State): boolean => s.revoker.pc === 'idle' || s.revoker.pc === 'kill';
const nextFile = (s: State): FileId | undefined => filesOnI(s).find((f) => f > s.revoker.cursor && f !== s.revoker.spared);

const killFile = revokerStepOn({
  name: 'RevokeKillFile',
  doc: "The revoker, walking the inode's file list, gives struct file f dead operations and mapping (f_op = hung-up fops).",
  target: (s) => (inKillPass(s) ? nextFile(s) : undefined),
  next: (s, f) => withRevoker(withFile(s, f, { ...s.files[f]!, ops: 'revoked' }), { ...s.revoker, pc: 'kill', cursor: f }),
  label: (_s, f) => `RevokeKillFile(${f}): f_op -> dead`,
});

export const fileList: Variant = {
  name: 'file-list',
  gate: (_s, _p, file) => (file.ops === 'revoked' ? fail('EIO') : ENTER),
  callReaches: (_s, _p, call) => call.loadedOps === 'live',
  faultReaches: (s, _p, vma) => !vma.zapped && s.files[vma.file]?.ops !== 'revoked',
  cut: (_s, _p, file) => file.ops === 'revoked',
  tasklistHeld: () => false,
  steps: [
    killFile,
    unmap({
      doc: "The revoker (unmap_mapping_range) zaps every shared mapping of the inode, except the frevoke caller's.",
      from: (s) => inKillPass(s) && nextFile(s) === undefined,
      to: 'unmapped',
      how: 'zap',
      select: (s, _t, vma) => inodeOf(s, vma.file) === 'I' && vma.file !== s.revoker.spared,
    }),
    revokeReturn((s) => s.revoker.pc === 'unmapped'),
  ],
};
