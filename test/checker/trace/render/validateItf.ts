// validateItf: the ITF rules (Apalache ADR-015) as a checker of JSON, one message per breach.
// A trace is an object with `vars` (names), `states` (each an object holding every var, plus an
// optional `#meta` object), optional `#meta`, `params` and `loop` (a state index). A value is a
// boolean, a string, an integer within +-(2^53 - 1), an array of values, a record (an object
// whose keys do not start with '#'), or one of {"#bigint": "-?digits"}, {"#tup": [...]},
// {"#set": [...]}, {"#map": [[k, v], ...]}, {"#unserializable": "..."}.

export function validateItf(json: unknown): string[] {
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
  const states = json.states;
  if (!Array.isArray(states)) return [...errors, 'states is not an array'];
  states.forEach((s, i) => {
    if (!isObject(s)) return void errors.push(`states[${i}] is not an object`);
    const meta = s['#meta'];
    if (meta !== undefined && !isObject(meta)) errors.push(`states[${i}].#meta is not an object`);
    if (isObject(meta) && 'index' in meta && meta.index !== i) errors.push(`states[${i}].#meta.index is ${String(meta.index)}`);
    for (const v of vars) if (!(v in s)) errors.push(`states[${i}] lacks variable ${v}`);
    for (const [k, x] of Object.entries(s)) {
      if (k === '#meta') continue;
      if (!vars.includes(k)) errors.push(`states[${i}] has undeclared variable ${k}`);
      value(x, `states[${i}].${k}`, errors);
    }
  });
  if ('loop' in json) {
    const l = json.loop;
    if (!Number.isInteger(l) || (l as number) < 0 || (l as number) >= states.length) errors.push(`loop ${String(l)} is not a state index`);
  }
  return errors;
}

function value(v: unknown, at: string, errors: string[]): void {
  if (typeof v === 'boolean' || typeof v === 'string') return;
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) errors.push(`${at}: ${v} is not an integer within 2^53 (use #bigint)`);
    return;
  }
  if (Array.isArray(v)) return v.forEach((x, i) => value(x, `${at}[${i}]`, errors));
  if (!isObject(v)) return void errors.push(`${at}: ${JSON.stringify(v)} is not an ITF value`);
  const tags = Object.keys(v).filter((k) => k.startsWith('#'));
  if (tags.length === 0) return Object.entries(v).forEach(([k, x]) => value(x, `${at}.${k}`, errors));
  if (tags.length !== 1 || Object.keys(v).length !== 1) return void errors.push(`${at}: a tagged value has exactly one key`);
  const tag = tags[0]!;
  const body = v[tag];
  switch (tag) {
    case '#bigint':
      if (typeof body !== 'string' || !/^-?[0-9]+$/.test(body)) errors.push(`${at}: #bigint is not a decimal string`);
      return;
    case '#unserializable':
      if (typeof body !== 'string') errors.push(`${at}: #unserializable is not a string`);
      return;
    case '#tup':
    case '#set':
      if (!Array.isArray(body)) return void errors.push(`${at}: ${tag} is not an array`);
      if (tag === '#set' && new Set(body.map((x) => JSON.stringify(x))).size !== body.length) errors.push(`${at}: #set repeats an element`);
      return body.forEach((x, i) => value(x, `${at}${tag}[${i}]`, errors));
    case '#map':
      if (!Array.isArray(body)) return void errors.push(`${at}: #map is not an array`);
      return body.forEach((e, i) => {
        if (!Array.isArray(e) || e.length !== 2) return void errors.push(`${at}#map[${i}] is not a [key, value] pair`);
        value(e[0], `${at}#map[${i}][0]`, errors);
        value(e[1], `${at}#map[${i}][1]`, errors);
      });
    default:
      errors.push(`${at}: unknown tag ${tag}`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
