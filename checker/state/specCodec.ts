// specCodec: the codec a spec's states are written with, if any: its own hand-written codec, else
// the one its declared layout implies (layoutCodec), else none (the canonical encoding is used).
// Resolved once per spec and parameters, so every part of a check shares one compiled codec.
import type { AnySpec, StateCodec } from '../spec.ts';
import { layoutCodec } from './layoutCodec.ts';

const resolved = new WeakMap<AnySpec, WeakMap<object, StateCodec<unknown> | null>>();

export function specCodec(spec: AnySpec, params: object): StateCodec<unknown> | undefined {
  let bySpec = resolved.get(spec);
  if (!bySpec) resolved.set(spec, (bySpec = new WeakMap()));
  let codec = bySpec.get(params);
  if (codec === undefined) {
    codec = (spec.codec?.(params) as StateCodec<unknown> | undefined) ?? (spec.layout ? layoutCodec(spec.layout(params)) : null);
    bySpec.set(params, codec);
  }
  return codec ?? undefined;
}

/** Whether the spec's states have a codec (without compiling one). */
export function hasCodec(spec: AnySpec): boolean {
  return spec.codec !== undefined || spec.layout !== undefined;
}
