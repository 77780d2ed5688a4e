// rebuildTrace: the shortest trace to a stored state, from parent links alone.
//
// Like TLC, the checker keeps no states for traces: it walks the parent links back to an initial
// state, then re-runs the recorded action from each state and keeps the successor whose key bytes
// match the next stored state. Labels (possibly lazy) are resolved here, the only place they are
// needed.
import type { AnySpec, Successor, TraceStep } from '../spec.ts';
import type { ByteWriter } from '../state/byteWriter.ts';
import type { StoredStates } from '../state/seenSet.ts';
import type { StateEncoder } from '../state/stateEncoder.ts';
import { SpecError } from '../errors.ts';
import type { ParentLinks } from '../state/parentLinks.ts';
import { resolveLabel } from './resolveLabel.ts';
import { findSuccessor } from './findSuccessor.ts';

export interface StoredGraph {
  readonly spec: AnySpec;
  readonly params: object;
  readonly encode: StateEncoder;
  readonly writer: ByteWriter;
  readonly seen: StoredStates;
  readonly parents: ParentLinks;
}

export function rebuildTrace(g: StoredGraph, index: number): TraceStep<unknown>[] {
  const chain = g.parents.chain(index);
  let state = findInitial(g, chain[0]!);
  const trace: TraceStep<unknown>[] = [{ action: null, label: 'Initial predicate', state }];
  for (let i = 1; i < chain.length; i++) {
    const action = g.spec.actions[g.parents.action(chain[i]!)]!;
    const index = chain[i]!;
    const succ = findSuccessor(action, state, g.params, (s) => isStoredAt(g, index, s.state));
    if (!succ) throw new SpecError(`action ${action.name} is not deterministic: re-running it did not reach the recorded state (trace step ${i + 1})`);
    state = succ.state;
    trace.push(step(action.name, succ));
  }
  return trace;
}

/**
 * The trace to a successor that was checked but not stored (outside the constraint): the stored
 * trace to its parent, then the step by `action` to the successor `isTarget` recognises (by its
 * key: `hasKeyOf`; the parallel search, which keeps only fingerprints, by those).
 */
export function rebuildTraceToUnstored(g: StoredGraph, parent: number, action: number, isTarget: (state: unknown) => boolean): TraceStep<unknown>[] {
  const trace = rebuildTrace(g, parent);
  const act = g.spec.actions[action]!;
  const succ = findSuccessor(act, trace[trace.length - 1]!.state, g.params, (s) => isTarget(s.state));
  if (!succ) throw new SpecError(`action ${act.name} is not deterministic: re-running it did not reach the state checked outside the constraint`);
  trace.push(step(act.name, succ));
  return trace;
}

/** Recognises a state with the key `state` has (its key taken now, once). */
export function hasKeyOf(g: StoredGraph, state: unknown): (other: unknown) => boolean {
  g.encode(state);
  const key = g.writer.take();
  return (other) => {
    g.encode(other);
    return g.writer.holds(key);
  };
}

export function step(action: string, succ: Successor<unknown>): TraceStep<unknown> {
  const label = resolveLabel(succ.label);
  return {
    action,
    label,
    ...(succ.actor === undefined ? {} : { actor: succ.actor }),
    ...(succ.picks === undefined ? {} : { picks: succ.picks }),
    state: succ.state,
  };
}

/** The first initial state stored with the key at `index` (under a view, one outside the constraint may share it). */
function findInitial(g: StoredGraph, index: number): unknown {
  for (const s of g.spec.init(g.params)) if ((g.spec.constraint?.(s, g.params) ?? true) && isStoredAt(g, index, s)) return s;
  throw new SpecError('init is not deterministic: re-running it did not give the recorded initial state');
}

/** Whether `state` has the key of the state stored at `index`. */
function isStoredAt(g: StoredGraph, index: number, state: unknown): boolean {
  g.encode(state);
  return g.seen.matches(index, g.writer.bytes, g.writer.length);
}
