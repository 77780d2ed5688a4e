// A design written outside the repository: a module whose default export is a Variant, or a
// factory that receives the design API (designApi.ts) and returns one. It is loaded by absolute
// path (the CLI's --design makes it absolute), synchronously, because the study builds a row's
// spec from its design in `specFor`, which a search worker asks again, loading the same path.
// tsx's scoped require compiles TypeScript wherever the file lives, with no node_modules beside
// it: the file reaches the model only through the factory's argument (and `import type`, which
// compiles away).
import { require as tsxRequire } from 'tsx/cjs/api';
import { pathToFileURL } from 'node:url';
import { designApi } from './designApi.ts';
import type { Variant } from './variant.ts';

/** A design file that cannot be used: the CLI reports it with exit 150. */
export class DesignFileError extends Error {
  readonly exitCode = 150;
}

const HOOKS: readonly [keyof Variant, string][] = [
  ['gate', 'function (s, p, file, kind) => Gate'],
  ['callReaches', 'function (s, p, call) => boolean'],
  ['faultReaches', 'function (s, p, vma) => boolean'],
  ['cut', 'function (s, p, file) => boolean'],
  ['tasklistHeld', 'function (s) => boolean'],
];

const loaded = new Map<string, Variant>();

/** The design the file at `path` exports (compiled and checked once per path). */
export function loadDesignFile(path: string): Variant {
  const known = loaded.get(path);
  if (known !== undefined) return known;
  let exported: unknown;
  try {
    const module = tsxRequire(path, pathToFileURL(path).href) as { default?: unknown };
    exported = module.default ?? module;
  } catch (e) {
    // esbuild heads a syntax error with "Transform failed with N error(s):"; the line after says where.
    const lines = String((e as Error)?.message ?? e).split('\n');
    throw new DesignFileError(`design ${path}: cannot load: ${(lines.find((l) => l.includes('ERROR:')) ?? lines[0]!).trim()}`);
  }
  let design: unknown = exported;
  if (typeof exported === 'function') {
    try {
      design = (exported as (api: typeof designApi) => unknown)(designApi);
    } catch (e) {
      throw new DesignFileError(`design ${path}: its factory threw: ${String((e as Error)?.message ?? e)}`);
    }
  }
  const d = checkedDesign(path, design);
  loaded.set(path, d);
  return d;
}

function checkedDesign(path: string, d: unknown): Variant {
  if (d === null || typeof d !== 'object')
    throw new DesignFileError(`design ${path}: the default export is not a design (an object, or a function of the design API returning one)`);
  const v = d as Record<string, unknown>;
  const name = typeof v.name === 'string' && v.name !== '' ? v.name : undefined;
  const who = `design ${name === undefined ? path : `'${name}' (${path})`}`;
  if (name === undefined) throw new DesignFileError(`${who}: hook 'name' is missing (a non-empty string)`);
  for (const [hook, shape] of HOOKS) if (typeof v[hook] !== 'function') throw new DesignFileError(`${who}: hook '${hook}' is missing (a ${shape})`);
  if (!Array.isArray(v.callKinds) || v.callKinds.length === 0)
    throw new DesignFileError(`${who}: hook 'callKinds' is missing (a list such as ['read', 'write'])`);
  if (!Array.isArray(v.steps) || v.steps.length === 0)
    throw new DesignFileError(`${who}: hook 'steps' is missing (a list of revoker steps built with revokerStep)`);
  for (const step of v.steps as unknown[]) {
    const s = step as { name?: unknown; forEachSuccessor?: unknown };
    if (typeof s?.name !== 'string' || typeof s.forEachSuccessor !== 'function') {
      throw new DesignFileError(`${who}: hook 'steps' holds something that is not a revoker step (build each with revokerStep or revokerStepOn)`);
    }
  }
  return withNamedErrors(who, v as unknown as Variant);
}

/** The design with each hook's errors naming the design and the hook (the checker reports them with exit 75). */
function withNamedErrors(who: string, d: Variant): Variant {
  const wrap = <F extends (...args: never[]) => unknown>(hook: string, f: F): F =>
    ((...args: never[]) => {
      try {
        return f(...args);
      } catch (e) {
        throw new Error(`${who}, hook '${hook}': ${String((e as Error)?.message ?? e)}`, { cause: e });
      }
    }) as F;
  return {
    ...d,
    gate: wrap('gate', d.gate),
    callReaches: wrap('callReaches', d.callReaches),
    faultReaches: wrap('faultReaches', d.faultReaches),
    cut: wrap('cut', d.cut),
    tasklistHeld: wrap('tasklistHeld', d.tasklistHeld),
  };
}
