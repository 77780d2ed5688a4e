// check: model-check a spec under given parameters. The one entry point the CLI, the table and
// the tests use; it validates what it is asked for and picks the search.
import { availableParallelism } from 'node:os';
import type { AnySpec } from '../spec.ts';
import { UsageError } from '../errors.ts';
import { checkLivenessWatched, recordLiveness, type RecordedLiveness } from '../liveness/checkLiveness.ts';
import type { GraphTap } from '../search/graphTap.ts';
import { bfs } from '../search/bfs.ts';
import { parallelBfs } from '../search/parallel/parallelBfs.ts';
import { transportFor } from '../search/parallel/transportFor.ts';
import { initialStates } from '../search/initialStates.ts';
import { assertKnownInvariants, assertKnownProperties } from '../knownNames.ts';
import { SearchDriver } from '../search/searchDriver.ts';
import { guaranteeVerdicts } from './guaranteeVerdicts.ts';
import type { CheckResult, NotApplicable, Stats } from '../findings.ts';
import type { CheckOptions } from '../checkOptions.ts';

export type { CheckOptions } from '../checkOptions.ts';
export type { CheckResult } from '../findings.ts';

export async function check(spec: AnySpec, params: object, given: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  // Naming only invariants checks only those, naming only properties only those (TLC's cfg).
  const selected: CheckOptions = {
    ...given,
    invariants: given.invariants ?? (given.properties?.length ? [] : Object.keys(spec.invariants)),
    properties: given.properties ?? (given.invariants?.length ? [] : Object.keys(spec.properties ?? {})),
    named: [...(given.named ?? []), ...(given.invariants ?? []), ...(given.properties ?? [])],
  };
  assertKnownInvariants(spec, selected.invariants);
  assertKnownProperties(spec, selected.properties);
  for (const [name, n] of [
    ['max-states', given.maxStates],
    ['max-depth', given.maxDepth],
    ['max-seconds', given.maxSeconds],
    ['max-memory', given.maxMemory],
    ['workers', given.workers === 'auto' ? 1 : given.workers],
  ] as const) {
    if (n !== undefined && !(n > 0)) throw new UsageError(`--${name} must be a positive number`, 2);
  }
  const { options, notApplicable } = withoutInapplicable(selected);
  initialStates(spec, params);
  const { result, safetyComplete, propertiesJudged } = await search(spec, params, options, notApplicable, started);
  const judged = { invariants: selected.invariants!, properties: selected.properties!, safetyComplete, propertiesJudged };
  return { ...result, verdicts: guaranteeVerdicts(spec, result, judged) };
}

/** The search, then the temporal properties; says which of the two saw everything. */
async function search(
  spec: AnySpec,
  params: object,
  options: CheckOptions,
  notApplicable: readonly NotApplicable[],
  started: number,
): Promise<{ result: CheckResult; safetyComplete: boolean; propertiesJudged: boolean }> {
  const properties = options.properties!;
  const recorded = properties.length > 0 ? recorder(spec, params, options) : undefined;
  // The graph the search records keeps its store (spilled files) open for lasso traces: let go at the end, judged or not.
  try {
    const safety = withNotApplicable(await safetySearch(spec, params, options, recorded?.tap), notApplicable);
    // An unreached `reachable` guard says something is vacuous, not that the search stopped early.
    const onlyUnreached = safety.violations.every((v) => v.kind === 'unreached');
    const safetyComplete = safety.verdict === 'ok' || (safety.verdict === 'violation' && (options.continue === true || onlyUnreached));
    if (properties.length === 0) return { result: safety, safetyComplete, propertiesJudged: true };
    // Temporal properties need the whole behaviour graph: judged once safety has had its say
    // (or alongside it, under --continue), with the same encoding of states.
    if (!safetyComplete) return { result: safety, safetyComplete, propertiesJudged: false };
    // The same budgets as the search's: --max-seconds for the whole run, the memory limits; a graph
    // recorded by the search has the search's states, which its state budget has judged, while a
    // graph explored in a pass of its own counts --max-states against its own distinct states
    // (more than the search's under symmetry).
    const { distinctStates, generatedStates, depth } = safety.stats;
    const driver = SearchDriver.of(options, started);
    const live = recorded?.tap.began
      ? await recorded.judge({ distinctStates, generatedStates, depth }, () => driver.stopWanted(performance.now(), 0 /* no state budget here */))
      : await checkLivenessWatched(spec, params, {
          properties,
          fingerprints: !options.exact,
          stop: (distinct) => driver.stopWanted(performance.now(), distinct),
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          ...(options.progressSeconds === undefined ? {} : { progressSeconds: options.progressSeconds }),
        });
    const stats = wholeRun(safety.stats, started);
    if ('verdict' in live) {
      const why = live.verdict === 'interrupted' ? 'interrupted' : live.reason;
      const stopped = {
        ...safety,
        stats,
        verdict: live.verdict,
        unjudged: properties,
        notes: [...(safety.notes ?? []), `${why} while checking temporal properties: none was judged`],
      };
      const result = live.verdict === 'incomplete' ? { ...stopped, incompleteReason: `${live.reason} while checking temporal properties` } : stopped;
      return { result, safetyComplete, propertiesJudged: false };
    }
    const violations = [...safety.violations];
    for (const p of live.properties) {
      if (p.holds) continue;
      const safe = spec.properties![p.name]!.op === 'always';
      violations.push({
        kind: 'property',
        name: p.name,
        trace: p.trace,
        ...(p.loopIndex !== undefined ? { loopIndex: p.loopIndex } : {}),
        ...(p.loopStep ? { loopStep: p.loopStep } : {}),
        ...(p.cycleFairness ? { cycleFairness: p.cycleFairness } : {}),
        ...(safe ? { safety: true } : {}),
      });
    }
    const notes = [...(safety.notes ?? [])];
    if (options.symmetry) notes.push('temporal properties were checked without symmetry reduction: symmetry can hide liveness violations (as TLC warns)');
    if (live.fairness.length > 0) notes.push(`fairness assumed: ${live.fairness.join(', ')}`);
    const result: CheckResult = {
      ...safety,
      stats,
      verdict: violations.length > 0 ? 'violation' : safety.verdict,
      violations,
      ...(notes.length ? { notes } : {}),
    };
    return { result, safetyComplete, propertiesJudged: true };
  } finally {
    recorded?.close();
  }
}

/**
 * The behaviour graph's recorder, when the search is to record it (TLC's way: one exploration,
 * the search's stored states are the graph's nodes). Not under symmetry: the graph must be
 * without it (symmetry can hide liveness violations, as TLC warns), while the search stores one
 * state per orbit, so the graph is explored in a pass of its own, as before. The parallel search
 * takes no tap (safetySearch), and `separateTemporalPass` asks for the pass of its own.
 */
function recorder(spec: AnySpec, params: object, options: CheckOptions): RecordedLiveness | undefined {
  if (options.separateTemporalPass || (options.symmetry && spec.symmetry)) return undefined;
  return recordLiveness(spec, params, { properties: options.properties! });
}

/** The search's statistics, timed over the whole run (the temporal-property phase included). */
function wholeRun(safety: Stats, started: number): Stats {
  const seconds = Math.max(safety.seconds, (performance.now() - started) / 1000);
  return { ...safety, seconds, statesPerSecond: seconds > 0 ? safety.distinctStates / seconds : 0 };
}

/** The selected guarantees less those the caller says do not apply under these parameters. */
function withoutInapplicable(options: CheckOptions): { options: CheckOptions; notApplicable: NotApplicable[] } {
  const notApplicable: NotApplicable[] = [];
  const applies = (name: string): boolean => {
    const reason = options.notApplicable?.[name];
    if (reason !== undefined) notApplicable.push({ name, reason });
    return reason === undefined;
  };
  const invariants = options.invariants!.filter(applies);
  const properties = options.properties!.filter(applies);
  return { options: { ...options, invariants, properties }, notApplicable };
}

function withNotApplicable(result: CheckResult, notApplicable: readonly NotApplicable[]): CheckResult {
  return notApplicable.length > 0 ? { ...result, notApplicable } : result;
}

/**
 * The safety search: one thread or workers. Only the one-thread search records the behaviour
 * graph through `tap`: the workers' seen-set holds no state indices (a state stored before the
 * level is only tagged as such), so a worker cannot name the target of a step to a known state,
 * and recording edges would mean a second table of indices shared by every worker. With workers
 * the graph is therefore explored after the search, in a pass of its own (docs/decisions/005).
 */
async function safetySearch(spec: AnySpec, params: object, options: CheckOptions, tap?: GraphTap): Promise<CheckResult> {
  const workers = options.workers === 'auto' ? availableParallelism() : (options.workers ?? 1);
  // Under 'auto', a run that checks temporal properties stays in one thread: workers would need
  // the graph explored again after them, a whole sequential search, while recording it costs the
  // one search a fifth more (bench: full within 1.3x of safety).
  if (workers <= 1 || (options.workers === 'auto' && tap)) return bfs(spec, params, options, tap);
  const whyNot = options.exact
    ? '--exact keeps full encodings in one thread'
    : !options.specFile
      ? 'the spec was not loaded from a file the workers can load'
      : undefined;
  const transport = whyNot ?? transportFor(spec, params);
  if (transport === 'codec' || transport === 'clone')
    return parallelBfs(spec, params, { ...options, workers: Math.floor(workers) }, options.specFile!, transport);
  const result = await bfs(spec, params, options, tap);
  if (options.workers === 'auto') return result; // one thread is what 'auto' means here
  return { ...result, notes: [...(result.notes ?? []), `searched with one thread: ${transport}`] };
}
