// importGraph: who imports whom among the project's own modules, read from the source text
// (static `import`/`export ... from` and dynamic `import('...')` of relative paths; `import type`
// counts too: a type-only loop is still a loop for a reader).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export type Graph = Map<string, Set<string>>;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|require\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|mts|cjs|mjs)$/.test(name) ? [path] : [];
  });
}

/** The import graph of every source file under `folders` (paths relative to `root`). */
export function importGraph(root: string, folders: readonly string[]): Graph {
  const graph: Graph = new Map();
  for (const file of folders.flatMap((f) => sourceFiles(join(root, f)))) {
    const from = relative(root, file);
    const to = new Set<string>();
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = m[1] ?? m[2] ?? m[3]!;
      to.add(relative(root, resolve(dirname(file), target)));
    }
    graph.set(from, to);
  }
  return graph;
}

/** The graph between folders: an edge a -> b when a file in a imports one in b (a != b). */
export function folderGraph(files: Graph): Graph {
  const graph: Graph = new Map();
  for (const [from, tos] of files) {
    const a = dirname(from);
    if (!graph.has(a)) graph.set(a, new Set());
    for (const to of tos) if (dirname(to) !== a) graph.get(a)!.add(dirname(to));
  }
  return graph;
}

/** Every cycle's nodes, one list per strongly connected component of more than one node. */
export function cycles(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || graph.get(v)?.has(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** The files in folder `from` that import a file in one of `to`, but for those in `except` (folders or files). */
export function importsAcross(graph: Graph, from: string, to: readonly string[], except: readonly string[] = []): string[] {
  const inside = (file: string, place: string): boolean => file === place || file.startsWith(`${place}/`);
  return [...graph]
    .filter(([file, targets]) => inside(file, from) && !except.some((e) => inside(file, e)) && [...targets].some((t) => to.some((f) => inside(t, f))))
    .map(([file]) => file)
    .sort();
}
