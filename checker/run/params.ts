// The bounded constants of a run: the spec's defaults, then a --config file, then --set k=v.
// Every malformed or unknown parameter is a UsageError (exit 151) naming it.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { AnySpec } from '../spec.ts';
import { shown, UsageError } from '../errors.ts';

/**
 * `cwd` is where a config given as a path resolves: the folder the user ran the command in (the
 * CLI passes it; under npm run that is INIT_CWD, not the process's own cwd).
 */
export function resolveParams(
  spec: AnySpec,
  configDir: string,
  config: string | undefined,
  sets: readonly string[],
  cwd = process.cwd(),
): Record<string, unknown> {
  const params: Record<string, unknown> = { ...spec.defaults };
  if (config !== undefined) Object.assign(params, checked(spec, readConfig(config, configDir, cwd), `config ${config}`));
  const overrides: Record<string, unknown> = {};
  for (const kv of sets) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`malformed --set ${shown(kv)} (expected name=value)`);
    overrides[kv.slice(0, eq)] = parseValue(kv.slice(eq + 1));
  }
  Object.assign(params, checked(spec, overrides, '--set'));
  return validated(spec, params);
}

/**
 * The spec's `validate` on these bounds: its problems are one usage error (151). A validate that
 * loads a module the bounds name (revoke's design files) may throw an error with `exitCode` 150
 * when that module cannot be used: that is reported as it says.
 */
export function validated(spec: AnySpec, params: Record<string, unknown>): Record<string, unknown> {
  let problems: string[];
  try {
    problems = spec.validate?.(params as never) ?? [];
  } catch (e) {
    if ((e as { exitCode?: unknown })?.exitCode === 150) throw new UsageError((e as Error).message, 150);
    throw e;
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return params;
}

/** JSON if it parses, else the text as a string (so --set variant=badfs needs no quotes). */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Where a config may be, in the order tried: a path (it has a folder in it) only as given; a name
 * with or without `.json` in the spec's configs/ folder, and as a file in `cwd` (a name ending
 * in `.json` there first, as it reads as a file). Each path once.
 */
function configCandidates(config: string, configDir: string, cwd: string): string[] {
  const asPath = resolve(cwd, config);
  if (/[/\\]/.test(config)) return [asPath];
  const hasExt = config.endsWith('.json');
  const named = resolve(configDir, hasExt ? config : `${config}.json`);
  const candidates = hasExt ? [asPath, named] : [named, asPath, `${asPath}.json`];
  return [...new Set(candidates)];
}

function readConfig(config: string, configDir: string, cwd: string): Record<string, unknown> {
  const candidates = configCandidates(config, configDir, cwd);
  const file = candidates.find((f) => existsSync(f));
  if (file === undefined) throw new UsageError(`config ${shown(config)} not found (tried ${candidates.map((f) => shown(f, 200)).join(', ')})`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`malformed config ${file}: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(`malformed config ${file}: expected a JSON object of parameters`);
  return parsed as Record<string, unknown>;
}

function checked(spec: AnySpec, values: Record<string, unknown>, source: string): Record<string, unknown> {
  const defaults = spec.defaults as Record<string, unknown>;
  for (const [k, v] of Object.entries(values)) {
    if (!(k in defaults)) {
      const known = Object.keys(defaults);
      throw new UsageError(`unknown parameter ${shown(k)} in ${source} (known: ${known.length ? known.join(', ') : 'none'})`);
    }
    if (spec.table && k === spec.table.param && !spec.table.values.includes(v as never) && !spec.table.otherValues?.includes(v as never)) {
      throw new UsageError(`unknown ${k} ${shown(v)} in ${source} (known: ${[...spec.table.values, ...(spec.table.otherValues ?? [])].join(', ')})`);
    }
    const want = typeOf(defaults[k]);
    if (typeOf(v) !== want) throw new UsageError(`parameter '${k}' in ${source} must be ${want === 'array' ? 'an array' : `a ${want}`}, got ${shown(v)}`);
  }
  return values;
}

function typeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}
