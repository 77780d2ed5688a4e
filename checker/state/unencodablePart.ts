// unencodablePart: where in a value the canonical encoding fails, for the message that reports it.
//
// The encoder runs once per generated state, so it keeps no path: when it fails, the value is
// walked again here, field by field in the encoder's own order, to name the first part it
// cannot take (`state.tasks.A.fd = NaN`), or the field that leads back to one of its own
// containers (a cycle, on which the encoder would only overflow the stack).
import { isImmutable, isIndexed, isKeyed, isList, isMap, isRecord, isSeq, isSet, isStack } from 'immutable';
import { canonicalBytes, UnencodableError } from './canonicalEncoding.ts';
import { valueText } from '../valueText.ts';

/**
 * The error to report for `e`, thrown while encoding `value` (called `root` in the message): an
 * UnencodableError naming the part, when `e` is the encoder's own refusal or a stack overflow;
 * `e` itself otherwise.
 */
export function unencodableError(e: unknown, value: unknown, root: string): unknown {
  const overflow = e instanceof RangeError && /call stack/i.test(e.message);
  if (!(e instanceof UnencodableError) && !overflow) return e;
  let found: string | undefined;
  try {
    found = firstUnencodable(value, root, new Map());
  } catch (inner) {
    if (!(inner instanceof RangeError)) throw inner;
  }
  if (found !== undefined) return new UnencodableError(found);
  return overflow ? new UnencodableError(`${root} is nested too deeply to encode (${(e as Error).message})`) : e;
}

/** The first part of v the encoder refuses, as a sentence naming its path; undefined if none. */
function firstUnencodable(v: unknown, path: string, containers: Map<object, string>): string | undefined {
  if (v !== null && typeof v === 'object') {
    const around = containers.get(v);
    if (around !== undefined) return `${path} leads back to ${around} (a cycle): a state must be a tree of values`;
    const parts = partsOf(v, path);
    if (parts !== undefined) {
      containers.set(v, path);
      for (const [at, part] of parts) {
        const found = firstUnencodable(part, at, containers);
        if (found !== undefined) return found;
      }
      containers.delete(v);
      return undefined;
    }
  }
  try {
    canonicalBytes(v); // a leaf, or a container of a kind the encoder refuses: one step either way
  } catch (e) {
    if (e instanceof UnencodableError) return `${path}: ${e.message}`;
    throw e;
  }
  return undefined;
}

/** The parts of a container the encoder walks into, with their paths; undefined for one it refuses. */
function partsOf(v: object, path: string): [string, unknown][] | undefined {
  if (Array.isArray(v)) return v.map((x, i) => [`${path}[${i}]`, x]);
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as unknown as ArrayLike<number>, (x, i) => [`${path}[${i}]`, x]);
  if (isImmutable(v)) {
    const c = v as any;
    if (isRecord(c)) return Object.keys(c.toObject()).map((k) => [field(path, k), c.get(k)]);
    if (isList(c) || isStack(c) || (isSeq(c) && isIndexed(c))) return [...c.values()].map((x, i) => [`${path}[${i}]`, x]);
    if (isMap(c) || (isSeq(c) && isKeyed(c)))
      return [...c.entries()].flatMap(([k, x]: [unknown, unknown]) => [
        [`${path} (a key)`, k],
        [`${path}.get(${keyText(k)})`, x],
      ]);
    if (isSet(c) || isSeq(c)) return [...c.values()].map((x) => [`${path} (a member)`, x]);
    return undefined;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return undefined;
  return Object.keys(v).map((k) => [field(path, k), (v as Record<string, unknown>)[k]]);
}

const field = (path: string, key: string): string => (/^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`);

function keyText(k: unknown): string {
  try {
    return valueText(k);
  } catch {
    return String(k);
  }
}
