// loadSpec: a spec module by registered name or by path, checked to be a Spec or a study (exit 150
// naming the field that is wrong if not: checker/specShape.ts, checker/study/studyShape.ts).
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { AnySpec } from '../spec.ts';
import { UsageError } from '../errors.ts';
import { importSpecModule } from '../importSpecModule.ts';
import { assertExpectations } from '../study/expectations.ts';
import { type AnyStudy, isStudy } from '../study/study.ts';
import { looksLikeStudy, studyShapeError } from '../study/studyShape.ts';
import { specShapeError } from '../specShape.ts';
import { typecheckSpec } from './typecheckSpec.ts';
import { isSpecPath, registeredFile, registeredNames, userCwd } from './registry.ts';

export interface LoadedSpec {
  /** The module's default export: a Spec, or a study of many (one spec a row). */
  readonly spec: AnySpec | AnyStudy;
  readonly file: string;
  /** Where named configurations live: <spec folder>/configs. */
  readonly configDir: string;
}

/** `typecheck`: run the TypeScript compiler on the module first (--typecheck; typecheckSpec.ts). */
export async function loadSpec(arg: string, { typecheck = false }: { typecheck?: boolean } = {}): Promise<LoadedSpec> {
  let file: string;
  if (isSpecPath(arg)) {
    file = resolve(userCwd(), arg);
    if (!existsSync(file)) throw new UsageError(`spec module not found: ${file}`, 150);
  } else {
    const found = registeredFile(arg);
    if (!found) throw new UsageError(`unknown spec '${arg}' (known: ${registeredNames().join(', ')})`, 150);
    file = found;
  }
  if (typecheck) await typecheckSpec(file, arg);
  let spec: unknown;
  try {
    spec = await importSpecModule(file);
  } catch (e) {
    throw new UsageError(`cannot load spec module ${file}: ${loadFailure(e)}`, 150);
  }
  const problem = looksLikeStudy(spec) ? studyShapeError(spec) : specShapeError(spec);
  if (problem !== undefined) throw new UsageError(`spec ${arg}: ${problem}`, 150);
  const loaded = spec as AnySpec | AnyStudy;
  // Every row's expectations, whatever the command (a design file's: when its bounds are validated).
  if (isStudy(loaded)) for (const value of [...loaded.rows.values, ...(loaded.rows.otherValues ?? [])]) assertExpectations(loaded, value);
  return { spec: loaded, file, configDir: resolve(dirname(file), 'configs') };
}

/**
 * The line that says why a module did not load. The TypeScript compiler (esbuild, under tsx)
 * heads its message with "Transform failed with N error(s):" and puts `file:line:column: ERROR:
 * text` on the lines after: the first of those is the one to show, its column counted from 1.
 */
function loadFailure(e: unknown): string {
  const lines = String((e as Error)?.message ?? e)
    .split('\n')
    .filter((l) => l.trim() !== '');
  const located = lines.map((l) => /^(.*):(\d+):(\d+): (?:ERROR|error): (.*)$/.exec(l)).find((m) => m !== null);
  // esbuild counts columns from 0; compilers and editors print them from 1.
  if (/^Transform failed/.test(lines[0] ?? '') && located) return `syntax error at ${located[1]}:${located[2]}:${Number(located[3]) + 1}: ${located[4]}`;
  return lines[0] ?? 'unknown error';
}
