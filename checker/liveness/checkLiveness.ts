// checkLiveness: every temporal property of a spec, checked under its fairness on the behaviour
// graph. Each predicate is evaluated once per state; every property then gets a verdict and, when
// violated, a fair lasso (checkProperty.ts). The graph comes one of two ways: recorded while the
// safety search runs (recordLiveness: check()'s way, one exploration, as TLC does), or explored in
// a pass of its own (checkLiveness, checkLivenessWatched: graphPass.ts).
import { assertKnownProperties } from '../knownNames.ts';
import type { AnySpec, Temporal } from '../spec.ts';
import type { StopRequest } from '../search/stopRequest.ts';
import type { Progress } from '../findings.ts';
import { GraphRecorder, type BehaviourGraph, type GraphStats } from './behaviourGraph.ts';
import { exploreBehaviourGraph, exploreBehaviourGraphWatched, type GraphOptions } from './graphPass.ts';
import { checkProperty, type EvaluatedProperty, type PropertyResult } from './checkProperty.ts';
import { fairnessConditions, fairnessOf } from './fairnessConditions.ts';
import { StronglyConnectedComponents } from './scc.ts';

export interface LivenessOptions {
  /** The properties to check (default: every one the spec declares). */
  readonly properties?: readonly string[];
  readonly onProgress?: (p: Progress) => void;
  readonly progressSeconds?: number;
  /** Key states by 64-bit fingerprint rather than full canonical bytes (default: full bytes). */
  readonly fingerprints?: boolean;
}

export interface LivenessResult {
  /** One entry per checked property, in the order the spec declares them. */
  readonly properties: readonly ({ readonly name: string } & PropertyResult)[];
  readonly stats: GraphStats;
  /** The fairness conditions assumed, as a reviewer reads them: 'WF(Eat[p1])'. */
  readonly fairness: readonly string[];
}

export function checkLiveness(spec: AnySpec, params: object, options: LivenessOptions = {}): LivenessResult {
  const started = Date.now();
  const plan = planProperties(spec, params, options);
  const graph = exploreBehaviourGraph(spec, params, graphOptions(plan, options));
  try {
    return finish(judging(spec, params, plan, graph, started));
  } finally {
    graph.close();
  }
}

/**
 * checkLiveness, asking `stop` every 50 ms while it explores and between the steps of judging
 * (Ctrl-C, budgets: the distinct states so far are passed): what it said when it said stop, with
 * no property judged.
 */
export async function checkLivenessWatched(
  spec: AnySpec,
  params: object,
  options: LivenessOptions & { readonly stop: (distinct: number) => StopRequest | undefined },
): Promise<LivenessResult | StopRequest> {
  const started = Date.now();
  const plan = planProperties(spec, params, options);
  const graph = await exploreBehaviourGraphWatched(spec, params, { ...graphOptions(plan, options), stop: options.stop });
  if ('verdict' in graph) return graph;
  try {
    return await finishWatched(judging(spec, params, plan, graph, started), () => options.stop(graph.size));
  } finally {
    graph.close();
  }
}

/** The behaviour graph recorded while the safety search runs, and its judging once the search has seen every state. */
export interface RecordedLiveness {
  /** What the search is handed (search/bfs.ts): it records the graph through it. */
  readonly tap: GraphRecorder;
  /**
   * The properties' verdicts on the recorded graph (`stats`: the search's figures), asking
   * `stop` between the steps of judging (Ctrl-C, the clock: the states are the search's, which
   * its own state budget has judged). Only after a search that expanded every state.
   */
  judge(stats: Omit<GraphStats, 'seconds'>, stop: () => StopRequest | undefined): Promise<LivenessResult | StopRequest>;
  /** Lets go of the search's store, which the graph's traces read: after judging, or when the properties are not judged. */
  close(): void;
}

export function recordLiveness(spec: AnySpec, params: object, options: Pick<LivenessOptions, 'properties'> = {}): RecordedLiveness {
  const started = Date.now();
  const plan = planProperties(spec, params, options);
  const tap = new GraphRecorder(spec, params, { predicates: plan.predicates, predicateNames: plan.predicateNames, fairness: plan.fairness });
  return {
    tap,
    judge: async (stats, stop) => {
      try {
        const graph = tap.graph({ ...stats, seconds: (Date.now() - started) / 1000 });
        return await finishWatched(judging(spec, params, plan, graph, started), stop);
      } finally {
        tap.release();
      }
    },
    close: () => tap.release(),
  };
}

interface Plan {
  readonly chosen: [string, Temporal<unknown, object>][];
  readonly fairness: ReturnType<typeof fairnessOf>;
  /** The distinct state predicates the chosen properties use, each evaluated once per state. */
  readonly predicates: ((s: unknown, p: object) => boolean)[];
  /** Per predicate, the properties it belongs to, for the message when it throws: `'p-leads-to-q' (its left side)`. */
  readonly predicateNames: string[];
  readonly slots: { p: number; q?: number }[];
}

function planProperties(spec: AnySpec, params: object, options: Pick<LivenessOptions, 'properties'>): Plan {
  const declared = Object.entries((spec.properties ?? {}) as Record<string, Temporal<unknown, object>>);
  const names = options.properties ?? declared.map(([name]) => name);
  assertKnownProperties(spec, names);
  const chosen = declared.filter(([name]) => names.includes(name));
  const predicates: ((s: unknown, p: object) => boolean)[] = [];
  const users: string[][] = [];
  const slot = (f: (s: unknown, p: object) => boolean, user: string): number => {
    let i = predicates.indexOf(f);
    if (i < 0) {
      i = predicates.push(f) - 1;
      users.push([]);
    }
    users[i]!.push(user);
    return i;
  };
  const slots = chosen.map(([name, t]) =>
    t.op === 'leadsTo' ? { p: slot(t.p, `'${name}' (its left side)`), q: slot(t.q, `'${name}' (its right side)`) } : { p: slot(t.p, `'${name}'`) },
  );
  const predicateNames = users.map((u) => u.join(' and '));
  return { chosen, fairness: fairnessOf(spec, params), predicates, predicateNames, slots };
}

function graphOptions(plan: Plan, options: LivenessOptions): GraphOptions {
  return {
    predicates: plan.predicates,
    predicateNames: plan.predicateNames,
    fairness: plan.fairness,
    ...(options.fingerprints === undefined ? {} : { fingerprints: options.fingerprints }),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.progressSeconds === undefined ? {} : { progressSeconds: options.progressSeconds }),
  };
}

/**
 * Every chosen property's verdict on the graph, a step at a time: it yields after the fairness
 * conditions, after the strongly connected components are set up, and after each property, so
 * that a watched run can hear Ctrl-C and budgets in between.
 */
function* judging(spec: AnySpec, params: object, { chosen, slots, fairness }: Plan, graph: BehaviourGraph, started: number): Generator<void, LivenessResult> {
  const conditions = fairnessConditions(graph, spec, params, fairness);
  yield;
  const targets = new Int32Array(graph.outEdge.length);
  for (let j = 0; j < targets.length; j++) targets[j] = graph.edgeTo[graph.outEdge[j]!]!;
  const scc = new StronglyConnectedComponents(graph.outStart, targets);
  const ctx = { graph, scc, conditions, spec, params };
  yield;

  const properties: ({ readonly name: string } & PropertyResult)[] = [];
  for (const [i, [name, t]] of chosen.entries()) {
    const s = slots[i]!;
    const evaluated: EvaluatedProperty =
      s.q === undefined ? { op: t.op, p: graph.predicateValues[s.p]! } : { op: t.op, p: graph.predicateValues[s.p]!, q: graph.predicateValues[s.q]! };
    properties.push({ name, ...checkProperty(ctx, evaluated) });
    if (i < chosen.length - 1) yield;
  }
  const { distinctStates, generatedStates, depth } = graph.stats;
  return { properties, stats: { distinctStates, generatedStates, depth, seconds: (Date.now() - started) / 1000 }, fairness: conditions.map((c) => c.name) };
}

function finish(steps: Generator<void, LivenessResult>): LivenessResult {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Judges a step at a time, yielding to the event loop (so Ctrl-C is heard) and asking `stop` after each. */
async function finishWatched(steps: Generator<void, LivenessResult>, stop: () => StopRequest | undefined): Promise<LivenessResult | StopRequest> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((r) => setImmediate(r));
    const request = stop();
    if (request) return request;
  }
}
