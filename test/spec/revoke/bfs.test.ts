// Breadth-first search over the revoke model: the shortest counterexamples the checker finds by
// itself, and the guarantees the draining designs keep within the bounds.
import { describe, expect, it } from 'vitest';
import revoke from '../../../spec/revoke/index.ts';
import { checkRow } from '../../../checker/study/checkRow.ts';
import { type RevokeParams, type VariantName, variantNames } from '../../../spec/revoke/kernel/params.ts';
import { variants } from '../../../spec/revoke/variants/index.ts';
import { defaultCounts } from './defaultCounts.ts';
import { viroStories } from './viroStories.ts';
import viroHandoff from '../../../spec/revoke/configs/viro-handoff.json' with { type: 'json' };
import forkMidScan from '../../../spec/revoke/configs/fork-mid-scan.json' with { type: 'json' };
import frevokeShared from '../../../spec/revoke/configs/frevoke-shared.json' with { type: 'json' };
import threadsBorrowing from '../../../spec/revoke/configs/threads-borrowing.json' with { type: 'json' };

/** vnode-revoke's distinct states with the fork child (fork-mid-scan's bounds with selfSend). */
const WIDE_VNODE = 89361;

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...revoke.defaults, ...over }) as RevokeParams;

async function shortest(over: Partial<RevokeParams>, guarantee: string) {
  const result = await checkRow(revoke, params(over), { deadlock: false, invariants: [guarantee] });
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
    // Shared by SCM_RIGHTS: a message in flight holds the spared file (a dup, now two steps, makes a
    // second descriptor on it one step later).
    const labels = await shortest(frevokeShared as Partial<RevokeParams>, 'caller-access-as-specified');
    expect(labels).toEqual([
      'SendFd(B -> A via s0, F0)',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): nothing',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
    ]);
  });

  it('finds an mmap not yet linked when the teardown runs, in 5 steps (enberg-2006 and -2007, no-mapping-after-revoke)', async () => {
    for (const [variant, marker] of [
      ['enberg-2006', 'leaked'],
      ['enberg-2007', 'revoked'],
    ] as const) {
      expect(await shortest({ variant }, 'no-mapping-after-revoke')).toEqual([
        'MmapBegin(B, fd 3): ->mmap of F0, PTEs mapped, not yet linked',
        'RevokeScanTask(A): nothing',
        `RevokeScanTask(B): fd 3 F0 -> ${marker}`,
        'RevokeUnmap: nothing',
        'RevokeReturn: fput F0',
      ]);
    }
  });

  for (const story of viroStories) {
    const order = story.searchFinds === undefined ? 'in his own order' : 'or a trace as short';
    it(`finds ${story.name} ${order}, ${story.labels.length} steps (enberg-2007, ${story.guarantee})`, async () => {
      const found = await shortest(story.config, story.guarantee);
      expect(found).toHaveLength(story.labels.length);
      expect(found).toEqual(story.searchFinds ?? story.labels);
    });
  }
});

describe('revoke: what the kernel does that an atomic model would hide', () => {
  it("active-refs: a fault past its handler installs the PTE after kernfs's drain and unmap (no-mapping-after-revoke)", async () => {
    expect(await shortest({ variant: 'active-refs', mmapPopulates: false }, 'no-mapping-after-revoke')).toEqual([
      'MmapBegin(B, fd 3): ->mmap of F0, not yet linked',
      'MmapLink(B): vma of F0 in i_mmap',
      'Fault(B, mapping of F0): handler found the page',
      'RevokeMarkDead(I): new active references fail',
      'RevokeDrain(I): no active reference left',
      'RevokeUnmap: nothing',
      'RevokeReturn',
    ]);
  });

  it('active-refs: fchmod on a removed kernfs node still reaches it (kernfs_iop_setattr takes no active reference; not promised)', async () => {
    expect(await shortest({ variant: 'active-refs' }, 'revoked-ops-fail-with-ebadf-or-enxio-unpromised')).toEqual([
      'RevokeMarkDead(I): new active references fail',
    ]);
    expect(await shortest({ variant: 'active-refs' }, 'no-inode-access-after-return-unpromised')).toEqual([
      'Fchmod(B, fd 3) begins on F0, borrowed',
      'RevokeMarkDead(I): new active references fail',
      'RevokeDrain(I): no active reference left',
      'RevokeUnmap: nothing',
      'RevokeReturn',
    ]);
  });

  it('vnode-revoke (FreeBSD devfs): a read inside d_read holds no vnode lock, so vgone does not wait for it', async () => {
    expect(await shortest({ variant: 'vnode-revoke' }, 'no-inode-access-after-return')).toEqual([
      'Read(B, fd 3) begins on F0, borrowed',
      'RevokeDoom(I): new lockers wait',
      'RevokeDrain(I): vnode lock taken, no holder left',
      'RevokeVgone(I): v_rdev = NULL, v_op -> deadfs',
      'RevokeReturn',
    ]);
  });

  it('biederman-2009: file_hotplug_read_trylock checks FMODE_DEAD before it stores the slot, so the drain finds no holder (no-open-in-progress)', async () => {
    expect(await shortest({ variant: 'biederman-2009', openInProgress: false }, 'no-inode-access-after-return')).toEqual([
      'Read(B, fd 3) begins on F0, borrowed, gate checked',
      'RevokeMarkDead(F0): FMODE_DEAD',
      'RevokeDrain(F0): no task holds it',
      'RevokeUnmap: nothing',
      'RevokeReleaseFile(F0): ->release, f_op = NULL, fput',
      'RevokeReturn',
    ]);
    // Without opens under way, its file list catches every holder of the calls the series converts:
    // G1, G4 and G7 break only through fsetxattr and fstat, which fs/xattr.c and fs/stat.c never
    // guard (G7 in one step: FMODE_DEAD is set, and fstat through the dead file still reads I).
    const p = params({ variant: 'biederman-2009', openInProgress: false });
    const judged = ['no-usable-descriptor', 'no-live-file-anywhere', 'revoked-ops-fail-with-ebadf-or-enxio'];
    const result = await checkRow(revoke, p, { deadlock: false, continue: true, invariants: judged });
    expect(result.violations.map((v) => v.name).sort()).toEqual([...judged].sort());
    for (const v of result.violations) {
      const through = revoke.through!(p, v.name, v.trace.at(-1)!.state);
      expect(through.length).toBeGreaterThan(0);
      expect(through.filter((k) => k !== 'fsetxattr' && k !== 'fstat')).toEqual([]);
    }
    expect(result.violations.find((v) => v.name === 'revoked-ops-fail-with-ebadf-or-enxio')!.trace.map((t) => t.label)).toEqual([
      expect.anything(),
      'RevokeMarkDead(F0): FMODE_DEAD',
    ]);
  }, 60_000);

  it('biederman-2009: an open past may_open makes its file after revoke_file_list found the list empty (no-live-file-anywhere)', async () => {
    expect(await shortest({ variant: 'biederman-2009' }, 'no-live-file-anywhere')).toEqual([
      'Close(B, fd 3): F0, F0 freed',
      'OpenBegin(A, I): may_open passed',
      'RevokeReturn',
      'OpenFile(A, I): F0 made, ->open',
    ]);
  });

  it("enberg-2006: pread keeps V1's borrowed fdget, and the revoker's fput frees the file under it (no-use-after-free)", async () => {
    expect(await shortest({ variant: 'enberg-2006' }, 'no-use-after-free')).toEqual([
      'Pread(B, fd 3) begins on F0, borrowed',
      'RevokeScanTask(A): nothing',
      'RevokeScanTask(B): fd 3 F0 -> leaked',
      'RevokeUnmap: nothing',
      'RevokeReturn: fput F0',
    ]);
  });

  it("without the light-fdget rule, the owner's thread closes the file a borrowed read is inside (threads-borrowing, no-use-after-free)", async () => {
    expect(await shortest({ variant: 'active-refs', ...(threadsBorrowing as Partial<RevokeParams>) }, 'no-use-after-free')).toEqual([
      'Read(B, fd 3) begins on F0, borrowed',
      'Close(B2, fd 3): F0, F0 freed',
    ]);
    // With the rule, B's table has two users, so the read counts its reference and the close frees nothing.
    const result = await checkRow(revoke, params({ variant: 'active-refs', thread: true }), { deadlock: false, invariants: ['no-use-after-free'] });
    expect(result.verdict).toBe('ok');
  }, 60_000);
});

describe('revoke: what vnode-revoke keeps', () => {
  const kept = ['no-usable-descriptor', 'no-live-file-anywhere', 'revoked-ops-fail-with-ebadf-or-enxio'];
  for (const [config, over, states] of [
    ['default', {}, defaultCounts['vnode-revoke'].distinct],
    ['wide (with the fork child)', { fork: true }, WIDE_VNODE],
  ] as const) {
    it(`keeps G1, G4 and G7 on the ${config} configuration (${states} distinct states)`, async () => {
      const result = await checkRow(revoke, params({ variant: 'vnode-revoke', ...over }), { deadlock: false, invariants: kept });
      expect(result.verdict).toBe('ok');
      expect(result.stats.distinctStates).toBe(states);
    }, 60_000);
  }
});

describe('revoke: model sanity, reachability and G5 on the default configuration', () => {
  // One search per variant checks every invariant and G5 revoke-returns at once, as the table
  // does. What is not exercised, what does not apply and which property breaks are the design's
  // own `expect` record: the search and the record must agree.
  const expected = (variant: VariantName, words: (w: string) => boolean): string[] =>
    Object.entries(variants[variant].expect ?? {})
      .filter(([, w]) => words(w))
      .map(([g]) => g)
      .sort();
  for (const variant of variantNames) {
    it(`${variant} keeps refcounts-balance, reaches every partner it claims, and agrees with its expectations (${defaultCounts[variant].distinct} distinct states)`, async () => {
      // Every built-in design carries an expectation for every guarantee (`rmc expect` reads them).
      const spec = revoke.specFor(params({ variant }));
      // A guarantee's unpromised half is checked beside it, and expected through its cell.
      const halves = new Set(Object.values(revoke.split!(params({ variant }))).map((h) => h.invariant));
      const guarantees = [...Object.keys(spec.invariants), ...Object.keys(spec.properties ?? {})].filter((g) => !halves.has(g));
      expect(Object.keys(variants[variant].expect ?? {}).sort()).toEqual(guarantees.sort());
      const result = await checkRow(revoke, params({ variant }), { deadlock: false, continue: true });
      // Coverage lists the design's own revoker steps, in its order, and no other design's (then
      // the kernel's RevokeSignal, where a signal ends one of its waits).
      const steps = variants[variant].steps;
      const revokerSteps = [...new Set(steps.map((step) => step.name)), ...(steps.some((step) => step.facts.onSignal) ? ['RevokeSignal'] : [])];
      expect(Object.keys(result.coverage).slice(-revokerSteps.length)).toEqual(revokerSteps);
      expect(Object.keys(result.coverage)).toEqual(spec.actions.map((a) => a.name));
      expect(result.stats.distinctStates).toBe(defaultCounts[variant].distinct);
      expect(result.stats.generatedStates).toBe(defaultCounts[variant].generated);
      expect(result.stats.depth).toBe(defaultCounts[variant].depth);
      // A guarantee whose partner is never reached is a "not exercised" cell, unless it is broken
      // all the same (drm-unplug's G8: its write fails, a read is what stays) or not promised.
      const broken = new Set(result.violations.map((v) => v.name));
      const word = (g: string) => variants[variant].expect?.[g] ?? '';
      expect([...(result.unexercised ?? [])].filter((g) => !broken.has(g) && !word(g).startsWith('unpromised')).sort()).toEqual(
        expected(variant, (w) => w === 'not-exercised'),
      );
      expect(result.violations.filter((v) => v.kind === 'unreached')).toEqual([]);
      expect(
        (result.notApplicable ?? [])
          .map((n) => n.name)
          .filter((g) => !halves.has(g))
          .sort(),
      ).toEqual(expected(variant, (w) => w === 'n/a'));
      expect(result.violations.map((v) => v.name)).not.toContain('refcounts-balance');
      const properties = Object.keys(spec.properties ?? {});
      expect(result.violations.filter((v) => v.kind === 'property').map((v) => v.name)).toEqual(
        expected(variant, (w) => w.startsWith('violated')).filter((g) => properties.includes(g)),
      );
    }, 120_000);
  }
});

describe('revoke: another inode', () => {
  it('keeps descriptors on J working under active-refs with otherInode (1612895 distinct states)', async () => {
    const result = await checkRow(revoke, params({ variant: 'active-refs', otherInode: true }), { deadlock: false, invariants: ['other-inodes-untouched'] });
    expect(result.verdict).toBe('ok');
    expect(result.stats.distinctStates).toBe(1612895);
  }, 120_000);
});
