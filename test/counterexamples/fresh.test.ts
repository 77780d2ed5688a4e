// The committed counterexamples/ folder is what `npm run counterexamples` writes today: the test
// regenerates it into a temporary folder and compares every file, byte for byte. The bounds are
// those `rmc counterexamples` uses: spec/revoke/configs/counterexamples.json when it exists (the
// spec's defaults are too big for one table run), else the defaults.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
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
    const config = join(root, 'spec/revoke/configs/counterexamples.json');
    const bounds = existsSync(config) ? JSON.parse(readFileSync(config, 'utf8')) : {};
    const fresh = join(temp, 'counterexamples');
    await regenerateCounterexamples(spec, fresh, bounds);
    const { compareFolders } = await import(pathToFileURL(join(root, 'checker/counterexamples/compareFolders.ts')).href);
    const hint = 'counterexamples/ is stale: run `npm run counterexamples` and commit the result';
    expect(compareFolders(join(root, 'counterexamples'), fresh), hint).toEqual([]);
  }, 600_000);
});
