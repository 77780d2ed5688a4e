// itfForms: the few ITF (Apalache ADR-015) forms both ITF encoders write the same way.
// Absence is Quint's option type, a variant: `{"tag": "None", "value": {"#tup": []}}` (the unit
// value, an empty tuple, is what Quint itself writes for None) and `{"tag": "Some", "value": v}`.
// ITF has no null, and its one escape, `#unserializable`, names an expression Apalache could not
// write: Quint reads it as a name and cannot evaluate it.

/** An absent value: Quint's None. */
export const NONE: Readonly<Record<string, unknown>> = { tag: 'None', value: { '#tup': [] } };

/** A present value of a field that may be absent: Quint's Some(v). */
export function some(v: unknown): Record<string, unknown> {
  return { tag: 'Some', value: v };
}

/** An integer: a JSON number within +-(2^53 - 1), where every reader takes it exactly; else #bigint. */
export function itfInt(n: number | bigint): unknown {
  if (typeof n === 'number') return Number.isSafeInteger(n) ? n : { '#bigint': BigInt(n).toString() };
  return Number.isSafeInteger(Number(n)) && BigInt(Number(n)) === n ? Number(n) : { '#bigint': n.toString() };
}

/** A #map of encoded [key, value] pairs, sorted by the key's JSON text: equal maps, equal bytes. */
export function itfMap(entries: unknown[][]): Record<string, unknown> {
  return { '#map': entries.sort((a, b) => compareText(JSON.stringify(a[0]), JSON.stringify(b[0]))) };
}

/** A #set of encoded elements, sorted by their JSON text. */
export function itfSet(items: unknown[]): Record<string, unknown> {
  const keyed = items.map((x) => [JSON.stringify(x), x] as const).sort((a, b) => compareText(a[0], b[0]));
  return { '#set': keyed.map((k) => k[1]) };
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
