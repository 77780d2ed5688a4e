// compareFolders: how a committed counterexamples folder differs from a fresh one, one line per
// file (missing, extra, or different bytes); empty when they are the same. Hidden files are
// left out (an editor's or a desktop's), except the manifest, which is generated like the rest.
// A subfolder's files (designs/) are compared as `sub/name`.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MANIFEST } from './outFolder.ts';

export function compareFolders(committed: string, fresh: string): string[] {
  const shown = (f: string) => !f.startsWith('.') || f === MANIFEST;
  const list = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .filter(shown)
          .flatMap((f) => (statSync(join(dir, f)).isDirectory() ? readdirSync(join(dir, f)).filter(shown).map((g) => `${f}/${g}`) : [f]))
          .sort()
      : [];
  const [have, want] = [list(committed), list(fresh)];
  const out: string[] = [];
  for (const f of want) {
    if (!have.includes(f)) out.push(`${f}: missing`);
    else if (!readFileSync(join(committed, f)).equals(readFileSync(join(fresh, f)))) out.push(`${f}: differs`);
  }
  for (const f of have) if (!want.includes(f)) out.push(`${f}: no longer generated`);
  return out;
}
