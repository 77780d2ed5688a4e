// grow: the one way the checker's growable typed arrays grow. Each owner (parent links,
// fingerprints by index, the liveness lists, a worker's claims, state batches) keeps its own
// `push`: a plain indexed write behind a capacity check, monomorphic in its own element type, so
// the hot loops stay as fast as a hand-written array; only the rare growth goes through here.

type Growable = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/**
 * A copy of `a`'s first `used` elements (default: all) in a fresh array of the same type, doubled
 * until it holds at least `needed` elements; in a SharedArrayBuffer when `shared`, so other
 * threads can read it.
 */
export function grow<A extends Growable>(a: A, needed = a.length + 1, used = a.length, shared = false): A {
  let n = Math.max(1, a.length * 2);
  while (n < needed) n *= 2;
  const make = a.constructor as new (x: number | SharedArrayBuffer) => A;
  const next = shared ? new make(new SharedArrayBuffer(n * a.BYTES_PER_ELEMENT)) : new make(n);
  next.set(used === a.length ? a : a.subarray(0, used));
  return next;
}
