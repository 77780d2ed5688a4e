// The import graph has no cycle, between files or between folders, and the checker never imports
// a model: every arrow points down (docs/DESIGN.md, "Two halves, one direction of dependency").
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph } from './importGraph.ts';

const root = resolve(import.meta.dirname, '../..');
const graph = importGraph(root, ['checker', 'spec', 'bin']);

describe('the import graph', () => {
  it('reads the imports it is about (the graph is not empty)', () => {
    expect(graph.get('checker/cli/main.ts')).toContain('checker/cli/commands.ts');
    expect(graph.size).toBeGreaterThan(50);
  });

  it('has no cycle between files', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(cycles(folderGraph(graph))).toEqual([]);
  });

  it('finds a cycle where there is one', () => {
    const looped = new Map([
      ['a/x.ts', new Set(['b/y.ts'])],
      ['b/y.ts', new Set(['a/z.ts'])],
      ['a/z.ts', new Set<string>()],
    ]);
    expect(cycles(looped)).toEqual([]);
    expect(cycles(folderGraph(looped))).toEqual([['a', 'b']]);
  });

  it('keeps checker/ free of spec/', () => {
    const wrong = [...graph].filter(([from, tos]) => from.startsWith('checker/') && [...tos].some((t) => t.startsWith('spec/')));
    expect(wrong.map(([from]) => from)).toEqual([]);
  });
});
