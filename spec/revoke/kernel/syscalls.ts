// System calls on a descriptor: read, write, pread (the f_op calls 2006 V1 left borrowed) and the
// inode-level calls, which act on file_inode(file): fchmod (the setattr family of fs/open.c),
// fsetxattr (fs/xattr.c) and fstat (fs/stat.c), each as a begin and an end (api/designApi.ts's
// CallKind says which needs ownership). A design names the kinds it treats
// apart (`callKinds`); `callsAfterReturn` (a scenario's restriction) lets calls on I begin only
// once revoke has returned. flock is left out: it calls f_op->flock where the filesystem has
// one, so it is an f_op call there and an inode-level one elsewhere, both kinds already here.
//
// Begin is the fd lookup and the variant's gate: fdget -> __fget_light on an unshared table
// borrows the struct file (no f_count, the comment in fs/file.c), fget on a shared one (or when
// `fdget=counted`, or when the variant forces it) counts it; then the variant's gate
// (kernfs_get_active, the vnode lock, a dead-inode check) may fail with its error or make the
// caller wait. The call loads f_op (and f_mapping) here and acts through them until it returns.
// A call that fails at the lookup or the gate changes nothing and is not a step: G7 asks the
// gate about every cut descriptor in every state instead, which is stronger than trying one.
// End is the method's effect on the inode (vfs_read/vfs_write copying pages, chmod_common ->
// notify_change), then the gate's release and fdput. Everything between the two (copying, page
// faults, sleeping for I/O) is one window in which other steps interleave: a finer split would
// give the revoker nothing new to observe, since it never reads the call's progress, only whether
// the call holds the file or the gate. fget itself runs under RCU without the table lock, but it
// reads one slot once: atomic with respect to every step that writes that slot.
import { defineAction } from '../../../checker/defineAction.ts';
import { type Enter, type Fail, type Outcome, fail } from '../api/designApi.ts';
import { opThrough } from './access.ts';
import { canAct } from './files.ts';
import type { Installed } from './install.ts';
import type { RevokeParams } from './params.ts';
import { actorsButOwner, ownerAlone, taskFdKinds } from './instances.ts';
import {
  type Call,
  type CallKind,
  type Fd,
  type FileId,
  type State,
  type TaskId,
  getFile,
  actors,
  isMarker,
  revokeFinished,
  putFile,
  tableOf,
  tableShared,
  task,
  withTask,
} from './state.ts';

const verb = (kind: CallKind): string => ({ read: 'Read', write: 'Write', pread: 'Pread', fchmod: 'Fchmod', fsetxattr: 'Fsetxattr', fstat: 'Fstat' })[kind];

/**
 * fdget's choice (fs/file.c __fget_light): borrow the struct file without a reference while the
 * table has one user, count it (fget) otherwise. `fdget=counted` counts always; without the
 * light-fdget rule a shared table borrows too. The design's `fdget` point may count more (2006
 * V1's sys_read/sys_write).
 */
function countsReference(d: Installed, s: State, p: RevokeParams, t: TaskId, kind: CallKind): boolean {
  const counted = p.fdget === 'counted' || (p.lightFdgetRule && tableShared(s, t));
  return d.on.fdget(s, p, { t, kind, counted });
}

interface Begin {
  readonly t: TaskId;
  readonly fd: Fd;
  readonly kind: CallKind;
}

const entered = (o: Outcome): o is Enter => o !== 'wait' && o.enter;

export function SyscallBegin(d: Installed) {
  /** The kinds enumerated: the design's `callKinds` (read and write, and what it treats apart). G7 asks `begin` about every kind directly. */
  const begins = taskFdKinds(d.callKinds);
  return defineAction<State, RevokeParams, Begin>({
    name: 'SyscallBegin',
    doc: "Task t enters a call (read, write, pread, fchmod, fsetxattr, fstat) on fd: fdget (__fget_light borrows, fget counts), then the design's `begin` point; it fails with the point's error or holds the file.",
    params: (_s, p) => begins(p),
    enabled(s, { t, fd, kind }, p) {
      const slot = tableOf(s, t)[fd];
      if (!canAct(s, t) || slot === undefined) return false;
      if (p.callsAfterReturn && !revokeFinished(s) && !isMarker(slot) && s.files[slot]!.inode === 'I') return false;
      return entered(opThrough(d, s, p, slot, kind));
    },
    next(s, { t, fd, kind }, p) {
      const slot = tableOf(s, t)[fd] as FileId;
      const g = opThrough(d, s, p, slot, kind) as Enter;
      const file = s.files[slot]!;
      const counted = countsReference(d, s, p, t, kind);
      const hold = g.recordsLater === true ? 'checked' : g.holds === true ? 'held' : 'none';
      const call: Call = { kind, file: slot, inode: file.inode, counted, loadedOps: file.ops, hold, cancelled: null };
      const inside = withTask(s, t, { ...task(s, t), call });
      const next = file.inode === 'I' && g.change !== undefined ? g.change(inside, t) : inside;
      return counted ? getFile(next, slot) : next;
    },
    label(_s, { t, fd, kind }, _p, next) {
      const call = task(next, t).call!;
      return `${verb(kind)}(${t}, fd ${fd}) begins on ${call.file}, ${call.counted ? 'counted' : 'borrowed'}${call.hold === 'checked' ? ', gate checked' : ''}`;
    },
    actor: (_s, { t }) => t,
  });
}

/**
 * The second half of a `begin` that `recordsLater`: the call records its hold, after the design's
 * `record` point lets it: it may wait, or fail there and return its error at once. A `record` that
 * enters with `recordsLater` again is one more step of the entry: the call stays `checked`, and
 * this action comes again (the C revocable's srcu_read_lock count, then its store of rev->idx).
 */
export function SyscallRecord(d: Installed) {
  const recordOf = (s: State, p: RevokeParams, t: TaskId, call: Call): Outcome => d.on.record(s, p, { t, call });
  return defineAction<State, RevokeParams, TaskId>({
    name: 'SyscallRecord',
    doc: "Task t's call records its hold on the design's gate after the check passed (Biederman 2009: the task's file_hotplug_lock slot; a tty: the ldisc reference), or fails there.",
    params: (_s, p) => actors(p),
    pick: 't',
    enabled: (s, t, p) => {
      const call = task(s, t).call;
      return call !== null && call.hold === 'checked' && recordOf(s, p, t, call) !== 'wait';
    },
    next(s, t, p) {
      const call = task(s, t).call!;
      const g = recordOf(s, p, t, call) as Enter | Fail;
      if (g.enter) {
        const held = withTask(s, t, { ...task(s, t), call: { ...call, hold: g.recordsLater === true ? 'checked' : 'held' } });
        return g.change === undefined ? held : g.change(held, t);
      }
      const gone = g.change === undefined ? s : g.change(s, t);
      const next = withTask(gone, t, { ...task(gone, t), call: null });
      return call.counted ? putFile(next, call.file) : next;
    },
    label(s, t, p) {
      const call = task(s, t).call!;
      const g = recordOf(s, p, t, call) as Enter | Fail;
      if (g.enter && g.recordsLater === true) return `${verb(call.kind)}(${t}) goes on entering ${call.file}: its hold not yet recorded`;
      return g.enter
        ? `${verb(call.kind)}(${t}) records its hold on ${call.file}`
        : `${verb(call.kind)}(${t}) returns ${g.errno === 'EOF' ? '0 (EOF)' : g.errno}: ${call.file}'s gate is gone`;
    },
    actor: (_s, t) => t,
  });
}

/**
 * The design's `end` point for task t's call (a call on J is the kernel's own: it reaches J). A
 * call a revoker step cancelled returns the errno it was cancelled with, and still does what the
 * design's end does on the way out (debugfs_file_put after debugfs_leave_cancellation).
 */
export function callEnd(d: Installed, s: State, p: RevokeParams, t: TaskId, call: Call): Enter | Fail | undefined {
  if (call.inode !== 'I') return undefined;
  const end = d.on.end(s, p, { t, call });
  if (call.cancelled === null) return end;
  return end.change === undefined ? fail(call.cancelled) : fail(call.cancelled, { change: end.change });
}

/**
 * The task whose call may block forever under `stuckCaller` (a D-state sleep inside the method):
 * the owner of F0 (B; A when alone), so T8 needs no hand-off first. Its end is the separate action
 * SyscallEndStuck, so the fairness G5 assumes (WF of SyscallEnd per task, liveness.ts) covers
 * every other task's end but not its.
 */
const NO_TASK: readonly TaskId[] = [];
/** The stuck owner's call was cancelled: it will return (its end is SyscallEnd's, fair, from now on). */
const stuckCancelled = (s: State, p: RevokeParams): boolean => (s.tasks[ownerAlone(p)[0]!]?.call?.cancelled ?? null) !== null;
const unstuckEnders = (s: State, p: RevokeParams): readonly TaskId[] => (!p.stuckCaller ? actors(p) : stuckCancelled(s, p) ? actors(p) : actorsButOwner(p));
const stuckEnders = (s: State, p: RevokeParams): readonly TaskId[] => (p.stuckCaller && !stuckCancelled(s, p) ? ownerAlone(p) : NO_TASK);

function syscallEnd(d: Installed, name: string, doc: string, enders: (s: State, p: RevokeParams) => readonly TaskId[]) {
  return defineAction<State, RevokeParams, TaskId>({
    name,
    doc,
    params: (s, p) => enders(s, p),
    enabled: (s, t) => task(s, t).call !== null && task(s, t).call!.hold !== 'checked',
    next(s, t, p) {
      const call = task(s, t).call!;
      const change = callEnd(d, s, p, t, call)?.change;
      const left = change === undefined ? s : change(s, t);
      const next = withTask(left, t, { ...task(left, t), call: null });
      return call.counted ? putFile(next, call.file as FileId) : next;
    },
    label(s, t, p) {
      const call = task(s, t).call!;
      if (s.files[call.file] === undefined) return `${verb(call.kind)}(${t}) returns through freed ${call.file}: use-after-free`;
      const end = callEnd(d, s, p, t, call);
      const did = { read: 'read', pread: 'read', write: 'wrote', fchmod: 'changed', fsetxattr: 'changed', fstat: 'stat' }[call.kind];
      const errno = end === undefined || end.enter ? undefined : end.errno;
      return `${verb(call.kind)}(${t}) returns: ${errno === undefined ? `${did} ${call.inode}` : errno === 'EOF' ? '0 (EOF)' : errno}`;
    },
    actor: (_s, t) => t,
  });
}

export const SyscallEnd = (d: Installed) =>
  syscallEnd(
    d,
    'SyscallEnd',
    "Task t's call acts on the inode through the f_op it loaded (or fails), releases the gate, and fdput's its reference.",
    unstuckEnders,
  );

/** stuckCaller: the same end for the owner (B), which no fairness condition covers: it may never happen. */
export const SyscallEndStuck = (d: Installed) =>
  syscallEnd(
    d,
    'SyscallEndStuck',
    "stuckCaller: the owner's call ends as SyscallEnd does, but it may also stay blocked in it forever (no fairness on this action).",
    stuckEnders,
  );
