// gate: who holds a design's gate on I, as the drains of the designs that have one count them: a
// task's call that entered holding it (`enter({ holds: true })`: an active reference, the vnode
// lock), and the revoker itself (selfRevoke). A hold of the design's own kind (Biederman 2009's
// mmap slot) lives in its own state, and its drain adds it.
import type { FileId, Holder, State, Task, TaskId } from '../api/designApi.ts';
import { someTask } from './state.ts';

const through = (f: FileId, file: FileId | undefined): boolean => file === undefined || f === file;
const callHolds = (tk: Task, file: FileId | undefined): boolean => tk.call !== null && tk.call.hold === 'held' && through(tk.call.file, file);

/**
 * Someone holds the design's gate on I: a call inside a method, or the revoker itself. With `file`,
 * only holds taken through that struct file count (a per-file drain: Biederman 2009's
 * file_in_use), and the revoker's own does not.
 */
export function gateHeld(s: State, file?: FileId): boolean {
  return (file === undefined && s.revoker.gate) || someTask(s, (tk) => callHolds(tk, file));
}

/** Who holds the gate, as gateHeld counts them: the revoker first, then the tasks in id order. */
export function gateHolders(s: State, file?: FileId): Holder[] {
  const holders: Holder[] = file === undefined && s.revoker.gate ? ['revoker'] : [];
  for (const t of Object.keys(s.tasks).sort()) if (callHolds(s.tasks[t]!, file)) holders.push({ task: t, through: 'call' });
  return holders;
}

/**
 * A caller (not the revoker) holds the design's gate: for a revoker whose wait leaves its own
 * hold out (Hurd's inhibit spares the RPC it runs in; EVIOCREVOKE's ioctl takes evdev->mutex itself).
 */
export function gateHeldByCallers(s: State): boolean {
  return someTask(s, (tk) => callHolds(tk, undefined));
}

/** The callers holding the gate, in task order. */
export function callerHolders(s: State): Holder[] {
  const holders: Holder[] = [];
  for (const t of Object.keys(s.tasks).sort() as TaskId[]) if (callHolds(s.tasks[t]!, undefined)) holders.push({ task: t, through: 'call' });
  return holders;
}
