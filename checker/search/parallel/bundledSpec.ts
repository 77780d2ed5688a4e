// bundledSpec: a worker's copy of the spec module, bundled into one CommonJS module by esbuild.
//
// Workers load TypeScript through tsx's CommonJS hook (workerEntry.cjs), which compiles each file
// on its own; every name one module imports from another is then read through a getter on the
// other's exports, at every call. The revoke model calls its state helpers millions of times, and
// loaded that way it ran ~35 % slower than in the main thread (bench/PROFILE.md). Bundled, the
// spec's own modules call each other directly; only packages (immutable, ...) stay outside and are
// required from the spec's folder, as before. A spec esbuild cannot bundle, or one that reads
// import.meta, is loaded the old way (which reports an error as the main thread would).
import { buildSync } from 'esbuild';
import Module, { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface InternalModule {
  filename: string;
  paths: string[];
  exports: unknown;
  _compile(code: string, filename: string): void;
}
type ModuleClass = (new (id: string) => InternalModule) & { _nodeModulePaths(dir: string): string[] };

/** The spec module at `file`, bundled here, or compiled from `prebuilt` (the same bundle, made by the coordinator: prebuilt.ts). */
export function requireBundledSpec(file: string, prebuilt?: string): unknown {
  let code: string;
  if (prebuilt !== undefined) return compileAs(file, readFileSync(prebuilt, 'utf8'));
  try {
    const out = buildSync({
      entryPoints: [file],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    // CommonJS has no import.meta: esbuild would leave an empty object where a module reads its
    // own URL or folder, so such a spec is loaded file by file (tsx fills import.meta in).
    if (out.warnings.some((w) => w.text.includes('import.meta'))) return createRequire(file)(file);
    code = out.outputFiles[0]!.text;
  } catch {
    return createRequire(file)(file);
  }
  return compileAs(file, code);
}

/** Compiles CommonJS `code` as the module at `file` (its requires resolve from the spec's folder). */
function compileAs(file: string, code: string): unknown {
  const M = Module as unknown as ModuleClass;
  const m = new M(file);
  m.filename = file;
  m.paths = M._nodeModulePaths(dirname(file));
  m._compile(code, file);
  return m.exports;
}
