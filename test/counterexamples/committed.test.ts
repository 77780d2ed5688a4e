// What a reader of the committed counterexamples/ folder sees, checked on the folder itself
// (fresh.test.ts proves it is what a regeneration writes): the words, the ids and the titles.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const folder = resolve(import.meta.dirname, '../../counterexamples');
const read = (name: string) => readFileSync(join(folder, name), 'utf8');

describe('the committed counterexamples folder', () => {
  it('counts a one-step trace in the singular, in the README and on the page', () => {
    for (const name of ['README.md', 'index.html', 'GUARANTEES.md']) {
      expect(read(name), name).not.toMatch(/\b1 steps\b/);
    }
    expect(read('README.md')).toContain('breaks `revoked-ops-fail-with-ebadf-or-enxio` in 1 step\n');
    expect(read('index.html')).toContain('breaks <code>revoked-ops-fail-with-ebadf-or-enxio</code> in 1 step</h2>');
  });
});
