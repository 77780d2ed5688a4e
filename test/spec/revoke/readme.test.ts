// spec/revoke/README.md states the expected counts and the guarantee catalogue; these tests keep
// it equal to the counts the search tests pin and to the guarantees the spec defines.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import revoke from '../../../spec/revoke/index.ts';
import { variantNames } from '../../../spec/revoke/kernel/params.ts';
import { defaultCounts } from './defaultCounts.ts';

const readme = readFileSync(new URL('../../../spec/revoke/README.md', import.meta.url), 'utf8');

/** The rows of the first table under the heading `## <title>`, as cells (header and rule dropped). */
function table(title: string): string[][] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${title}\n`));
  if (section === undefined) throw new Error(`README has no section '${title}'`);
  const rows = section.split('\n').filter((line) => line.startsWith('|'));
  return rows.slice(2).map((row) =>
    row
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );
}
const unquote = (cell: string): string => cell.replace(/^`|`$/g, '');

describe('revoke: the README', () => {
  it('lists the default counts of every variant as defaultCounts.ts pins them', () => {
    const rows = table('Expected counts at the default bounds');
    expect(rows.map(([variant]) => unquote(variant!))).toEqual([...variantNames]);
    for (const [variant, distinct, generated, depth] of rows) {
      expect({ distinct: Number(distinct), generated: Number(generated), depth: Number(depth) }).toEqual(
        defaultCounts[unquote(variant!) as keyof typeof defaultCounts],
      );
    }
  });

  it("catalogues every guarantee the spec checks, in the table's column order", () => {
    const names = table('The guarantees').map((row) => unquote(row[1]!));
    const spec = revoke.specFor(revoke.defaults);
    expect(names).toEqual([...Object.keys(spec.invariants), ...Object.keys(spec.properties ?? {})]);
  });
});
