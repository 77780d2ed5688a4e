// What a spec module exports, made a Spec. specOf: the export itself, given a module's default
// export (an ES module's `default`, a CommonJS module's exports). A CommonJS build of an ES module
// puts it one level further down, and marks itself `__esModule`: one without `default` had no
// default export (undefined here). specAt: the Spec that checks given bounds, which a study gives
// through `specFor` (checker/spec.ts, SpecSource).
import type { AnySpec, SpecSource } from './spec.ts';

export function specOf(exported: unknown): unknown {
  const def = exported as { default?: unknown; init?: unknown; __esModule?: unknown } | undefined;
  if (def && typeof def === 'object' && def.init === undefined && def.default !== undefined) return def.default;
  if (def && typeof def === 'object' && def.__esModule === true && def.default === undefined) return undefined;
  return def;
}

/** The Spec of bounds `params`: the export itself, or what its `specFor` gives for them. */
export function specAt(exported: unknown, params: object): AnySpec {
  const source = exported as Partial<SpecSource> | undefined;
  return (typeof source?.specFor === 'function' ? source.specFor(params) : exported) as AnySpec;
}
