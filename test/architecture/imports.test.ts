// The import graph has no cycle, between files or between folders, and the checker never imports
// a model: every arrow points down (docs/DESIGN.md, "Two halves, one direction of dependency").
// Inside the checker, three layers: the core (checker/ but study/ and cli/: the Spec API and the
// check), the study layer above it (checker/study/: tables, expectations, the counterexamples
// folder), and the CLI above both. No arrow points up.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cycles, folderGraph, importGraph, importsAcross } from './importGraph.ts';

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

  it('keeps the core free of the study layer and of the CLI', () => {
    expect(importsAcross(graph, 'checker', ['checker/study', 'checker/cli'], ['checker/study', 'checker/cli'])).toEqual([]);
  });

  it('keeps the study layer free of the CLI', () => {
    expect(importsAcross(graph, 'checker/study', ['checker/cli'])).toEqual([]);
  });

  it('finds an import against the layers where there is one', () => {
    const upward = new Map([
      ['checker/run/check.ts', new Set(['checker/study/table.ts'])],
      ['checker/study/table.ts', new Set(['checker/run/check.ts'])],
      ['checker/cli/main.ts', new Set(['checker/study/table.ts'])],
    ]);
    expect(importsAcross(upward, 'checker', ['checker/study', 'checker/cli'], ['checker/study', 'checker/cli'])).toEqual(['checker/run/check.ts']);
    expect(importsAcross(upward, 'checker/study', ['checker/cli'])).toEqual([]);
  });

  it('keeps checker/ free of spec/', () => {
    const wrong = [...graph].filter(([from, tos]) => from.startsWith('checker/') && [...tos].some((t) => t.startsWith('spec/')));
    expect(wrong.map(([from]) => from)).toEqual([]);
  });
});
