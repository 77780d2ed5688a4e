import { describe, expect, it } from 'vitest';
import { quintType } from '../../checker/study/counterexamples/quintType.ts';
import type { Layout } from '../../checker/spec.ts';

const files: Layout = { type: 'enum', values: ['F0', 'F1'] };

describe('quintType', () => {
  it("names each layout's ITF type in Quint's notation: maps, records, lists and options", () => {
    const layout: Layout = {
      type: 'record',
      fields: {
        fds: { type: 'dict', keys: [3, 4], of: files },
        count: { type: 'int', min: 1, max: 255 },
        dead: { type: 'enum', values: [false, true] },
        refs: { type: 'list', of: files, max: 2 },
        vma: { type: 'optional', of: { type: 'record', fields: { file: files } } },
        cursor: { type: 'enum', values: [null, 'A'] },
      },
    };
    expect(quintType(layout)).toBe('{ fds: int -> str, count: int, dead: bool, refs: List[str], vma: Option[{ file: str }], cursor: Option[str] }');
  });
});
