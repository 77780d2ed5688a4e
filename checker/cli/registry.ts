// The registry of specs is a naming convention, not an import list, so checker/ never imports
// spec/: `classic/diehard` is spec/classic/diehard.ts, `revoke` is spec/revoke/index.ts.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const specRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../spec');

/** Is this argument a path to a module rather than a registered name? */
export function isSpecPath(arg: string): boolean {
  return arg.startsWith('.') || isAbsolute(arg) || /\.(ts|js|mts|mjs)$/.test(arg);
}

/** The module file of a registered name, or undefined. */
export function registeredFile(name: string): string | undefined {
  const candidates = [join(specRoot, `${name}.ts`), join(specRoot, name, 'index.ts')];
  return candidates.find((f) => existsSync(f) && statSync(f).isFile());
}

/** Every registered name, sorted. */
export function registeredNames(): string[] {
  const names: string[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (existsSync(join(dir, entry.name, 'index.ts'))) names.push(prefix + entry.name);
        else walk(join(dir, entry.name), `${prefix}${entry.name}/`);
      } else if (prefix !== '' && extname(entry.name) === '.ts' && !entry.name.endsWith('.test.ts')) {
        names.push(prefix + entry.name.slice(0, -3));
      }
    }
  };
  if (existsSync(specRoot)) walk(specRoot, '');
  return names.sort();
}

/** The directory a user ran the command in (npm run changes cwd; INIT_CWD keeps the original). */
export function userCwd(): string {
  return process.env.INIT_CWD ?? process.cwd();
}
