// stopRequest: whether a search, or the temporal-property phase after it, is to stop before
// its end: Ctrl-C, or which budget ran out. Both phases ask it the same way, so --max-seconds
// counts from the start of the whole run and --max-states against each phase's distinct states.
import type { CheckOptions } from '../checkOptions.ts';

export type StopRequest = { readonly verdict: 'interrupted' } | { readonly verdict: 'incomplete'; readonly reason: string };

/** Which budget has run out with `distinct` states found, `started` being performance.now() at the start. */
export function budgetReason(options: CheckOptions, started: number, now: number, distinct: number): string | undefined {
  if (options.maxStates !== undefined && distinct >= options.maxStates) return `state budget of ${options.maxStates} distinct states reached`;
  if (options.maxSeconds !== undefined && now - started >= options.maxSeconds * 1000) return `time budget of ${options.maxSeconds} s reached`;
  return undefined;
}

export function stopRequest(options: CheckOptions, started: number, now: number, distinct: number): StopRequest | undefined {
  if (options.interrupted?.()) return { verdict: 'interrupted' };
  const reason = budgetReason(options, started, now, distinct);
  return reason === undefined ? undefined : { verdict: 'incomplete', reason };
}
