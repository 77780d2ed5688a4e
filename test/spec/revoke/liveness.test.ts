// G5 `revoke-returns` under the fairness spec/revoke/liveness.ts states: T8 as a lasso for the
// draining designs with a stuck caller and with self-revocation, break-active-protection as the
// way out. G5 for every variant on the default configuration is checked with the other
// guarantees, one search per variant, in bfs.test.ts.
import { describe, expect, it } from 'vitest';
import { lassoEnd, traceView } from '../../../checker/trace/render/traceView.ts';
import revoke from '../../../spec/revoke/index.ts';
import { checkRow } from '../../../checker/study/checkRow.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import { type State, begun, revokeFinished } from '../../../spec/revoke/kernel/state.ts';
import stuckCaller from '../../../spec/revoke/configs/stuck-caller.json' with { type: 'json' };
import selfRevoke from '../../../spec/revoke/configs/self-revoke.json' with { type: 'json' };

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...revoke.defaults, ...over }) as RevokeParams;

/** G5 only; `continue` because a revoke that never returns leaves the reachability guards unreached. */
const g5 = (over: Partial<RevokeParams>) => checkRow(revoke, params(over), { deadlock: false, continue: true, invariants: [], properties: ['revoke-returns'] });

async function lasso(over: Partial<RevokeParams>) {
  const result = await g5(over);
  expect(result.verdict).toBe('violation');
  const v = result.violations.find((x) => x.kind === 'property')!;
  expect(v.name).toBe('revoke-returns');
  expect(v.loopIndex).toBeDefined();
  const cycle = v.trace.slice(v.loopIndex!).map((step) => step.state as State);
  // The cycle is entered after revoke has begun and never leaves a state where it has not returned.
  expect(cycle.length).toBeGreaterThan(0);
  for (const s of cycle) {
    expect(begun(s)).toBe(true);
    expect(revokeFinished(s)).toBe(false);
  }
  return { result, labels: v.trace.slice(1).map((step) => step.label), loopIndex: v.loopIndex!, loopStep: v.loopStep };
}

describe('revoke: T8, a drain that never returns (G5 violated)', () => {
  it("active-refs with a stuck caller: the owner's read holds an active reference for ever (2-step lasso, stutters in the drain)", async () => {
    const { labels, loopIndex, loopStep } = await lasso({ ...(stuckCaller as Partial<RevokeParams>), variant: 'active-refs' });
    expect(labels).toEqual(['Read(B, fd 3) begins on F0, borrowed', 'RevokeMarkDead(I): new active references fail']);
    expect(loopIndex).toBe(2);
    expect(loopStep).toBeUndefined();
  });

  it('vnode-revoke with a stuck caller: LK_DRAIN waits for the vnode lock for ever (2-step lasso)', async () => {
    const { labels } = await lasso({ ...(stuckCaller as Partial<RevokeParams>), variant: 'vnode-revoke' });
    expect(labels).toHaveLength(2);
    expect(labels[1]).toBe('RevokeDoom(I): new lockers wait');
  });

  it('active-refs revoking from inside a method of the file (self-revoke) waits for its own active reference (1-step lasso)', async () => {
    const { labels, loopIndex } = await lasso({ ...(selfRevoke as Partial<RevokeParams>), variant: 'active-refs' });
    expect(labels).toEqual(['RevokeMarkDead(I): new active references fail']);
    expect(loopIndex).toBe(1);
  });

  it("with a stuck caller the lasso's cycle never enables the drain, and only the stuck read's end, under no fairness, could move", async () => {
    const result = await g5({ ...(stuckCaller as Partial<RevokeParams>), variant: 'active-refs' });
    const fair = result.violations.find((x) => x.kind === 'property')!.cycleFairness!;
    const met = Object.fromEntries(fair.conditions.map((c) => [c.name, c.met]));
    expect(met['WF(RevokeDrain)']).toBe('never-enabled');
    expect(met['WF(SyscallEnd[A])']).toBe('never-enabled');
    expect(Object.values(met).every((m) => m === 'never-enabled')).toBe(true);
    expect(fair.unfair).toEqual([{ action: 'SyscallEndStuck' }]);
  });

  it("explains the hang: the drain is never enabled while B's read (or the revoker itself) holds an active reference", async () => {
    const sentence = async (over: Partial<RevokeParams>) => {
      const result = await g5(over);
      const v = result.violations.find((x) => x.kind === 'property')!;
      return traceView(revoke.specFor(params(over)), params(over) as never, v.name, v.trace, lassoEnd(v)).fairness;
    };
    expect(await sentence({ ...(stuckCaller as Partial<RevokeParams>), variant: 'active-refs' })).toMatch(
      /^RevokeDrain \[kernfs_drain\] is never enabled: B's read holds an active reference\. The cycle is fair: .* Enabled on it but never taken, as no fairness asks for it: SyscallEndStuck\.$/,
    );
    expect(await sentence({ ...(stuckCaller as Partial<RevokeParams>), variant: 'vnode-revoke' })).toMatch(
      /^RevokeDrain \[vgonel: vn_lock\(LK_EXCLUSIVE\)\] is never enabled: B's fstat holds the vnode lock\. /,
    );
    expect(await sentence({ ...(selfRevoke as Partial<RevokeParams>), variant: 'active-refs' })).toMatch(
      /^RevokeDrain \[kernfs_drain\] is never enabled: the revoker holds an active reference itself\. /,
    );
  });

  it('the stuck caller has no fairness: the assumed conditions name SyscallEnd for A only', async () => {
    const result = await g5({ ...(stuckCaller as Partial<RevokeParams>), variant: 'active-refs' });
    const fairness = result.notes!.find((n) => n.startsWith('fairness assumed'))!;
    expect(fairness).toContain('WF(SyscallEnd[A])');
    expect(fairness).not.toContain('SyscallEnd[B]');
    expect(fairness).not.toContain('SyscallEndStuck');
  });
});

describe('revoke: G5 holds', () => {
  it('active-refs self-revoke with breakActiveProtection returns (33,307 distinct states)', async () => {
    const result = await g5({ ...(selfRevoke as Partial<RevokeParams>), variant: 'active-refs', breakActiveProtection: true });
    expect(result.violations.filter((v) => v.kind === 'property')).toEqual([]);
    expect(result.stats.distinctStates).toBe(33307);
  });

  it('the scanning designs return even with a stuck caller (badfs gives up), and with self-revoke', async () => {
    for (const over of [stuckCaller, selfRevoke] as Partial<RevokeParams>[]) {
      for (const variant of ['file-list', 'badfs', 'cannibalize'] as const) {
        const result = await g5({ ...over, variant });
        expect(
          result.violations.filter((v) => v.kind === 'property'),
          `${variant} ${JSON.stringify(over)}`,
        ).toEqual([]);
      }
    }
  }, 120_000);
});
