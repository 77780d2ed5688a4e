import { describe, expect, it } from 'vitest';
import { stateDiff } from '../../../../checker/trace/render/stateDiff.ts';

describe('stateDiff', () => {
  it('names each changed leaf by its path', () => {
    const before = { files: { F0: { count: 1, inode: 'I' } }, queue: ['F0'], done: false };
    const after = { files: { F0: { count: 2, inode: 'I' } }, queue: ['F1'], done: false };
    expect(stateDiff(before, after)).toEqual([
      { path: 'files.F0.count', before: 1, after: 2 },
      { path: 'queue[0]', before: 'F0', after: 'F1' },
    ]);
  });

  it('reports added and removed fields without the missing side', () => {
    expect(stateDiff({ t: { '3': 'F0' } }, { t: { '4': 'F0' } })).toEqual([
      { path: 't.4', after: 'F0' },
      { path: 't.3', before: 'F0' },
    ]);
  });

  it('reports a list whose length changed as one field, and odd keys quoted', () => {
    expect(stateDiff({ q: [1], 'a b': 1 }, { q: [1, 2], 'a b': 2 })).toEqual([
      { path: 'q', before: [1], after: [1, 2] },
      { path: '["a b"]', before: 1, after: 2 },
    ]);
  });

  it('finds nothing between equal states', () => {
    expect(stateDiff({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });
});
