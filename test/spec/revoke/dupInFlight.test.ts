// Issue 25 item 2: dup(2) is fget_raw, then get_unused_fd_flags and fd_install, with no lock
// across (fs/file.c). Between DupGet and DupInstall the reference is the task's alone: a scan of
// the tables does not see it, a walk of the inode's files does, and the guarantees count it.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../checker/trace/replay.ts';
import { resolveLabel } from '../../../checker/trace/resolveLabel.ts';
import { opThrough } from '../../../spec/revoke/kernel/access.ts';
import { install } from '../../../spec/revoke/kernel/install.ts';
import revoke from '../../../spec/revoke/index.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import { revokeSymmetry } from '../../../spec/revoke/symmetry.ts';
import { variants } from '../../../spec/revoke/variants/index.ts';

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...revoke.defaults, ...over }) as RevokeParams;

/** The state after each label, and whether guarantee `name` holds there. */
function run(p: RevokeParams, labels: readonly string[]) {
  const spec = revoke.specFor(p);
  const trace = replay<State>(spec, p, labels);
  return { states: trace.map((step) => step.state), holds: (name: string, s: State) => spec.invariants[name]!(s, p) };
}

const DUP_PAST_2007_SCAN = [
  'DupGet(B, fd 3): fget_raw F0',
  'RevokeScanTask(A): nothing',
  'RevokeScanTask(B): fd 3 F0 -> revoked',
  'RevokeUnmap: nothing',
  'RevokeReturn: fput F0',
];

describe('dup in flight (fget_raw ... fd_install)', () => {
  it('enberg-2007: a file held only by a dup in progress is still live once revoke returns (G4), and its count balances', () => {
    const p = params({});
    const { states, holds } = run(p, DUP_PAST_2007_SCAN);
    const returned = states.at(-1)!;
    expect(returned.tasks.B!.dup).toBe('F0');
    expect(returned.tables.B).toEqual({ 3: 'revoked' });
    expect(returned.files.F0).toEqual({ inode: 'I', count: 1, ops: 'live' });
    expect(holds('no-live-file-anywhere', states.at(-2)!)).toBe(true);
    expect(holds('no-live-file-anywhere', returned)).toBe(false);
    expect(states.every((s) => holds('refcounts-balance', s) && holds('no-use-after-free', s))).toBe(true);
  });

  it('enberg-2007, which scans tables only: fd_install after the scan puts the unrevoked file in a slot, and a read through it reaches I', () => {
    const p = params({});
    const { states, holds } = run(p, [...DUP_PAST_2007_SCAN, 'DupInstall(B): fd 4 -> F0']);
    const installed = states.at(-1)!;
    expect(installed.tasks.B!.dup).toBeNull();
    expect(installed.tables.B).toEqual({ 3: 'revoked', 4: 'F0' });
    expect(installed.files.F0!.ops).toBe('live');
    expect(holds('no-usable-descriptor', states.at(-2)!)).toBe(true);
    expect(holds('no-usable-descriptor', installed)).toBe(false);
    expect(opThrough(install(variants['enberg-2007']), installed, p, 'F0', 'read')).toMatchObject({ enter: true });
  });

  it('file-list, which walks the files: the dup in flight is on the list, killed, and installed dead', () => {
    const p = params({ variant: 'file-list' });
    const { states, holds } = run(p, ['DupGet(B, fd 3): fget_raw F0', 'RevokeKillFiles: f_op -> dead for F0']);
    expect(states.at(-1)!.files.F0).toEqual({ inode: 'I', count: 2, ops: 'revoked' });
    const spec = revoke.specFor(p);
    const finish = (s: State): State => {
      // Run the revoker to its return (its steps are the only ones with a Revoke label), then install.
      for (;;) {
        const next = spec.actions.flatMap((a) => [...a.successors(s, p)]).find((x) => resolveLabel(x.label).startsWith('Revoke'));
        if (next === undefined) return s;
        s = next.state;
      }
    };
    const returned = finish(states.at(-1)!);
    expect(returned.revoker.pc).toBe('done');
    const installed = spec.actions.flatMap((a) => [...a.successors(returned, p)]).find((x) => resolveLabel(x.label) === 'DupInstall(B): fd 4 -> F0')!.state;
    expect(installed.tables.B).toEqual({ 3: 'F0', 4: 'F0' });
    expect(opThrough(install(variants['file-list']), installed, p, 'F0', 'read')).toMatchObject({ enter: false });
    expect(holds('refcounts-balance', installed)).toBe(true);
  });

  it('with no free fd, get_unused_fd_flags fails EMFILE and the dup puts its reference back', () => {
    const p = params({});
    const { states, holds } = run(p, [
      'DupGet(B, fd 3): fget_raw F0',
      'DupInstall(B): fd 4 -> F0',
      'DupGet(B, fd 4): fget_raw F0',
      'DupInstall(B): EMFILE, fput F0',
    ]);
    expect(states.map((s) => s.files.F0!.count)).toEqual([1, 2, 2, 3, 2]);
    expect(states.at(-1)!.tasks.B!.dup).toBeNull();
    expect(states.at(-1)!.tables.B).toEqual({ 3: 'F0', 4: 'F0' });
    expect(states.every((s) => holds('refcounts-balance', s))).toBe(true);
  });

  it('a task with a dup in flight does nothing else until fd_install', () => {
    const p = params({});
    const spec = revoke.specFor(p);
    const inFlight = run(p, ['DupGet(B, fd 3): fget_raw F0']).states.at(-1)!;
    const bSteps = spec.actions.flatMap((a) => [...a.successors(inFlight, p)].filter((x) => x.actor === 'B'));
    expect(bSteps.map((x) => resolveLabel(x.label))).toEqual(['DupInstall(B): fd 4 -> F0']);
  });

  it('the file symmetry renames the file in flight', () => {
    const p = params({ variant: 'file-list', filesOnI: 2 });
    const s = run(p, ['DupGet(B, fd 3): fget_raw F0']).states.at(-1)!;
    const sym = revokeSymmetry('file-list', p);
    const image = sym.permute!(
      s,
      new Map([
        ['F0', 'F1'],
        ['F1', 'F0'],
      ]),
    );
    expect(image.tasks.B!.dup).toBe('F1');
    expect(image.tables.B).toEqual({ 3: 'F1' });
    expect(image.files.F1).toEqual(s.files.F0);
  });
});
