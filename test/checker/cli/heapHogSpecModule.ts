// A binary tree of numbers whose first expansion in a search worker keeps millions of small
// objects on the worker's JS heap: Node ends the worker at its heap limit before the worker gets
// to publish its heap for the coordinator's memory watch (loadable by path: workers import specs
// by file).
import { isMainThread } from 'node:worker_threads';
import type { Spec } from '../../../checker/spec.ts';

const kept: unknown[] = [];

const spec: Spec<number, {}> = {
  name: 'test/heap-hog',
  summary: 'a tree of numbers, heavy in a worker',
  defaults: {},
  init: () => [0],
  actions: [
    {
      name: 'Grow',
      successors: (n) => {
        for (let i = 0; !isMainThread && i < 10_000_000; i++) kept.push({ i });
        return n < 2 ** 16 ? [1, 2].map((k) => ({ label: `Grow(${n}, ${k})`, state: 2 * n + k })) : [];
      },
    },
  ],
  invariants: {},
  terminal: () => true,
};

export default spec;
