// renameDeep and markOccurring: the default permutation of a state under a symmetry (checker/spec.ts
// `Symmetry`), and the scan that tells which interchangeable ids a state mentions at all.
//
// A listed id is renamed wherever it appears as an atom: a value, a plain-object key, an Immutable
// Map key or Set member, an element of an array, List or typed array. Record field names are part
// of the Record's type, never ids, so only field values are renamed. Object keys are strings, so a
// numeric id 3 also renames the key '3'. Both walks follow exactly the same shapes, so an id the
// scan does not find is one renameDeep would not touch.
import { isImmutable, isKeyed, isList, isMap, isRecord, isSeq, isSet, isStack } from 'immutable';
import { UnencodableError } from './canonicalEncoding.ts';

export type Atom = string | number;

/** A renaming: for values, and (as strings) for plain-object keys. */
export interface Renaming {
  readonly values: ReadonlyMap<Atom, Atom>;
  readonly keys: ReadonlyMap<string, string>;
}

export function renaming(values: ReadonlyMap<Atom, Atom>): Renaming {
  const keys = new Map<string, string>();
  for (const [from, to] of values) keys.set(String(from), String(to));
  return { values, keys };
}

/** The value with every listed id renamed (a fresh structure; the input is left alone). */
export function renameDeep(v: unknown, r: Renaming): unknown {
  switch (typeof v) {
    case 'string':
    case 'number':
      return r.values.get(v) ?? v;
    case 'object':
      if (v === null) return v;
      if (Array.isArray(v)) return v.map((x) => renameDeep(x, r));
      if (isImmutable(v)) return renameImmutable(v, r);
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
        return (v as unknown as Float64Array).map((x) => (r.values.get(x) as number | undefined) ?? x);
      }
      return renameObject(v, r);
    default:
      return v;
  }
}

function renameObject(v: object, r: Renaming): object {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[r.keys.get(k) ?? k] = renameDeep((v as Record<string, unknown>)[k], r);
  return out;
}

function renameImmutable(v: any, r: Renaming): unknown {
  if (isRecord(v)) {
    const keys = Object.keys(v.toObject());
    return v.withMutations((m: any) => {
      for (const k of keys) m.set(k, renameDeep(v.get(k), r));
    });
  }
  if (isList(v) || isStack(v) || isSet(v) || (isSeq(v) && !isKeyed(v))) return v.map((x: unknown) => renameDeep(x, r));
  if (isMap(v) || (isSeq(v) && isKeyed(v))) return v.mapEntries(([k, x]: [unknown, unknown]) => [renameDeep(k, r), renameDeep(x, r)]);
  throw new UnencodableError('cannot permute this Immutable.js collection in a state');
}

/** Sets `seen[i]` for every id of `index` (id -> i) that occurs in `v`; `keyIndex` is by String(id). */
export function markOccurring(v: unknown, index: ReadonlyMap<Atom, number>, keyIndex: ReadonlyMap<string, number>, seen: Uint8Array): void {
  switch (typeof v) {
    case 'string':
    case 'number': {
      const i = index.get(v);
      if (i !== undefined) seen[i] = 1;
      return;
    }
    case 'object':
      if (v === null) return;
      if (Array.isArray(v) || (isImmutable(v) && !isRecord(v) && !isMap(v) && !(isSeq(v) && isKeyed(v)))) {
        for (const x of v as Iterable<unknown>) markOccurring(x, index, keyIndex, seen);
        return;
      }
      if (isImmutable(v)) {
        const c = v as any;
        if (isRecord(c)) for (const x of Object.values(c.toObject())) markOccurring(x, index, keyIndex, seen);
        else
          for (const [k, x] of c.entries() as Iterable<[unknown, unknown]>) {
            markOccurring(k, index, keyIndex, seen);
            markOccurring(x, index, keyIndex, seen);
          }
        return;
      }
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
        for (const x of v as unknown as ArrayLike<number> & Iterable<number>) markOccurring(x, index, keyIndex, seen);
        return;
      }
      for (const k of Object.keys(v)) {
        const i = keyIndex.get(k);
        if (i !== undefined) seen[i] = 1;
        markOccurring((v as Record<string, unknown>)[k], index, keyIndex, seen);
      }
      return;
    default:
      return;
  }
}
