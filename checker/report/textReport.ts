// textReport: the human report of a check, in TLC's words: the verdict, each violation's trace,
// what was concluded about each guarantee checked, coverage per action (generated / distinct
// new), and the final statistics.
import { type TraceFormat, violationTrace } from './violationTrace.ts';
import type { AnySpec } from '../spec.ts';
import type { CheckResult, GuaranteeVerdict, Violation } from '../findings.ts';
import { stepsText } from './stepsText.ts';

const n = (x: number): string => x.toLocaleString('en-US');

export function textReport(spec: AnySpec, params: object, result: CheckResult, simulation = false, format: TraceFormat = 'tlc'): string {
  const renderTrace = (v: Violation): string => violationTrace(spec, params, v, format);
  const out: string[] = [];
  const what = simulation ? 'Simulation' : 'Model checking';
  out.push(`${simulation ? 'Simulating' : 'Model checking'} ${spec.name} with ${JSON.stringify(params)}`);
  for (const v of result.violations) out.push(...violationText(spec, v, renderTrace), '');
  for (const q of qualified(result)) out.push(qualifiedLine(q));
  switch (result.verdict) {
    case 'ok':
      out.push(
        simulation ? 'Simulation completed. No walk broke anything (unvisited states are unchecked).' : 'Model checking completed. No error has been found.',
      );
      break;
    case 'violation':
      out.push(`${what} completed with ${result.violations.length} violation${result.violations.length === 1 ? '' : 's'}.`);
      break;
    case 'incomplete':
      out.push(`${what} incomplete: ${result.incompleteReason ?? 'a budget ran out'}. No verdict within the bounds searched.`);
      break;
    case 'interrupted':
      out.push(`${what} interrupted. Statistics so far:`);
      break;
  }
  out.push(...verdictLines(result));
  out.push('Coverage (generated / distinct new):');
  const width = Math.max(0, ...Object.keys(result.coverage).map((k) => k.length));
  for (const [action, c] of Object.entries(result.coverage)) out.push(`  ${action.padEnd(width)}  ${n(c.generated)} / ${n(c.distinct)}`);
  const s = result.stats;
  out.push(`${n(s.generatedStates)} states generated, ${n(s.distinctStates)} distinct states found, ${n(s.queue)} states left on queue.`);
  out.push(simulation ? `The longest walk visited ${s.depth} states.` : `The depth of the complete state graph search is ${s.depth}.`);
  // The whole run's time (the search, then the temporal-property phase if any), and the
  // search's distinct states per second of it: what the run cost, not the search's speed alone.
  out.push(`Finished in ${s.seconds.toFixed(2)} s (${n(Math.round(s.statesPerSecond))} distinct states/s).`);
  out.push(`The optimistic fingerprint collision probability is ${s.collisionProbability.toExponential(1)}.`);
  return out.join('\n') + '\n';
}

/**
 * One line per guarantee checked, so a passing run says what passed: "TypeOK  invariant  holds".
 * TLC lists nothing of the kind (its .cfg says what was asked); a run without any says so.
 */
function verdictLines(result: CheckResult): string[] {
  const verdicts = result.verdicts;
  if (!verdicts) return [];
  if (verdicts.length === 0) return ['Invariants and properties checked: none.'];
  const stoppedAtViolation = result.verdict === 'violation';
  const words = (g: GuaranteeVerdict): string => {
    switch (g.verdict) {
      case 'holds':
        return g.kind === 'reachable' ? 'reached' : 'holds';
      case 'violated': {
        const trace = result.violations.find((v) => v.name === g.name)?.trace ?? [];
        if (g.kind === 'reachable') return 'never reached';
        return trace.length > 0 ? `violated (${stepsText(trace.length - 1)})` : 'violated';
      }
      case 'not-exercised':
        return 'not exercised (holds only vacuously)';
      case 'n/a':
        return `n/a: ${g.reason}`;
      case 'unjudged':
        return stoppedAtViolation ? 'not judged (the search stopped at the first violation; see --continue)' : 'not judged';
    }
  };
  const nameWidth = Math.max(...verdicts.map((g) => g.name.length));
  const kindWidth = Math.max(...verdicts.map((g) => g.kind.length));
  return ['Invariants and properties checked:', ...verdicts.map((g) => `  ${g.name.padEnd(nameWidth)}  ${g.kind.padEnd(kindWidth)}  ${words(g)}`)];
}

/** A guarantee the run did not judge: not applicable here (a note), or not exercised (a warning). */
export interface Qualified {
  readonly level: 'note' | 'warning';
  readonly text: string;
}

export function qualified(result: CheckResult): Qualified[] {
  const out: Qualified[] = [];
  for (const { name, reason } of result.notApplicable ?? []) out.push({ level: 'note', text: `not checked: ${name} does not apply here (n/a: ${reason}).` });
  for (const name of result.unexercised ?? []) {
    out.push({
      level: 'warning',
      text: `${name} is not exercised: no reachable state is in the situation it is about (its reachability partner), so it holds only vacuously within these bounds.`,
    });
  }
  return out;
}

/** As the text report prints them: "Not checked: ..." and "Warning: ...". */
function qualifiedLine(q: Qualified): string {
  return q.level === 'warning' ? `Warning: ${q.text}` : `${q.text[0]!.toUpperCase()}${q.text.slice(1)}`;
}

function violationText(spec: AnySpec, v: Violation, renderTrace: (v: Violation) => string): string[] {
  switch (v.kind) {
    case 'invariant':
      return [`Error: Invariant ${v.name} is violated.`, 'Error: The behavior up to this point is:', renderTrace(v)];
    case 'deadlock':
      return ['Error: Deadlock reached.', 'Error: The behavior up to this point is:', renderTrace(v)];
    case 'property':
      if (v.safety)
        return [
          `Error: Property ${v.name} (always, of a state predicate: checked as an invariant, as TLC does) is violated.`,
          'Error: The behavior up to this point is:',
          renderTrace(v),
        ];
      return [`Error: Temporal property ${v.name} is violated.`, 'Error: The following behavior constitutes a counter-example:', renderTrace(v)];
    case 'unreached':
      return [unreachedText(spec, v.name)];
  }
}

/** A `reachable` predicate named like a guarantee is that guarantee's partner: unreached, the
 * guarantee is not exercised (an error because it was named, or under --strict). One of the
 * spec's own guards nothing: it is the spec's claim that the situation arises (Stateright's
 * `sometimes`), and unreached that claim is false. */
function unreachedText(spec: AnySpec, name: string): string {
  if (name in spec.invariants || name in (spec.properties ?? {})) {
    return `Error: ${name} is not exercised: its reachability partner is never reached (no reachable state is in the situation it is about), so it holds only vacuously within these bounds.`;
  }
  return `Error: ${name} is never reached: the spec says some reachable state satisfies it (a reachable predicate of its own, guarding no guarantee), and none does within these bounds.`;
}
