// perParams: a function of the bounds alone, computed once per bounds object. The model asks for
// such values (an action's instances, the chosen design) in every state of a check.
import type { RevokeParams } from './params.ts';

/**
 * A function of the bounds alone, computed once per bounds object. The last bounds asked are
 * checked first: a check asks with one object thousands of times a second, and a comparison is
 * cheaper than a WeakMap lookup.
 */
export function perParams<T>(build: (p: RevokeParams) => T): (p: RevokeParams) => T {
  const cache = new WeakMap<RevokeParams, T>();
  let lastParams: RevokeParams | undefined;
  let last: T | undefined;
  return (p) => {
    if (p === lastParams) return last!;
    let v = cache.get(p);
    if (v === undefined) cache.set(p, (v = build(p)));
    lastParams = p;
    last = v;
    return v;
  };
}
