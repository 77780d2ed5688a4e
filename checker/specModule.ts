// specOf: the Spec given a spec module's default export (an ES module's `default`, a CommonJS
// module's exports). A CommonJS build of an ES module puts the Spec one level further down.
export function specOf(exported: unknown): unknown {
  const def = exported as { default?: unknown; init?: unknown } | undefined;
  if (def && typeof def === 'object' && def.init === undefined && def.default !== undefined) return def.default;
  return def;
}
