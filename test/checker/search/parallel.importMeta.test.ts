// A spec that reads import.meta (its own folder, here for a bound kept beside it) is searched by
// workers as by one thread: the workers' bundled load (parallel/bundledSpec.ts) would leave
// import.meta empty in CommonJS, so such a spec is loaded file by file instead.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import type { AnySpec } from '../../../checker/spec.ts';

const dir = mkdtempSync(join(tmpdir(), 'rmc-meta-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SPEC = `import { readFileSync } from 'node:fs';
import { join } from 'node:path';
const limit = Number(readFileSync(join(import.meta.dirname, 'limit.txt'), 'utf8'));
export default {
  name: 'meta',
  summary: 'reads its bound from a file beside itself',
  defaults: {},
  init: () => [{ n: 0, m: 0 }],
  actions: [
    { name: 'IncN', successors: function* (s) { if (s.n < limit) yield { label: 'IncN', state: { n: s.n + 1, m: s.m } }; } },
    { name: 'IncM', successors: function* (s) { if (s.m < limit) yield { label: 'IncM', state: { n: s.n, m: s.m + 1 } }; } },
  ],
  invariants: { bounded: (s) => s.n + s.m < 2 * limit },
  terminal: () => true,
};
`;

describe('a spec reading import.meta', () => {
  it("is searched by two workers with one thread's result", async () => {
    const specFile = join(dir, 'meta.mjs');
    writeFileSync(specFile, SPEC);
    writeFileSync(join(dir, 'limit.txt'), '40');
    const spec = (await import(specFile)).default as AnySpec;
    const one = await check(spec, {}, { continue: true });
    const two = await check(spec, {}, { continue: true, workers: 2, specFile, headStart: false });
    expect(two.notes).toBeUndefined();
    expect(one.stats.distinctStates).toBe(41 * 41);
    expect(two.stats).toMatchObject({ distinctStates: one.stats.distinctStates, generatedStates: one.stats.generatedStates, depth: one.stats.depth });
    expect(two.violations).toEqual(one.violations);
    expect(two.violations.map((v) => v.name)).toEqual(['bounded']);
  }, 60_000);
});
