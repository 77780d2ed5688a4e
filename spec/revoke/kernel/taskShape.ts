// taskShape: the bounds that decide which tasks exist and act (1 to 3 user tasks, with or without
// the owner's second thread). The actions ask for their instances (every acting task, every fd)
// in every state, and those lists depend on this shape alone, which has six values: each list is
// built for all six once, and an action's `params` picks its one by an index, building nothing.
import type { RevokeParams } from './params.ts';

export type TaskShape = Pick<RevokeParams, 'tasks' | 'thread'>;

const SHAPES: readonly TaskShape[] = [1, 2, 3].flatMap((tasks) => [false, true].map((thread) => ({ tasks, thread })));

/** `build` of p's task shape, from a table built once; bounds outside the six shapes (validate refuses them) are built on each call. */
export function byTaskShape<T>(build: (shape: TaskShape) => T): (p: TaskShape) => T {
  const table = SHAPES.map(build);
  return (p) => table[(p.tasks - 1) * 2 + (p.thread ? 1 : 0)] ?? build(p);
}
