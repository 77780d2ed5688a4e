// The committed counterexamples/ folder is what `npm run counterexamples` writes today: the test
// regenerates it into a temporary folder and compares every file, byte for byte, with the plan
// `rmc counterexamples` uses (spec/revoke/counterexamples.json).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFolders } from '../../checker/study/counterexamples/compareFolders.ts';
import { readPlan, regenerateCounterexamples } from '../../checker/study/counterexamples/regenerate.ts';
import revoke from '../../spec/revoke/index.ts';

const root = resolve(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'rmc-fresh-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('counterexamples/ is fresh', () => {
  it('equals a fresh regeneration, file for file and byte for byte', async () => {
    const fresh = join(temp, 'counterexamples');
    await regenerateCounterexamples(revoke, fresh, readPlan(join(root, 'spec/revoke')), join(root, 'spec/revoke/configs'));
    const hint = 'counterexamples/ is stale: run `npm run counterexamples` and commit the result';
    expect(compareFolders(join(root, 'counterexamples'), fresh), hint).toEqual([]);
  }, 600_000);
});
