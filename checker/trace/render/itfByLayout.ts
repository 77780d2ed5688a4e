// itfByLayout: states written in ITF as their declared layout types them, so every state of a
// trace gives each variable the same ITF type. A `record` is a record with exactly its fields, in
// the layout's order; a `dict` a #map of the keys present (the layout's own key values, so the
// fds 3 and 4 stay integers); a `list` an array; an `optional` (or an enum that holds null) is an
// option in every state, None or Some, never a bare value in one state and a variant in the next.
// The layout is the one place that says a field may be absent: a null the layout does not allow,
// or a field it does not declare, is the spec's error, named by its path (the ITF must not drop
// what the text trace shows).
import { SpecError } from '../../errors.ts';
import type { Layout } from '../../spec.ts';
import { NONE, itfInt, itfMap, some } from './itfForms.ts';

/** Each state's variables: a record layout's fields, in order; any other layout is one `state`. */
export function itfByLayout(layout: Layout, states: readonly unknown[]): Record<string, unknown>[] {
  return states.map((s) => {
    const v = laidOut(layout, s, 'state');
    return layout.type === 'record' ? (v as Record<string, unknown>) : { state: v };
  });
}

function laidOut(l: Layout, v: unknown, at: string): unknown {
  switch (l.type) {
    case 'optional':
      return v === null || v === undefined ? NONE : some(laidOut(l.of, v, at));
    case 'enum':
      if (l.values.includes(null)) return v === null ? NONE : some(scalar(v, at));
      return scalar(v, at);
    case 'int':
      return scalar(v, at);
    case 'record': {
      const fields = objectAt(v, at);
      for (const k of Object.keys(fields)) if (!(k in l.fields)) fail(`${at}.${k}`, 'is not in the layout');
      return Object.fromEntries(Object.entries(l.fields).map(([k, f]) => [k, laidOut(f, fields[k], `${at}.${k}`)]));
    }
    case 'dict': {
      const entries = objectAt(v, at);
      const keys = new Set(l.keys.map(String));
      for (const k of Object.keys(entries)) if (!keys.has(k)) fail(`${at}.${k}`, 'is not a key of the layout');
      const present = l.keys.filter((k) => entries[String(k)] !== undefined);
      return itfMap(present.map((k) => [k, laidOut(l.of, entries[String(k)], `${at}.${k}`)]));
    }
    case 'list':
      if (!Array.isArray(v)) return fail(at, 'is not a list');
      return v.map((x, i) => laidOut(l.of, x, `${at}[${i}]`));
  }
}

function scalar(v: unknown, at: string): unknown {
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return itfInt(v);
  return fail(at, `= ${JSON.stringify(v) ?? String(v)} is no value the layout allows here`);
}

function objectAt(v: unknown, at: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(at, 'is not an object');
  return v as Record<string, unknown>;
}

function fail(at: string, what: string): never {
  throw new SpecError(`ITF: ${at} ${what} (the states do not match the layout the spec declares for them)`);
}
