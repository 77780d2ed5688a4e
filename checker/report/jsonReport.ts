// jsonReport: the one JSON object `--json` prints (docs/CLI.md): states as plain JSON, trace[0]
// the initial state with action null; `cause`, where the spec words one, what breaks the guarantee.
import type { AnySpec } from '../spec.ts';
import type { CheckResult, Violation } from '../findings.ts';
import { stateToPlain } from '../trace/toPlain.ts';

export function jsonReport(spec: AnySpec, params: object, result: CheckResult): object {
  return {
    spec: spec.name,
    params,
    verdict: result.verdict,
    ...(result.incompleteReason ? { reason: result.incompleteReason } : {}),
    stats: {
      distinctStates: result.stats.distinctStates,
      generatedStates: result.stats.generatedStates,
      depth: result.stats.depth,
      seconds: round(result.stats.seconds),
      statesPerSecond: Math.round(result.stats.statesPerSecond),
      collisionProbability: result.stats.collisionProbability,
      queue: result.stats.queue,
    },
    coverage: result.coverage,
    // Guarantees not exercised (their reachability partner never reached) and not applicable.
    unreached: result.unexercised ?? [],
    notApplicable: result.notApplicable ?? [],
    // Each guarantee checked and what the run concluded (holds, violated, not-exercised, n/a, unjudged).
    ...(result.verdicts ? { verdicts: result.verdicts } : {}),
    violations: result.violations.map((v) => ({
      kind: v.kind,
      name: v.name,
      ...(v.loopIndex !== undefined ? { loopIndex: v.loopIndex } : {}),
      ...(v.safety ? { safety: true } : {}),
      ...causeField(spec, params, v),
      trace: v.trace.map((s) => ({
        action: s.action,
        label: s.label,
        ...(s.actor !== undefined ? { actor: s.actor } : {}),
        state: stateToPlain(spec, params, s.state),
      })),
    })),
  };
}

/** The JSON object for a run that ended without a result (interrupted before any, or an error). */
export function jsonError(spec: string | null, params: object | null, verdict: 'error' | 'interrupted', message: string): object {
  return { spec, params, verdict, error: message };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** What breaks the guarantee at the bad step, in the spec's words (its `cause` hook), when it words one. */
function causeField(spec: AnySpec, params: object, v: Violation): { cause?: string } {
  const cause = spec.presentation?.cause?.(v.trace, params, v.name, v.loopIndex);
  return cause === undefined ? {} : { cause };
}
