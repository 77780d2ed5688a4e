// install: a design as the kernel model runs it. Every interception point gets its hook (the
// design's, or the plain kernel's: designApi.ts's POINTS), the revoker's stages are read off its
// steps' `to`, the slot replacements off the steps that install them, the kernel names off the steps
// and the points, so the user actions (files.ts, fork.ts, mm.ts, syscalls.ts) and the guarantees
// ask one total table and never test whether a design set a field. A design that cannot be
// installed (a stage no step moves to, a point that is none) is a DesignError, named by the design.
import type { Action } from '../../../checker/spec.ts';
import {
  type Design,
  type Errno,
  type Hooks,
  type Marker,
  type OwnState,
  POINTS,
  type PointName,
  type Promises,
  type RevokeParams,
  type RevokerStep,
  type State,
  type WaitsFor,
} from '../api/designApi.ts';
import type { CallKind, DesignLayout } from './state.ts';

/** A design that cannot be installed: the CLI reports it with exit 150, naming the design. */
export class DesignError extends Error {
  readonly exitCode = 150;
}

/** A revoker step as its builder made it: an action, what it says of itself, and when the revoker is at it. */
export type KernelStep = Action<State, RevokeParams> &
  RevokerStep & {
    /** The revoker is at this step (every guard but its wait holds): whom it waits for is then worth showing. */
    readonly atStep: (s: State, p: RevokeParams) => boolean;
  };

/** A step that waits, with when the revoker is at it. */
export interface InstalledWait {
  readonly step: string;
  readonly waitsFor: WaitsFor;
  readonly at: (s: State, p: RevokeParams) => boolean;
}

export interface Installed {
  readonly design: Design;
  readonly name: string;
  readonly callKinds: readonly CallKind[];
  readonly scope: 'inode' | 'file';
  /** Whether the holders own I in the design's documented use (its `holderOwns`, default true). */
  readonly holderOwns: boolean;
  /** Every point's hook: the design's, or the plain kernel's. */
  readonly on: Hooks;
  /** The stages the steps move the revoker to, in step order (besides idle, done and failed). */
  readonly stages: readonly string[];
  /** What an operation on each slot replacement fails with (EBADF unless a step says otherwise). */
  readonly markerErrno: Readonly<Record<Marker, Errno>>;
  readonly steps: readonly KernelStep[];
  /** Strongly fair steps, by name (badfs's bounded wait). */
  readonly strong: ReadonlySet<string>;
  readonly waits: readonly InstalledWait[];
  readonly own?: OwnState<unknown>;
  /** What its authors promise (promises.ts). */
  readonly promises?: Promises;
  /** The revoker holds tasklist_lock for reading (a step's `holdsTasklistLock`). */
  tasklistHeld(s: State): boolean;
  /** The kernel code action `name` abstracts under this design, if the design names it (its steps, its points). */
  ownKernelName(name: string): string | undefined;
}

/** The name of the kernel's RevokeSignal step (revokerSignal.ts builds it from the steps' `onSignal`). */
export const SIGNAL_STEP = 'RevokeSignal';

const installed = new WeakMap<Design, Installed>();

/** Design d, installed (once per design object). */
export function install(d: Design): Installed {
  let done = installed.get(d);
  if (done === undefined) {
    done = build(d);
    installed.set(d, done);
  }
  return done;
}

const POINT_NAMES = Object.keys(POINTS) as PointName[];
const STUCK_PREFIX = 'the method returns, if ever; ';

function build(d: Design): Installed {
  const who = `design '${d.name}'`;
  const steps = d.steps as readonly KernelStep[];
  const on = hooksOf(d, who);
  const stages = stagesOf(steps, who);
  const markerErrno: Record<Marker, Errno> = { revoked: 'EBADF', bad: 'EBADF', leaked: 'EBADF' };
  for (const step of steps) if (step.facts.installs) markerErrno[step.facts.installs.marker] = step.facts.installs.errno;
  const tasklist = steps.flatMap((step) => (step.facts.holdsTasklistLock ? [step.facts.holdsTasklistLock] : []));
  const names = kernelNames(d, steps, who);
  return {
    design: d,
    name: d.name,
    callKinds: d.callKinds ?? ['read', 'write'],
    scope: d.scope ?? 'inode',
    holderOwns: d.holderOwns ?? true,
    on,
    stages,
    markerErrno,
    steps,
    strong: new Set(steps.filter((step) => step.facts.fairness === 'strong').map((step) => step.name)),
    waits: steps.flatMap((step) => (step.facts.waitsFor ? [{ step: step.name, waitsFor: step.facts.waitsFor, at: step.atStep }] : [])),
    ...(d.state === undefined ? {} : { own: d.state }),
    ...(d.promises === undefined ? {} : { promises: d.promises }),
    tasklistHeld: (s) => tasklist.some((held) => held(s)),
    ownKernelName: (name) => names.get(name),
  };
}

/** The total hook table: each point's hook from `on`, or its plain one. */
function hooksOf(d: Design, who: string): Hooks {
  const on = (d.on ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(on)) {
    if (!(POINT_NAMES as string[]).includes(name)) throw new DesignError(`${who}: 'on.${name}' is no interception point (points: ${POINT_NAMES.join(', ')})`);
  }
  const hooks: Record<string, unknown> = {};
  for (const name of POINT_NAMES) {
    const entry = on[name];
    const hook = typeof entry === 'function' ? entry : (entry as { hook?: unknown } | undefined)?.hook;
    if (hook !== undefined && typeof hook !== 'function') throw new DesignError(`${who}: 'on.${name}.hook' is not a function`);
    hooks[name] = hook ?? POINTS[name].plain;
  }
  return hooks as unknown as Hooks;
}

/**
 * The stages a design's revoker passes through: every step's `to`, in step order. A step cannot
 * move the revoker back to 'idle' (revoke has begun), and a step taken `from` a stage must name one
 * some step moves to: both are read here, before any search, so an undeclared stage is never met
 * mid-search and the layout covers every stage a state can hold (a step's `next` cannot write one).
 */
function stagesOf(steps: readonly KernelStep[], who: string): string[] {
  const own: string[] = [];
  // A signal's stage is one too (its RevokeSignal step moves there: revokerSignal.ts).
  const targets = steps.flatMap((step) => [
    { step, to: step.facts.to },
    { step, to: step.facts.onSignal?.to },
  ]);
  for (const { step, to } of targets) {
    if (to === undefined || to === 'done' || to === 'failed') continue;
    if (to === 'idle')
      throw new DesignError(`${who}: step ${step.name} moves the revoker to 'idle', the stage before revoke begins (a step's \`to\` names a stage after it)`);
    if (!own.includes(to)) own.push(to);
  }
  const known = ['idle', ...own, 'done', 'failed'];
  for (const step of steps) {
    for (const from of step.facts.from ?? []) {
      if (!known.includes(from)) {
        throw new DesignError(
          `${who}: step ${step.name} is taken from stage '${from}', to which no step moves the revoker (stages are declared by each step's \`to\`: ${known.join(', ')})`,
        );
      }
    }
  }
  return own;
}

/** The kernel code the design names, by action: its steps' `kernel`, then its points'. */
function kernelNames(d: Design, steps: readonly KernelStep[], who: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const step of steps) if (!names.has(step.name) && step.facts.kernel.trim() !== '') names.set(step.name, step.facts.kernel);
  const signal = steps.find((step) => step.facts.onSignal !== undefined)?.facts.onSignal;
  if (signal !== undefined) names.set(SIGNAL_STEP, signal.kernel);
  const on = (d.on ?? {}) as Record<string, unknown>;
  for (const name of POINT_NAMES) {
    const entry = on[name];
    if (entry === undefined || typeof entry === 'function') continue;
    const kernel = (entry as { kernel?: unknown }).kernel;
    const pointSteps = POINTS[name].steps;
    if (typeof kernel === 'string') {
      const first = pointSteps[0];
      if (first === undefined) throw new DesignError(`${who}: 'on.${name}.kernel' names no step: ${name} is part of SyscallBegin (name it in 'on.begin')`);
      names.set(first, kernel);
      if (name === 'end') names.set('SyscallEndStuck', STUCK_PREFIX + kernel);
    } else if (kernel !== null && typeof kernel === 'object') {
      for (const [step, text] of Object.entries(kernel)) {
        if (!pointSteps.includes(step)) {
          throw new DesignError(`${who}: 'on.${name}.kernel' names step ${step}, which is not ${name}'s (its steps: ${pointSteps.join(', ') || 'none'})`);
        }
        names.set(step, String(text));
      }
    } else throw new DesignError(`${who}: 'on.${name}' is neither a hook nor { kernel, hook }`);
  }
  return names;
}

/** What the state's layout takes from design d: the stages its steps move to, and its own state's layout. */
export function layoutOf(d: Installed): DesignLayout {
  return d.own === undefined ? { stages: d.stages } : { stages: d.stages, own: d.own.layout };
}
