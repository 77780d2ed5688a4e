// Who owns I, and which inode-level call a design stops (issue 25, items 5, 6 and 9): a holder that
// does not own I gets EPERM from setattr_prepare for fchmod and fsetxattr once the design's gate
// lets it in, fstat needs no ownership, and each design's gate answers the three kinds as its source
// does. Each state is reached through the spec's own actions (replay).
import { describe, expect, it } from 'vitest';
import { replay } from '../../../checker/trace/replay.ts';
import { holdersOwn, opThrough } from '../../../spec/revoke/kernel/access.ts';
import { install } from '../../../spec/revoke/kernel/install.ts';
import { operationsThrough } from '../../../spec/revoke/kernel/judgement.ts';
import { type RevokeParams, validate } from '../../../spec/revoke/kernel/params.ts';
import { operationOf } from '../../../spec/revoke/kernel/promises.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import revoke from '../../../spec/revoke/index.ts';
import { variants } from '../../../spec/revoke/variants/index.ts';

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...revoke.defaults, ...over }) as RevokeParams;
const lastOf = (p: RevokeParams, labels: readonly string[]): State => replay<State>(revoke.specFor(p), p, labels).at(-1)!.state;
const designOf = (p: RevokeParams) => install(variants[p.variant as keyof typeof variants]);
const inodeCalls = ['fchmod', 'fsetxattr', 'fstat'] as const;
const answers = (p: RevokeParams, s: State) => inodeCalls.map((kind) => opThrough(designOf(p), s, p, 'F0', kind));
const EPERM = { enter: false, errno: 'EPERM' };
const ENTERS = { enter: true };

describe('revoke: who owns I (owner, holderOwns)', () => {
  it("takes each design's documented use: the designs whose revoker chowns first say false", () => {
    const notOwned = Object.keys(variants).filter((v) => !holdersOwn(install(variants[v as keyof typeof variants]), params({ variant: v })));
    expect(notOwned.sort()).toEqual(['cannibalize', 'enberg-2006', 'enberg-2007', 'file-list', 'hurd-io-revoke', 'tty-hangup', 'vnode-revoke']);
    // The bound overrides the design's default either way.
    expect(holdersOwn(install(variants['file-list']), params({ variant: 'file-list', owner: 'holder' }))).toBe(true);
    expect(holdersOwn(install(variants['active-refs']), params({ variant: 'active-refs', owner: 'other' }))).toBe(false);
  });

  it('refuses a value that is neither a boolean nor design', () => {
    expect(validate(params({ owner: 'yes' as never }))).toEqual(["owner must be design, holder or other, not 'yes'"]);
    expect(validate(params({ owner: 'other' }))).toEqual([]);
  });

  it("a non-owner's fchmod and fsetxattr fail EPERM on a live file; its fstat goes on", () => {
    const p = params({ variant: 'file-list' });
    expect(answers(p, lastOf(p, []))).toEqual([EPERM, EPERM, ENTERS]);
    const owner = params({ variant: 'file-list', owner: 'holder' });
    expect(answers(owner, lastOf(owner, []))).toEqual([ENTERS, ENTERS, ENTERS]);
  });

  it("file-list: what gets through after revoke is the non-owner's fstat alone, the owner's setattr too", () => {
    const run = ['RevokeKillFiles: f_op -> dead for F0', 'RevokeUnmap: nothing', 'RevokeReturn'];
    const p = params({ variant: 'file-list' });
    expect(operationsThrough(designOf(p), 'no-usable-descriptor', lastOf(p, run), p)).toEqual(['fstat']);
    const owner = params({ variant: 'file-list', owner: 'holder' });
    expect(operationsThrough(designOf(owner), 'no-usable-descriptor', lastOf(owner, run), owner)).toEqual(['fchmod', 'fsetxattr', 'fstat']);
  });

  it("the design's gate answers first: a doomed vnode makes every inode-level call wait, a dead one fails them EBADF", () => {
    const p = params({ variant: 'vnode-revoke' });
    expect(answers(p, lastOf(p, ['RevokeDoom(I): new lockers wait']))).toEqual(['wait', 'wait', 'wait']);
    const dead = lastOf(p, [
      'RevokeDoom(I): new lockers wait',
      'RevokeDrain(I): vnode lock taken, no holder left',
      'RevokeVgone(I): v_rdev = NULL, v_op -> deadfs',
    ]);
    const EBADF = { enter: false, errno: 'EBADF' };
    expect(answers(p, dead)).toEqual([EBADF, EBADF, EBADF]);
    // Before revoke, the non-owner's fstat takes the vnode lock; its fchmod is refused.
    expect(answers(p, lastOf(p, []))).toEqual([EPERM, EPERM, { enter: true, holds: true }]);
  });

  it("cannibalize: a bad inode's i_op fails all three EIO, before any ownership check", () => {
    const p = params({ variant: 'cannibalize' });
    const EIO = { enter: false, errno: 'EIO' };
    expect(answers(p, lastOf(p, ['RevokeDetach(I): inode is dead']))).toEqual([EIO, EIO, EIO]);
  });
});

describe('revoke: which inode-level calls a design stops', () => {
  it('biederman-2009 converts fs/open.c only: on a file marked FMODE_DEAD fchmod fails EIO, fsetxattr and fstat go on', () => {
    const p = params({ variant: 'biederman-2009' });
    const marked = lastOf(p, ['RevokeMarkDead(F0): FMODE_DEAD']);
    expect(answers(p, marked)).toEqual([{ enter: false, errno: 'EIO' }, ENTERS, ENTERS]);
    // They hold no file_hotplug_lock slot, so the drain does not wait for them.
    const stat = lastOf(p, ['Fstat(B, fd 3) begins on F0, borrowed', 'RevokeMarkDead(F0): FMODE_DEAD', 'RevokeDrain(F0): no task holds it']);
    expect(stat.tasks.B!.call).toMatchObject({ kind: 'fstat', hold: 'none' });
    expect(revoke.specFor(p).invariants['revoked-ops-fail-with-ebadf-or-enxio']!(marked, p)).toBe(false);
    expect(operationsThrough(designOf(p), 'revoked-ops-fail-with-ebadf-or-enxio', marked, p)).toEqual(['fsetxattr', 'fstat']);
    // A non-owner's fsetxattr is refused, its fstat is not.
    const notOwner = params({ variant: 'biederman-2009', owner: 'other' });
    expect(answers(notOwner, lastOf(notOwner, ['RevokeMarkDead(F0): FMODE_DEAD']))).toEqual([{ enter: false, errno: 'EIO' }, EPERM, ENTERS]);
  });

  it('fstat is an inode-level call, judged by G8 as a read: an fchmod in progress at return breaks it, an fstat that will fail does not', () => {
    expect(inodeCalls.map(operationOf)).toEqual(['setattr', 'setattr', 'setattr']);
    const p = params({ variant: 'cannibalize', owner: 'holder' });
    const g8 = revoke.specFor(p).invariants['writes-complete-reads-abort']!;
    const after = ['RevokeDetach(I): inode is dead', 'RevokeUnmap: nothing', 'RevokeReturn'];
    expect(g8(lastOf(p, ['Fchmod(B, fd 3) begins on F0, borrowed', ...after]), p)).toBe(false);
    expect(g8(lastOf(p, ['Fstat(B, fd 3) begins on F0, borrowed', ...after]), p)).toBe(true);
  });

  it('tty-hangup leaves every inode-level call to the inode: the old session, chowned away, still has fstat', () => {
    const p = params({ variant: 'tty-hangup' });
    const hungUp = lastOf(p, ['RevokeHangupFiles: f_op = hung_up_tty_fops for F0']);
    expect(answers(p, hungUp)).toEqual([EPERM, EPERM, ENTERS]);
    expect(opThrough(designOf(p), hungUp, p, 'F0', 'write')).toEqual({ enter: false, errno: 'EIO' });
  });
});
