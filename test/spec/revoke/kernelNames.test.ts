// Every step of every built-in design names the kernel code it abstracts, and traces show it
// beside the label (presentation/kernelNames.ts: each step's `kernel`, each point's).
import { describe, expect, it } from 'vitest';
import { replay } from '../../../checker/trace/replay.ts';
import { lanes } from '../../../checker/trace/render/lanes.ts';
import { seqDot } from '../../../checker/trace/render/seqDot.ts';
import { textTrace } from '../../../checker/trace/render/textTrace.ts';
import { traceView } from '../../../checker/trace/render/traceView.ts';
import revoke from '../../../spec/revoke/index.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import type { Design } from '../../../spec/revoke/api/designApi.ts';
import { install } from '../../../spec/revoke/kernel/install.ts';
import { builtInDesigns as builtIn, variants } from '../../../spec/revoke/variants/index.ts';
import { USER_STEPS, kernelName } from '../../../spec/revoke/presentation/kernelNames.ts';

const params = (variant: string) => ({ ...revoke.defaults, variant }) as RevokeParams;
const ownSteps = (d: Design): string[] => [...new Set(d.steps.map((s) => s.name))];
/** A design's revoker actions: its own steps, then RevokeSignal where a signal ends one of its waits. */
const revokerActions = (d: Design): string[] => [...ownSteps(d), ...(d.steps.some((s) => s.facts.onSignal) ? ['RevokeSignal'] : [])];
const userActions = revoke
  .specFor(params('enberg-2007'))
  .actions.map((a) => a.name)
  .filter((name) => !ownSteps(variants['enberg-2007']).includes(name));

describe('revoke: kernel names', () => {
  it("builds each design's spec with the users' actions and its own revoker steps, no other design's", () => {
    expect(userActions.length).toBeGreaterThan(15);
    for (const [variant, design] of Object.entries(builtIn)) {
      expect(
        revoke.specFor(params(variant)).actions.map((a) => a.name),
        variant,
      ).toEqual([...userActions, ...revokerActions(design)]);
    }
  });

  it('names the kernel code of every action of every built-in design', () => {
    for (const [variant, design] of Object.entries(builtIn)) {
      const actions = revoke.specFor(params(variant)).actions.map((a) => a.name);
      const missing = actions.filter((name) => !kernelName(install(design), name)?.trim());
      expect(missing, `${variant}: steps without a kernel name`).toEqual([]);
    }
  });

  it('names no user step that does not exist (a renamed step leaves no stale name behind)', () => {
    expect(Object.keys(USER_STEPS).filter((name) => !userActions.includes(name))).toEqual([]);
  });

  it("uses the design's own name for a user step its gate changes", () => {
    expect(kernelName(install(variants['enberg-2007']), 'SyscallBegin')).toBe('fdget: __fget_light or fget');
    expect(kernelName(install(variants['active-refs']), 'SyscallBegin')).toBe('fdget, kernfs_get_active');
    expect(kernelName(install(variants['active-refs']), 'RevokeDrain')).toBe('kernfs_drain');
    expect(kernelName(install(variants['vnode-revoke']), 'RevokeDrain')).toBe('vgonel: vn_lock(LK_EXCLUSIVE)');
    expect(kernelName(install(variants['active-refs']), 'SyscallEndStuck')).toBe('the method returns, if ever; kernfs_put_active, fdput');
    expect(kernelName(install(variants['hurd-io-revoke']), 'OpenBegin')).toBe('file_name_lookup: dir_lookup, permission checked');
  });

  it('shows the kernel code beside each label in the text, the lanes and the sequence diagram', () => {
    const p = params('active-refs');
    const spec = revoke.specFor(p);
    const trace = replay<State>(spec, p, ['SendFd(B -> A via s0, F0)', 'RevokeMarkDead(I): new active references fail']);
    const view = traceView(spec, p as never, 'x', trace);
    expect(textTrace(view)).toContain('State 2: <SendFd(B -> A via s0, F0)>  [sendmsg SCM_RIGHTS: scm_fp_copy, unix_attach_fds]\n');
    expect(textTrace(view)).toContain('State 3: <RevokeMarkDead(I): new active references fail>  [__kernfs_remove: KN_DEACTIVATED_BIAS]\n');
    expect(lanes(view)).toContain('     3  RevokeMarkDead(I): new active references fail  [__kernfs_remove: KN_DEACTIVATED_BIAS]\n');
    expect(seqDot(view, 's')).toContain('label="2: SendFd(B -> A via s0, F0)\\n[sendmsg SCM_RIGHTS: scm_fp_copy, unix_attach_fds]"');
  });

  it("shows each of one point's steps with its own line: the C revocable's count, then its store of rev->idx", () => {
    const p = params('c-revocable');
    const spec = revoke.specFor(p);
    const trace = replay<State>(spec, p, [
      'SendFd(B -> A via s0, F0)',
      'RecvFd(A, s0): fd 3 -> F0',
      'Read(A, fd 3) begins on F0, borrowed, gate checked',
      'Read(A) goes on entering F0: its hold not yet recorded',
      'Read(A) records its hold on F0',
    ]);
    const text = textTrace(traceView(spec, p as never, 'x', trace));
    expect(text).toContain(
      'State 5: <Read(A) goes on entering F0: its hold not yet recorded>  [__srcu_read_lock: this_cpu_inc(ssp->sda->srcu_lock_count[idx].counter)]\n',
    );
    expect(text).toContain('State 6: <Read(A) records its hold on F0>  [revocable_try_access: rev->idx = idx, srcu_dereference(rp->res)]\n');
    // Outside a trace (no step to ask), the point's name covers both lines.
    expect(kernelName(install(variants['c-revocable']), 'SyscallRecord')).toMatch(/this_cpu_inc.*then revocable_try_access: rev->idx = idx/);
    // The race diagram's call is each line's own function.
    const steps = trace.map((_, i) => (i === 0 ? undefined : spec.presentation!.kernelStep!(trace, i, p)));
    expect(steps[4]?.call).toBe('__srcu_read_lock()');
    expect(steps[5]?.call).toBe('revocable_try_access()');
  });
});
