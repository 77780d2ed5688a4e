// A study: one set of guarantees asked of many designs, as a table whose rows are the designs.
// This is the layer above the core (checker/spec.ts): a study imports the core, the core never
// imports a study. What a study is, is its rows, a spec for each row, what each row is expected
// to give, and the notes a reader of the table needs; `rmc table`, `rmc expect` and
// `rmc counterexamples` run studies, `rmc check` and `rmc simulate` check one row of one.
//
// A study is a spec module's default export, like a Spec, and as plain: a module written outside
// the repository may write one with no import (test/checker/cli/table.test.ts does).
import type { AnySpec, SpecSource } from '../spec.ts';

export interface Study<P extends object = any> extends SpecSource<P> {
  /** The registered name: 'revoke'. */
  readonly name: string;
  /** One line for `rmc list`. */
  readonly summary: string;
  /** The bounded constants, the row parameter's value included; the CLI's --set and --config override them. */
  readonly defaults: P;
  /** Impossible bounds -> one message each (exit 151); it judges every row's (a row's spec's own `validate` is not asked). */
  validate?(p: P): string[];
  /** The rows: values of one parameter (revoke: `variant`, one design a row). */
  readonly rows: {
    readonly param: keyof P & string;
    readonly values: readonly P[keyof P][];
    /** Further values the parameter takes that are no row (revoke: a design whose verdicts are another row's). */
    readonly otherValues?: readonly P[keyof P][];
    /** How a value names its row (default String(value)): revoke names a design file's row by its design. */
    label?(value: unknown): string;
  };
  /**
   * The spec that checks bounds p, whose row is `p[rows.param]` (checker/spec.ts says what the
   * search workers ask of it). Different rows may have different specs: revoke's has the design's
   * own revoker steps, and no other design's.
   */
  specFor(p: P): AnySpec;
  /**
   * The verdict the row's author expects in each cell, under the table's bounds, as the words
   * `holds`, `violated`, `violated N` (N steps), `not-exercised` or `n/a`; `rmc expect` compares.
   */
  expected?(value: unknown): Readonly<Record<string, string>> | undefined;
  /**
   * The guarantees that do not apply under bounds p (its row included), each with why, shown as
   * "n/a: <why>" (frevoke's exemption under revokeat; a design that does not claim a guarantee).
   * Such a guarantee is not checked, and the report says so instead of "holds".
   */
  notApplicable?(p: P): Readonly<Record<string, string>>;
  /**
   * The guarantees whose cells the row judges in two halves (revoke: against the operations its
   * design promises to stop, and against the rest): the guarantee's own invariant is the promised
   * half, `invariant` names the other half's (also in the row's spec, but no column of its own).
   * A violation of the other half alone shows as "not promised" (never red, never green), with its
   * trace and `operations`, the words for what the row does not promise. `whole`: the row promises
   * nothing the guarantee reads, so only the other half judges anything.
   */
  split?(p: P): Readonly<Record<string, SplitJudgement>>;
  /**
   * What the row's author promises, one entry a kind of operation (revoke: 'f_op data calls' ->
   * the authors' words, or undefined where nothing is promised), for the table's readers: the
   * JSON, GUARANTEES.md and the page show it beside the cells it decides (`split`).
   */
  promises?(value: unknown): readonly RowPromise[];
  /**
   * What got through in a violation's last state (revoke: the operations, 'fchmod' or 'read'),
   * named in the cell and its trace.
   */
  through?(p: P, guarantee: string, last: unknown): readonly string[];
  /**
   * Markdown printed under the bounds in GUARANTEES.md: what the bounds leave out, and which bound
   * would change which cell (a "holds" is a statement about these bounds only).
   */
  readonly boundsNote?: string;
  /**
   * What a row's guarantee sheet (counterexamples/designs/<row>.md) says of the row beyond what
   * the checker found: what the design is, what it promises and what the model leaves out for it.
   */
  sheet?(value: P[keyof P], p: P): RowSheet | undefined;
}

/** A row's own words for its guarantee sheet. */
export interface RowSheet {
  /** What the design is and where it comes from, in a paragraph or two. */
  readonly about: string;
  /** Each guarantee the row promises, with the promise in a reviewer's words. */
  readonly promises: readonly { readonly guarantee: string; readonly promise: string }[];
  /** What the model leaves out for it, and why that is sound (or where it is not). */
  readonly leftOut?: string;
}

/** One kind of operation and what the row promises for it: the authors' words, or none. */
export interface RowPromise {
  readonly operation: string;
  readonly words?: string;
}

export interface SplitJudgement {
  readonly invariant: string;
  readonly operations: readonly string[];
  readonly whole: boolean;
}

export type AnyStudy = Study<any>;

/** Is a spec module's export a study (rather than a Spec)? */
export function isStudy(x: unknown): x is AnyStudy {
  const s = x as Partial<AnyStudy> | null;
  return (
    s !== null &&
    typeof s === 'object' &&
    typeof s.specFor === 'function' &&
    typeof s.rows === 'object' &&
    s.rows !== null &&
    typeof s.rows.param === 'string' &&
    Array.isArray(s.rows.values)
  );
}

/** A row's name: the study's label for its value, else the value itself. */
export function rowLabel(study: AnyStudy, value: unknown): string {
  return study.rows.label?.(value) ?? String(value);
}
