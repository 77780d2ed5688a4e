// itf: a counterexample in the Informal Trace Format (Apalache ADR-015, what Quint and Apalache
// write), so their viewers read our traces. The raw states are encoded, not their plain-JSON
// view, so sets and maps keep their kind: Immutable Sets -> {"#set": [...]}, Maps ->
// {"#map": [[k, v], ...]}, Records and plain objects -> records, Lists and arrays -> arrays,
// integers beyond 2^53 -> {"#bigint": "..."}. Elements of sets and entries of maps are sorted by
// their JSON text, so equal states give equal bytes whatever their construction order. ITF has no
// null and no fractions: those become {"#unserializable": "..."}. A spec that declares its state's
// layout (Spec.layout) has plain-object states; the layout says which objects are maps (`dict`,
// written as #map with the layout's own key values) and in which order a record's fields come.

import { isImmutable, isKeyed, isRecord, isSet } from 'immutable';
import { toPlain } from '../toPlain.ts';
import type { Layout } from '../../spec.ts';
import type { TraceView } from './traceView.ts';

const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

export function itf(view: TraceView): Record<string, unknown> {
  const layout = view.layout;
  const encoded = view.steps.map((s) => (layout ? byLayout(layout, s.state) : topLevel(s.state)));
  const vars = encoded[0] ? Object.keys(encoded[0]) : [];
  const loop = view.loopIndex !== undefined ? { loop: view.loopIndex } : {};
  return {
    '#meta': {
      format: 'ITF',
      'format-description': ITF_FORMAT_DESCRIPTION,
      source: view.spec,
      description: `Shortest counterexample to ${view.violated} in ${view.spec}, written by rmc`,
      params: toPlain(view.params),
      violated: view.violated,
      actions: view.steps.map((s) => s.action),
      labels: view.steps.map((s) => s.label),
      ...loop,
    },
    vars,
    states: encoded.map((vals, index) => ({ '#meta': { index, label: view.steps[index]!.label }, ...vals })),
    ...loop,
  };
}

/** A state's variables as its layout declares them: a record's fields, in order; else one `state`. */
function byLayout(layout: Layout, state: unknown): Record<string, unknown> {
  const v = laidOut(layout, state);
  return layout.type === 'record' ? (v as Record<string, unknown>) : { state: v };
}

function laidOut(l: Layout, v: unknown): unknown {
  if (v === null || v === undefined) return itfValue(null);
  switch (l.type) {
    case 'record':
      return Object.fromEntries(Object.entries(l.fields).map(([k, f]) => [k, laidOut(f, (v as Record<string, unknown>)[k])]));
    case 'dict': {
      const present = l.keys.filter((k) => (v as Record<string, unknown>)[String(k)] !== undefined);
      const entries = present.map((k) => [itfValue(k), laidOut(l.of, (v as Record<string, unknown>)[String(k)])]);
      return { '#map': entries.sort((a, b) => cmp(JSON.stringify(a[0]), JSON.stringify(b[0]))) };
    }
    case 'optional':
      return laidOut(l.of, v);
    case 'list':
      return (v as unknown[]).map((x) => laidOut(l.of, x));
    default:
      return itfValue(v);
  }
}

/** A state's variables: the fields of a record, object or string-keyed map; else one `state`. */
function topLevel(state: unknown): Record<string, unknown> {
  if (isImmutable(state) && (isRecord(state) || isKeyed(state))) {
    const entries = [...(state as any).toSeq().entries()] as [unknown, unknown][];
    if (entries.every(([k]) => typeof k === 'string')) {
      const sorted = isRecord(state) ? entries : entries.sort((a, b) => cmp(a[0] as string, b[0] as string));
      return Object.fromEntries(sorted.map(([k, v]) => [k, itfValue(v)]));
    }
  }
  const v = itfValue(state);
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).some((k) => k.startsWith('#'))) {
    return v as Record<string, unknown>;
  }
  return { state: v };
}

/** One value in ITF's encoding. */
function itfValue(v: unknown): unknown {
  switch (typeof v) {
    case 'boolean':
    case 'string':
      return v;
    case 'bigint':
      return Number.isSafeInteger(Number(v)) && BigInt(Number(v)) === v ? Number(v) : { '#bigint': v.toString() };
    case 'number':
      if (Number.isSafeInteger(v)) return v;
      if (Number.isInteger(v)) return { '#bigint': BigInt(v).toString() };
      return { '#unserializable': String(v) };
    case 'object':
      return v === null ? { '#unserializable': 'null' } : composite(v);
    default:
      return { '#unserializable': String(v) };
  }
}

function composite(v: object): unknown {
  if (Array.isArray(v)) return v.map(itfValue);
  if (isImmutable(v)) {
    const c = v as any;
    if (isRecord(c)) return Object.fromEntries([...c.toSeq().entries()].map(([k, x]: [unknown, unknown]) => [k, itfValue(x)]));
    if (isKeyed(c)) return { '#map': sortEntries([...c.entries()]) };
    if (isSet(c)) return { '#set': sortByJson([...c.values()].map(itfValue)) };
    return [...c.values()].map(itfValue);
  }
  if (v instanceof Set) return { '#set': sortByJson([...v].map(itfValue)) };
  if (v instanceof Map) return { '#map': sortEntries([...v.entries()]) };
  const keys = Object.keys(v).sort(cmp);
  return Object.fromEntries(keys.map((k) => [k, itfValue((v as Record<string, unknown>)[k])]));
}

function sortEntries(entries: [unknown, unknown][]): unknown[][] {
  return entries.map(([k, x]) => [itfValue(k), itfValue(x)]).sort((a, b) => cmp(JSON.stringify(a[0]), JSON.stringify(b[0])));
}

function sortByJson(items: unknown[]): unknown[] {
  return items
    .map((x) => [JSON.stringify(x), x] as const)
    .sort((a, b) => cmp(a[0], b[0]))
    .map((p) => p[1]);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
