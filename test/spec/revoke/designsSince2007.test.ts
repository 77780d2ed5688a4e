// The designs since 2007, each by the story its sources tell: the shortest counterexample the
// search finds, and a variant of the design with the flaw mended that keeps the guarantee (so the
// check can pass as well as fail). A mended variant is checked by a spec built from it, as the
// study builds one for each of its rows.
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import { replay } from '../../../checker/trace/replay.ts';
import revoke, { notApplicableTo } from '../../../spec/revoke/index.ts';
import { checkRow } from '../../../checker/study/checkRow.ts';
import { revokeSpec } from '../../../spec/revoke/revokeSpec.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import { type Design, enter } from '../../../spec/revoke/api/designApi.ts';
import { callerHolders } from '../../../spec/revoke/kernel/gate.ts';
import { install } from '../../../spec/revoke/kernel/install.ts';
import { revokerStep } from '../../../spec/revoke/kernel/revokerSteps.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import { variants } from '../../../spec/revoke/variants/index.ts';

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...revoke.defaults, ...over }) as RevokeParams;

/** The shortest trace breaking `guarantee` in a built-in design (by name) or a mended one. */
async function run(design: string | Design, guarantee: string, over: Partial<RevokeParams> = {}) {
  const spec = typeof design === 'string' ? revoke.specFor(params({ variant: design })) : revokeSpec(design);
  const temporal = guarantee in (spec.properties ?? {});
  const p = params({ variant: typeof design === 'string' ? design : design.name, ...over });
  const options = { deadlock: false, ...(temporal ? { properties: [guarantee], invariants: [] } : { invariants: [guarantee] }) };
  const result =
    typeof design === 'string' ? await checkRow(revoke, p, options) : await check(spec, p, { ...options, notApplicable: notApplicableTo(design, p) });
  const violation = result.violations.find((v) => v.name === guarantee);
  return { result, labels: violation?.trace.slice(1).map((step) => step.label) };
}

function mended(design: Design, name: string, change: Partial<Design>): Design {
  return { ...design, name, expect: undefined, ...change } as Design;
}

/** Design d with its `begin` point's answer changed by `change` (its kernel name kept). */
function withBegin(
  d: Design,
  change: (g: ReturnType<ReturnType<typeof install>['on']['begin']>, kind: string) => ReturnType<ReturnType<typeof install>['on']['begin']>,
): Partial<Design> {
  const begin = install(d).on.begin;
  return { on: { ...d.on, begin: (s, p, op) => change(begin(s, p, op), op.kind) } };
}

describe('tty-hangup', () => {
  it('a driver ioctl through the old tty_fops holds no ldisc reference, so hangup does not wait for it (G3)', async () => {
    const { labels } = await run('tty-hangup', 'no-inode-access-after-return');
    expect(labels).toEqual([
      'Pread(B, fd 3) begins on F0, borrowed',
      'RevokeHangupFiles: f_op = hung_up_tty_fops for F0',
      'RevokeKillLdisc: no ldisc reader left, tty->ldisc = NULL',
      'RevokeReturn',
    ]);
  });

  it('reads and writes are covered by the ldisc semaphore: a caller that loaded tty_fops before the swap meets the NULL ldisc', async () => {
    // Without the driver ioctls and inode-level calls, and without an open past may_open (which
    // reopens the tty after the hangup, as tty_open does), G3 holds.
    const ldiscOnly = mended(variants['tty-hangup'], 'tty-ldisc-calls-only', { callKinds: ['read', 'write'] });
    const { result } = await run(ldiscOnly, 'no-inode-access-after-return', { openInProgress: false });
    expect(result.verdict).toBe('ok');
    // With it, the reopened tty's read is the counterexample.
    const { labels } = await run(ldiscOnly, 'no-inode-access-after-return');
    expect(labels).toContain('OpenFile(A, I): F0 made, ->open');
    // B's read sleeps in n_tty_read holding its ldisc reference for ever: the write lock never comes.
    const stuck = await run(ldiscOnly, 'revoke-returns', { stuckCaller: true, openInProgress: false });
    expect(stuck.labels?.some((l) => /^(Read|Write)\(B\) records its hold on F0$/.test(l))).toBe(true);
  });
});

describe('c-revocable', () => {
  it("two tasks reading through one struct file share the handle's SRCU index: the grace period never ends (Hovold)", async () => {
    const { labels } = await run('c-revocable', 'revoke-returns');
    expect(labels).toBeDefined();
    const begins = labels!.filter((l) => /^Read\((A|B), fd 3\) begins on F0/.test(l));
    expect(new Set(begins.map((l) => l[5])).size).toBe(2);
    expect(labels).toContain('RevokeAssignNull: res = NULL');
    expect(labels!.some((l) => l.startsWith('RevokeSrcuFlip'))).toBe(true);
    expect(labels!.some((l) => l.startsWith('RevokeSrcuDrain'))).toBe(false);
  });

  it('srcu_read_lock is three steps: a reader that fetched index 0 counts on it after the revoker flipped to 1', () => {
    const p = params({ variant: 'c-revocable' });
    const trace = replay<State>(revoke.specFor(p), p, [
      'Read(B, fd 3) begins on F0, borrowed, gate checked',
      'RevokeAssignNull: res = NULL',
      'RevokeSrcuFlip: index 1 drained, readers now count on 1',
      'Read(B) goes on entering F0: its hold not yet recorded',
    ]);
    expect(trace.at(-1)!.state.design).toMatchObject({ srcu: { idx: 1, readers: [1, 0], handles: [0, 0] }, entering: { B: { idx: 0, counted: true } } });
  });

  it('with three users of one struct file, a late store of rev->idx sends two unlocks to index 0 while A, who got the resource, is inside (G3)', () => {
    const p = params({ variant: 'c-revocable', thread: true });
    const spec = revoke.specFor(p);
    const trace = replay<State>(spec, p, [
      'SendFd(B -> A via s0, F0)',
      'RecvFd(A, s0): fd 3 -> F0',
      'Read(A, fd 3) begins on F0, borrowed, gate checked',
      'Read(B, fd 3) begins on F0, counted, gate checked',
      'Read(A) goes on entering F0: its hold not yet recorded',
      'Read(A) records its hold on F0',
      'Read(B) goes on entering F0: its hold not yet recorded',
      'RevokeAssignNull: res = NULL',
      'RevokeSrcuFlip: index 1 drained, readers now count on 1',
      'Read(B2, fd 3) begins on F0, counted, gate checked',
      'Read(B2) goes on entering F0: its hold not yet recorded',
      'Read(B2) records its hold on F0',
      'Read(B) records its hold on F0',
      'Read(B) returns: ENODEV',
      'Read(B2) returns: ENODEV',
      'RevokeSrcuDrain: index 0 drained',
      'RevokeReturn',
    ]);
    const last = trace.at(-1)!.state;
    expect(last.tasks.A!.call).toMatchObject({ loadedOps: 'live' });
    expect(spec.invariants['no-inode-access-after-return']!(last, p)).toBe(false);
    expect(trace.slice(0, -1).every((step) => spec.invariants['no-inode-access-after-return']!(step.state, p))).toBe(true);
  });

  it('with one reader at a time on the struct file (no SCM_RIGHTS hand-off, no fork) revoke returns', async () => {
    const { result } = await run('c-revocable', 'revoke-returns', { tasks: 1, selfSend: false });
    expect(result.verdict).toBe('ok');
  });
});

describe('rust-revocable', () => {
  it('keeps G3: synchronize_rcu waits for every guard taken before the swap', async () => {
    const { result } = await run('rust-revocable', 'no-inode-access-after-return');
    expect(result.verdict).toBe('ok');
  });

  it('without the RCU read-side section around the access, a reader that loaded true acts after revoke returned', async () => {
    const unguarded = mended(
      variants['rust-revocable'],
      'revocable-without-rcu',
      withBegin(variants['rust-revocable'], (g) => (g !== 'wait' && g.enter ? enter() : g)),
    );
    const { labels } = await run(unguarded, 'no-inode-access-after-return');
    expect(labels).toEqual([
      'Read(B, fd 3) begins on F0, borrowed',
      'RevokeSwap: is_available = false (was true)',
      'RevokeSynchronizeRcu: no guard left',
      'RevokeDrop: drop_in_place(T)',
      'RevokeReturn',
    ]);
  });
});

describe('evdev-revoke', () => {
  it('a read past its unlocked check of client->revoked copies events after EVIOCREVOKE returned (G9)', async () => {
    const { labels } = await run('evdev-revoke', 'revoked-file-unusable');
    expect(labels).toEqual(['Read(B, fd 3) begins on F0, borrowed', 'RevokeClient(F0): client->revoked = true, readers woken', 'RevokeReturn']);
  });

  it('with reads under evdev->mutex as writes are, G9 holds: every holder of the file is cut, messages in flight included', async () => {
    const locked = mended(
      variants['evdev-revoke'],
      'evdev-read-under-mutex',
      withBegin(variants['evdev-revoke'], (g, kind) => (g !== 'wait' && g.enter && kind === 'read' ? enter({ holds: true }) : g)),
    );
    const { result } = await run(locked, 'revoked-file-unusable');
    expect(result.verdict).toBe('ok');
  });
});

describe('hurd-io-revoke', () => {
  it('keeps G1, G3 and G4: every RPC drained, every protid destroyed, an open in progress included', async () => {
    const result = await checkRow(revoke, params({ variant: 'hurd-io-revoke' }), {
      deadlock: false,
      invariants: ['no-usable-descriptor', 'no-inode-access-after-return', 'no-live-file-anywhere'],
    });
    expect(result.verdict).toBe('ok');
  });

  it('leaves mappings alone: the pager is no protid (G2)', async () => {
    const { labels } = await run('hurd-io-revoke', 'no-mapping-after-revoke');
    expect(labels?.[0]).toMatch(/^MmapBegin\(B, fd 3\)/);
    expect(labels?.at(-1)).toBe('RevokeReturn');
  });

  it("a drain that did not wait for an open's dir_lookup would let its protid outlive revoke (G4)", async () => {
    const hurd = variants['hurd-io-revoke'];
    const callsOnly = revokerStep({
      name: 'RevokeDrain',
      doc: 'The drain, counting calls only.',
      kernel: 'ports_inhibit_bucket_rpcs: wait for bucket->rpcs',
      from: 'inhibiting',
      to: 'inhibited',
      waitsFor: { holds: 'a call in progress', holders: callerHolders },
      onSignal: { sleep: 'interruptible', kernel: 'pthread_hurd_cond_wait_np cancelled', to: 'interrupted' },
      next: (s) => s,
      label: () => 'RevokeDrain: no call in progress',
    });
    const drainsCalls = mended(hurd, 'hurd-drain-calls-only', { steps: hurd.steps.map((step) => (step.name === 'RevokeDrain' ? callsOnly : step)) });
    const { labels } = await run(drainsCalls, 'no-live-file-anywhere');
    expect(labels).toEqual([
      'Close(B, fd 3): F0, F0 freed',
      'OpenBegin(A, I): may_open passed',
      'RevokeInhibit: RPCs cancelled, new RPCs held',
      'RevokeDrain: no call in progress',
      'RevokeDestroyRights: no protid destroyed',
      'OpenFile(A, I): F0 made, ->open',
      'RevokeReturn',
    ]);
  });
});

describe('drm-unplug', () => {
  it('drm_read tests nothing: a read through a descriptor of the unplugged device still enters (G7, a data call it promises)', async () => {
    const { labels } = await run('drm-unplug', 'revoked-ops-fail-with-ebadf-or-enxio');
    expect(labels).toEqual(['RevokeMarkDead(I): dev->unplugged = true']);
  });

  it('the inode-level calls it does not promise to stop are judged apart (G3 broken by fchmod only in its unpromised half)', async () => {
    const { labels } = await run('drm-unplug', 'no-inode-access-after-return-unpromised');
    expect(labels?.[0]).toMatch(/^Fchmod\(B, fd 3\) begins on F0/);
  });
});

describe('biederman-2009', () => {
  it("revoke_file_list holds its reference across the round: a close meanwhile frees nothing, so no later open reuses the file's id", () => {
    const p = params({ variant: 'biederman-2009' });
    const trace = replay<State>(revoke.specFor(p), p, ['RevokeMarkDead(F0): FMODE_DEAD', 'Close(B, fd 3): F0']);
    const last = trace.at(-1)!.state;
    expect(last.files.F0).toMatchObject({ count: 1, ops: 'revoked' });
    expect(last.revoker.refs).toEqual(['F0']);
  });
});
