// The one schema of a design (api/designApi.ts's DESIGN_FIELDS and POINTS) is the source of the
// type, the load-time check (kernel/designFile.ts), the error wrapping and the README's tables:
// these tests keep the four equal. The README's tables are written from it (RMC_WRITE_DOCS=1
// rewrites them after a change to the schema).
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESIGN_FIELDS, type Design, POINTS } from '../../../spec/revoke/api/designApi.ts';
import { checkedDesign } from '../../../spec/revoke/kernel/designFile.ts';
import { designApi } from '../../../spec/revoke/kernel/designApi.ts';
import { designFieldsTable, pointsTable } from '../../../spec/revoke/kernel/designTables.ts';
import { install } from '../../../spec/revoke/kernel/install.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import revoke from '../../../spec/revoke/index.ts';

const readme = resolve(import.meta.dirname, '../../../spec/revoke/README.md');

/** The README's block between `<!-- NAME: generated ... -->` and `<!-- NAME: end -->`, checked against (or rewritten to) `text`. */
function block(name: string, text: string): void {
  const doc = readFileSync(readme, 'utf8');
  const begin = doc.indexOf(`<!-- ${name}: generated`);
  const headEnd = doc.indexOf('\n', begin) + 1;
  const end = doc.indexOf(`<!-- ${name}: end -->`);
  expect(begin, `README has the ${name} markers`).toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(begin);
  const want = `${text}\n`;
  if (process.env.RMC_WRITE_DOCS) writeFileSync(readme, doc.slice(0, headEnd) + want + doc.slice(end));
  else
    expect(
      doc.slice(headEnd, end),
      `spec/revoke/README.md's ${name} table is stale: run RMC_WRITE_DOCS=1 npx vitest run test/spec/revoke/designSchema.test.ts`,
    ).toBe(want);
}

const minimal = { name: 'minimal', steps: [designApi.revokeReturn({ kernel: 'return 0', from: 'idle' })] };

describe("revoke: the design's one schema", () => {
  it("the README's table of fields is DESIGN_FIELDS'", () => block('design fields', designFieldsTable()));

  it("the README's table of interception points is POINTS'", () => block('points', pointsTable()));

  it('the loader checks exactly the schema: each field, required ones present, and nothing else', () => {
    expect(() => checkedDesign('/x.ts', minimal)).not.toThrow();
    for (const [name, f] of Object.entries(DESIGN_FIELDS)) {
      // A value of no field's shape is refused, naming the field and its shape.
      expect(() => checkedDesign('/x.ts', { ...minimal, [name]: Symbol('bad') }), name).toThrow(`field '${name}' is not ${f.shape}`);
      if (f.required) {
        const { [name as keyof typeof minimal]: _gone, ...rest } = minimal;
        expect(() => checkedDesign('/x.ts', rest), name).toThrow(`field '${name}' is missing (${f.shape})`);
      }
    }
    expect(() => checkedDesign('/x.ts', { ...minimal, extra: 1 })).toThrow(
      "field 'extra' is no design field (fields: name, steps, on, state, callKinds, holderOwns, scope, promises, expect)",
    );
  });

  it('wraps every point of the schema: a hook that throws names the design and the point', () => {
    const p = revoke.defaults as RevokeParams;
    const s = [...revoke.specFor(p).init(p)][0]!;
    for (const point of Object.keys(POINTS)) {
      const boom = () => {
        throw new Error('boom');
      };
      for (const entry of [boom, { kernel: {}, hook: boom }]) {
        const d = checkedDesign('/x.ts', { ...minimal, on: { [point]: entry } }) as Design;
        const hook = install(d).on[point as keyof typeof POINTS] as (...args: unknown[]) => unknown;
        expect(() => hook(s, p, {}), point).toThrow(`design 'minimal' (/x.ts), hook 'on.${point}': boom`);
      }
    }
  });

  it('gives every point a plain default, and a design that sets none behaves as the plain kernel', () => {
    const d = install(checkedDesign('/x.ts', minimal));
    for (const point of Object.keys(POINTS) as (keyof typeof POINTS)[]) expect(d.on[point]).toBe(POINTS[point].plain);
  });
});
