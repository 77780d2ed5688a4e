// check: model-check a spec under given parameters. The one entry point the CLI, the table and
// the tests use; it validates what it is asked for and picks the search.
import type { AnySpec } from '../spec.ts';
import { UsageError } from '../errors.ts';
import { bfs } from './bfs.ts';
import { parallelBfs } from './parallel/parallelBfs.ts';
import { transportFor } from './parallel/parallelSupport.ts';
import type { CheckOptions, CheckResult } from './types.ts';

export type { CheckOptions, CheckResult } from './types.ts';

export async function check(spec: AnySpec, params: object, options: CheckOptions = {}): Promise<CheckResult> {
  for (const name of options.invariants ?? []) {
    if (!(name in spec.invariants)) {
      throw new UsageError(`unknown invariant '${name}' (known: ${Object.keys(spec.invariants).join(', ')})`);
    }
  }
  for (const [name, n] of [['max-states', options.maxStates], ['max-depth', options.maxDepth], ['max-seconds', options.maxSeconds], ['workers', options.workers]] as const) {
    if (n !== undefined && !(n > 0)) throw new UsageError(`--${name} must be a positive number`, 2);
  }
  const workers = options.workers ?? 1;
  if (workers <= 1) return bfs(spec, params, options);
  const whyNot = options.exact
    ? '--exact keeps full encodings in one thread'
    : !options.specFile
      ? 'the spec was not loaded from a file the workers can load'
      : undefined;
  const transport = whyNot ?? transportFor(spec, params);
  if (transport === 'codec' || transport === 'clone') return parallelBfs(spec, params, { ...options, workers: Math.floor(workers) }, options.specFile!, transport);
  const result = await bfs(spec, params, options);
  return { ...result, notes: [...(result.notes ?? []), `searched with one thread: ${transport}`] };
}
