// hurd-io-revoke: GNU Hurd's revoke(2). glibc (sysdeps/mach/hurd/revoke.c) looks the path up
// (file_name_lookup: a new port of its own on the node), sends io_revoke on it and drops it;
// libdiskfs's diskfs_S_io_revoke (libdiskfs/io-revoke.c) does the work, with libports
// (inhibit-bucket-rpcs.c, begin-rpc.c, destroy-right.c). Read in joshumax/hurd @1de0643.
//
// In the Hurd a struct file is a protid: a port, one per open, that every sharer of the open
// (dup'ed and forked descriptors, a right in flight in a message) names; every operation on it,
// read, write, file_chmod, io_stat and the xattr RPCs alike, is an RPC to the filesystem server
// (the inode-level kinds are one gate here: fsetxattr is answered and judged as fchmod in every
// state, so fchmod stands for it; fstat, io_stat, needs no fshelp_isowner and is enumerated
// apart). Its getty chowns the tty to root before it revokes (daemons/getty.c: `chown (ttyname,
// 0, 0); chmod (ttyname, 0600); revoke (ttyname)`): the holders own it no longer (holderOwns),
// and diskfs_S_file_chmod's fshelp_isowner answers their file_chmod EPERM. The server:
// fshelp_isowner, then ports_inhibit_bucket_rpcs on the filesystem's whole port bucket:
// hurd_thread_cancel every RPC in progress but its own (a cancellable sleep returns EINTR; an RPC
// busy in I/O goes on) and wait until none is left, with new RPCs held in ports_begin_rpc; then
// ports_destroy_right on every protid of the node but the one the request came on (glibc's own);
// then ports_resume_bucket_rpcs. A destroyed right is a dead name: later RPCs on it, and a right
// received from a message after, fail (glibc raises SIGLOST; the model reads it as EIO).
// An open is a dir_lookup RPC: one past its permission check is in progress, so the wait covers
// it, and the protid it makes is destroyed with the others.
// A signal to the revoker (the `revokerSignal` bound): glibc's RPC interruption sends
// interrupt_operation on the port of the io_revoke in progress (uninhibitable:
// libports/default-uninhibitable-rpcs.c), and ports_S_interrupt_operation's ports_interrupt_rpcs
// hurd_thread_cancels the server thread. Its pthread_hurd_cond_wait_np in the drain returns
// cancelled: ports_inhibit_bucket_rpcs breaks out with EINTR, clears PORT_BUCKET_INHIBIT_WAIT and
// does not set PORT_BUCKET_INHIBITED (libports/inhibit-bucket-rpcs.c), so ports_begin_rpc holds no
// new RPC from then on. diskfs_S_io_revoke ignores the error (libdiskfs/io-revoke.c): it destroys
// the node's protids with the RPCs still running and new ones coming in, then calls
// ports_resume_bucket_rpcs, whose first act is assert(bucket->flags & PORT_BUCKET_INHIBITED)
// (assert_backtrace in later trees; Makeconf defines no NDEBUG): the assertion fails and the
// filesystem server aborts, so io_revoke never replies and revoke(2) returns an error ('failed'):
// nothing after it is owed, and the calls that were still running die with their server. Built
// with NDEBUG, the resume would clear nothing and revoke would return 0 with those RPCs in
// progress (spec/revoke/README.md's bounds section says what that build does to the cells).
// Not reached [derived from io_map]: a mapping is the node's pager (diskfs_get_filemap), a memory
// object of its own: destroying protids leaves existing mappings and their faults working.
// Left out: libnetfs's io_revoke, which destroys the rights with no inhibit, cancel or drain (its
// RPCs in progress finish after it returns); a second io_revoke (the model has one revoker):
// its own RPC is held in ports_begin_rpc while the first drains or is inhibited (begin-rpc.c
// blocks on PORTS_INHIBITED | PORTS_INHIBIT_WAIT), so it overlaps only if it began first; then
// the first's drain waits for it, its inhibit returns EBUSY, which it ignores, it destroys the
// protids without a drain, and its resume's assertion fails as above (the first has not set
// PORT_BUCKET_INHIBITED); the cancellation's EINTR for other nodes' RPCs in the same bucket (no
// guarantee reads them).
import { type Design, type Holder, type State, enter, fail, ENTER } from '../api/designApi.ts';
import { callerHolders } from '../kernel/gate.ts';
import { filesOnI, revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { withFileRevoked } from '../kernel/state.ts';

/** ports_begin_rpc holds new RPCs while the bucket is inhibited (from the cancel to the resume). */
const inhibited = (s: State): boolean => s.revoker.pc === 'inhibiting' || s.revoker.pc === 'inhibited' || s.revoker.pc === 'destroyed';

/** The RPCs other than the revoker's own in progress on the bucket: calls, and opens' dir_lookup past their permission check. */
function rpcsInProgress(s: State): Holder[] {
  const opens: Holder[] = Object.keys(s.tasks)
    .sort()
    .filter((t) => s.tasks[t]!.opening === 'permitted')
    .map((t) => ({ task: t, through: 'open' }));
  return [...callerHolders(s), ...opens];
}

const inhibit = revokerStep({
  name: 'RevokeInhibit',
  doc: 'The revoker (ports_inhibit_bucket_rpcs) cancels every RPC in progress on the bucket but its own and holds new ones in ports_begin_rpc.',
  kernel: 'ports_inhibit_bucket_rpcs: hurd_thread_cancel',
  from: 'idle',
  to: 'inhibiting',
  next: (s) => s,
  label: () => 'RevokeInhibit: RPCs cancelled, new RPCs held',
});

const drain = revokerStep({
  name: 'RevokeDrain',
  doc: 'The revoker waits until no RPC but its own is in progress on the bucket (bucket->rpcs <= this_one): enabled only then.',
  kernel: 'ports_inhibit_bucket_rpcs: wait for bucket->rpcs',
  from: 'inhibiting',
  to: 'inhibited',
  waitsFor: { holds: 'an RPC in progress on the bucket', holders: rpcsInProgress },
  // hurd_thread_cancel (from interrupt_operation) ends the sleep: the bucket is left uninhibited.
  onSignal: { sleep: 'interruptible', kernel: 'ports_inhibit_bucket_rpcs: pthread_hurd_cond_wait_np cancelled, EINTR (ignored)', to: 'interrupted' },
  next: (s) => s,
  label: () => 'RevokeDrain: no RPC in progress',
});

/** ports_destroy_right on each protid of the node: from the drained bucket, or from one a signal left uninhibited. */
const destroyRightsFrom = (from: string, to: string) =>
  revokerStep({
    name: 'RevokeDestroyRights',
    doc: "The revoker (ports_destroy_right) destroys every protid of the node but glibc's own: their names go dead everywhere, messages in flight included.",
    kernel: 'ports_destroy_right (each protid of the node)',
    from,
    to,
    next(s) {
      let next = s;
      for (const f of filesOnI(s)) next = withFileRevoked(next, f);
      return next;
    },
    label: (s) => `RevokeDestroyRights: ${filesOnI(s).join(', ') || 'no protid'} destroyed`,
  });

const resumeAsserts = revokerStep({
  name: 'RevokeResumeAborts',
  doc: 'The revoker (ports_resume_bucket_rpcs) asserts the bucket is inhibited, which the interrupted inhibit left it not: the server aborts and io_revoke never replies.',
  kernel: 'ports_resume_bucket_rpcs: assert(flags & PORT_BUCKET_INHIBITED) fails, the server aborts',
  from: 'uninhibited-destroyed',
  to: 'failed',
  next: (s) => s,
  label: () => 'RevokeResumeAborts: assertion failed, revoke returns an error',
});

export const hurdRevoke: Design = {
  name: 'hurd-io-revoke',
  callKinds: ['read', 'write', 'fchmod', 'fstat'],
  holderOwns: false,
  on: {
    begin: {
      kernel: 'an io RPC: ports_begin_rpc',
      // Every operation is an RPC on the protid (file_chmod, io_stat too), counted until it replies.
      hook: (s, _p, op) => (op.file.ops === 'revoked' ? fail('EIO') : inhibited(s) ? 'wait' : enter({ holds: true })),
    },
    end: { kernel: 'ports_end_rpc, the reply' },
    // io_map is an RPC too, over its step.
    mmap: (s, _p, op) => (op.file.ops === 'revoked' ? fail('EIO') : inhibited(s) ? 'wait' : ENTER),
    // The open in progress is inside its dir_lookup RPC already.
    open: { kernel: { OpenBegin: 'file_name_lookup: dir_lookup, permission checked', OpenFile: 'dir_lookup: diskfs_make_protid' } },
    // The pager serves the node's pages whatever became of the protids.
    fault: () => ENTER,
  },
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'holds',
    'no-mapping-after-revoke': 'violated 5',
    'no-inode-access-after-return': 'holds',
    'writes-complete-reads-abort': 'holds',
    'no-live-file-anywhere': 'holds',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'holds',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  // ports_resume_bucket_rpcs, glibc drops its port, revoke returns.
  steps: [
    inhibit,
    drain,
    destroyRightsFrom('inhibited', 'destroyed'),
    revokeReturn({ kernel: 'ports_resume_bucket_rpcs, diskfs_S_io_revoke returns', from: 'destroyed' }),
    destroyRightsFrom('interrupted', 'uninhibited-destroyed'),
    resumeAsserts,
  ],
};
