// The candidate instances of the user actions (every task, every fd, every kind of call), built
// once per bounds: an action's `params` is asked in every state, and the lists never change
// within a check.
import type { RevokeParams } from './params.ts';
import { perParams } from './perParams.ts';
import { type CallKind, FDS, type Fd, type TaskId, actors, userTasks } from './state.ts';

/** Every (acting task, fd). */
export const taskFds = perParams((p) => actors(p).flatMap((t) => FDS.map((fd) => ({ t, fd }))));

/** Every (task, fd, kind) for the kinds `kinds(p)` enumerates. */
export function taskFdKinds(kinds: (p: RevokeParams) => readonly CallKind[]): (p: RevokeParams) => readonly { t: TaskId; fd: Fd; kind: CallKind }[] {
  return perParams((p) => actors(p).flatMap((t) => FDS.flatMap((fd) => kinds(p).map((kind) => ({ t, fd, kind })))));
}

/**
 * Every (sender, receiving user task), self-sends included. The receiver names a socket end in a
 * user task's table: under `thread`, the owner's thread sends and receives on the owner's end.
 */
export const taskPairs = perParams((p) => actors(p).flatMap((from) => userTasks(p).map((to) => ({ from, to }))));
