// G5 on the revoke model with the behaviour graph recorded during the one safety search (TLC's
// way) gives what the separate pass after the search gives: the same verdicts, lassos (labels,
// actors, loop steps), counts and notes. The actions take the fast path and only SyscallEnd's
// actor is asked (its fairness is per task).
import { describe, expect, it } from 'vitest';
import { type CheckResult } from '../../../checker/run/check.ts';
import revoke from '../../../spec/revoke/index.ts';
import { checkRow } from '../../../checker/study/checkRow.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import stuckCaller from '../../../spec/revoke/configs/stuck-caller.json' with { type: 'json' };
import selfRevoke from '../../../spec/revoke/configs/self-revoke.json' with { type: 'json' };

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...revoke.defaults, ...over }) as RevokeParams;

function timeless(r: CheckResult): unknown {
  // storeBytes too: the one pass's seen-set keeps indices for its behaviour graph, the separate pass's safety search none.
  const { seconds: _s, statesPerSecond: _r, storeBytes: _b, ...stats } = r.stats;
  return { ...r, stats };
}

describe('revoke: G5 recorded during the search, as the separate pass finds it', () => {
  it.each([
    ['active-refs', stuckCaller],
    ['vnode-revoke', stuckCaller],
    ['active-refs', selfRevoke],
    ['badfs', stuckCaller],
  ] as const)(
    '%s under %o',
    async (variant, config) => {
      const p = params({ ...(config as Partial<RevokeParams>), variant });
      const options = { deadlock: false, continue: true };
      const one = await checkRow(revoke, p, options);
      const two = await checkRow(revoke, p, { ...options, separateTemporalPass: true });
      expect(timeless(one)).toEqual(timeless(two));
    },
    60_000,
  );
});
