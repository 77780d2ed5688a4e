// guaranteeVerdicts: what a check concluded about each guarantee it was asked to judge, so a
// passing run can say what it checked. Read off the search's findings: a violation names what
// broke; what the bounds never exercise and what does not apply are listed by the search; the
// rest holds if the phase that judges it saw every state, and is unjudged otherwise.
import type { AnySpec } from '../spec.ts';
import type { CheckResult, GuaranteeVerdict } from '../findings.ts';

export interface Judged {
  /** The invariants and properties selected (those that do not apply included). */
  readonly invariants: readonly string[];
  readonly properties: readonly string[];
  /** The safety search saw every state (it did not stop at a violation, a budget or Ctrl-C). */
  readonly safetyComplete: boolean;
  /** The temporal properties were judged over the whole behaviour graph. */
  readonly propertiesJudged: boolean;
}

export function guaranteeVerdicts(spec: AnySpec, result: CheckResult, judged: Judged): GuaranteeVerdict[] {
  const violated = (kind: string, name: string): boolean => result.violations.some((v) => v.kind === kind && v.name === name);
  // Named or under --strict, an unexercised guarantee is an 'unreached' violation instead.
  const unexercised = (name: string): boolean => (result.unexercised ?? []).includes(name) || violated('unreached', name);
  const verdict = (name: string, kind: 'invariant' | 'property', complete: boolean): GuaranteeVerdict => {
    const na = result.notApplicable?.find((x) => x.name === name);
    if (na) return { name, kind, verdict: 'n/a', reason: na.reason };
    if (violated(kind, name)) return { name, kind, verdict: 'violated' };
    if (!complete) return { name, kind, verdict: 'unjudged' };
    return { name, kind, verdict: unexercised(name) ? 'not-exercised' : 'holds' };
  };
  const guarantees = new Set([...Object.keys(spec.invariants), ...Object.keys(spec.properties ?? {})]);
  const claims = Object.keys(spec.reachable ?? {}).filter((name) => !guarantees.has(name));
  return [
    ...judged.invariants.map((name) => verdict(name, 'invariant', judged.safetyComplete)),
    ...judged.properties.map((name) => verdict(name, 'property', judged.propertiesJudged)),
    ...claims.map((name): GuaranteeVerdict => ({
      name,
      kind: 'reachable',
      verdict: violated('unreached', name) ? 'violated' : judged.safetyComplete ? 'holds' : 'unjudged',
    })),
  ];
}
