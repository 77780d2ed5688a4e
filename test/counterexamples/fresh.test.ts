// The committed counterexamples/ folder is what `npm run counterexamples` writes today: the test
// regenerates it into a temporary folder and compares every file, byte for byte, with the plan
// `rmc counterexamples` uses (spec/revoke/counterexamples.json).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const needed = ['spec/revoke/index.ts', 'checker/search/table.ts'].filter((f) => !existsSync(join(root, f)));
const temp = mkdtempSync(join(tmpdir(), 'rmc-fresh-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe.skipIf(needed.length > 0)(`counterexamples/ is fresh${needed.length > 0 ? ` (skipped: ${needed.join(', ')} not written yet)` : ''}`, () => {
  it('equals a fresh regeneration, file for file and byte for byte', async () => {
    const { regenerateCounterexamples } = await import(pathToFileURL(join(root, 'checker/counterexamples/regenerate.ts')).href);
    const spec = (await import(pathToFileURL(join(root, 'spec/revoke/index.ts')).href)).default;
    const { readPlan } = await import(pathToFileURL(join(root, 'checker/counterexamples/regenerate.ts')).href);
    const fresh = join(temp, 'counterexamples');
    await regenerateCounterexamples(spec, fresh, readPlan(join(root, 'spec/revoke')), join(root, 'spec/revoke/configs'));
    const { compareFolders } = await import(pathToFileURL(join(root, 'checker/counterexamples/compareFolders.ts')).href);
    const hint = 'counterexamples/ is stale: run `npm run counterexamples` and commit the result';
    expect(compareFolders(join(root, 'counterexamples'), fresh), hint).toEqual([]);
  }, 600_000);
});
