// Issue 25 items 7 and 8, by short traces: the final fput's ->release is a call into the driver
// that G4 judges (procfs forces it for every opener, debugfs calls it unconditionally), and a
// revoker step may cancel a call in progress, which then returns its errno and ends even where it
// was blocked (debugfs's cancellations).
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import { replay } from '../../../checker/trace/replay.ts';
import { resolveLabel } from '../../../checker/trace/resolveLabel.ts';
import revoke, { notApplicableTo } from '../../../spec/revoke/index.ts';
import type { Design } from '../../../spec/revoke/api/designApi.ts';
import { install } from '../../../spec/revoke/kernel/install.ts';
import { operationsThrough } from '../../../spec/revoke/kernel/judgement.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import { revokeSpec } from '../../../spec/revoke/revokeSpec.ts';
import { variants } from '../../../spec/revoke/variants/index.ts';

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...revoke.defaults, ...over }) as RevokeParams;
const labelsOf = (spec: ReturnType<typeof revokeSpec>, s: State, p: RevokeParams): string[] =>
  spec.actions.flatMap((a) => [...a.successors(s, p)].map((succ) => resolveLabel(succ.label)));

describe('cancellation (debugfs_enter_cancellation, __debugfs_file_removed)', () => {
  const debugfs = variants['debugfs-removal'];
  const spec = revokeSpec(debugfs);
  const p = params({ variant: 'debugfs-removal' });

  it('the remover cancels a read inside its section; the read returns ENODEV and only then does the drain end', () => {
    const trace = replay<State>(spec, p, [
      'Read(B, fd 3) begins on F0, borrowed',
      'RevokeUnlink(I): d_unlinked, initial reference dropped',
      "RevokeCancel: ->cancel() for B's call",
    ]);
    const cancelled = trace.at(-1)!.state;
    expect(cancelled.tasks.B!.call!.cancelled).toBe('ENODEV');
    // Still holding its active_users reference: the wait goes on, and the cancel is not taken twice.
    const enabled = labelsOf(spec, cancelled, p);
    expect(enabled).toContain('Read(B) returns: ENODEV');
    expect(enabled.filter((l) => l.startsWith('Revoke'))).toEqual([]);
    const after = replay<State>(spec, p, [
      'Read(B, fd 3) begins on F0, borrowed',
      'RevokeUnlink(I): d_unlinked, initial reference dropped',
      "RevokeCancel: ->cancel() for B's call",
      'Read(B) returns: ENODEV',
      'RevokeDrain(I): active_users drained',
      'RevokeReturn',
    ]);
    expect(after.at(-1)!.state.revoker.pc).toBe('done');
  });

  it('a call is cancelled only by a step that cancels it: without one the read returns what it read', () => {
    const trace = replay<State>(spec, p, ['Read(B, fd 3) begins on F0, borrowed', 'RevokeUnlink(I): d_unlinked, initial reference dropped']);
    expect(trace.at(-1)!.state.tasks.B!.call!.cancelled).toBeNull();
    expect(labelsOf(spec, trace.at(-1)!.state, p)).toContain('Read(B) returns: read I');
    expect(labelsOf(spec, trace.at(-1)!.state, p)).not.toContain('RevokeDrain(I): active_users drained');
  });

  it('with a caller that may block for ever, the cancellation makes removal return (G5); a handler without one hangs it', async () => {
    const stuck = params({ variant: 'debugfs-removal', stuckCaller: true });
    const options = { deadlock: false, properties: ['revoke-returns'], invariants: [] };
    const withCancel = await check(spec, stuck, { ...options, notApplicable: notApplicableTo(debugfs, stuck) });
    expect(withCancel.violations.map((v) => v.name)).toEqual([]);
    const noCancel: Design = { ...debugfs, name: 'debugfs-no-cancellation', expect: undefined, steps: debugfs.steps.filter((s) => s.name !== 'RevokeCancel') };
    const without = await check(revokeSpec(noCancel), stuck, { ...options, notApplicable: notApplicableTo(noCancel, stuck) });
    expect(without.violations.map((v) => v.name)).toEqual(['revoke-returns']);
  });
});

describe('->release, judged by G4 no-live-file-anywhere', () => {
  it("procfs's rundown releases every opener (close_pdeo), so the last close after removal calls no ->proc_release", () => {
    const procfs = variants['procfs-removal'];
    const spec = revokeSpec(procfs);
    const p = params({ variant: 'procfs-removal' });
    const steps = ['RevokeBias(I): in_use += BIAS, new use_pde fails', 'RevokeDrain(I): in_use drained'];
    const drained = replay<State>(spec, p, steps).at(-1)!.state;
    const d = install(procfs);
    expect(d.on.release(drained, p, { f: 'F0', file: drained.files.F0! })).toBe(true);
    // Return is refused while an opener is still on pde_openers.
    expect(labelsOf(spec, drained, p)).not.toContain('RevokeReturn');
    const done = replay<State>(spec, p, [...steps, 'RevokeClosePdeo(F0): ->proc_release, pdeo off pde_openers', 'RevokeReturn']).at(-1)!.state;
    expect(d.on.release(done, p, { f: 'F0', file: done.files.F0! })).toBe(false);
    expect(spec.invariants['no-live-file-anywhere']!(done, p)).toBe(true);
  });

  it('a procfs that forgot its openers would run ->proc_release after removal returned: G4 names the release', () => {
    const procfs = variants['procfs-removal'];
    const forgetful: Design = { ...procfs, name: 'procfs-no-close-pdeo', expect: undefined, on: { ...procfs.on, release: () => true } };
    const spec = revokeSpec(forgetful);
    const p = params({ variant: forgetful.name });
    const done = replay<State>(spec, p, [
      'RevokeBias(I): in_use += BIAS, new use_pde fails',
      'RevokeDrain(I): in_use drained',
      'RevokeClosePdeo(F0): ->proc_release, pdeo off pde_openers',
      'RevokeReturn',
    ]).at(-1)!.state;
    expect(spec.invariants['no-live-file-anywhere']!(done, p)).toBe(false);
    expect(operationsThrough(install(forgetful), 'no-live-file-anywhere', done, p)).toEqual(['release']);
  });

  it("debugfs calls the real ->release unconditionally: after removal B's descriptor still owes one, which debugfs does not promise to stop", () => {
    const debugfs = variants['debugfs-removal'];
    const spec = revokeSpec(debugfs);
    const p = params({ variant: 'debugfs-removal' });
    const done = replay<State>(spec, p, ['RevokeUnlink(I): d_unlinked, initial reference dropped', 'RevokeDrain(I): active_users drained', 'RevokeReturn']).at(
      -1,
    )!.state;
    expect(spec.invariants['no-live-file-anywhere']!(done, p)).toBe(true);
    expect(spec.invariants['no-live-file-anywhere-unpromised']!(done, p)).toBe(false);
    expect(operationsThrough(install(debugfs), 'no-live-file-anywhere-unpromised', done, p)).toContain('release');
  });
});
