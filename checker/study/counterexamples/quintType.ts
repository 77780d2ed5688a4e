// quintType: the ITF type a layout gives a variable, in Quint's notation, for the README's list
// of the ITF traces' variables: `str`, `int`, `bool`, `{ field: T }` (a record), `K -> V` (a map,
// #map), `List[T]` (an array), `Option[T]` (None or Some, the variant Quint reads as its option).
import type { Layout } from '../../spec.ts';

export function quintType(l: Layout): string {
  switch (l.type) {
    case 'enum': {
      const present = l.values.filter((v) => v !== null);
      const t = scalars(present);
      return present.length < l.values.length ? `Option[${t}]` : t;
    }
    case 'int':
      return 'int';
    case 'record':
      return `{ ${Object.entries(l.fields)
        .map(([k, f]) => `${k}: ${quintType(f)}`)
        .join(', ')} }`;
    case 'dict':
      return `${scalars(l.keys)} -> ${quintType(l.of)}`;
    case 'optional':
      return `Option[${quintType(l.of)}]`;
    case 'list':
      return `List[${quintType(l.of)}]`;
  }
}

/** The type of a set of enumerated values: one of str, int, bool (or their union, which no state of one type holds). */
function scalars(values: readonly (string | number | boolean | null)[]): string {
  const kinds = new Set(values.map((v) => (typeof v === 'number' ? 'int' : typeof v === 'boolean' ? 'bool' : 'str')));
  return [...kinds].join(' | ') || 'str';
}
