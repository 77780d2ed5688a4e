// pinCounts: after a change to the revoke model or its default bounds, measure every design's search
// at the default bounds and write the figures where they are pinned: test/spec/revoke/defaultCounts.ts
// and the count table of spec/revoke/README.md ("Expected counts at the default bounds"), printing
// each one that moved (old -> new). Each figure is what the README says reports it:
// `rmc check revoke --set variant=X --no-deadlock --continue --json`, two searches at a time.
// A developer's tool, run by hand and its diff read before it is committed:
//
//   node --import tsx scripts/pinCounts.ts
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { variantNames } from '../spec/revoke/kernel/params.ts';
import { defaultCounts, type Counts } from '../test/spec/revoke/defaultCounts.ts';

const root = resolve(import.meta.dirname, '..');
const run = promisify(execFile);

/** One design's search, as the README's command reports it (exit 12 or 13 is a broken guarantee, still counted). */
async function measure(variant: string): Promise<Counts> {
  const args = ['bin/rmc.mjs', 'check', 'revoke', '--set', `variant=${variant}`, '--no-deadlock', '--continue', '--json'];
  const out = await run('node', args, { cwd: root, maxBuffer: 1 << 28 }).then(
    (r) => r.stdout,
    (e: { stdout?: string }) => {
      if (!e.stdout) throw e;
      return e.stdout;
    },
  );
  const stats = (JSON.parse(out) as { stats: { distinctStates: number; generatedStates: number; depth: number } }).stats;
  return { distinct: stats.distinctStates, generated: stats.generatedStates, depth: stats.depth };
}

const counts = new Map<string, Counts>();
const queue = [...variantNames];
await Promise.all(
  Array.from({ length: Math.min(2, availableParallelism()) }, async () => {
    for (let v = queue.shift(); v !== undefined; v = queue.shift()) counts.set(v, await measure(v));
  }),
);

let moved = 0;
for (const v of variantNames) {
  const old = (defaultCounts as Record<string, Counts | undefined>)[v];
  const now = counts.get(v)!;
  if (old === undefined || old.distinct !== now.distinct || old.generated !== now.generated || old.depth !== now.depth) {
    moved++;
    const text = (c: Counts | undefined) => (c === undefined ? 'none' : `${c.distinct} distinct, ${c.generated} generated, depth ${c.depth}`);
    console.log(`${v}: ${text(old)} -> ${text(now)}`);
  }
}

const countsFile = join(root, 'test/spec/revoke/defaultCounts.ts');
const ts = readFileSync(countsFile, 'utf8');
const key = (v: string) => (/^[a-z]+$/.test(v) ? v : `'${v}'`);
const body = variantNames.map((v) => {
  const c = counts.get(v)!;
  return `  ${key(v)}: { distinct: ${c.distinct}, generated: ${c.generated}, depth: ${c.depth} },`;
});
const start = ts.indexOf('= {\n') + 4;
writeFileSync(countsFile, ts.slice(0, start) + body.join('\n') + '\n' + ts.slice(ts.indexOf('};', start)));

const readmeFile = join(root, 'spec/revoke/README.md');
const readme = readFileSync(readmeFile, 'utf8');
const head = readme.indexOf('| variant ', readme.indexOf('## Expected counts at the default bounds'));
const end = readme.indexOf('\n\n', head);
const cells = [['variant', 'distinct', 'generated', 'depth'], ...variantNames.map((v) => [`\`${v}\``, ...Object.values(counts.get(v)!).map(String)])];
const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
const line = (r: readonly string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
const table = [line(cells[0]!), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...cells.slice(1).map(line)].join('\n');
writeFileSync(readmeFile, readme.slice(0, head) + table + readme.slice(end));
console.log(moved === 0 ? 'No count moved.' : `${moved} of ${variantNames.length} designs moved; defaultCounts.ts and the README table rewritten.`);
