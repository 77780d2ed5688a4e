// The committed counterexamples/ folder is what `npm run counterexamples` writes today: the test
// regenerates it into a temporary folder and compares every file, byte for byte.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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
    const fresh = join(temp, 'counterexamples');
    await regenerateCounterexamples(spec, fresh);
    const committed = join(root, 'counterexamples');
    const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => !f.startsWith('.')).sort() : []);
    const hint = 'counterexamples/ is stale: run `npm run counterexamples` and commit the result';
    expect(list(committed), hint).toEqual(list(fresh));
    for (const f of list(fresh)) {
      expect(readFileSync(join(committed, f), 'utf8'), `${f}: ${hint}`).toBe(readFileSync(join(fresh, f), 'utf8'));
    }
  }, 600_000);
});
