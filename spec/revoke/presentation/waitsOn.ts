// waitsOn: whom the revoker waits for in a state, read off the state as the design's drain step
// reads it (kernel/variant.ts's Drain: the revoker is at its drain, and these hold the gate), never
// off a trace's labels. Each wait is an edge of the object graph from the revoker to the holder's
// node (the call or the vma under way, or the revoker itself when it holds its own active
// reference or vnode lock: self-revoke's "waits for itself").
import type { WaitsFor } from '../../../checker/spec.ts';
import type { State } from '../kernel/state.ts';
import type { Variant } from '../kernel/variant.ts';

/** Whom design d's revoker waits for in s. */
export function waitsOn(d: Variant, s: State): WaitsFor[] {
  const drain = d.drain;
  if (drain === undefined) return [];
  return drain.holders(s).map((h) => {
    if (h === 'revoker') return { waiter: 'revoker', holder: 'revoker', why: `the revoker holds ${drain.holds} itself`, blocks: drain.step };
    const what = h.through === 'call' ? s.tasks[h.task]!.call!.kind : 'mmap';
    return {
      waiter: 'revoker',
      holder: `${h.through === 'call' ? 'call' : 'vma'}:${h.task}`,
      why: `${h.task}'s ${what} holds ${drain.holds}`,
      blocks: drain.step,
    };
  });
}
