// tty-hangup: the revoke Linux ships, for terminals. vhangup(2) -> tty_vhangup -> __tty_hangup
// (drivers/tty/tty_io.c), synchronous "for security reasons"; tty_ldisc_hangup (tty_ldisc.c);
// n_tty_read (n_tty.c); Hurley's "tty: Prepare for destroying line discipline on hangup"
// (e55afd11a483, v4.6) for the NULL ldisc the late callers now meet.
//
// Inode I is the terminal; its struct files are on tty->tty_files. __tty_hangup, under tty_lock:
// for every file on tty_files whose f_op is tty_fops, a plain store f_op = &hung_up_tty_fops
// (under files_lock, which only open's tty_add_file and release take: one step); SIGHUP to the
// session; then tty_ldisc_hangup: wake the ldisc's sleepers and take the ldisc semaphore for
// writing (ldsem_down_write, no timeout) - it waits until no caller holds a read reference - and
// kill the ldisc (tty->ldisc = NULL: this design's own state); then the driver's ->hangup, and vhangup returns.
// Callers: vfs_read/vfs_write load f_op (tty_fops or hung_up_tty_fops) once. tty_read/tty_write
// then take the ldisc reference (tty_ldisc_ref_wait = ldsem_down_read: it waits while hangup holds
// the semaphore, and returns NULL once the ldisc is gone: hung_up_tty_read's 0, hung_up_tty_write's
// -EIO). A read inside n_tty_read holds the reference, sees tty_hung_up_p(file) when woken and
// returns. hung_up_tty_fops: read 0, write and ioctl -EIO, no mmap (tty_fops has none either).
// What hangup does not reach:
// - driver ioctls (tty_ioctl -> tty->ops->ioctl, before any ldisc reference) and splice: calls
//   through the old f_op that hold no ldisc reference are not waited for (`pread` stands for them;
//   on a hung-up file hung_up_tty_ioctl answers -EIO, -ENOTTY for TIOCSPGRP alone, which no kind
//   here stands for);
// - inode-level calls (fchmod, fchown, fsetxattr, fstat on the device node) never go through f_op
//   (and hangup does not promise to stop them: `promises`). The documented use changes the owner
//   first: agetty `chown(tty, 0, 0); chmod(tty, 0600)` before vhangup, login chowns the tty to the
//   new user, so the old session's fchmod and fsetxattr fail EPERM (setattr_prepare) and only its
//   fstat still reads the node (holderOwns). fsetxattr is answered and judged as fchmod in every
//   state, so fchmod stands for it; fstat is enumerated apart.
// - an open past may_open is serialised with the hangup by tty_lock, and one after it reopens the
//   tty (tty_open clears TTY_HUPPED): the new struct file has tty_fops. An open the old session
//   began before the hangup thus ends with a live descriptor after vhangup returned, which the
//   promise "when the syscall returns the process is complete" does not allow (G1, G4 in 7 and 6
//   steps: the data calls through that descriptor reach the tty).
// Left out: SIGHUP (no guarantee reads signals); poll; the console redirect (cons_filp: the ldisc
// is reinitialised instead of killed, and the redirected file keeps its f_op); Handa's 2024
// splice race, where do_splice_read tests f_op->splice_read, hangup swaps f_op, and the call goes
// through the NULL method of hung_up_tty_fops (a crash no guarantee here names); the hangup of a
// tty with several ldisc users (pty pairs).
// A signal to the revoker (the `revokerSignal` bound) ends none of its waits: tty_ldisc_lock's
// ldsem_down_write sleeps in down_write_failed with TASK_UNINTERRUPTIBLE (drivers/tty/tty_ldsem.c),
// and MAX_SCHEDULE_TIMEOUT never times out.
import { ENTER, type CallKind, type Design, type State, enter, fail, inodeLevel } from '../api/designApi.ts';
import { ownState } from '../kernel/designApi.ts';
import { gateHolders } from '../kernel/gate.ts';
import { filesOnI, revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { bool, record, withFileRevoked } from '../kernel/state.ts';

/** The line discipline: gone once tty_ldisc_kill set tty->ldisc = NULL. */
const ldisc = ownState({ layout: () => record({ gone: bool }), init: () => ({ gone: false }) });
const ldiscGone = (s: State): boolean => ldisc.get(s).gone;

/** __tty_hangup runs under tty_lock from its first step to its return. */
const hangingUp = (s: State): boolean => s.revoker.pc !== 'idle' && s.revoker.pc !== 'done';

/** What a hung-up read or write returns: hung_up_tty_read's 0, hung_up_tty_write's -EIO. */
const hungUp = (kind: CallKind) => fail(kind === 'read' ? 'EOF' : 'EIO');

const swapFops = revokerStep({
  name: 'RevokeHangupFiles',
  doc: 'The revoker (__tty_hangup, under tty_lock and files_lock) stores f_op = &hung_up_tty_fops in every struct file on tty_files: calls that load f_op from now on get the hung-up methods.',
  kernel: '__tty_hangup: f_op = &hung_up_tty_fops',
  from: 'idle',
  to: 'hungup',
  next(s) {
    let next = s;
    for (const f of filesOnI(s)) next = withFileRevoked(next, f);
    return next;
  },
  label: (s) => `RevokeHangupFiles: f_op = hung_up_tty_fops for ${filesOnI(s).join(', ') || 'no file'}`,
});

const killLdisc = revokerStep({
  name: 'RevokeKillLdisc',
  doc: 'The revoker (tty_ldisc_hangup) takes the ldisc semaphore for writing once no caller holds a read reference, and kills the ldisc (tty->ldisc = NULL).',
  kernel: 'tty_ldisc_hangup: tty_ldisc_lock, tty_ldisc_kill',
  from: 'hungup',
  to: 'ldisc-killed',
  waitsFor: { holds: 'an ldisc reference', holders: (s) => gateHolders(s) },
  next: (s) => ldisc.set(s, { gone: true }),
  label: () => 'RevokeKillLdisc: no ldisc reader left, tty->ldisc = NULL',
});

export const ttyHangup: Design = {
  name: 'tty-hangup',
  callKinds: ['read', 'write', 'pread', 'fchmod', 'fstat'],
  holderOwns: false,
  state: ldisc,
  on: {
    begin: {
      kernel: 'fdget, f_op loaded: tty_read, tty_write, or tty_ioctl -> tty->ops->ioctl',
      hook(_s, _p, op) {
        if (inodeLevel(op.kind)) return ENTER;
        if (op.file.ops === 'revoked') return hungUp(op.kind);
        // read and write go on to take the ldisc reference (the `record` point); driver ioctls take none.
        return op.kind === 'pread' ? ENTER : enter({ holds: true, recordsLater: true });
      },
    },
    record: {
      kernel: 'tty_ldisc_ref_wait (ldsem_down_read)',
      hook(s, _p, op) {
        if (ldiscGone(s)) return hungUp(op.call.kind);
        // ldsem lets no reader in while hangup waits for, or holds, the write side.
        return s.revoker.pc === 'hungup' ? 'wait' : ENTER;
      },
    },
    // A read or write inside the ldisc sees tty_hung_up_p(file) and returns (n_tty_read 0, n_tty_write
    // -EIO); a driver ioctl or an inode-level call acts with what it loaded.
    end: {
      kernel: 'tty_ldisc_deref, fdput',
      hook: (s, _p, { call }) => ((call.kind === 'read' || call.kind === 'write') && s.files[call.file]?.ops === 'revoked' ? hungUp(call.kind) : ENTER),
    },
    // tty_fops has no ->mmap.
    mmap: () => fail('ENODEV'),
    // tty_open is serialised with the hangup by tty_lock.
    open: (s) => (hangingUp(s) ? 'wait' : ENTER),
  },
  // What hangup is for: the files of the old session lose the terminal's data. Inode-level calls
  // on the device node, mappings (a tty has none) and a later open (it reopens the tty) are not
  // its business.
  promises: {
    stops: {
      data: 'tty_io.c tty_vhangup: "We do this synchronously so that when the syscall returns the process is complete. That guarantee is necessary for security reasons."',
    },
  },
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'violated 7',
    'no-mapping-after-revoke': 'unpromised',
    'no-inode-access-after-return': 'violated 4',
    'writes-complete-reads-abort': 'violated 4',
    'no-live-file-anywhere': 'violated 6',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'unpromised 1',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [swapFops, killLdisc, revokeReturn({ kernel: 'tty_vhangup returns', from: 'ldisc-killed' })],
};
