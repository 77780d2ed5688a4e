// CheckOptions: what a search is asked to do. The CLI, the table and the tests build one; every
// search mode reads it (checker/findings.ts says what comes back).
import type { Progress } from './findings.ts';
import type { MemoryReader } from './memoryReading.ts';

export interface CheckOptions {
  /** Invariants to check (default: every one the spec declares, unless only properties are named). */
  readonly invariants?: readonly string[];
  /** Temporal properties to check under the spec's fairness (default: every one the spec declares, unless only invariants are named). */
  readonly properties?: readonly string[];
  /**
   * Guarantees the user named (`--invariant`, `--property`): for these an unreached
   * reachability partner is an error (exit 12), not a warning.
   */
  readonly named?: readonly string[];
  /**
   * Guarantees that do not apply under these bounds, each with why: not checked, and listed in the
   * result as n/a. A study says which, for the row being checked (checker/study/checkRow.ts).
   */
  readonly notApplicable?: Readonly<Record<string, string>>;
  /** Every unreached reachability partner is an error (exit 12), named or not (`--strict`). */
  readonly strict?: boolean;
  /** Report a state with no successor at all (default true, like TLC). */
  readonly deadlock?: boolean;
  /** Keep exploring after a violation; one shortest trace per violated name. */
  readonly continue?: boolean;
  readonly maxStates?: number;
  readonly maxDepth?: number;
  readonly maxSeconds?: number;
  /** Stop (incomplete) once the process holds this many bytes (`--max-memory`; search/memoryWatch.ts). */
  readonly maxMemory?: number;
  /** How memory is read (default: the process's own); the tests give one that fills on cue. */
  readonly readMemory?: MemoryReader;
  /** Store full canonical encodings instead of fingerprints (the tests' reference). */
  readonly exact?: boolean;
  /** Fingerprint the canonical representative under the spec's symmetry. */
  readonly symmetry?: boolean;
  /**
   * Explore the behaviour graph for temporal properties in a pass of its own after the search (as
   * under symmetry and with workers), instead of recording it during the one-thread search. The
   * tests use it to compare the two ways; the results are the same.
   */
  readonly separateTemporalPass?: boolean;
  /**
   * Search threads (default 1). More than one needs `specFile`: workers load the spec by path.
   * 'auto': one per core when the spec's states can cross threads, else one, without a note.
   */
  readonly workers?: number | 'auto';
  /** Bytes of queued states kept in memory before the frontier spills to disk (default 1 GiB). */
  readonly queueMemoryBytes?: number;
  /**
   * With workers: let the coordinator search the first levels while the workers start (default
   * true). Off, the workers search from the initial states on (the tests use it to exercise
   * them on small graphs).
   */
  readonly headStart?: boolean;
  /** The spec's module file, for worker threads. */
  readonly specFile?: string;
  /** Checked now and then; when it turns true the search ends with verdict 'interrupted'. */
  readonly interrupted?: () => boolean;
  /**
   * Filled in by the search with a reader of its current figures, so a caller can print them
   * at any moment (the CLI does, on a second Ctrl-C).
   */
  readonly live?: { current?: () => Progress };
  /** Called about every `progressSeconds` (default 10) with the figures so far. */
  readonly onProgress?: (p: Progress) => void;
  readonly progressSeconds?: number;
}
