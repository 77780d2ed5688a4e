// The candidate instances of the user actions (every task, every fd, every kind of call): an
// action's `params` is asked in every state, and the lists depend only on the bounds' task shape,
// so each is built once for every shape (taskShape.ts).
import type { TaskShape } from './taskShape.ts';
import { byTaskShape } from './taskShape.ts';
import { type CallKind, FDS, type Fd, type TaskId, actors, ownerTask, userTasks } from './state.ts';

/** Every (acting task, fd). */
export const taskFds = byTaskShape((shape) => actors(shape).flatMap((t) => FDS.map((fd) => ({ t, fd }))));

/** Every (task, fd, kind) for the call kinds a design enumerates (built when its spec is). */
export function taskFdKinds(kinds: readonly CallKind[]): (p: TaskShape) => readonly { t: TaskId; fd: Fd; kind: CallKind }[] {
  return byTaskShape((shape) => actors(shape).flatMap((t) => FDS.flatMap((fd) => kinds.map((kind) => ({ t, fd, kind })))));
}

/**
 * Every (sender, receiving user task), self-sends included. The receiver names a socket end in a
 * user task's table: under `thread`, the owner's thread sends and receives on the owner's end.
 */
export const taskPairs = byTaskShape((shape) => actors(shape).flatMap((from) => userTasks(shape).map((to) => ({ from, to }))));

/** The acting tasks but the owner, and the owner alone: whose calls may end, and whose may block for ever (stuckCaller). */
export const actorsButOwner = byTaskShape((shape) => actors(shape).filter((t) => t !== ownerTask(shape)));
export const ownerAlone = byTaskShape((shape): readonly TaskId[] => [ownerTask(shape)]);
