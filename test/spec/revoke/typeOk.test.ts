// The spec README's TypeOK is the model's layout, not a hand-kept copy of it: the block between
// the markers must be what layoutTla writes from stateLayout at the default bounds. With
// RMC_WRITE_DOCS=1 the test rewrites the block instead (after a change to the state).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';
import revoke from '../../../spec/revoke/index.ts';
import { TLA_PRELUDE, typeOkText } from '../../../checker/state/layoutTla.ts';

const readme = resolve(import.meta.dirname, '../../../spec/revoke/README.md');
const BEGIN = '<!-- TypeOK: generated from stateLayout; do not edit by hand -->\n';
const END = '<!-- TypeOK: end -->';

function generated(): string {
  const layout = revoke.specFor(revoke.defaults).layout!(revoke.defaults);
  return ['```', ...TLA_PRELUDE, '', typeOkText(layout), '```', ''].join('\n');
}

test("the spec README's TypeOK is stateLayout's", () => {
  const text = readFileSync(readme, 'utf8');
  const from = text.indexOf(BEGIN);
  const to = text.indexOf(END);
  expect(from, 'the README has the TypeOK markers').toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  const block = text.slice(from + BEGIN.length, to);
  if (process.env.RMC_WRITE_DOCS) writeFileSync(readme, text.slice(0, from + BEGIN.length) + generated() + text.slice(to));
  else expect(block, 'spec/revoke/README.md TypeOK is stale: run RMC_WRITE_DOCS=1 npx vitest run test/spec/revoke/typeOk.test.ts').toBe(generated());
});
