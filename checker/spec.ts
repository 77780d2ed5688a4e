// The Spec API: the contract between a model and the checker.
//
// Specs are TypeScript modules whose `export default` is a `Spec`, or a study (checker/study/),
// which is a `SpecSource`: it gives the Spec of given bounds (below). Specs written outside this
// repository load by path and may import nothing from here but types (`import type { Spec } from
// 'rmc'`: checker/index.ts, the package's entry, re-exports every type of this file), so these
// names are stable: extend, never rename. A field added to an interface here is added to
// checker/specShape.ts too, which checks a loaded module's fields (the compiler says so, and its
// test), and to the README's field table. docs/DESIGN.md explains each rule; the comments here
// say what a spec author must know.
//
// This is the core: what every model needs to be checked. What a study of many designs adds
// (rows, expected verdicts, guarantees that do not apply, notes) is checker/study/study.ts, a
// layer above that imports this file and is never imported by it.

/** A state predicate over a state and the bounded constants. */
export type StatePredicate<S, P> = (s: S, p: P) => boolean;

/** A label is what a reviewer reads in a trace; a function makes it lazy (built only when printed). */
export type Label = string | (() => string);

/** One enabled instance of an action: the state it leads to, its label and (optionally) the actor. */
export interface Successor<S> {
  readonly label: Label;
  readonly state: S;
  /** The lane this step is drawn in (a task, the revoker); also the unit of per-actor fairness. */
  readonly actor?: string;
  /** The choices that made this instance, by name (`{ t: 'A', fd: 3 }`): Quint's nondet picks,
   * which the ITF writes as `mbt::nondetPicks` for a model-based-testing driver. */
  readonly picks?: Readonly<Record<string, unknown>>;
}

export interface Action<S, P> {
  /** 'SendFd', 'RevokeScanTask': the kernel's verb, used in coverage and fairness. */
  readonly name: string;
  /** One-sentence description, for documentation and `rmc list --json`. */
  readonly doc?: string;
  /** Every enabled instance of this action in state s. */
  successors(s: S, p: P): Iterable<Successor<S>>;
  /**
   * Optional fast path the searches take instead of `successors`: calls `emit` with the next state
   * of every enabled instance, in the order `successors` yields them, and returns false as soon as
   * emit does. No label is built (traces are rebuilt through `successors`); `instance` is whatever
   * identifies the instance to `actorOf`.
   */
  forEachSuccessor?(s: S, p: P, emit: (next: S, instance: unknown) => boolean): boolean;
  /** The actor of an instance `forEachSuccessor` emitted from s (asked only where fairness needs it). */
  actorOf?(s: S, instance: unknown, p: P): string | undefined;
}

/** Temporal properties are plain data, so an external spec needs no import. */
export type Temporal<S, P> =
  | { readonly op: 'always' | 'eventually' | 'alwaysEventually' | 'eventuallyAlways'; readonly p: StatePredicate<S, P> }
  | { readonly op: 'leadsTo'; readonly p: StatePredicate<S, P>; readonly q: StatePredicate<S, P> };

/**
 * WF/SF of one action. Several entries are separate conditions, not one over their disjunction.
 * `perActor: true` makes one condition per `actor` value of the action's successors.
 */
export interface Fairness {
  readonly kind: 'weak' | 'strong';
  readonly action: string;
  readonly perActor?: boolean;
}

/**
 * Interchangeable ids. Each set lists atomic values (prefer distinct strings such as 't1', 't2')
 * that may be permuted among themselves, as TLC's symmetry sets of model values. The checker
 * stores the minimum, over every permutation, of the state's canonical encoding. By default a
 * permutation renames every occurrence of a listed value (as a value or as a map/object key);
 * `permute` replaces that default where a spec's state needs more (e.g. re-sorting a list).
 */
export interface Symmetry<S> {
  readonly sets: readonly (readonly (string | number)[])[];
  permute?(s: S, rename: ReadonlyMap<string | number, string | number>): S;
}

/**
 * An optional hand-written encoding, faster than the canonical one. `encode` must be injective
 * over reachable states and agree with equality of states; `decode(encode(s))` must equal s.
 * With a codec the search keeps only bytes between expansions.
 */
export interface StateCodec<S> {
  /** Writes the state's bytes into `out` from offset 0 and returns the length. */
  encode(s: S, out: Uint8Array): number;
  decode(bytes: Uint8Array): S;
  /** An upper bound on the encoded length, so buffers are sized once. */
  readonly maxBytes: number;
}

/**
 * A state's layout, declared once (TLA+'s TypeOK, as data): every field and its finite domain.
 * The checker derives a compact codec from it (checker/state/layoutCodec.ts): one byte per
 * enumerated value, presence flags for optional values and partial maps. A state holding a value
 * outside its layout is reported as a spec error naming the field, as TLC reports TypeOK.
 * States are plain objects and arrays: a `record` has exactly its fields, a `dict` some of its
 * keys (an absent key is not a property), an `optional` is null or the value, a `list` an array.
 */
export type Layout =
  | { readonly type: 'enum'; readonly values: readonly (string | number | boolean | null)[] }
  | { readonly type: 'int'; readonly min: number; readonly max: number }
  | { readonly type: 'record'; readonly fields: Readonly<Record<string, Layout>> }
  | { readonly type: 'dict'; readonly keys: readonly (string | number)[]; readonly of: Layout }
  | { readonly type: 'optional'; readonly of: Layout }
  | { readonly type: 'list'; readonly of: Layout; readonly max: number };

export interface Spec<S, P extends object = {}> {
  /** The registered name: 'revoke', 'classic/diehard'. */
  readonly name: string;
  /** One line for `rmc list`. */
  readonly summary: string;
  /** The bounded constants; the CLI's --set and --config override them. */
  readonly defaults: P;
  /** Impossible bounds -> one message each (exit 151). */
  validate?(p: P): string[];
  /** Initial states. */
  init(p: P): Iterable<S>;
  /** Named actions, in the order the coverage report lists them. */
  readonly actions: readonly Action<S, P>[];
  /** Safety: must hold in every reachable state. */
  readonly invariants: Readonly<Record<string, StatePredicate<S, P>>>;
  /**
   * Must hold in SOME reachable state: the guard against vacuous invariants. One named like an
   * invariant or property is that guarantee's partner: never reached, the guarantee is reported
   * "not exercised" (a warning; an error with --strict or when the user named the guarantee).
   * One of its own is the spec's claim that the situation arises (Stateright's `sometimes`).
   */
  readonly reachable?: Readonly<Record<string, StatePredicate<S, P>>>;
  /** Liveness and temporal properties, checked under `fairness`. */
  readonly properties?: Readonly<Record<string, Temporal<S, P>>>;
  /** Fairness assumptions for the temporal properties. */
  readonly fairness?: readonly Fairness[] | ((p: P) => readonly Fairness[]);
  /**
   * Valid end states (SPIN's `end` labels): a state with no successor that satisfies this is a
   * finished run, not a deadlock. Without it every state with no successor is a deadlock: a spec
   * whose runs end reports "Deadlock reached" (exit 11) at every clean end unless it says which.
   */
  terminal?(s: S, p: P): boolean;
  /** State constraint: a state outside it is counted and checked, but not stored or explored. */
  constraint?(s: S, p: P): boolean;
  /** What is fingerprinted (default: the whole state). */
  view?(s: S, p: P): unknown;
  /** Permutations of interchangeable ids. */
  symmetry?(p: P): Symmetry<S>;
  /** A faster encoding than the canonical one (optional). */
  codec?(p: P): StateCodec<S>;
  /** The state's layout, from which the checker derives a codec when the spec has none (optional). */
  layout?(p: P): Layout;
  /**
   * How traces are drawn (optional; see checker/trace/). The hooks stay on the core: a single
   * check's text report and `--trace-dir` draw with them, not only the study's folder. They sit
   * in an interface of their own so that the members above are the whole of what is checked.
   */
  readonly presentation?: Presentation<S, P>;
}

/**
 * What a spec module that is no Spec exports: the Spec of given bounds. The only such module the
 * CLI loads is a study (checker/study/study.ts), whose rows are each checked by a spec of their own
 * (revoke: one per design); this is the part of it the core asks for. The contract:
 * - `specFor(p)` is asked with bounds the module has resolved and validated (its `defaults`,
 *   `--config`, `--set`), and depends on those bounds alone: the search workers load the module
 *   by path in threads of their own, get only the bounds, and ask `specFor` again; the spec they
 *   get must have the same actions in the same order, the same invariants and the same encoding.
 * - Nothing else is asked first: no `validate` has to run before `specFor` (a spec that loads a
 *   module the bounds name, as revoke's design files, loads it here).
 * - The spec returned is a plain Spec: `check(spec, p)` takes it as it takes any other.
 */
export interface SpecSource<P extends object = any> {
  specFor(p: P): Spec<any, P>;
}

/**
 * How a spec would like its traces drawn. Every hook is optional; the renderers fall back to
 * generic drawings of the JSON state.
 */
export interface Presentation<S, P> {
  /** The lanes, in display order, each drawn even when no step acts in it (default: actors in order of first appearance). */
  lanes?(p: P): readonly string[];
  /** A plain-JSON view of a state for diffs, ITF and the HTML step-through (default: the state). */
  toJSON?(s: S, p: P): unknown;
  /**
   * The layout of toJSON's view, as Spec.layout is the state's: which objects are maps, which
   * values may be absent. The ITF writer types the trace by it (its variables are the view's,
   * the ones the text trace shows); without it the view's objects are records.
   */
  jsonLayout?(p: P): Layout;
  /** Messages carried between steps (sendmsg -> recvmsg), as pairs of step indices. */
  messages?(trace: readonly TraceStep<S>[], p: P): readonly { from: number; to: number; label: string }[];
  /**
   * The code of the system modelled that an action abstracts (for the revoke model, kernel
   * functions: `sendmsg SCM_RIGHTS: unix_attach_fds`), shown in brackets beside its labels.
   */
  implementation?(action: string, p: P): string | undefined;
  /** The breaking state's object graph, as DOT statements (nodes and edges, no graph wrapper). */
  objectGraph?(s: S, p: P, violated: string): string;
  /**
   * Who waits for whom in a state (a drain waiting for the holders of a lock to leave): drawn in
   * the object graph as a red dashed "waits for" edge, and in a lasso that hangs there, named as
   * the reason the step it keeps disabled is never taken.
   */
  waitsOn?(s: S, p: P): readonly WaitsFor[];
  /**
   * The fact that breaks `violated` at the trace's bad step, as one sentence a reviewer quotes:
   * the object and its state, and the operation that got through ("A's fd 3 still reaches F0,
   * f_op live, inode I, after revoke() returned 0: read() gets through"). For a lasso
   * (`loopIndex` set), what never happens and what blocks it. Printed at the bad step of every
   * trace form, in the JSON report's `cause` and in the pictures' titles.
   */
  cause?(trace: readonly TraceStep<S>[], p: P, violated: string, loopIndex?: number): string | undefined;
  /**
   * How step `i` of a trace reads in a kernel commit message's race diagram (the LKML form):
   * the kernel call it is (`fd_install()`), what it did in a few words, and whether it changes
   * nothing a reader of the race needs (then it is folded out of the columns). Without it a step
   * reads as its label.
   */
  kernelStep?(trace: readonly TraceStep<S>[], i: number, p: P): KernelStep | undefined;
}

/** One step as a race diagram draws it. */
export interface KernelStep {
  /** The kernel call, as the kernel spells it (`unmap_mapping_range()`), or the model's verb where the kernel has no name. */
  readonly call: string;
  /** What it did, in a few words (`fd 3 -> F0`). */
  readonly note?: string;
  /** Changes nothing a reader of the race needs: folded out of the columns, listed under them. */
  readonly quiet?: boolean;
}

/** One wait: `waiter` and `holder` are node ids of the `objectGraph` hook's DOT. */
export interface WaitsFor {
  readonly waiter: string;
  readonly holder: string;
  /** As a reviewer says it: "B's read holds an active reference". */
  readonly why: string;
  /** The action the wait keeps disabled ('RevokeDrain'), if it is one step's guard. */
  readonly blocks?: string;
}

/** One step of a trace: the initial state has action null. */
export interface TraceStep<S> {
  readonly action: string | null;
  readonly label: string;
  readonly actor?: string;
  /** The instance's choices (Successor.picks), when its action names them. */
  readonly picks?: Readonly<Record<string, unknown>>;
  readonly state: S;
}

export type AnySpec = Spec<any, any>;
