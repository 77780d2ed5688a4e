// The package's public entry (`import type { Spec } from 'rmc'`): the types a spec written outside
// this repository is checked against by its author's tsc or editor. Types only: a spec module is
// loaded by the checker, never linked against it, so nothing here exists at run time. Extend,
// never rename (checker/spec.ts). A study's types are the entry `rmc/study` (checker/study/study.ts),
// the layer above this one.
export type {
  Action,
  AnySpec,
  Fairness,
  KernelStep,
  Label,
  Layout,
  Presentation,
  Spec,
  SpecSource,
  StateCodec,
  StatePredicate,
  Successor,
  Symmetry,
  Temporal,
  TraceStep,
  WaitsFor,
} from './spec.ts';
