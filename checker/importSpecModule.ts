// importSpecModule: load a spec module file, TypeScript included, whoever wrote it and wherever
// it lives. A .ts file outside an ESM package is compiled by tsx as CommonJS, and importing it
// through the global loader fails (require(esm) cycles), so files are loaded with tsx's scoped
// tsImport; a CommonJS module's default export then sits one level down.
import { tsImport } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import { specOf } from './specModule.ts';

export async function importSpecModule(file: string): Promise<unknown> {
  return specOf(((await tsImport(pathToFileURL(file).href, import.meta.url)) as { default?: unknown }).default);
}
