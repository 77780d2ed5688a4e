// The load-time check of a study's shape: its lists of fields are the Study interface's (as the
// compiler reads checker/study/study.ts), it names the first field that is wrong, and it checks
// the spec of the default row as any Spec is checked.
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { looksLikeStudy, STUDY_SHAPES, studyShapeError } from '../../../checker/study/studyShape.ts';

/** The property names of Study and of its `rows`. */
function interfaceKeys(): Record<string, string[]> {
  const file = resolve(import.meta.dirname, '../../../checker/study/study.ts');
  const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!);
  const study = checker.getDeclaredTypeOfSymbol(exported.find((s) => s.name === 'Study')!);
  const names = (t: ts.Type): string[] => t.getProperties().map((p) => p.name);
  return { Study: names(study), 'Study.rows': names(checker.getTypeOfSymbol(study.getProperty('rows')!)) };
}

const spec = { name: 'x', summary: 'y', defaults: { n: 1 }, init: () => [{}], actions: [{ name: 'A', successors: () => [] }], invariants: { Ok: () => true } };
const study = { name: 'x', summary: 'y', defaults: { n: 1 }, rows: { param: 'n', values: [1, 2] }, specFor: () => spec };

describe('the shape a loaded study is checked against', () => {
  it('lists exactly the fields of the Study interface and of its rows', () => {
    const keys = interfaceKeys();
    expect(keys.Study).toContain('specFor');
    expect(Object.keys(STUDY_SHAPES.Study).sort()).toEqual(keys.Study!.sort());
    expect(Object.keys(STUDY_SHAPES['Study.rows']).sort()).toEqual(keys['Study.rows']!.sort());
  });

  it('passes a study with every required field, and tells it from a Spec', () => {
    expect(studyShapeError(study)).toBeUndefined();
    expect(looksLikeStudy(study)).toBe(true);
    expect(looksLikeStudy(spec)).toBe(false);
  });

  const wrong: [string, unknown, string][] = [
    ['rows without values', { ...study, rows: { param: 'n' } }, '`rows.values` is missing'],
    ['a row parameter that is no name', { ...study, rows: { param: 1, values: [1] } }, '`rows.param` must be a string, got a number'],
    ['specFor as data', { ...study, specFor: spec }, '`specFor` must be a function, got an object'],
    ['expectations as data', { ...study, expected: {} }, '`expected` must be a function, got an object'],
    ['a default row that is no Spec', { ...study, specFor: () => ({ ...spec, init: undefined }) }, '`specFor(defaults)` gives no Spec: `init` is missing'],
    [
      'a specFor that throws',
      {
        ...study,
        specFor: () => {
          throw new Error('no such row');
        },
      },
      '`specFor(defaults)` threw: no such row',
    ],
  ];
  for (const [what, value, message] of wrong) {
    it(`names what is wrong with ${what}`, () => {
      expect(studyShapeError(value)).toBe(message);
    });
  }
});
