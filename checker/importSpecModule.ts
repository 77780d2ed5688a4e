// importSpecModule: load a spec module file, TypeScript included, whoever wrote it and wherever
// it lives. A .ts file outside an ESM package is compiled by tsx as CommonJS, and importing it
// through the global loader fails (require(esm) cycles), so files are loaded with tsx's scoped
// tsImport; a CommonJS module's default export then sits one level down.
import { tsImport } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';

export async function importSpecModule(file: string): Promise<unknown> {
  const mod = (await tsImport(pathToFileURL(file).href, import.meta.url)) as { default?: unknown };
  const def = mod.default as { default?: unknown; init?: unknown } | undefined;
  if (def && typeof def === 'object' && def.init === undefined && def.default !== undefined) return def.default;
  return def;
}
