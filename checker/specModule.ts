// specOf: the Spec given a spec module's default export (an ES module's `default`, a CommonJS
// module's exports). A CommonJS build of an ES module puts the Spec one level further down, and
// marks itself `__esModule`: one without `default` had no default export (undefined here).
export function specOf(exported: unknown): unknown {
  const def = exported as { default?: unknown; init?: unknown; __esModule?: unknown } | undefined;
  if (def && typeof def === 'object' && def.init === undefined && def.default !== undefined) return def.default;
  if (def && typeof def === 'object' && def.__esModule === true && def.default === undefined) return undefined;
  return def;
}
