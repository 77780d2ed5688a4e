// toPlain: a state as plain JSON, for --json reports, diffs and pictures. Immutable Records and
// Maps become objects (non-string keys written as their JSON text), Lists arrays, Sets arrays in
// canonical order; so the same state always prints the same way.
import { isImmutable, isKeyed, isRecord, isSet, isOrderedSet } from 'immutable';
import { canonicalBytes } from '../state/canonicalEncoding.ts';
import type { AnySpec } from '../spec.ts';

export function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (isImmutable(value)) {
    const v = value as any;
    if (isRecord(v)) return plainObject(v.toSeq().entries());
    if (isKeyed(v)) return plainObject(sortedEntries(v));
    if (isSet(v) && !isOrderedSet(v)) return sortCanonically([...v.values()]).map(toPlain);
    return [...v.values()].map(toPlain);
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = toPlain((value as Record<string, unknown>)[k]);
  return out;
}

/**
 * A state as every report shows it (--json, ITF, diffs, the page): through the spec's own JSON
 * view if it has one, then toPlain, so keys are in one canonical order whoever built the state.
 */
export function stateToPlain(spec: AnySpec, params: object, state: unknown): unknown {
  const own = spec.presentation?.toJSON;
  return toPlain(own ? own.call(spec.presentation, state, params) : state);
}

function plainObject(entries: Iterable<[unknown, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[typeof k === 'string' ? k : JSON.stringify(toPlain(k))] = toPlain(v);
  return out;
}

function sortedEntries(v: any): [unknown, unknown][] {
  const entries: [unknown, unknown][] = [...v.entries()];
  const keyed = entries.map((e) => [canonicalBytes(e[0]), e] as const);
  keyed.sort((a, b) => compareBytes(a[0], b[0]));
  return keyed.map((k) => k[1]);
}

function sortCanonically(items: unknown[]): unknown[] {
  return items
    .map((i) => [canonicalBytes(i), i] as const)
    .sort((a, b) => compareBytes(a[0], b[0]))
    .map((x) => x[1]);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
