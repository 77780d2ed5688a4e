// regenerateCounterexamples: what `npm run counterexamples` and the freshness test both run, so
// they cannot disagree: the spec's table at the given bounds (default: the spec's defaults),
// then the folder from it.
import type { AnySpec } from '../spec.ts';
import { runTable } from '../search/table.ts';
import { generateCounterexamples } from './generate.ts';

export async function regenerateCounterexamples(spec: AnySpec, outDir: string, bounds: Record<string, unknown> = {}): Promise<string[]> {
  const params = { ...spec.defaults, ...bounds } as Record<string, unknown>;
  const table = await runTable(spec, params);
  return generateCounterexamples({ spec, params, table, outDir });
}
