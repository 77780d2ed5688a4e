// typecheckSpec: `--typecheck`, the TypeScript compiler's verdict on a spec module before it is
// run. tsx only strips types, so without it a spec with a type error runs. The compiler takes
// the nearest tsconfig.json above the spec (the author's own settings); without one, strict
// defaults where `rmc` and its subpaths (`rmc/study`, `rmc/revoke`: package.json's exports) are
// this checkout's public types and Node's types are this checkout's. Opt-in: it costs a compile of the spec and everything it imports (seconds).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompilerOptions, Diagnostic } from 'typescript';
import { UsageError } from '../errors.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

type TypeScript = typeof import('typescript');

/** `what`: how the one line names the module ('spec', or 'design file' for a --design). */
export async function typecheckSpec(file: string, arg: string, what = 'spec'): Promise<void> {
  const ts = await compiler();
  const program = ts.createProgram([file], { ...options(ts, file), noEmit: true });
  const error = ts.getPreEmitDiagnostics(program).find((d) => d.category === ts.DiagnosticCategory.Error);
  if (error) throw new UsageError(`${what} ${arg}: type error ${where(ts, error)}${message(error)}`, 150);
}

async function compiler(): Promise<TypeScript> {
  try {
    return (await import('typescript')).default;
  } catch {
    throw new UsageError('--typecheck needs the typescript package, a devDependency of rmc (npm ci installs it)', 2);
  }
}

/** The spec author's compiler options (the nearest tsconfig.json), else this checker's. */
function options(ts: TypeScript, file: string): CompilerOptions {
  const config = ts.findConfigFile(dirname(file), ts.sys.fileExists);
  if (config) {
    const read = ts.readConfigFile(config, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(read.config ?? {}, ts.sys, dirname(config), undefined, config);
    const problem = read.error ?? parsed.errors.find((d) => d.category === ts.DiagnosticCategory.Error);
    if (problem) throw new UsageError(`--typecheck: ${config}: ${ts.flattenDiagnosticMessageText(problem.messageText, ' ')}`, 150);
    return parsed.options;
  }
  return {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    paths: packageTypes(),
    typeRoots: [resolve(root, 'node_modules/@types')],
    types: ['node'],
  };
}

/** Each entry of package.json's exports that has types, as the module name a spec imports it by. */
function packageTypes(): Record<string, string[]> {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, { types?: string } | string> };
  const paths: Record<string, string[]> = {};
  for (const [sub, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'object' && target.types !== undefined) paths[sub === '.' ? pkg.name : `${pkg.name}${sub.slice(1)}`] = [resolve(root, target.types)];
  }
  return paths;
}

/**
 * One line: the diagnostic's head and, for a chain of them (an assignment that fails deep inside
 * a type), the innermost link, which names the field: "... (Type 'string' is not assignable to
 * type 'number'.)".
 */
function message(d: Diagnostic): string {
  if (typeof d.messageText === 'string') return d.messageText;
  let leaf = d.messageText;
  while (leaf.next?.[0]) leaf = leaf.next[0];
  return leaf === d.messageText ? leaf.messageText : `${d.messageText.messageText} (${leaf.messageText})`;
}

/** "at /path/x.ts:12:7: " (line and column from 1), or nothing for a diagnostic of no file. */
function where(ts: TypeScript, d: Diagnostic): string {
  if (!d.file || d.start === undefined) return '';
  const { line, character } = ts.getLineAndCharacterOfPosition(d.file, d.start);
  return `at ${d.file.fileName}:${line + 1}:${character + 1}: `;
}
