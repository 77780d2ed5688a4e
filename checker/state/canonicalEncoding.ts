// encodeCanonical: the bytes a state is fingerprinted (and, with --exact, stored) by.
//
// Equal states must give equal bytes whatever their construction order, so maps, sets and plain
// objects are written in a canonical order: object keys sorted as strings, map entries and set
// members sorted by their own encodings. Lists and Records keep their order (it is part of the
// value). Every item is self-delimiting (tag, then length or fixed size), so comparing two
// entries' bytes orders them by key first: keys of one map are distinct, so they differ before
// either entry ends.
import { isImmutable, isList, isMap, isSet, isStack, isRecord, isSeq, isKeyed, isIndexed } from 'immutable';
import { ByteWriter } from './byteWriter.ts';

const enum Tag {
  Null = 0,
  False = 1,
  True = 2,
  Int = 3,
  Float = 4,
  String = 5,
  List = 6,
  Object = 7,
  Map = 8,
  Set = 9,
  Record = 10,
  Undefined = 11,
}

export class UnencodableError extends Error {}

/** Appends the canonical encoding of `value` to `w`. */
export function encodeCanonical(value: unknown, w: ByteWriter): void {
  switch (typeof value) {
    case 'number':
      return encodeNumber(value, w);
    case 'string':
      return encodeString(value, w);
    case 'boolean':
      return w.byte(value ? Tag.True : Tag.False);
    case 'undefined':
      return w.byte(Tag.Undefined);
    case 'object':
      if (value === null) return w.byte(Tag.Null);
      return encodeObject(value, w);
    default:
      throw new UnencodableError(`cannot encode a ${typeof value} in a state`);
  }
}

/** The canonical bytes of a value, as a fresh array (for tests and exact keys). */
export function canonicalBytes(value: unknown): Uint8Array {
  const w = new ByteWriter();
  encodeCanonical(value, w);
  return w.take();
}

// The numbers a state may not hold, since nothing downstream could tell them apart or show them:
// -0 is 0 to === (and to JSON, which prints it 0) but not to Object.is, so encoding it as 0 would
// merge two states a spec can tell apart; NaN is not equal to itself; JSON prints the infinities
// as null. TLA+ has none of them (its numbers are integers).
const NEGATIVE_ZERO = 'cannot encode -0 in a state (=== and JSON take it for 0, Object.is does not): write 0';
const NOT_A_NUMBER = 'cannot encode NaN in a state (it is not equal to itself)';
const notFinite = (n: number): string => `cannot encode ${n} in a state (JSON, the traces and ITF have no infinite numbers)`;

function encodeNumber(n: number, w: ByteWriter): void {
  if ((n | 0) === n) {
    if (n === 0 && 1 / n < 0) throw new UnencodableError(NEGATIVE_ZERO); // (-0 | 0) === -0 holds
    w.byte(Tag.Int);
    w.varint(((n << 1) ^ (n >> 31)) >>> 0); // zigzag: small negatives stay short
  } else if (!Number.isFinite(n)) {
    throw new UnencodableError(Number.isNaN(n) ? NOT_A_NUMBER : notFinite(n));
  } else {
    w.byte(Tag.Float);
    w.float64(n);
  }
}

function encodeString(s: string, w: ByteWriter): void {
  w.byte(Tag.String);
  w.varint(s.length);
  for (let i = 0; i < s.length; i++) w.varint(s.charCodeAt(i));
}

function encodeObject(v: object, w: ByteWriter): void {
  if (Array.isArray(v)) {
    w.byte(Tag.List);
    w.varint(v.length);
    for (let i = 0; i < v.length; i++) encodeCanonical(v[i], w);
    return;
  }
  if (isImmutable(v)) return encodeImmutable(v, w);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
    const a = v as unknown as ArrayLike<number>;
    w.byte(Tag.List);
    w.varint(a.length);
    for (let i = 0; i < a.length; i++) encodeNumber(a[i]!, w);
    return;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) {
    throw new UnencodableError(`cannot encode a ${proto?.constructor?.name ?? 'class'} instance in a state (use plain data or Immutable.js)`);
  }
  const keys = Object.keys(v).sort();
  w.byte(Tag.Object);
  w.varint(keys.length);
  for (const k of keys) {
    encodeString(k, w);
    encodeCanonical((v as Record<string, unknown>)[k], w);
  }
}

// Record types keep a fixed field order; their field names are encoded once per type.
interface RecordType {
  readonly header: Uint8Array;
  readonly keys: readonly string[];
}
const recordTypes = new WeakMap<object, RecordType>();

function encodeImmutable(v: any, w: ByteWriter): void {
  if (isRecord(v)) {
    const proto = Object.getPrototypeOf(v);
    let type = recordTypes.get(proto);
    if (type === undefined) {
      const hw = new ByteWriter(64);
      const keys = Object.keys(v.toObject());
      hw.byte(Tag.Record);
      hw.varint(keys.length);
      for (const k of keys) encodeString(k, hw);
      type = { header: hw.take(), keys };
      recordTypes.set(proto, type);
    }
    w.append(type.header, 0, type.header.length);
    for (const k of type.keys) encodeCanonical(v.get(k), w);
    return;
  }
  if (isList(v) || isStack(v) || (isSeq(v) && isIndexed(v))) {
    w.byte(Tag.List);
    w.varint(v.count());
    for (const item of v) encodeCanonical(item, w);
    return;
  }
  if (isMap(v) || (isSeq(v) && isKeyed(v))) {
    w.byte(Tag.Map);
    w.varint(v.count());
    const entries: [unknown, unknown][] = [...v.entries()];
    if (entries.length > 1 && !sortByPrimitive(entries, (e) => e[0])) {
      encodeSorted(w, entries, (entry) => {
        encodeCanonical(entry[0], w);
        encodeCanonical(entry[1], w);
      });
      return;
    }
    for (const [k, item] of entries) {
      encodeCanonical(k, w);
      encodeCanonical(item, w);
    }
    return;
  }
  if (isSet(v) || isSeq(v)) {
    w.byte(Tag.Set);
    w.varint(v.count());
    const items: unknown[] = [...v.values()];
    if (items.length > 1 && !sortByPrimitive(items, (x) => x)) {
      encodeSorted(w, items, (item) => encodeCanonical(item, w));
      return;
    }
    for (const item of items) encodeCanonical(item, w);
    return;
  }
  throw new UnencodableError('cannot encode this Immutable.js collection in a state');
}

/**
 * Sorts in place when every key is a string, or every key a number (the common case, and the
 * cheap one: no encoding just to order). Returns false, leaving the order alone, otherwise; the
 * caller then orders by encoded bytes. Either way, one kind of key always gets one order.
 */
function sortByPrimitive<T>(items: T[], key: (item: T) => unknown): boolean {
  const kind = typeof key(items[0]!);
  if (kind !== 'string' && kind !== 'number') return false;
  for (let i = 1; i < items.length; i++) if (typeof key(items[i]!) !== kind) return false;
  if (kind === 'number') items.sort((a, b) => (key(a) as number) - (key(b) as number));
  else items.sort((a, b) => ((key(a) as string) < (key(b) as string) ? -1 : (key(a) as string) > (key(b) as string) ? 1 : 0));
  return true;
}

/** Encodes each item after the current end, then reorders the items' byte ranges canonically. */
function encodeSorted<T>(w: ByteWriter, items: Iterable<T>, encodeItem: (item: T) => void): void {
  const start = w.length;
  const bounds: number[] = [];
  for (const item of items) {
    const s = w.length;
    encodeItem(item);
    bounds.push(s, w.length);
  }
  const n = bounds.length / 2;
  if (n < 2) return;
  const region = w.bytes.slice(start, w.length);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => compareRanges(region, bounds[2 * a]! - start, bounds[2 * a + 1]! - start, bounds[2 * b]! - start, bounds[2 * b + 1]! - start));
  w.length = start;
  for (const i of order) w.append(region, bounds[2 * i]! - start, bounds[2 * i + 1]! - start);
}

function compareRanges(b: Uint8Array, s1: number, e1: number, s2: number, e2: number): number {
  const n = Math.min(e1 - s1, e2 - s2);
  for (let i = 0; i < n; i++) {
    const d = b[s1 + i]! - b[s2 + i]!;
    if (d !== 0) return d;
  }
  return e1 - s1 - (e2 - s2);
}
