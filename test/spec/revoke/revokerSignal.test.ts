// Issue 25 item 3: a signal to the revoker while it sleeps in a wait the real code makes
// interruptible (the `revokerSignal` bound, a step's `onSignal`). The Hurd's drain is
// pthread_hurd_cond_wait_np, which interrupt_operation's hurd_thread_cancel ends: the inhibit
// returns EINTR with the bucket uninhibited, io_revoke destroys the protids with the RPCs still
// running, and the resume's assertion aborts the server. evdev's mutex_lock_interruptible fails
// the ioctl. Every other design's wait is uninterruptible and has no signal step.
import { describe, expect, it } from 'vitest';
import { checkRow } from '../../../checker/study/checkRow.ts';
import { replay } from '../../../checker/trace/replay.ts';
import { resolveLabel } from '../../../checker/trace/resolveLabel.ts';
import revoke from '../../../spec/revoke/index.ts';
import { callerHolders } from '../../../spec/revoke/kernel/gate.ts';
import { install } from '../../../spec/revoke/kernel/install.ts';
import { kernelName } from '../../../spec/revoke/presentation/kernelNames.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import { revokerStep } from '../../../spec/revoke/kernel/revokerSteps.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import { builtInDesigns, variants } from '../../../spec/revoke/variants/index.ts';

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...revoke.defaults, ...over }) as RevokeParams;
const enabledLabels = (p: RevokeParams, s: State): string[] =>
  revoke.specFor(p).actions.flatMap((a) => [...a.successors(s, p)].map((succ) => resolveLabel(succ.label)));

describe('a signal to the revoker (revokerSignal)', () => {
  const hurd = params({ variant: 'hurd-io-revoke', revokerSignal: true });
  const toSignal = ['Read(B, fd 3) begins on F0, borrowed', 'RevokeInhibit: RPCs cancelled, new RPCs held'];

  it("ends the Hurd's drain: the protids are destroyed and the server aborts with B's read still running", () => {
    const trace = replay<State>(revoke.specFor(hurd), hurd, [
      ...toSignal,
      "RevokeSignal: RevokeDrain's interruptible sleep ends (EINTR)",
      'RevokeDestroyRights: F0 destroyed',
      'RevokeResumeAborts: assertion failed, revoke returns an error',
    ]);
    expect(trace.map((step) => step.state.revoker.pc)).toEqual(['idle', 'idle', 'inhibiting', 'interrupted', 'uninhibited-destroyed', 'failed']);
    const last = trace.at(-1)!.state;
    expect(last.tasks.B!.call).toEqual({ kind: 'read', file: 'F0', inode: 'I', counted: false, loadedOps: 'live', hold: 'held', cancelled: null });
    expect(last.files.F0).toEqual({ inode: 'I', count: 1, ops: 'revoked' });
  });

  it('leaves the bucket uninhibited once the inhibit returned EINTR: ports_begin_rpc holds no new RPC', () => {
    const spec = revoke.specFor(hurd);
    const d = install(variants['hurd-io-revoke']);
    const begin = (s: State) => d.on.begin(s, hurd, { file: s.files.F0!, kind: 'read' });
    const inhibiting = replay<State>(spec, hurd, toSignal).at(-1)!.state;
    const interrupted = replay<State>(spec, hurd, [...toSignal, "RevokeSignal: RevokeDrain's interruptible sleep ends (EINTR)"]).at(-1)!.state;
    expect(begin(inhibiting)).toBe('wait');
    expect(begin(interrupted)).toEqual({ enter: true, holds: true });
  });

  it('is no step without the bound, nor when the drain has no one left to wait for', () => {
    const off = params({ variant: 'hurd-io-revoke' });
    const waiting = replay<State>(revoke.specFor(off), off, toSignal).at(-1)!.state;
    expect(enabledLabels(off, waiting).filter((l) => l.startsWith('Revoke'))).toEqual([]);
    expect(enabledLabels(hurd, waiting).filter((l) => l.startsWith('Revoke'))).toEqual(["RevokeSignal: RevokeDrain's interruptible sleep ends (EINTR)"]);
    const idleBucket = replay<State>(revoke.specFor(hurd), hurd, ['RevokeInhibit: RPCs cancelled, new RPCs held']).at(-1)!.state;
    expect(enabledLabels(hurd, idleBucket).filter((l) => l.startsWith('Revoke'))).toEqual(['RevokeDrain: no RPC in progress']);
  });

  it("fails evdev's ioctl in mutex_lock_interruptible: nothing is revoked", () => {
    const evdev = params({ variant: 'evdev-revoke', revokerSignal: true });
    const trace = replay<State>(revoke.specFor(evdev), evdev, [
      'Write(B, fd 3) begins on F0, borrowed',
      "RevokeSignal: RevokeClient's interruptible sleep ends (EINTR)",
    ]);
    const last = trace.at(-1)!.state;
    expect(last.revoker.pc).toBe('failed');
    expect(last.files.F0!.ops).toBe('live');
  });

  it("names the kernel code the signal ends, the design's own words", () => {
    expect(kernelName(install(variants['hurd-io-revoke']), 'RevokeSignal')).toBe(
      'ports_inhibit_bucket_rpcs: pthread_hurd_cond_wait_np cancelled, EINTR (ignored)',
    );
    expect(kernelName(install(variants['evdev-revoke']), 'RevokeSignal')).toBe('evdev_ioctl_handler: mutex_lock_interruptible returns -EINTR');
    expect(kernelName(install(variants['tty-hangup']), 'RevokeSignal')).toBeUndefined();
  });

  it('gives a signal step to the designs whose waits are interruptible only', () => {
    const interruptible = Object.entries(builtInDesigns)
      .filter(([, design]) => design.steps.some((step) => step.facts.onSignal !== undefined))
      .map(([name]) => name);
    expect(interruptible).toEqual(['evdev-revoke', 'hurd-io-revoke']);
  });

  it('refuses an onSignal on a step that waits for no one', () => {
    expect(() =>
      revokerStep({
        name: 'RevokeNoWait',
        doc: 'A step that sleeps on nothing.',
        kernel: 'nothing',
        onSignal: { sleep: 'interruptible', kernel: 'EINTR', to: 'failed' },
        next: (s) => s,
        label: () => 'RevokeNoWait',
      }),
    ).toThrow('step RevokeNoWait has an `onSignal` but no `waitsFor`: a signal ends a wait');
    expect(() =>
      revokerStep({
        name: 'RevokeWait',
        doc: 'A step that sleeps until no call is left.',
        kernel: 'wait_event_interruptible',
        waitsFor: { holds: 'a call', holders: callerHolders },
        onSignal: { sleep: 'interruptible', kernel: 'EINTR', to: 'failed' },
        next: (s) => s,
        label: () => 'RevokeWait',
      }),
    ).not.toThrow();
  });

  it("keeps the Hurd's every cell under the signal: the interrupted revoke returns an error, owing nothing", async () => {
    const result = await checkRow(revoke, hurd, {
      deadlock: false,
      invariants: ['no-usable-descriptor', 'no-inode-access-after-return', 'writes-complete-reads-abort', 'no-live-file-anywhere'],
    });
    expect(result.verdict).toBe('ok');
    expect(result.stats.distinctStates).toBe(28_354);
  });
});
