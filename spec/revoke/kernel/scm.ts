// Passing descriptors over a unix socketpair: sendmsg with SCM_RIGHTS, recvmsg.
//
// scm_fp_copy looks each fd up with fget_raw (one more f_count, no check of f_op or of any
// revoke state) and unix_attach_fds queues the message; the reference now lives in the socket
// buffer, where no fd-table scan looks. scm_detach_fds (receive_fd) installs it in the
// receiver's lowest free fd: the reference moves, f_count is unchanged. Each is atomic under the
// socket's and the table's locks. A revoked or bad slot is not a struct file on I, so sending it
// passes nothing and is not modelled; a full table (EMFILE) is a receive that waits.
import { defineAction } from '../../../checker/defineAction.ts';
import { canAct } from './files.ts';
import type { RevokeParams } from './params.ts';
import { taskPairs } from './instances.ts';
import { type FileId, type State, type TaskId, freeFd, getFile, isMarker, tableOf, task, userTasks, withMessage, withSlot } from './state.ts';

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
  enabled: (s, { from, to }, p) => s.message === null && canAct(s, from) && (from !== to || p.selfSend),
  next: (s, { to, file }) => getFile(withMessage(s, { to, file }), file),
  label: (_s, { from, to, file }) => `SendFd(${from} -> ${to} via s0, ${file})`,
  actor: (_s, { from }) => from,
});

export const RecvFd = defineAction<State, RevokeParams, TaskId>({
  name: 'RecvFd',
  doc: "Task t receives the queued message (scm_detach_fds): its struct file lands in t's lowest free fd, whatever revoke did meanwhile.",
  params: (_s, p) => userTasks(p),
  enabled: (s, t) => s.message !== null && s.message.to === t && canAct(s, t) && freeFd(tableOf(s, t)) !== undefined,
  next: (s, t) => withMessage(withSlot(s, task(s, t).table, freeFd(tableOf(s, t))!, s.message!.file), null),
  label: (s, t) => `RecvFd(${t}, s0): fd ${freeFd(tableOf(s, t))} -> ${s.message!.file}`,
  actor: (_s, t) => t,
});
