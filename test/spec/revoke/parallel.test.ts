// The revoke model searched by two workers from the first level on (no head start), against one
// thread: its states cross threads as layout bytes, and the results (counts, coverage, every
// violation's trace) must be one thread's.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import revoke from '../../../spec/revoke/index.ts';
import { checkRow } from '../../../checker/study/checkRow.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';

const specFile = resolve(import.meta.dirname, '../../../spec/revoke/index.ts');

const cases: [string, Partial<RevokeParams>][] = [
  ['enberg-2007', {}],
  ['badfs', {}],
  ['file-list', { mode: 'frevoke' }],
  ['enberg-2006', { fork: true, tasks: 1 }],
];

describe('the parallel search on the revoke model', () => {
  it.each(cases)(
    "%s %j: two workers give one thread's result",
    async (variant, bounds) => {
      const p = { ...revoke.defaults, ...bounds, variant } as RevokeParams;
      const one = await checkRow(revoke, p, { continue: true, properties: [] });
      const two = await checkRow(revoke, p, { continue: true, properties: [], workers: 2, specFile, headStart: false });
      expect(two.notes).toBeUndefined();
      expect(two.verdict).toBe(one.verdict);
      const { seconds: _a, statesPerSecond: _b, storeBytes: _c, ...oneStats } = one.stats;
      expect(two.stats).toMatchObject(oneStats);
      expect(two.coverage).toEqual(one.coverage);
      expect(two.violations.length).toBeGreaterThan(0);
      expect(two.violations).toEqual(one.violations);
    },
    120_000,
  );
});
