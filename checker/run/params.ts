// The bounded constants of a run: the spec's defaults, then a --config file, then --set k=v.
// Every malformed or unknown parameter is a UsageError (exit 151) naming it. Names are looked up
// as the spec's own (Object.hasOwn) and kept as entries until merged by copying, so `constructor`
// and `__proto__` are names like any other: unknown unless the spec declares them.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { shown, UsageError } from '../errors.ts';
import { valueText } from '../valueText.ts';

/**
 * What a run's bounds are resolved against: a Spec, or a study, which adds its rows as the
 * choices of its row parameter (checker/study/studyParams.ts).
 */
export interface ParamSource {
  readonly name: string;
  readonly defaults: object;
  validate?(p: any): string[];
  /** A parameter limited to these values (a study's rows): another value is unknown (exit 151). */
  readonly choices?: { readonly param: string; readonly values: readonly unknown[] };
}

/**
 * `cwd` is where a config given as a path resolves: the folder the user ran the command in (the
 * CLI passes it; under npm run that is INIT_CWD, not the process's own cwd).
 */
export function resolveParams(
  spec: ParamSource,
  configDir: string,
  config: string | undefined,
  sets: readonly string[],
  cwd = process.cwd(),
): Record<string, unknown> {
  const defaults = Object.entries(spec.defaults);
  const unshowable = firstUnshowable(defaults, `spec ${spec.name}'s defaults`);
  if (unshowable !== undefined) throw new UsageError(unshowable, 150);
  const fromConfig = config === undefined ? [] : checked(spec, Object.entries(readConfig(config, configDir, cwd)), `config ${config}`);
  const overrides: [string, unknown][] = [];
  for (const kv of sets) {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new UsageError(`malformed --set ${shown(kv)} (expected name=value)`);
    overrides.push([kv.slice(0, eq), parseValue(kv.slice(eq + 1))]);
  }
  // Spread and fromEntries define own properties: a name `__proto__` stays a parameter.
  const params = { ...Object.fromEntries(defaults), ...Object.fromEntries(fromConfig), ...Object.fromEntries(checked(spec, overrides, '--set')) };
  return validated(spec, params);
}

/**
 * The spec's `validate` on these bounds: its problems are one usage error (151). A validate that
 * loads a module the bounds name (revoke's design files) may throw an error with `exitCode` 150
 * when that module cannot be used: that is reported as it says, as are malformed expectations.
 */
export function validated(spec: ParamSource, params: Record<string, unknown>): Record<string, unknown> {
  let problems: string[];
  try {
    problems = spec.validate?.(params) ?? [];
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

function checked(spec: ParamSource, values: [string, unknown][], source: string): [string, unknown][] {
  const defaults = spec.defaults as Record<string, unknown>;
  for (const [k, v] of values) {
    if (!Object.hasOwn(defaults, k)) {
      const known = Object.keys(defaults);
      throw new UsageError(`unknown parameter ${shown(k)} in ${source} (known: ${known.length ? known.join(', ') : 'none'})`);
    }
    if (spec.choices && k === spec.choices.param && !spec.choices.values.includes(v)) {
      throw new UsageError(`unknown ${k} ${shown(v)} in ${source} (known: ${spec.choices.values.join(', ')})`);
    }
    const want = typeOf(defaults[k]);
    if (typeOf(v) !== want) throw new UsageError(`parameter '${k}' in ${source} must be ${want === 'array' ? 'an array' : `a ${want}`}, got ${shown(v)}`);
  }
  const unshowable = firstUnshowable(values, source);
  if (unshowable !== undefined) throw new UsageError(unshowable);
  return values;
}

/**
 * The first parameter that is or holds a number JSON cannot carry, as the message refusing it:
 * `1e400` parses as Infinity and `-0` as -0, which the echo of the bounds and the JSON report
 * would print as null and 0 (a run showing other bounds than the ones it checked), and which a
 * state cannot hold either (state/canonicalEncoding.ts).
 */
function firstUnshowable(values: [string, unknown][], source: string): string | undefined {
  for (const [k, v] of values) {
    const at = unshowableIn(v, k);
    if (at === undefined) continue;
    const [where, n] = at;
    const what = `parameter '${k}' in ${source}${where === k ? '' : ` (at ${where})`}`;
    return n === 0
      ? `${what} is -0, which the echo of the bounds and the JSON report would print as 0: write 0`
      : `${what} is ${valueText(n)}, which the echo of the bounds and the JSON report would print as null (a number beyond a double's range, such as 1e400, reads as Infinity): give a finite number`;
  }
  return undefined;
}

function unshowableIn(v: unknown, at: string): [string, number] | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && !(v === 0 && 1 / v < 0) ? undefined : [at, v];
  if (v === null || typeof v !== 'object') return undefined;
  for (const [k, x] of Object.entries(v)) {
    const found = unshowableIn(x, Array.isArray(v) ? `${at}[${k}]` : `${at}.${k}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

function typeOf(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}
