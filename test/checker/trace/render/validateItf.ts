// validateItf: the ITF rules (Apalache ADR-015), as Quint reads them, as a checker of JSON: one
// message per breach. Written for the tests alone, sharing no code with the ITF writer.
//
// A trace is an object with `vars` (distinct names), `states` (each an object holding exactly the
// vars, plus an optional `#meta` object), and optionally `#meta` (an object), `params` (names the
// states hold too) and `loop` (a state index). A value is a boolean, a string, an integer within
// +-(2^53 - 1), an array (a list), a record (an object with no key starting with '#'), a variant
// {"tag": "<string>", "value": v} (Quint's sum types and options; Quint takes any object with a
// `tag` field for one), or one of {"#bigint": "-?digits"}, {"#tup": [...]}, {"#set": [...]}
// (no element twice), {"#map": [[k, v], ...]} (no key twice). {"#unserializable": "..."} is
// Apalache's word for an expression it could not write; Quint cannot evaluate it, so it is
// rejected unless `allowUnserializable`. Every variable keeps one type from state to state, and
// every list, set and map holds values of one type (itfTypes.ts).
// `mbt::actionTaken`, the variable Quint's `--mbt` traces carry and its model-based-testing
// drivers dispatch on, is a string in every state that has it: `init` in the first, an action's
// name in each later one, the same as `#meta.actions` where that lists them. The rule `mbt`
// asks what those drivers need: the variable in every state, and no null in any `#meta` (a
// driver reading it as a value fails). `mbt::nondetPicks`, the choices that made each step, is
// a record of options with the same names in every state, all None in the first (nothing was
// picked to reach it); the rule `mbt` asks for it in every state as well.
import { type ItfType, showType, typeOf, unify } from './itfTypes.ts';

export interface ItfRules {
  /** Accept {"#unserializable": "..."} (ADR-015 allows it; Quint cannot read it back). */
  readonly allowUnserializable?: boolean;
  /** What Quint's model-based-testing drivers need: `mbt::actionTaken` in every state, no null in `#meta`. */
  readonly mbt?: boolean;
}

const ACTION_TAKEN = 'mbt::actionTaken';
const NONDET_PICKS = 'mbt::nondetPicks';

export function validateItf(json: unknown, rules: ItfRules = {}): string[] {
  const errors: string[] = [];
  if (!isObject(json)) return ['the trace is not a JSON object'];
  for (const k of Object.keys(json)) {
    if (!['#meta', 'params', 'vars', 'states', 'loop'].includes(k)) errors.push(`unknown top-level field ${k}`);
  }
  if ('#meta' in json && !isObject(json['#meta'])) errors.push('#meta is not an object');
  const names = (field: string): string[] => {
    const v = json[field];
    if (v === undefined && field === 'params') return [];
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
      errors.push(`${field} is not an array of strings`);
      return [];
    }
    return v;
  };
  const vars = [...names('vars'), ...names('params')];
  if (new Set(vars).size !== vars.length) errors.push('vars and params name a variable twice');
  const states = json.states;
  if (!Array.isArray(states)) return [...errors, 'states is not an array'];
  const types = new Map<string, ItfType>();
  states.forEach((s, i) => {
    if (!isObject(s)) return void errors.push(`states[${i}] is not an object`);
    const meta = s['#meta'];
    if (meta !== undefined && !isObject(meta)) errors.push(`states[${i}].#meta is not an object`);
    if (isObject(meta) && 'index' in meta && meta.index !== i) errors.push(`states[${i}].#meta.index is ${String(meta.index)}`);
    for (const v of vars) if (!(v in s)) errors.push(`states[${i}] lacks variable ${v}`);
    for (const [k, x] of Object.entries(s)) {
      if (k === '#meta') continue;
      const at = `states[${i}].${k}`;
      if (!vars.includes(k)) errors.push(`states[${i}] has undeclared variable ${k}`);
      const before = errors.length;
      value(x, at, errors, rules);
      if (errors.length === before) sameType(types, k, typeOf(x, at, errors), at, errors);
    }
  });
  actionsTaken(json, vars, states, rules, errors);
  nondetPicks(vars, states, rules, errors);
  if (rules.mbt) {
    nullsIn(json['#meta'], '#meta', errors);
    states.forEach((st, i) => isObject(st) && nullsIn(st['#meta'], `states[${i}].#meta`, errors));
  }
  if ('loop' in json) {
    const l = json.loop;
    if (!Number.isInteger(l) || (l as number) < 0 || (l as number) >= states.length) errors.push(`loop ${String(l)} is not a state index`);
  }
  return errors;
}

function actionsTaken(json: Record<string, unknown>, vars: readonly string[], states: readonly unknown[], rules: ItfRules, errors: string[]): void {
  if (!vars.includes(ACTION_TAKEN)) {
    if (rules.mbt) errors.push(`vars lacks ${ACTION_TAKEN}`);
    return;
  }
  const meta = json['#meta'];
  const listed = isObject(meta) && Array.isArray(meta.actions) ? meta.actions : undefined;
  if (listed !== undefined && listed.length !== states.length) errors.push(`#meta.actions lists ${listed.length} actions for ${states.length} states`);
  states.forEach((st, i) => {
    if (!isObject(st) || !(ACTION_TAKEN in st)) return;
    const a = st[ACTION_TAKEN];
    if (typeof a !== 'string' || a === '') return void errors.push(`states[${i}].${ACTION_TAKEN} is not an action's name`);
    if (i === 0 && a !== 'init') errors.push(`states[0].${ACTION_TAKEN} is ${JSON.stringify(a)}, not "init"`);
    if (i > 0 && a === 'init') errors.push(`states[${i}].${ACTION_TAKEN} is "init", which only the first state is`);
    if (listed !== undefined && listed[i] !== a)
      errors.push(`states[${i}].${ACTION_TAKEN} is ${JSON.stringify(a)} but #meta.actions[${i}] is ${JSON.stringify(listed[i])}`);
  });
}

function nondetPicks(vars: readonly string[], states: readonly unknown[], rules: ItfRules, errors: string[]): void {
  if (!vars.includes(NONDET_PICKS)) {
    if (rules.mbt) errors.push(`vars lacks ${NONDET_PICKS}`);
    return;
  }
  let names: string | undefined;
  states.forEach((st, i) => {
    if (!isObject(st) || !(NONDET_PICKS in st)) return;
    const picks = st[NONDET_PICKS];
    const at = `states[${i}].${NONDET_PICKS}`;
    if (!isObject(picks) || Object.keys(picks).some((k) => k.startsWith('#')) || 'tag' in picks) return void errors.push(`${at} is not a record`);
    const here = Object.keys(picks).sort().join(', ');
    if (names === undefined) names = here;
    else if (here !== names) errors.push(`${at} names ${here || 'nothing'}, the first state ${names || 'nothing'}`);
    for (const [k, v] of Object.entries(picks)) {
      if (!isObject(v) || (v.tag !== 'Some' && v.tag !== 'None')) errors.push(`${at}.${k} is not an option (Some or None)`);
      else if (i === 0 && v.tag !== 'None') errors.push(`${at}.${k} is Some in the initial state, which nothing picked`);
    }
  });
}

/** A null anywhere inside a #meta object. */
function nullsIn(v: unknown, at: string, errors: string[]): void {
  if (v === null) return void errors.push(`${at} is null`);
  if (Array.isArray(v)) return v.forEach((x, i) => nullsIn(x, `${at}[${i}]`, errors));
  if (isObject(v)) for (const [k, x] of Object.entries(v)) nullsIn(x, `${at}.${k}`, errors);
}

/** A variable has one type in every state: None in one and Some in the next agree, Some and a bare value do not. */
function sameType(types: Map<string, ItfType>, name: string, t: ItfType, at: string, errors: string[]): void {
  const earlier = types.get(name);
  const both = earlier === undefined ? t : unify(earlier, t);
  if (both === undefined) errors.push(`${at}: type ${showType(t)} differs from the earlier states' ${showType(earlier)}`);
  else types.set(name, both);
}

function value(v: unknown, at: string, errors: string[], rules: ItfRules): void {
  if (typeof v === 'boolean' || typeof v === 'string') return;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) errors.push(`${at}: ${v} is not an integer within 2^53 (use #bigint)`);
    return;
  }
  if (Array.isArray(v)) return v.forEach((x, i) => value(x, `${at}[${i}]`, errors, rules));
  if (!isObject(v)) return void errors.push(`${at}: ${JSON.stringify(v)} is not an ITF value`);
  const keys = Object.keys(v);
  const tags = keys.filter((k) => k.startsWith('#'));
  if ('tag' in v) {
    if (keys.length !== 2 || !('value' in v) || typeof v.tag !== 'string') {
      return void errors.push(`${at}: an object with a tag field is a variant, which has exactly a string tag and a value`);
    }
    return value(v.value, `${at}.value`, errors, rules);
  }
  if (tags.length === 0) return Object.entries(v).forEach(([k, x]) => value(x, `${at}.${k}`, errors, rules));
  if (tags.length !== 1 || keys.length !== 1) return void errors.push(`${at}: a tagged value has exactly one key`);
  const tag = tags[0]!;
  const body = v[tag];
  switch (tag) {
    case '#bigint':
      if (typeof body !== 'string' || !/^-?[0-9]+$/.test(body)) errors.push(`${at}: #bigint is not a decimal string`);
      return;
    case '#unserializable':
      if (!rules.allowUnserializable) errors.push(`${at}: #unserializable ${JSON.stringify(body)} is no value Quint can read`);
      else if (typeof body !== 'string') errors.push(`${at}: #unserializable is not a string`);
      return;
    case '#tup':
    case '#set':
      if (!Array.isArray(body)) return void errors.push(`${at}: ${tag} is not an array`);
      if (tag === '#set' && repeats(body)) errors.push(`${at}: #set repeats an element`);
      return body.forEach((x, i) => value(x, `${at}${tag}[${i}]`, errors, rules));
    case '#map':
      if (!Array.isArray(body)) return void errors.push(`${at}: #map is not an array`);
      body.forEach((e, i) => {
        if (!Array.isArray(e) || e.length !== 2) return void errors.push(`${at}#map[${i}] is not a [key, value] pair`);
        value(e[0], `${at}#map[${i}][0]`, errors, rules);
        value(e[1], `${at}#map[${i}][1]`, errors, rules);
      });
      if (body.every((e) => Array.isArray(e)) && repeats(body.map((e) => e[0]))) errors.push(`${at}: #map repeats a key`);
      return;
    default:
      errors.push(`${at}: unknown tag ${tag}`);
  }
}

/** Two items with the same JSON text: one value twice (a record written twice in two key orders would pass). */
function repeats(items: readonly unknown[]): boolean {
  return new Set(items.map((x) => JSON.stringify(x))).size !== items.length;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
