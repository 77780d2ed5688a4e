// The revoke model's presentation hooks: how a counterexample reads to a kernel reviewer.
// Lanes are lockdep's columns: the revoker first, then the tasks in scan order (the owner's
// thread right after the owner), then the fork child. States print as stateJson (in the text
// trace, the page and the ITF, typed there by stateJsonLayout); the object graph of the breaking
// state is objectGraph; whom the revoker waits for in it, waitsOn. Beside each label, the kernel
// code its step abstracts (kernelNames); the same step as a kernel call for the LKML form
// (kernelStep); the fact that breaks a guarantee at the bad step (cause).
// Messages are the SCM_RIGHTS hand-offs, found from the socketpair's queue rather than from
// action names: a step that fills the empty queue is a sendmsg, a step that empties it the
// recvmsg that takes that message (the queue is FIFO, so pending sends are matched in order).
import type { Presentation, TraceStep } from '../../../checker/spec.ts';
import type { RevokeParams } from '../kernel/params.ts';
import { cause } from './cause.ts';
import { kernelName, stepKernelName } from './kernelNames.ts';
import { kernelStep } from './kernelStep.ts';
import { objectGraph } from './objectGraph.ts';
import { stateJson } from './stateJson.ts';
import { stateJsonLayout } from './stateJsonLayout.ts';
import { waitsOn } from './waitsOn.ts';
import { type Message, type State, allTasks } from '../kernel/state.ts';
import type { Installed } from '../kernel/install.ts';

const sameMessage = (a: Message, b: Message): boolean => a.to === b.to && a.file === b.file;

export function messages(trace: readonly TraceStep<State>[]): { from: number; to: number; label: string }[] {
  const out: { from: number; to: number; label: string }[] = [];
  const pending: number[] = [];
  for (let i = 1; i < trace.length; i++) {
    const before = trace[i - 1]!.state.message;
    const after = trace[i]!.state.message;
    if (before !== null && (after === null || !sameMessage(after, before))) {
      const from = pending.shift();
      if (from !== undefined) out.push({ from, to: i, label: `SCM_RIGHTS ${before.file}` });
    }
    if (after !== null && (before === null || !sameMessage(after, before))) pending.push(i);
  }
  return out;
}

/** How design d's traces are drawn. */
export function presentation(d: Installed): Presentation<State, RevokeParams> {
  return {
    lanes: (p) => ['revoker', ...allTasks(p)],
    toJSON: (s, p) => stateJson(d, s, p),
    // Typed by the same design's revoker stages as the state's layout.
    jsonLayout: (p) => stateJsonLayout(p, d),
    messages: (trace) => messages(trace),
    objectGraph: (s, p) => objectGraph(d, s, p),
    waitsOn: (s, p) => waitsOn(d, s, p),
    implementation: (action, p, at) => (at === undefined ? kernelName(d, action) : stepKernelName(d, action, p, at.before, at.step)),
    cause: (trace, p, violated, loopIndex) => cause(d, trace, p, violated, loopIndex),
    kernelStep: (trace, i, p) => kernelStep(d, trace, i, p),
  };
}
