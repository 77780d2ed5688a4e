// The search worker and the spec load as prebuilt JavaScript (issue 26): a bundle is built once,
// used while its inputs are unchanged, and rebuilt when one of them changes; a module esbuild
// cannot bundle gets none (the worker then compiles TypeScript as before).
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { prebuiltBundle } from '../../../checker/search/parallel/prebuilt.ts';
import { tempDir } from '../cli/runRmc.ts';

describe('prebuiltBundle', () => {
  const dir = tempDir('rmc-prebuilt-');
  const entry = join(dir, 'entry.ts');
  const helper = join(dir, 'helper.ts');

  it('bundles an entry and its imports into one CommonJS file, and rebuilds it when an input changes', async () => {
    writeFileSync(helper, 'export const twice = (n: number): number => 2 * n;\n');
    writeFileSync(entry, "import { twice } from './helper.ts';\nexport const answer: number = twice(21);\n");
    const bundle = (await prebuiltBundle(entry))!;
    expect(bundle).toMatch(/node_modules\/\.cache\/rmc\/[0-9a-f]{16}\.cjs$/);
    expect((createRequire(import.meta.url)(bundle) as { answer: number }).answer).toBe(42);
    const built = readFileSync(bundle, 'utf8');
    expect(await prebuiltBundle(entry)).toBe(bundle);
    writeFileSync(helper, 'export const twice = (n: number): number => 3 * n;\n');
    utimesSync(helper, new Date(), new Date(Date.now() + 5000)); // a new mtime even on a coarse clock
    expect(await prebuiltBundle(entry)).toBe(bundle);
    expect(readFileSync(bundle, 'utf8')).not.toBe(built);
    expect(readFileSync(bundle, 'utf8')).toContain('3 * n');
  });

  it('gives none for a module esbuild cannot bundle, or one that reads import.meta as a whole', async () => {
    const broken = join(dir, 'broken.ts');
    writeFileSync(broken, 'export const x = ;\n');
    expect(await prebuiltBundle(broken)).toBeUndefined();
    const meta = join(dir, 'meta.ts');
    writeFileSync(meta, 'export const meta = import.meta;\n');
    expect(await prebuiltBundle(meta)).toBeUndefined();
  });

  it("writes each file's own import.meta.url, dirname and filename into the bundle", async () => {
    const sub = join(dir, 'sub');
    mkdirSync(sub, { recursive: true });
    const inner = join(sub, 'inner.ts');
    writeFileSync(inner, 'export const innerUrl = import.meta.url;\nexport const innerDir = import.meta.dirname;\n');
    const outer = join(dir, 'outer.ts');
    writeFileSync(outer, "export { innerUrl, innerDir } from './sub/inner.ts';\nexport const outerFile: string = import.meta.filename;\n");
    const bundle = (await prebuiltBundle(outer))!;
    const loaded = createRequire(import.meta.url)(bundle) as { innerUrl: string; innerDir: string; outerFile: string };
    expect(loaded).toEqual({ innerUrl: pathToFileURL(inner).href, innerDir: sub, outerFile: outer });
  });
});
