// Every step of every built-in design names the kernel code it abstracts, and traces show it
// beside the label (presentation/kernelNames.ts, each design's `kernel` record).
import { describe, expect, it } from 'vitest';
import { replay } from '../../../checker/trace/replay.ts';
import { lanes } from '../../../checker/trace/render/lanes.ts';
import { seqDot } from '../../../checker/trace/render/seqDot.ts';
import { textTrace } from '../../../checker/trace/render/textTrace.ts';
import { traceView } from '../../../checker/trace/render/traceView.ts';
import spec from '../../../spec/revoke/index.ts';
import { registeredDesigns } from '../../../spec/revoke/kernel/designs.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import { sameVerdictsAs, variants } from '../../../spec/revoke/variants/index.ts';

/** Every built-in design: the table's rows and those checkable by name only. */
const builtIn = { ...variants, ...Object.fromEntries(Object.entries(sameVerdictsAs).map(([name, { design }]) => [name, design])) };
import { USER_STEPS, kernelName } from '../../../spec/revoke/presentation/kernelNames.ts';

const revokerVerbs = new Set(registeredDesigns().flatMap((d) => d.steps.map((s) => s.name)));
const userActions = spec.actions.map((a) => a.name).filter((name) => !revokerVerbs.has(name));

describe('revoke: kernel names', () => {
  it('names the kernel code of every action of every built-in design', () => {
    expect(userActions.length).toBeGreaterThan(15);
    for (const [variant, design] of Object.entries(builtIn)) {
      const p = { ...spec.defaults, variant } as RevokeParams;
      const own = design.steps.map((s) => s.name);
      const actions = spec.actions.map((a) => a.name).filter((name) => userActions.includes(name) || own.includes(name));
      expect(actions.length, variant).toBe(userActions.length + new Set(own).size);
      const missing = actions.filter((name) => !kernelName(name, p)?.trim());
      expect(missing, `${variant}: steps without a kernel name`).toEqual([]);
    }
  });

  it('names no step that does not exist (a renamed step leaves no stale name behind)', () => {
    expect(Object.keys(USER_STEPS).filter((name) => !userActions.includes(name))).toEqual([]);
    for (const [variant, design] of Object.entries(builtIn)) {
      const own = design.steps.map((s) => s.name);
      const stale = Object.keys(design.kernel ?? {}).filter((name) => !own.includes(name) && !userActions.includes(name));
      expect(stale, variant).toEqual([]);
    }
  });

  it("uses the design's own name for a user step its gate changes", () => {
    const p = (variant: string) => ({ ...spec.defaults, variant }) as RevokeParams;
    expect(kernelName('SyscallBegin', p('enberg-2007'))).toBe('fdget: __fget_light or fget');
    expect(kernelName('SyscallBegin', p('active-refs'))).toBe('fdget, kernfs_get_active');
    expect(kernelName('RevokeDrain', p('active-refs'))).toBe('kernfs_drain');
    expect(kernelName('RevokeDrain', p('vnode-revoke'))).toBe('vgonel: vn_lock(LK_EXCLUSIVE)');
  });

  it('shows the kernel code beside each label in the text, the lanes and the sequence diagram', () => {
    const p = { ...spec.defaults, variant: 'active-refs' } as RevokeParams;
    const trace = replay<State>(spec, p, ['SendFd(B -> A via s0, F0)', 'RevokeMarkDead(I): new active references fail']);
    const view = traceView(spec, p as never, 'x', trace);
    expect(textTrace(view)).toContain('State 2: <SendFd(B -> A via s0, F0)>  [sendmsg SCM_RIGHTS: scm_fp_copy, unix_attach_fds]\n');
    expect(textTrace(view)).toContain('State 3: <RevokeMarkDead(I): new active references fail>  [__kernfs_remove: KN_DEACTIVATED_BIAS]\n');
    expect(lanes(view)).toContain('     3  RevokeMarkDead(I): new active references fail  [__kernfs_remove: KN_DEACTIVATED_BIAS]\n');
    expect(seqDot(view, 's')).toContain('label="2: SendFd(B -> A via s0, F0)\\n[sendmsg SCM_RIGHTS: scm_fp_copy, unix_attach_fds]"');
  });
});
