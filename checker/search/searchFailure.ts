// searchFailure: the one line a search reports when the spec itself fails under it (an action or
// init that throws, a state the encoding cannot take), whichever thread or search mode was
// evaluating it. An invariant that throws is invariants.ts's.
import { SpecError } from '../errors.ts';
import { UnencodableError } from '../state/canonicalEncoding.ts';
import { valueText } from '../valueText.ts';

/**
 * What a search reports when the spec fails under it: in `phase` ('init', 'search', 'simulate'
 * or an action's name), expanding or encoding `state`. SpecErrors (an invariant that threw) pass unchanged.
 */
export function searchFailure(e: unknown, phase: string, state: unknown): SpecError {
  if (e instanceof SpecError) return e;
  const what = phase === 'init' ? 'init' : phase === 'search' ? 'the search' : phase === 'simulate' ? 'the simulation' : `action ${phase}`;
  const unencodable = e instanceof UnencodableError;
  // Inside an action's walk, the state that failed to encode is a successor of the one expanded.
  const of = unencodable && what.startsWith('action ') ? 'a successor of state' : 'in state';
  return new SpecError(`${what} ${unencodable ? 'could not encode a state' : 'threw'}: ${(e as Error).message} (${of} ${describe(state)})`, 75);
}

export function describe(s: unknown): string {
  try {
    const text = valueText(s);
    return text.length > 300 ? `${text.slice(0, 300)}...` : text;
  } catch {
    return String(s);
  }
}
