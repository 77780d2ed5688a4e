// Can this spec be searched by worker threads? Workers load the spec module by path, and states
// must cross threads: as codec bytes, or as plain JSON values by structured clone. Immutable.js
// states without a codec cannot (their classes do not survive a clone), so such a spec is
// searched sequentially, with a note saying why.
import { hasCodec } from '../../state/specCodec.ts';
import type { AnySpec } from '../../spec.ts';
import type { Transport } from './protocol.ts';

export function transportFor(spec: AnySpec, params: object): Transport | string {
  if (hasCodec(spec)) return 'codec';
  for (const s of spec.init(params)) {
    if (!isPlainData(s)) return `states of ${spec.name} are not plain JSON and it has no codec, so they cannot cross threads`;
  }
  return 'clone';
}

function isPlainData(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return typeof v !== 'function' && typeof v !== 'symbol' && typeof v !== 'bigint';
  if (Array.isArray(v)) return v.every(isPlainData);
  const proto = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(v).every(isPlainData);
}
