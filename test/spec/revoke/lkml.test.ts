// The revoke model's LKML form and causes: T1 (Viro's hand-off under enberg-2007) and Hovold's
// hang of the C revocable, replayed from their labels, drawn as a reviewer pastes them.
import { install } from '../../../spec/revoke/kernel/install.ts';
import { describe, expect, it } from 'vitest';
import { replay } from '../../../checker/trace/replay.ts';
import { LKML_WIDTH, lkml } from '../../../checker/trace/render/lkml.ts';
import { traceView } from '../../../checker/trace/render/traceView.ts';
import revoke from '../../../spec/revoke/index.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import { designNamed } from '../../../spec/revoke/designs.ts';
import { functionsIn, kernelCallOf, labelNote } from '../../../spec/revoke/presentation/kernelStep.ts';

const at = (over: Partial<RevokeParams>) => ({ ...revoke.defaults, ...over }) as RevokeParams;
const T1 = [
  'RevokeScanTask(A): nothing',
  'SendFd(B -> A via s0, F0)',
  'RevokeScanTask(B): fd 3 F0 -> revoked',
  'RevokeUnmap: nothing',
  'RevokeReturn: fput F0',
  'RecvFd(A, s0): fd 3 -> F0',
];
const HANG = [
  'SendFd(B -> A via s0, F0)',
  'RecvFd(A, s0): fd 3 -> F0',
  'RevokeAssignNull: res = NULL',
  'Read(A, fd 3) begins on F0, borrowed, gate checked',
  'Read(A) goes on entering F0: its hold not yet recorded',
  'Read(A) records its hold on F0',
  'RevokeSrcuFlip: index 1 drained, readers now count on 1',
  'Read(B, fd 3) begins on F0, borrowed, gate checked',
  'Read(B) goes on entering F0: its hold not yet recorded',
  'Read(B) records its hold on F0',
  'Read(A) returns: ENODEV',
  'Read(B) returns: ENODEV',
  'Read(A, fd 3) begins on F0, borrowed, gate checked',
];

describe('the LKML form of revoke traces', () => {
  it('draws T1 in kernel calls within 72 columns, folds the unmap that found nothing, and states the cause', () => {
    const p = at({ variant: 'enberg-2007', selfSend: false });
    const spec = revoke.specFor(p);
    const view = traceView(spec, p as never, 'no-usable-descriptor', replay<State>(spec, p, T1));
    const text = lkml(view);
    expect(Math.max(...text.split('\n').map((l) => l.length))).toBeLessThanOrEqual(LKML_WIDTH);
    expect(text).toContain('2 do_revoke()\n    A: nothing');
    expect(text).toMatch(/^3 +sendmsg\(SCM_RIGHTS\)$/m);
    expect(text).toMatch(/^7 +recvmsg\(\)\n +s0: fd 3 -> F0$/m);
    expect(text).toContain('6 fput()\n    fput F0; returns 0');
    expect(text.replace(/\n/g, ' ')).toContain('Folded, as they change nothing the race needs: 5 revoker revoke_mapping() (nothing).');
    expect(view.cause).toBe(
      "A's fd 3 still reaches F0 (f_op live, inode I, f_count 1) after revoke() returned 0: read(), write(), pread(), fstat() and mmap() through it get through.",
    );
    expect(text.replace(/\n/g, ' ')).toContain(view.cause!);
  });

  it("names the C revocable's overwritten rev->idx and the SRCU counts that never drain", () => {
    const p = at({ variant: 'c-revocable' });
    const spec = revoke.specFor(p);
    const trace = replay<State>(spec, p, HANG);
    const view = traceView(spec, p as never, 'revoke-returns', trace, {
      loopIndex: 8,
      loopStep: { action: 'SyscallBegin', label: 'Read(B, fd 3) begins on F0, borrowed, gate checked', actor: 'B' },
    });
    expect(view.cause).toBe(
      'revoke never returns: synchronize_srcu() (SCAN2) waits for readers[0] to drain, which on the cycle from state 9 it never does (readers[0] = 1, readers[1] = -1). ' +
        "State 11: B's srcu_read_lock() overwrote F0's shared rev->idx (0 -> 1) while A's section on index 0 was open, so A's srcu_read_unlock(rev->idx) uncounts index 1, not 0.",
    );
    const text = lkml(view);
    expect(text).toContain(' 4 revocable_provider_revoke()\n     res = NULL');
    expect(text).toMatch(/^ 9 +revocable_try_access\(\)\n +back to state 9$/m);
    // The object graph shows the SRCU domain's counters and the shared handle.
    const graph = spec.presentation!.objectGraph!(trace.at(-1)!.state, p, 'revoke-returns');
    expect(graph).toContain('srcu_struct of I\\nidx = 1\\nreaders[0] = 1, readers[1] = -1');
    expect(graph).toContain('"file:F0" -> "srcu:I" [label="rev->idx = 1"');
  });

  it("reads a step's call off the design's kernel name first, then the user step's", () => {
    expect(functionsIn('sendmsg SCM_RIGHTS: scm_fp_copy, unix_attach_fds')).toEqual(['sendmsg', 'scm_fp_copy', 'unix_attach_fds']);
    expect(functionsIn('Revocable::revoke: is_available.swap(false)')).toEqual(['Revocable::revoke', 'is_available']);
    expect(kernelCallOf(install(designNamed('active-refs')), 'RevokeUnmap')).toBe('kernfs_drain_open_files()');
    expect(kernelCallOf(install(designNamed('badfs')), 'RevokeReturn')).toBe('return 0');
    expect(kernelCallOf(install(designNamed('enberg-2007')), 'OpenInstall')).toBe('fd_install()');
    expect(kernelCallOf(install(designNamed('enberg-2007')), 'SendFd')).toBe('sendmsg(SCM_RIGHTS)');
    expect(labelNote('RecvFd(A, s0): fd 3 -> F0', 'A')).toBe('s0: fd 3 -> F0');
    expect(labelNote('RevokeReturn: fput F0', 'revoker')).toBe('fput F0');
  });
});
