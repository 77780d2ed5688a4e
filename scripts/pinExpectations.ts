// pinExpectations: after a change to the revoke model that moves cells, write what the checker now
// finds into each design's `expect` record, and print every cell that moved (old -> new), the list
// a closing note owes its reader. It reads `rmc expect revoke --json` (the drift of each row) and
// edits only the drifted lines of the `expect: { ... }` block in the design's own file, found by
// its `name:`. A developer's tool, run by hand and its diff read before it is committed:
//
//   node --import tsx scripts/pinExpectations.ts [--design examples/x.ts ...]
//
// A drift it cannot place (no file names the design, or the line is not in the form
// `'guarantee': 'words',`) is printed and left for the hand.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Row {
  readonly label: string;
  readonly drift: readonly { guarantee: string; expected: string; got: string }[];
}

const root = resolve(import.meta.dirname, '..');
const designs = process.argv.slice(2);
const run = (): { rows: Row[] } => {
  try {
    return JSON.parse(execFileSync('node', ['bin/rmc.mjs', 'expect', 'revoke', '--json', ...designs], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 }));
  } catch (e) {
    // Exit 14 is drift, which is what this script is for; its JSON is on stdout all the same.
    const out = (e as { stdout?: string }).stdout;
    if (!out) throw e;
    return JSON.parse(out);
  }
};

const files = [
  ...readdirSync(join(root, 'spec/revoke/variants')).map((f) => join(root, 'spec/revoke/variants', f)),
  ...readdirSync(join(root, 'examples')).map((f) => join(root, 'examples', f)),
].filter((f) => f.endsWith('.ts'));
const fileOf = (design: string): string | undefined => files.find((f) => readFileSync(f, 'utf8').includes(`name: '${design}'`));

let moved = 0;
for (const row of run().rows) {
  if (row.drift.length === 0) continue;
  const file = fileOf(row.label);
  let text = file === undefined ? '' : readFileSync(file, 'utf8');
  const start = text.indexOf('expect: {');
  const end = start < 0 ? -1 : text.indexOf('}', start);
  for (const d of row.drift) {
    moved++;
    const line = `'${d.guarantee}': '${d.expected}',`;
    const at = start < 0 ? -1 : text.indexOf(line, start);
    if (file === undefined || at < 0 || at > end) {
      console.log(`${row.label} x ${d.guarantee}: ${d.expected} -> ${d.got}  (NOT PINNED: place it by hand)`);
      continue;
    }
    text = text.slice(0, at) + `'${d.guarantee}': '${d.got}',` + text.slice(at + line.length);
    console.log(`${row.label} x ${d.guarantee}: ${d.expected} -> ${d.got}`);
  }
  if (file !== undefined) writeFileSync(file, text);
}
console.log(moved === 0 ? 'No cell moved.' : `${moved} cells moved.`);
