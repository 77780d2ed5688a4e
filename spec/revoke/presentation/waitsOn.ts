// waitsOn: whom the revoker waits for in a state, read off the state as the design's waiting steps
// read it (each step's `waitsFor`: the revoker is at the step, and these are its holders), never
// off a trace's labels. Each wait is an edge of the object graph from the revoker to the holder's
// node (the call or the vma under way, the task whose open is under way, or the revoker itself
// when it holds its own active reference or vnode lock: self-revoke's "waits for itself"); a count
// no task holds (an SRCU reader unlocked on the wrong index) is an edge to the inode.
import type { WaitsFor } from '../../../checker/spec.ts';
import type { Holder } from '../api/designApi.ts';
import type { Installed } from '../kernel/install.ts';
import type { RevokeParams } from '../kernel/params.ts';
import type { State } from '../kernel/state.ts';

function edge(s: State, h: Holder, holds: string, blocks: string): WaitsFor {
  if (h === 'revoker') return { waiter: 'revoker', holder: 'revoker', why: `the revoker holds ${holds} itself`, blocks };
  if ('stray' in h) return { waiter: 'revoker', holder: 'inode:I', why: `${h.stray}: no task holds it`, blocks };
  if (h.through === 'open') return { waiter: 'revoker', holder: `task:${h.task}`, why: `${h.task}'s open holds ${holds}`, blocks };
  const what = h.through === 'call' ? s.tasks[h.task]!.call!.kind : 'mmap';
  return { waiter: 'revoker', holder: `${h.through === 'call' ? 'call' : 'vma'}:${h.task}`, why: `${h.task}'s ${what} holds ${holds}`, blocks };
}

/** Whom design d's revoker waits for in s. */
export function waitsOn(d: Installed, s: State, p: RevokeParams): WaitsFor[] {
  return d.waits.flatMap((w) => (w.at(s, p) ? w.waitsFor.holders(s, p).map((h) => edge(s, h, w.waitsFor.holds, w.step)) : []));
}
