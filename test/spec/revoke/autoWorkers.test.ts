// Under --workers auto, a check of temporal properties stays in one thread, which records the
// behaviour graph as it searches: with workers, the graph would be explored again after them (a
// pass of its own, whose progress lines say 'behaviour graph'). An explicit worker count is obeyed.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import revoke from '../../../spec/revoke/index.ts';
import { checkRow } from '../../../checker/study/checkRow.ts';
import type { Progress } from '../../../checker/findings.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';

const specFile = resolve(import.meta.dirname, '../../../spec/revoke/index.ts');
const p = { ...revoke.defaults, variant: 'file-list' } as RevokeParams;

async function phases(workers: number | 'auto'): Promise<{ phases: Set<string>; verdict: string; distinct: number }> {
  const seen = new Set<string>();
  const r = await checkRow(revoke, p, {
    continue: true,
    workers,
    specFile,
    headStart: false,
    progressSeconds: 0,
    onProgress: (g: Progress) => seen.add(g.phase ?? 'search'),
  });
  return { phases: seen, verdict: r.verdict, distinct: r.stats.distinctStates };
}

describe('--workers auto with temporal properties', () => {
  it('searches once, in one thread, recording the graph; two workers take the separate pass', async () => {
    const auto = await phases('auto');
    const two = await phases(2);
    expect(auto.phases.has('behaviour graph')).toBe(false);
    expect(two.phases.has('behaviour graph')).toBe(true);
    expect(auto.verdict).toBe(two.verdict);
    expect(auto.distinct).toBe(two.distinct);
  }, 120_000);
});
