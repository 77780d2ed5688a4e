// layoutCodec: the codec a spec's declared layout (Spec.layout, its TypeOK as data) implies.
//
// A layout names every field of the state and its finite domain, so a state can be written as a
// few bytes in a fixed order: an enumerated value as its index (one byte), an integer as its
// offset from the minimum, an optional value as a presence byte and the value, a partial map as
// presence bits and the values present, a list as its length and its items. Equal states give
// equal bytes and different states different bytes, which is what the seen-set needs; decoding
// gives back plain objects in the layout's field order.
//
// Why generated code: the encoder runs once per generated successor, and a walk of the layout
// (a closure per node, a keyed property read per field) costs several times a straight-line
// function that reads `s.revoker.pc` and writes one byte. The layout is compiled once per check
// into such a function (`new Function`); its only inputs are the layout's own names and values,
// written as JSON literals, so no text from a state ever reaches the compiler.
//
// What a layout cannot see, it checks where it is cheap: a value outside its domain throws,
// naming the field (TLC's "TypeOK violated" in spirit); and the first states encoded are decoded
// again and compared, which catches a field the layout does not declare (it would be lost, and
// two different states would share a key).
import type { Layout, StateCodec } from '../spec.ts';
import { valueText } from '../valueText.ts';
import { UnencodableError } from './canonicalEncoding.ts';

/** States whose round trip is compared before the codec trusts the spec to stay inside its layout. */
const CHECKED_ROUND_TRIPS = 2000;

export function layoutCodec(layout: Layout): StateCodec<unknown> {
  checkLayout(layout, 'state');
  const values: (readonly unknown[])[] = [];
  const encodeFn = compileEncoder(layout, values);
  const decodeFn = compileDecoder(layout, values);
  const maxBytes = sizeOf(layout);
  let checked = 0;
  return {
    maxBytes,
    encode(s: unknown, out: Uint8Array): number {
      const n = encodeFn(s, out, outside);
      if (checked < CHECKED_ROUND_TRIPS) {
        checked++;
        const back = decodeFn(out.subarray(0, n));
        const diff = firstDifference(s, back, 'state');
        if (diff !== undefined)
          throw new Error(`${diff}: the state does not match its layout (a field the layout does not declare, or a value of another type)`);
      }
      return n;
    },
    decode: (bytes: Uint8Array) => decodeFn(bytes),
  };
}

type Encoder = (s: unknown, out: Uint8Array, outside: (path: string, value: unknown) => never) => number;
type Decoder = (bytes: Uint8Array) => unknown;

/** A value the compiled encoder refuses: outside its field's domain, or -0 (which would pass for 0: canonicalEncoding.ts says why it may not). */
function outside(path: string, value: unknown): never {
  if (value === 0 && 1 / value < 0)
    throw new UnencodableError(`${path} = -0 cannot be told from 0 in a state (=== and JSON take it for 0, Object.is does not): write 0`);
  throw new UnencodableError(`${path} = ${show(value)} is outside the state's layout`);
}

function show(v: unknown): string {
  const text = valueText(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function checkLayout(l: Layout, path: string): void {
  switch (l.type) {
    case 'enum':
      if (l.values.length === 0 || l.values.length > 256) throw new Error(`layout ${path}: an enum needs 1..256 values, not ${l.values.length}`);
      if (new Set(l.values).size !== l.values.length) throw new Error(`layout ${path}: an enum lists a value twice`);
      for (const v of l.values) {
        // The compiled code names each value as a JSON literal, which has no -0, NaN or Infinity.
        if (typeof v === 'number' && (!Number.isFinite(v) || (v === 0 && 1 / v < 0)))
          throw new Error(`layout ${path}: an enum value must be a finite number other than -0, not ${show(v)}`);
      }
      return;
    case 'int':
      if (!Number.isInteger(l.min) || !Number.isInteger(l.max) || l.max < l.min || l.max - l.min > 0xffff) {
        throw new Error(`layout ${path}: an int needs whole bounds min <= max at most 65535 apart, not ${l.min}..${l.max}`);
      }
      return;
    case 'record':
      for (const [k, f] of Object.entries(l.fields)) checkLayout(f, `${path}.${k}`);
      return;
    case 'dict':
      if (l.keys.length === 0 || l.keys.length > 32) throw new Error(`layout ${path}: a dict needs 1..32 keys, not ${l.keys.length}`);
      if (new Set(l.keys.map(String)).size !== l.keys.length) throw new Error(`layout ${path}: a dict lists a key twice`);
      checkLayout(l.of, `${path}[key]`);
      return;
    case 'optional':
      checkLayout(l.of, `${path}?`);
      return;
    case 'list':
      if (!Number.isInteger(l.max) || l.max < 0 || l.max > 255) throw new Error(`layout ${path}: a list needs a whole max length in 0..255, not ${l.max}`);
      checkLayout(l.of, `${path}[i]`);
      return;
    default:
      throw new Error(`layout ${path}: unknown type ${show((l as { type: unknown }).type)}`);
  }
}

/** The most bytes a state of this layout encodes to. */
function sizeOf(l: Layout): number {
  switch (l.type) {
    case 'enum':
      return 1;
    case 'int':
      return l.max - l.min > 0xff ? 2 : 1;
    case 'record':
      return Object.values(l.fields).reduce((n, f) => n + sizeOf(f), 0);
    case 'dict':
      return maskBytes(l.keys.length) + l.keys.length * sizeOf(l.of);
    case 'optional':
      return 1 + sizeOf(l.of);
    case 'list':
      return 1 + l.max * sizeOf(l.of);
  }
}

const maskBytes = (keys: number): number => Math.ceil(keys / 8);
const lit = (v: unknown): string => JSON.stringify(v);

/** Straight-line code writing the state's bytes: `(s, out, outside) => length`. */
function compileEncoder(layout: Layout, values: (readonly unknown[])[]): Encoder {
  let n = 0;
  const fresh = (): string => `v${n++}`;
  const lines: string[] = [];
  const emit = (l: Layout, expr: string, path: string): void => {
    switch (l.type) {
      case 'enum': {
        values.push(l.values);
        const v = fresh();
        lines.push(`const ${v} = ${expr};`, `switch (${v}) {`);
        // `case 0` matches -0 too: that one is refused, not merged with 0.
        l.values.forEach((value, i) =>
          lines.push(
            value === 0 ? `case 0: if (1 / ${v} < 0) outside(${lit(path)}, ${v}); out[at++] = ${i}; break;` : `case ${lit(value)}: out[at++] = ${i}; break;`,
          ),
        );
        lines.push(`default: outside(${lit(path)}, ${v});`, `}`);
        return;
      }
      case 'int': {
        const v = fresh();
        lines.push(`const ${v} = ${expr};`);
        // -0 passes the bounds test wherever 0 would; the extra test is there only then.
        const negativeZero = l.min <= 0 && l.max >= 0 ? ` || (${v} === 0 && 1 / ${v} < 0)` : '';
        lines.push(`if (!Number.isInteger(${v}) || ${v} < ${l.min} || ${v} > ${l.max}${negativeZero}) outside(${lit(path)}, ${v});`);
        if (l.max - l.min > 0xff) lines.push(`out[at++] = (${v} - ${l.min}) & 0xff; out[at++] = (${v} - ${l.min}) >>> 8;`);
        else lines.push(`out[at++] = ${v} - ${l.min};`);
        return;
      }
      case 'record': {
        const v = fresh();
        lines.push(`const ${v} = ${expr};`, `if (${v} === null || typeof ${v} !== 'object') outside(${lit(path)}, ${v});`);
        for (const [k, f] of Object.entries(l.fields)) emit(f, `${v}[${lit(k)}]`, `${path}.${k}`);
        return;
      }
      case 'dict': {
        const v = fresh();
        const mask = fresh();
        const at = fresh();
        lines.push(`const ${v} = ${expr};`, `if (${v} === null || typeof ${v} !== 'object') outside(${lit(path)}, ${v});`);
        lines.push(`const ${at} = at; at += ${maskBytes(l.keys.length)}; let ${mask} = 0;`);
        l.keys.forEach((key, i) => {
          const item = fresh();
          lines.push(`const ${item} = ${v}[${lit(key)}];`, `if (${item} !== undefined) {`, `${mask} |= 1 << ${i};`);
          emit(l.of, item, `${path}.${key}`);
          lines.push(`}`);
        });
        for (let b = 0; b < maskBytes(l.keys.length); b++) lines.push(`out[${at} + ${b}] = (${mask} >>> ${8 * b}) & 0xff;`);
        return;
      }
      case 'optional': {
        const v = fresh();
        lines.push(`const ${v} = ${expr};`, `if (${v} === null) out[at++] = 0;`, `else {`, `out[at++] = 1;`);
        emit(l.of, v, path);
        lines.push(`}`);
        return;
      }
      case 'list': {
        const v = fresh();
        const i = fresh();
        lines.push(`const ${v} = ${expr};`, `if (!Array.isArray(${v}) || ${v}.length > ${l.max}) outside(${lit(path)}, ${v});`);
        lines.push(`out[at++] = ${v}.length;`, `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`);
        emit(l.of, `${v}[${i}]`, `${path}[]`);
        lines.push(`}`);
        return;
      }
    }
  };
  emit(layout, 's', 'state');
  return new Function('s', 'out', 'outside', `"use strict";\nlet at = 0;\n${lines.join('\n')}\nreturn at;`) as Encoder;
}

/** Straight-line code reading the bytes back into plain objects: `(bytes) => state`. */
function compileDecoder(layout: Layout, values: (readonly unknown[])[]): Decoder {
  let n = 0;
  let enums = 0;
  const fresh = (): string => `d${n++}`;
  const lines: string[] = [];
  /** Emits statements that leave the value in a new variable, and returns its name. */
  const emit = (l: Layout): string => {
    const v = fresh();
    switch (l.type) {
      case 'enum':
        lines.push(`const ${v} = values[${enums++}][b[at++]];`);
        return v;
      case 'int':
        lines.push(l.max - l.min > 0xff ? `const ${v} = b[at] + b[at + 1] * 256 + ${l.min}; at += 2;` : `const ${v} = b[at++] + ${l.min};`);
        return v;
      case 'record': {
        const fields = Object.entries(l.fields).map(([k, f]) => `${lit(k)}: ${emit(f)}`);
        lines.push(`const ${v} = { ${fields.join(', ')} };`);
        return v;
      }
      case 'dict': {
        const mask = fresh();
        const bytes = maskBytes(l.keys.length);
        lines.push(`const ${mask} = ${Array.from({ length: bytes }, (_, k) => `b[at + ${k}] * ${2 ** (8 * k)}`).join(' + ')}; at += ${bytes};`);
        lines.push(`const ${v} = {};`);
        l.keys.forEach((key, i) => {
          lines.push(`if ((${mask} >>> ${i}) & 1) {`);
          const item = emit(l.of);
          lines.push(`${v}[${lit(key)}] = ${item};`, `}`);
        });
        return v;
      }
      case 'optional': {
        lines.push(`let ${v} = null;`, `if (b[at++] !== 0) {`);
        const item = emit(l.of);
        lines.push(`${v} = ${item};`, `}`);
        return v;
      }
      case 'list': {
        const i = fresh();
        lines.push(`const ${v} = new Array(b[at++]);`, `for (let ${i} = 0; ${i} < ${v}.length; ${i}++) {`);
        const item = emit(l.of);
        lines.push(`${v}[${i}] = ${item};`, `}`);
        return v;
      }
    }
  };
  const root = emit(layout);
  if (enums !== values.length) throw new Error('layoutCodec: encoder and decoder disagree on the enums');
  const body = new Function('b', 'values', `"use strict";\nlet at = 0;\n${lines.join('\n')}\nreturn ${root};`) as (b: Uint8Array, v: unknown) => unknown;
  return (bytes) => body(bytes, values);
}

/** Where two plain values first differ (a path), or undefined when they are equal. */
function firstDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (a === b) return undefined;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return path;
  if (Array.isArray(a) !== Array.isArray(b)) return path;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return `${path}.${ka.find((k) => !(k in b)) ?? kb.find((k) => !(k in a))}`;
  for (const k of ka) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
    if (d !== undefined) return d;
  }
  return undefined;
}
