// Breadth-first search over the revoke model: the shortest counterexamples the checker finds by
// itself, and the guarantees the draining designs keep within the bounds.
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import spec from '../../../spec/revoke/index.ts';
import { type RevokeParams, variantNames } from '../../../spec/revoke/kernel/params.ts';
import { defaultCounts } from './defaultCounts.ts';
import viroHandoff from '../../../spec/revoke/configs/viro-handoff.json' with { type: 'json' };
import forkMidScan from '../../../spec/revoke/configs/fork-mid-scan.json' with { type: 'json' };
import frevokeShared from '../../../spec/revoke/configs/frevoke-shared.json' with { type: 'json' };

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...spec.defaults, ...over }) as RevokeParams;

async function shortest(over: Partial<RevokeParams>, guarantee: string) {
  const result = await check(spec, params(over), { deadlock: false, invariants: [guarantee] });
  const violation = result.violations.find((v) => v.name === guarantee);
  return violation!.trace.slice(1).map((step) => step.label);
}

describe('revoke: shortest counterexamples', () => {
  it('finds T1, the hand-off mid-scan, in 6 steps under viro-handoff (enberg-2007, no-usable-descriptor)', async () => {
    const labels = await shortest(viroHandoff as Partial<RevokeParams>, 'no-usable-descriptor');
    expect(labels).toEqual([
      'SendFd(B -> A via s0, F0)',
      'RevokeScanTask(A): nothing',
      'RecvFd(A, s0): fd 3 -> F0',
      'RevokeScanTask(B): fd 3 F0 -> revoked',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
    ]);
  });

  it('finds a 5-step no-live-file-anywhere trace on the default configuration (enberg-2007), as short as T2', async () => {
    expect(await shortest({}, 'no-live-file-anywhere')).toHaveLength(5);
  });

  it('finds T2, the self-send, in 4 steps with one task and no fork (enberg-2007, no-live-file-anywhere)', async () => {
    const labels = await shortest({ fork: false, tasks: 1 }, 'no-live-file-anywhere');
    expect(labels).toEqual(['SendFd(A -> A via s0, F0)', 'RevokeScanTask(A): fd 3 F0 -> revoked', 'RevokeUnmap: nothing', 'RevokeReturn: fput F0']);
  });

  it('finds T3, a read in progress, in 5 steps (enberg-2007, no-inode-access-after-return and no-use-after-free)', async () => {
    const expected = [
      'Read(B, fd 3) begins on F0, borrowed',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): fd 3 F0 -> revoked',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
    ];
    expect(await shortest({}, 'no-inode-access-after-return')).toEqual(expected);
    expect(await shortest({}, 'no-use-after-free')).toEqual(expected);
  });

  it('finds T4, a child copied before the scan, in 5 steps under fork-mid-scan (enberg-2007, no-usable-descriptor)', async () => {
    const labels = await shortest(forkMidScan as Partial<RevokeParams>, 'no-usable-descriptor');
    expect(labels).toEqual([
      'RevokeScanTask(A): nothing',
      'ForkCopy(B -> C): copies F0, not yet linked',
      'RevokeScanTask(B): fd 3 F0 -> revoked',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
    ]);
  });

  it('finds T5, frevoke sparing a shared open file, in 5 steps under frevoke-shared (enberg-2007, caller-access-as-specified)', async () => {
    const labels = await shortest(frevokeShared as Partial<RevokeParams>, 'caller-access-as-specified');
    expect(labels).toEqual([
      'Dup(B, fd 3): fd 4 -> F0',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): nothing',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
    ]);
  });

  it('finds T6, mmap then close, in 6 steps (enberg-2006, no-mapping-after-revoke)', async () => {
    const labels = await shortest({ variant: 'enberg-2006' }, 'no-mapping-after-revoke');
    expect(labels).toEqual([
      'Mmap(B, fd 3): maps F0',
      'Close(B, fd 3): F0',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): nothing',
      'RevokeUnmap: nothing',
      'RevokeReturn',
    ]);
  });

  it('finds T7, a mapping from a resurrected descriptor, in 7 steps (enberg-2007, no-mapping-after-revoke)', async () => {
    expect(await shortest({}, 'no-mapping-after-revoke')).toHaveLength(7);
  });
});

describe('revoke: what the draining designs keep', () => {
  const kept = [
    'no-usable-descriptor',
    'no-mapping-after-revoke',
    'no-inode-access-after-return',
    'no-live-file-anywhere',
    'revoked-ops-fail-with-ebadf-or-enxio',
  ];
  for (const variant of ['active-refs', 'vnode-revoke'] as const) {
    for (const [config, over, states] of [
      ['default', {}, 1752],
      ['wide (with the fork child)', { fork: true }, 9480],
    ] as const) {
      it(`${variant} keeps G1-G4 and G7 on the ${config} configuration (${states} distinct states)`, async () => {
        const result = await check(spec, params({ variant, ...over }), { deadlock: false, invariants: kept });
        expect(result.verdict).toBe('ok');
        expect(result.stats.distinctStates).toBe(states);
      });
    }
  }
});

describe('revoke: model sanity, reachability and G5 on the default configuration', () => {
  // One search per variant checks every invariant and G5 revoke-returns at once, as the table does.
  for (const variant of variantNames) {
    it(`${variant} keeps refcounts-balance, reaches every partner but J's, and returns (${defaultCounts[variant].distinct} distinct states)`, async () => {
      const result = await check(spec, params({ variant }), { deadlock: false, continue: true });
      expect(result.stats.distinctStates).toBe(defaultCounts[variant].distinct);
      expect(result.stats.generatedStates).toBe(defaultCounts[variant].generated);
      expect(result.stats.depth).toBe(defaultCounts[variant].depth);
      // Inode J is not in the default bounds: other-inodes-untouched is not exercised there (a
      // warning, not a violation), and frevoke's G6 does not apply to revokeat.
      expect(result.unexercised).toEqual(['other-inodes-untouched']);
      expect(result.violations.filter((v) => v.kind === 'unreached')).toEqual([]);
      expect(result.notApplicable).toEqual([{ name: 'caller-access-as-specified', reason: 'revokeat' }]);
      expect(result.violations.map((v) => v.name)).not.toContain('refcounts-balance');
      expect(result.violations.filter((v) => v.kind === 'property')).toEqual([]);
    }, 120_000);
  }
});

describe('revoke: another inode', () => {
  it('keeps descriptors on J working under active-refs with otherInode (58950 distinct states)', async () => {
    const result = await check(spec, params({ variant: 'active-refs', otherInode: true }), { deadlock: false, invariants: ['other-inodes-untouched'] });
    expect(result.verdict).toBe('ok');
    expect(result.stats.distinctStates).toBe(58950);
  }, 120_000);
});
