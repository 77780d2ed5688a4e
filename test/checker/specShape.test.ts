// The load-time check of a spec's shape: its lists of fields are the Spec API's (as the compiler
// reads checker/spec.ts), and it names the first field that is wrong.
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SHAPES, specShapeError } from '../../checker/specShape.ts';

/** The property names of each interface checker/spec.ts exports. */
function interfaceKeys(): Record<string, string[]> {
  const file = resolve(import.meta.dirname, '../../checker/spec.ts');
  const program = ts.createProgram([file], { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022 });
  const checker = program.getTypeChecker();
  const exported = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!);
  const typeOf = (name: string): ts.Type => checker.getDeclaredTypeOfSymbol(exported.find((s) => s.name === name)!);
  const names = (t: ts.Type): string[] => t.getProperties().map((p) => p.name);
  return {
    Spec: names(typeOf('Spec')),
    Action: names(typeOf('Action')),
    Fairness: names(typeOf('Fairness')),
    Presentation: names(typeOf('Presentation')),
  };
}

const spec = {
  name: 'x',
  summary: 'y',
  defaults: {},
  init: () => [{}],
  actions: [{ name: 'A', successors: () => [] }],
  invariants: { Ok: () => true },
};

describe('the shape a loaded spec is checked against', () => {
  it('lists exactly the fields of the Spec API interfaces', () => {
    const keys = interfaceKeys();
    expect(keys.Spec).toContain('terminal');
    const { Spec, Action, Fairness, Presentation } = SHAPES;
    expect(Object.keys(Spec).sort()).toEqual(keys.Spec!.sort());
    expect(Object.keys(Action).sort()).toEqual(keys.Action!.sort());
    expect(Object.keys(Fairness).sort()).toEqual(keys.Fairness!.sort());
    expect(Object.keys(Presentation).sort()).toEqual(keys.Presentation!.sort());
  });

  it('passes a spec with every required field', () => {
    expect(specShapeError(spec)).toBeUndefined();
  });

  const wrong: [string, unknown, string][] = [
    ['no default export', undefined, 'the module has no default export (it must `export default` a Spec)'],
    ['a function', () => spec, 'its default export must be a Spec object (name, summary, defaults, init, actions, invariants, ...), got a function'],
    [
      'none of the fields',
      { hello: 1 },
      "its default export must be a Spec object (name, summary, defaults, init, actions, invariants, ...), got an object with none of a Spec's fields",
    ],
    ['a missing field', { ...spec, init: undefined }, '`init` is missing'],
    ['actions as a record', { ...spec, actions: { A: spec.actions[0] } }, '`actions` must be an array of actions, got an object'],
    ['an action without successors', { ...spec, actions: [{ name: 'A' }] }, '`actions[0].successors` is missing'],
    ['an action named by a number', { ...spec, actions: [{ name: 3, successors: () => [] }] }, '`actions[0].name` must be a string, got a number'],
    ['an invariant that is no function', { ...spec, invariants: { Ok: true } }, '`invariants.Ok` must be a function, got a boolean'],
    ['invariants as an array', { ...spec, invariants: [() => true] }, '`invariants` must be an object of named state predicates (functions), got an array'],
    ['terminal as data', { ...spec, terminal: true }, '`terminal` must be a function, got a boolean'],
    ['defaults as a string', { ...spec, defaults: 'n=3' }, "`defaults` must be an object, got the string 'n=3'"],
    [
      'an unknown temporal operator',
      { ...spec, properties: { L: { op: 'always-eventually', p: () => true } } },
      "`properties.L.op` must be one of 'always', 'eventually', 'alwaysEventually', 'eventuallyAlways', 'leadsTo', got the string 'always-eventually'",
    ],
    ['leadsTo without q', { ...spec, properties: { L: { op: 'leadsTo', p: () => true } } }, '`properties.L.q` is missing'],
    ['a misspelt fairness kind', { ...spec, fairness: [{ kind: 'wek', action: 'A' }] }, "`fairness[0].kind` must be 'weak' or 'strong', got the string 'wek'"],
    [
      'fairness as one object',
      { ...spec, fairness: { kind: 'weak', action: 'A' } },
      '`fairness` must be an array of fairness conditions or a function of the parameters, got an object',
    ],
    ['a presentation hook as data', { ...spec, presentation: { lanes: ['a'] } }, '`presentation.lanes` must be a function, got an array'],
  ];
  for (const [what, value, message] of wrong) {
    it(`names what is wrong with ${what}`, () => {
      expect(specShapeError(value)).toBe(message);
    });
  }

  it('takes fairness as a function of the parameters', () => {
    expect(specShapeError({ ...spec, fairness: () => [] })).toBeUndefined();
  });
});
