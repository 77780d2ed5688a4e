// itfByKind: states without a declared layout written in ITF by the kind of each value:
// Immutable Sets and JS Sets -> #set, Immutable Maps and JS Maps -> #map, Records and plain
// objects -> records, Lists and arrays -> arrays, integers beyond 2^53 -> #bigint. The state's
// variables are the fields of a record, object or string-keyed map; anything else is one `state`.
//
// Absence has no kind of its own, so it is found over the whole trace: a position (a variable, a
// record field, a map's values, a collection's elements) that is null in some state is an option
// in every state of the trace (None, or Some of the value), so a variable keeps one ITF type from
// state to state. Fractions and other numbers ITF cannot hold stay {"#unserializable": "..."}.
import { isImmutable, isKeyed, isRecord, isSet } from 'immutable';
import { NONE, compareText, itfInt, itfMap, itfSet, some } from './itfForms.ts';

export function itfByKind(states: readonly unknown[]): Record<string, unknown>[] {
  const vars = states.map(variables);
  // First pass: where nulls are. Second: the encoding, with those positions as options.
  const nullable = new Set<string>();
  for (const s of vars) for (const [k, v] of s) encode(v, `.${k}`, { nullable, found: nullable });
  return vars.map((s) => Object.fromEntries(s.map(([k, v]) => [k, encode(v, `.${k}`, { nullable })])));
}

interface Pass {
  /** Positions encoded as options. */
  readonly nullable: ReadonlySet<string>;
  /** Where the first pass records the positions it finds null at. */
  readonly found?: Set<string>;
}

function variables(state: unknown): [string, unknown][] {
  if (isImmutable(state) && (isRecord(state) || isKeyed(state))) {
    const entries = [...(state as any).toSeq().entries()] as [unknown, unknown][];
    if (entries.every(([k]) => typeof k === 'string')) {
      return (isRecord(state) ? entries : entries.sort((a, b) => compareText(a[0] as string, b[0] as string))) as [string, unknown][];
    }
    return [['state', state]];
  }
  if (isPlainObject(state))
    return Object.keys(state)
      .sort(compareText)
      .map((k) => [k, state[k]]);
  return [['state', state]];
}

function encode(v: unknown, at: string, pass: Pass): unknown {
  if (v === null || v === undefined) {
    pass.found?.add(at);
    return NONE;
  }
  const value = present(v, at, pass);
  return pass.nullable.has(at) ? some(value) : value;
}

function present(v: unknown, at: string, pass: Pass): unknown {
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'bigint':
      return itfInt(v);
    case 'number':
      return Number.isInteger(v) ? itfInt(v) : { '#unserializable': String(v) };
    case 'object':
      return composite(v as object, at, pass);
    default:
      return { '#unserializable': String(v) };
  }
}

function composite(v: object, at: string, pass: Pass): unknown {
  const element = `${at}[*]`;
  const pairs = (entries: Iterable<[unknown, unknown]>) => [...entries].map(([k, x]) => [encode(k, `${at}[key]`, pass), encode(x, `${at}[value]`, pass)]);
  const record = (entries: Iterable<[unknown, unknown]>) => Object.fromEntries([...entries].map(([k, x]) => [k, encode(x, `${at}.${String(k)}`, pass)]));
  if (Array.isArray(v)) return v.map((x) => encode(x, element, pass));
  if (isImmutable(v)) {
    const c = v as any;
    if (isRecord(c)) return record(c.toSeq().entries());
    if (isKeyed(c)) return itfMap(pairs(c.entries()));
    if (isSet(c)) return itfSet([...c.values()].map((x) => encode(x, element, pass)));
    return [...c.values()].map((x) => encode(x, element, pass));
  }
  if (v instanceof Set) return itfSet([...v].map((x) => encode(x, element, pass)));
  if (v instanceof Map) return itfMap(pairs(v.entries()));
  const keys = Object.keys(v).sort(compareText);
  return record(keys.map((k) => [k, (v as Record<string, unknown>)[k]]));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Set) && !(v instanceof Map) && !isImmutable(v);
}
