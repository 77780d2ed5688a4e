// Expectations are checked when the spec and its design files load: a verdict word that does not
// exist, or a guarantee the spec does not have, is the spec's mistake (exit 150) for every
// command, not something `check` and `table` ignore and `rmc expect` garbles. Expectations may
// leave guarantees out; `rmc expect` says which cells go unchecked.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rmc, root, tempDir } from './runRmc.ts';

const dir = tempDir('rmc-expectation-words-');
/** A counter tabulated over limit 1 and 2, whose rows expect what `expected` says. */
const tableSpec = (name: string, expected: string): string => {
  const file = join(dir, `${name}.ts`);
  writeFileSync(
    file,
    `const expected: Record<string, Record<string, string>> = ${expected};
const spec = { name: '${name}', summary: 'a counter tabulated over its limit', defaults: { limit: 1 },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s: { n: number }, p: { limit: number }) => (s.n < p.limit ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  invariants: { 'below-two': (s: { n: number }) => s.n < 2, 'non-negative': (s: { n: number }) => s.n >= 0 },
  terminal: () => true };
export default { name: '${name}', summary: spec.summary, defaults: spec.defaults, rows: { param: 'limit', values: [1, 2] },
  specFor: () => spec, expected: (v: unknown) => expected[String(v)] };\n`,
  );
  return file;
};
const maybe = tableSpec('maybe', `{ 1: { 'below-two': 'holds' }, 2: { 'below-two': 'maybe' } }`);
const unknown = tableSpec('unknown', `{ 1: { 'below-three': 'holds' } }`);
const partial = tableSpec('partial', `{ 1: { 'below-two': 'holds' }, 2: { 'below-two': 'violated 2', 'non-negative': 'holds' } }`);

const words = 'holds, violated, violated N, unpromised, unpromised N, not-exercised, n/a';

describe('an expectation that is not a verdict', () => {
  for (const command of ['check', 'table', 'expect', 'simulate']) {
    it(`makes ${command} refuse the spec (exit 150), naming the row, the guarantee and the words allowed`, () => {
      const r = rmc([command, maybe]);
      expect(r.code).toBe(150);
      expect(r.stderr).toBe(`rmc: limit '2' expects below-two to be 'maybe', which is none of the verdicts ${words}\n`);
    });
  }

  it('names a guarantee the spec does not have (exit 150)', () => {
    const r = rmc(['check', unknown]);
    expect(r.code).toBe(150);
    expect(r.stderr).toBe("rmc: limit '1' expects a verdict of 'below-three', which is no guarantee (known: below-two, non-negative)\n");
  });
});

describe('partial expectations', () => {
  it('are compared where given, and the cells they leave out are listed as unchecked', () => {
    const r = rmc(['expect', partial]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        '1  ok     1 cells as expected, 1 unchecked',
        '  unchecked (no expectation): non-negative',
        '2  ok     2 cells as expected',
        '',
        'Every expectation holds.',
        '',
      ].join('\n'),
    );
  });
});

describe('a design file with a malformed expectation', () => {
  copyFileSync(join(root, 'examples/scm-walk.ts'), join(dir, 'scm-walk.ts'));
  const design = join(dir, 'scm-walk-maybe.ts');
  const text = readFileSync(join(dir, 'scm-walk.ts'), 'utf8');
  writeFileSync(design, text.replace("'no-usable-descriptor': 'violated 7'", "'no-usable-descriptor': 'maybe'"));
  const unknownGuarantee = join(dir, 'scm-walk-unknown.ts');
  writeFileSync(unknownGuarantee, text.replace("'no-usable-descriptor': 'violated 7'", "'no-usable-descriptors': 'violated 7'"));

  for (const command of ['check', 'table']) {
    it(`is refused by ${command} --design before any search (exit 150), naming the design`, () => {
      const r = rmc([command, 'revoke', '--design', design]);
      expect(r.code).toBe(150);
      expect(r.stderr).toBe(`rmc: variant 'scm-walk' (${design}) expects no-usable-descriptor to be 'maybe', which is none of the verdicts ${words}\n`);
      expect(r.stdout).toBe('');
    });
  }

  it('names an unknown guarantee', () => {
    const r = rmc(['check', 'revoke', '--design', unknownGuarantee]);
    expect(r.code).toBe(150);
    expect(r.stderr).toMatch(
      /^rmc: variant 'scm-walk' \(.*\) expects a verdict of 'no-usable-descriptors', which is no guarantee \(known: no-usable-descriptor, /,
    );
  });
});
