// Passing descriptors over a unix socketpair: sendmsg with SCM_RIGHTS, recvmsg.
//
// scm_fp_copy looks each fd up with fget_raw (one more f_count, no check of f_op or of any
// revoke state) and unix_attach_fds queues the message; the reference now lives in the socket
// buffer, where no fd-table scan looks. scm_detach_fds (receive_fd) installs it in the
// receiver's lowest free fd: the reference moves, f_count is unchanged. Each is atomic under the
// socket's and the table's locks. A revoked or bad slot is not a struct file on I, so sending it
// passes nothing and is not modelled. Into a full table, scm_detach_fds stops installing, sets
// MSG_CTRUNC, and the skb's destructor puts the file (the reference is dropped, not kept waiting).
import { defineAction } from '../../../checker/defineAction.ts';
import { canAct } from './files.ts';
import type { RevokeParams } from './params.ts';
import { taskPairs } from './instances.ts';
import {
  type FileId,
  type State,
  type TaskId,
  actors,
  begun,
  freeFd,
  revokeFinished,
  getFile,
  isMarker,
  putFile,
  tableOf,
  task,
  withMessage,
  withSlot,
} from './state.ts';

export const SendFd = defineAction<State, RevokeParams, { from: TaskId; to: TaskId; file: FileId }>({
  name: 'SendFd',
  doc: 'Task `from` sends one of its struct files to `to` over the socketpair (scm_fp_copy, unix_attach_fds): the message holds a reference.',
  *params(s, p) {
    for (const { from, to } of taskPairs(p)) {
      // Each struct file t's table holds, once, in id order (fd 3 and 4 may name the same one).
      const table = tableOf(s, from);
      const a = table[3] !== undefined && !isMarker(table[3]) ? table[3] : undefined;
      const b = table[4] !== undefined && !isMarker(table[4]) ? table[4] : undefined;
      if (a !== undefined && b !== undefined && a !== b) {
        yield { from, to, file: a < b ? a : b };
        yield { from, to, file: a < b ? b : a };
      } else if (a !== undefined || b !== undefined) yield { from, to, file: (a ?? b)! };
    }
  },
  enabled: (s, { from, to }, p) =>
    s.message === null &&
    canAct(s, from) &&
    (s.tasks[from]!.table !== s.tasks[to]!.table || p.selfSend) &&
    (!p.sendDuringRevoke || (begun(s) && !revokeFinished(s))),
  next: (s, { to, file }) => getFile(withMessage(s, { to, file }), file),
  label: (_s, { from, to, file }) => `SendFd(${from} -> ${to} via s0, ${file})`,
  actor: (_s, { from }) => from,
});

/** The receiving task's socket end is in t's table (t is the receiver, or a thread sharing its table). */
const receives = (s: State, t: TaskId): boolean => s.message !== null && s.tasks[s.message.to]!.table === s.tasks[t]!.table;

export const RecvFd = defineAction<State, RevokeParams, TaskId>({
  name: 'RecvFd',
  doc: "Task t receives the queued message (scm_detach_fds): its struct file lands in t's lowest free fd, whatever revoke did meanwhile; into a full table the file is put and recvmsg reports MSG_CTRUNC.",
  params: (_s, p) => actors(p),
  pick: 't',
  enabled: (s, t, p) => receives(s, t) && canAct(s, t) && (!p.recvAfterReturn || revokeFinished(s)),
  next(s, t, p) {
    const fd = freeFd(tableOf(s, t), p);
    const f = s.message!.file;
    const taken = withMessage(s, null);
    return fd === undefined ? putFile(taken, f) : withSlot(taken, task(s, t).table, fd, f);
  },
  label(s, t, p, next) {
    const fd = freeFd(tableOf(s, t), p);
    const f = s.message!.file;
    if (fd !== undefined) return `RecvFd(${t}, s0): fd ${fd} -> ${f}`;
    return `RecvFd(${t}, s0): table full, MSG_CTRUNC, ${f} put${next.files[f] === undefined ? ' and freed' : ''}`;
  },
  actor: (_s, t) => t,
});
