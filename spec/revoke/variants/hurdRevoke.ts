// hurd-io-revoke: GNU Hurd's revoke(2). glibc (sysdeps/mach/hurd/revoke.c) looks the path up
// (file_name_lookup: a new port of its own on the node), sends io_revoke on it and drops it;
// libdiskfs's diskfs_S_io_revoke (libdiskfs/io-revoke.c) does the work, with libports
// (inhibit-bucket-rpcs.c, begin-rpc.c, destroy-right.c). Read in joshumax/hurd @1de0643.
//
// In the Hurd a struct file is a protid: a port, one per open, that every sharer of the open
// (dup'ed and forked descriptors, a right in flight in a message) names; every operation on it,
// read, write and file_chmod alike, is an RPC to the filesystem server. The server:
// fshelp_isowner, then ports_inhibit_bucket_rpcs on the filesystem's whole port bucket:
// hurd_thread_cancel every RPC in progress but its own (a cancellable sleep returns EINTR; an RPC
// busy in I/O goes on) and wait until none is left, with new RPCs held in ports_begin_rpc; then
// ports_destroy_right on every protid of the node but the one the request came on (glibc's own);
// then ports_resume_bucket_rpcs. A destroyed right is a dead name: later RPCs on it, and a right
// received from a message after, fail (glibc raises SIGLOST; the model reads it as EIO).
// An open is a dir_lookup RPC: one past its permission check is in progress, so the wait covers
// it, and the protid it makes is destroyed with the others.
// Not reached [derived from io_map]: a mapping is the node's pager (diskfs_get_filemap), a memory
// object of its own: destroying protids leaves existing mappings and their faults working.
// Left out: libnetfs's io_revoke, which destroys the rights with no inhibit, cancel or drain (its
// RPCs in progress finish after it returns); diskfs ignoring an EBUSY from a concurrent inhibit
// (it then destroys without draining, and its resume clears the other's); the cancellation's
// EINTR for other nodes' RPCs in the same bucket (no guarantee reads them).
import { filesOnI, revokeReturn, revokerStep } from '../kernel/revokerSteps.ts';
import { type State, setPc, someTask, withFileRevoked } from '../kernel/state.ts';
import { ENTER, type Variant, fail, gateHeldByCallers } from '../kernel/variant.ts';

/** ports_begin_rpc holds new RPCs while the bucket is inhibited (from the cancel to the resume). */
const inhibited = (s: State): boolean => s.revoker.pc === 'inhibiting' || s.revoker.pc === 'inhibited' || s.revoker.pc === 'destroyed';

/** An RPC other than the revoker's own is in progress on the bucket: a call, or an open's dir_lookup past its permission check. */
const rpcInProgress = (s: State): boolean => gateHeldByCallers(s) || someTask(s, (tk) => tk.opening === 'permitted');

const inhibit = revokerStep({
  name: 'RevokeInhibit',
  doc: 'The revoker (ports_inhibit_bucket_rpcs) cancels every RPC in progress on the bucket but its own and holds new ones in ports_begin_rpc.',
  enabled: (s) => s.revoker.pc === 'idle',
  next: (s) => setPc(s, 'inhibiting'),
  label: () => 'RevokeInhibit: RPCs cancelled, new RPCs held',
});

const drain = revokerStep({
  name: 'RevokeDrain',
  doc: 'The revoker waits until no RPC but its own is in progress on the bucket (bucket->rpcs <= this_one): enabled only then.',
  enabled: (s) => s.revoker.pc === 'inhibiting' && !rpcInProgress(s),
  next: (s) => setPc(s, 'inhibited'),
  label: () => 'RevokeDrain: no RPC in progress',
});

const destroyRights = revokerStep({
  name: 'RevokeDestroyRights',
  doc: "The revoker (ports_destroy_right) destroys every protid of the node but glibc's own: their names go dead everywhere, messages in flight included.",
  enabled: (s) => s.revoker.pc === 'inhibited',
  next(s) {
    let next = s;
    for (const f of filesOnI(s)) next = withFileRevoked(next, f);
    return setPc(next, 'destroyed');
  },
  label: (s) => `RevokeDestroyRights: ${filesOnI(s).join(', ') || 'no protid'} destroyed`,
});

export const hurdRevoke: Variant = {
  name: 'hurd-io-revoke',
  pcs: ['inhibiting', 'inhibited', 'destroyed'],
  callKinds: ['read', 'write', 'fchmod'],
  gate(s, _p, file, kind) {
    // The open in progress is inside its dir_lookup RPC already.
    if (kind === 'open') return ENTER;
    if (file.ops === 'revoked') return fail('EIO');
    if (inhibited(s)) return 'wait';
    // Every operation is an RPC on the protid, counted until it replies; io_map's lasts its step.
    return { enter: true, holds: kind !== 'mmap' };
  },
  callReaches: () => true,
  // The pager serves the node's pages whatever became of the protids.
  faultReaches: () => true,
  cut: (_s, _p, file) => file.ops === 'revoked',
  tasklistHeld: () => false,
  // ports_resume_bucket_rpcs, glibc drops its port, revoke returns.
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
  kernel: {
    RevokeInhibit: 'ports_inhibit_bucket_rpcs: hurd_thread_cancel',
    RevokeDrain: 'ports_inhibit_bucket_rpcs: wait for bucket->rpcs',
    RevokeDestroyRights: 'ports_destroy_right (each protid of the node)',
    RevokeReturn: 'ports_resume_bucket_rpcs, diskfs_S_io_revoke returns',
    SyscallBegin: 'an io RPC: ports_begin_rpc',
    SyscallEnd: 'ports_end_rpc, the reply',
    OpenBegin: 'file_name_lookup: dir_lookup, permission checked',
    OpenFile: 'dir_lookup: diskfs_make_protid',
  },
  steps: [inhibit, drain, destroyRights, revokeReturn((s) => s.revoker.pc === 'destroyed')],
};
