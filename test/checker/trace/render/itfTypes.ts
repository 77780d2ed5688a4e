// itfTypes: the type an ITF value has, as Quint would infer it from the trace, and whether two
// types agree. A list, a set or a map holds values of one type; a record's type is its fields'
// names and types; an option is a variant whose cases are its tags (None in one state and Some
// in another is one type, Some and a bare record are two). An empty collection says nothing of
// its elements' type, so it agrees with any collection of the same kind. Written for the tests
// alone: it shares nothing with the ITF writer, so it can catch what the writer gets wrong.

export type ItfType =
  | { readonly kind: 'bool' | 'str' | 'int' | 'unknown' }
  | { readonly kind: 'list' | 'set'; readonly of?: ItfType }
  | { readonly kind: 'map'; readonly key?: ItfType; readonly value?: ItfType }
  | { readonly kind: 'tup'; readonly items: readonly ItfType[] }
  | { readonly kind: 'record'; readonly fields: Readonly<Record<string, ItfType>> }
  | { readonly kind: 'variant'; readonly cases: Readonly<Record<string, ItfType>> };

/** The type of a value that passed the ITF value rules; a collection of two types is reported at `at`. */
export function typeOf(v: unknown, at: string, errors: string[]): ItfType {
  if (typeof v === 'boolean') return { kind: 'bool' };
  if (typeof v === 'string') return { kind: 'str' };
  if (typeof v === 'number') return { kind: 'int' };
  if (Array.isArray(v)) return { kind: 'list', ...optional('of', elements(v, at, errors)) };
  const o = v as Record<string, unknown>;
  if ('#bigint' in o) return { kind: 'int' };
  if ('#unserializable' in o) return { kind: 'unknown' };
  if ('#set' in o) return { kind: 'set', ...optional('of', elements(o['#set'] as unknown[], `${at}#set`, errors)) };
  if ('#tup' in o) return { kind: 'tup', items: (o['#tup'] as unknown[]).map((x, i) => typeOf(x, `${at}#tup[${i}]`, errors)) };
  if ('#map' in o) {
    const pairs = o['#map'] as [unknown, unknown][];
    return {
      kind: 'map',
      ...optional(
        'key',
        elements(
          pairs.map((p) => p[0]),
          `${at}#map keys`,
          errors,
        ),
      ),
      ...optional(
        'value',
        elements(
          pairs.map((p) => p[1]),
          `${at}#map values`,
          errors,
        ),
      ),
    };
  }
  if ('tag' in o) return { kind: 'variant', cases: { [o.tag as string]: typeOf(o.value, `${at}.value`, errors) } };
  return { kind: 'record', fields: Object.fromEntries(Object.entries(o).map(([k, x]) => [k, typeOf(x, `${at}.${k}`, errors)])) };
}

/** The one type of a collection's elements (undefined when it is empty). */
function elements(items: readonly unknown[], at: string, errors: string[]): ItfType | undefined {
  let t: ItfType | undefined;
  items.forEach((x, i) => {
    const u = typeOf(x, `${at}[${i}]`, errors);
    const both = t === undefined ? u : unify(t, u);
    if (both === undefined) errors.push(`${at}: element ${i} is ${showType(u)}, the ones before it ${showType(t!)}`);
    else t = both;
  });
  return t;
}

const optional = <K extends string>(key: K, t: ItfType | undefined) => (t === undefined ? {} : ({ [key]: t } as Record<K, ItfType>));

/** The type both agree on, or undefined when they clash. */
export function unify(a: ItfType, b: ItfType): ItfType | undefined {
  if (a.kind === 'unknown') return b;
  if (b.kind === 'unknown') return a;
  if (a.kind !== b.kind) return undefined;
  switch (a.kind) {
    case 'list':
    case 'set': {
      const of = loose(a.of, (b as typeof a).of);
      return of === null ? undefined : { kind: a.kind, ...optional('of', of) };
    }
    case 'map': {
      const m = b as typeof a;
      const key = loose(a.key, m.key);
      const value = loose(a.value, m.value);
      return key === null || value === null ? undefined : { kind: 'map', ...optional('key', key), ...optional('value', value) };
    }
    case 'tup': {
      const t = b as typeof a;
      if (t.items.length !== a.items.length) return undefined;
      const items = a.items.map((x, i) => unify(x, t.items[i]!));
      return items.every((x) => x !== undefined) ? { kind: 'tup', items: items as ItfType[] } : undefined;
    }
    case 'record': {
      const r = b as typeof a;
      const names = Object.keys(a.fields).sort();
      if (names.join('\n') !== Object.keys(r.fields).sort().join('\n')) return undefined;
      const fields = names.map((k) => [k, unify(a.fields[k]!, r.fields[k]!)] as const);
      return fields.every(([, t]) => t !== undefined) ? { kind: 'record', fields: Object.fromEntries(fields) as Record<string, ItfType> } : undefined;
    }
    case 'variant': {
      const cases: Record<string, ItfType> = { ...a.cases };
      for (const [tag, t] of Object.entries((b as typeof a).cases)) {
        const both = cases[tag] === undefined ? t : unify(cases[tag], t);
        if (both === undefined) return undefined;
        cases[tag] = both;
      }
      return { kind: 'variant', cases };
    }
    default:
      return a;
  }
}

/** Unify two element types that may be unknown (an empty collection): null when they clash. */
function loose(a: ItfType | undefined, b: ItfType | undefined): ItfType | undefined | null {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return unify(a, b) ?? null;
}

export function showType(t: ItfType | undefined): string {
  if (t === undefined) return '?';
  switch (t.kind) {
    case 'list':
    case 'set':
      return `${t.kind}<${showType(t.of)}>`;
    case 'map':
      return `map<${showType(t.key)}, ${showType(t.value)}>`;
    case 'tup':
      return `(${t.items.map(showType).join(', ')})`;
    case 'record':
      return `{ ${Object.keys(t.fields)
        .sort()
        .map((k) => `${k}: ${showType(t.fields[k])}`)
        .join(', ')} }`;
    case 'variant':
      return Object.keys(t.cases)
        .sort()
        .map((tag) => `${tag}(${showType(t.cases[tag])})`)
        .join(' | ');
    default:
      return t.kind;
  }
}
