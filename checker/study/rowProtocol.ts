// The messages between runTable and its row workers (rowPool.ts, rowWorker.ts): a row's bounds
// and search options go out, its CheckResult (plain data: structured-cloned) comes back.
import type { CheckOptions } from '../checkOptions.ts';
import type { CheckResult } from '../findings.ts';
import type { SpecError } from '../errors.ts';

export interface RowWorkerSetup {
  readonly specFile: string;
  /** The study module prebuilt as one CommonJS file (search/parallel/prebuilt.ts), else undefined: the worker bundles it. */
  readonly specBundle?: string;
  /** Word 0 turns non-zero when the table is interrupted. */
  readonly stop: Int32Array;
}

/** The options of a row's search that can cross threads (no callbacks). */
export type RowOptions = Pick<CheckOptions, 'maxStates' | 'maxSeconds' | 'maxMemory' | 'maxDepth' | 'exact' | 'symmetry' | 'continue' | 'deadlock' | 'workers'>;

export interface ToRowWorker {
  readonly row: number;
  readonly params: object;
  readonly options: RowOptions;
}

export type FromRowWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'result'; readonly row: number; readonly result: CheckResult }
  | { readonly type: 'spec-error'; readonly row: number; readonly message: string; readonly exitCode: SpecError['exitCode'] }
  | { readonly type: 'error'; readonly row: number; readonly message: string };
