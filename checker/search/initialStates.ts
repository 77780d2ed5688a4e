// initialStates: the spec's initial states, or the one line saying why there are none. A spec
// whose `init` throws, or yields nothing, has no behaviour to check: a search over it would
// "pass" with 0 states, so both are the spec's failure (exit 75), named as init's.
import type { AnySpec } from '../spec.ts';
import { SpecError } from '../errors.ts';
import { describe } from './searchFailure.ts';

export function initialStates(spec: AnySpec, params: object): unknown[] {
  let states: unknown[];
  try {
    states = [...spec.init(params)];
  } catch (e) {
    throw new SpecError(`init threw: ${(e as Error)?.message ?? String(e)} (with parameters ${describe(params)})`, 75);
  }
  if (states.length === 0) throw new SpecError(`init yields no initial state with parameters ${describe(params)}: there is no behaviour to check`, 75);
  return states;
}
