// stateEncoder: the one function that turns a state into the bytes the seen-set keys it by.
// It applies, in order, the spec's view (what is fingerprinted), its symmetry (the canonical
// representative under permutation of interchangeable ids) and its codec or the canonical
// encoding. Every part of the checker that compares states goes through it, so the search, the
// trace rebuilder and the liveness graph agree on what "the same state" means.
import { specCodec } from './specCodec.ts';
import type { AnySpec } from '../spec.ts';
import { ByteWriter } from './byteWriter.ts';
import { encodeCanonical } from './canonicalEncoding.ts';
import { makeCanonicalizer } from './symmetry.ts';
import { unencodableError } from './unencodablePart.ts';

export type StateEncoder = ((state: unknown) => void) & {
  /** True when the key bytes are the spec's codec bytes (so they also serve to queue the state). */
  readonly keyIsCodec: boolean;
};

export interface EncoderOptions {
  /** Apply the spec's symmetry, if it declares one. */
  readonly symmetry?: boolean;
}

/**
 * Returns `encode(state)`, which leaves the state's key bytes in `writer.bytes[0, writer.length)`.
 */
export function makeStateEncoder(spec: AnySpec, params: object, writer: ByteWriter, options: EncoderOptions = {}): StateEncoder {
  const view = spec.view?.bind(spec);
  const canonicalizer = options.symmetry && spec.symmetry ? makeCanonicalizer(spec, params) : undefined;
  const codec = !view && !canonicalizer ? specCodec(spec, params) : undefined;
  if (codec) {
    writer.ensureCapacity(codec.maxBytes);
    const byCodec = (s: unknown): void => {
      writer.length = codec.encode(s, writer.bytes);
    };
    return Object.assign(byCodec, { keyIsCodec: true });
  }
  // Under symmetry without a view, each image is written by the spec's codec where it has one:
  // a key is the least of the images' bytes, and the codec's bytes are as injective as the
  // canonical encoding's and several times cheaper to write (a layout's straight-line code).
  const imageCodec = canonicalizer && !view ? specCodec(spec, params) : undefined;
  const byImageCodec = imageCodec
    ? (s: unknown, w: ByteWriter): void => {
        w.ensureCapacity(imageCodec.maxBytes);
        w.length = imageCodec.encode(s, w.bytes);
      }
    : undefined;
  const encodeView = view ? (s: unknown, w: ByteWriter): void => encodeCanonical(view(s, params), w) : (byImageCodec ?? encodeCanonical);
  const canonical = (s: unknown): void => {
    writer.reset();
    try {
      if (canonicalizer) canonicalizer(encodeView, s, writer);
      else encodeView(s, writer);
    } catch (e) {
      // The encoder keeps no path (it is the hot loop): the failure is located after the fact.
      throw view ? unencodableError(e, view(s, params), 'view') : unencodableError(e, s, 'state');
    }
  };
  return Object.assign(canonical, { keyIsCodec: false });
}
