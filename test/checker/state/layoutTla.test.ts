import { expect, test } from 'vitest';
import { typeOkText } from '../../../checker/state/layoutTla.ts';
import type { Layout } from '../../../checker/spec.ts';

const bool: Layout = { type: 'enum', values: [false, true] };

test('every kind of layout in TLA+ notation, on one line where it fits', () => {
  const layout: Layout = {
    type: 'record',
    fields: {
      pc: { type: 'enum', values: ['idle', 'done'] },
      n: { type: 'int', min: 0, max: 3 },
      ok: bool,
      fds: { type: 'dict', keys: [3, 4], of: { type: 'optional', of: { type: 'enum', values: ['F0'] } } },
      refs: { type: 'list', of: { type: 'enum', values: ['F0', 'F1'] }, max: 2 },
    },
  };
  expect(typeOkText(layout)).toBe(
    [
      'TypeOK ==',
      '  /\\ pc   \\in {"idle", "done"}',
      '  /\\ n    \\in 0..3',
      '  /\\ ok   \\in BOOLEAN',
      '  /\\ fds  \\in Partial({3, 4}, {"F0"} \\cup {null})',
      '  /\\ refs \\in BSeq({"F0", "F1"}, 2)',
    ].join('\n'),
  );
});

test('a record too wide is broken field by field, a set too wide wrapped under its brace', () => {
  const layout: Layout = {
    type: 'record',
    fields: { v: { type: 'record', fields: { a: { type: 'enum', values: ['one', 'two', 'three', 'four'] }, b: bool } } },
  };
  // Each line stays within 30 columns; the set's elements continue one column past its brace.
  expect(typeOkText(layout, 30)).toBe(
    ['TypeOK ==', '  /\\ v \\in [a: {"one", "two",', '                "three",', '                "four"},', '            b: BOOLEAN]'].join('\n'),
  );
});

test('a layout that is not a record of variables is refused', () => {
  expect(() => typeOkText(bool)).toThrow(/record of its variables/);
});
