// cycleWaits: the waits (the spec's `waitsOn` hook) that hold in every state of a lasso's cycle:
// the ones that explain why the steps they block are never taken on it. A wait that comes and
// goes on the cycle explains nothing about the cycle as a whole.
import type { AnySpec, TraceStep, WaitsFor } from '../../spec.ts';

export function cycleWaits(spec: AnySpec, params: object, cycle: readonly TraceStep<unknown>[]): WaitsFor[] {
  const hook = spec.presentation?.waitsOn;
  if (!hook || cycle.length === 0) return [];
  const key = (w: WaitsFor) => JSON.stringify([w.waiter, w.holder, w.why, w.blocks ?? null]);
  const [first, ...rest] = cycle.map((step) => hook.call(spec.presentation, step.state, params));
  const everywhere = rest.map((ws) => new Set(ws.map(key)));
  return first!.filter((w) => everywhere.every((keys) => keys.has(key(w))));
}
