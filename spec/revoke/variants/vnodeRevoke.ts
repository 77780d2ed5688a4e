// vnode-revoke: BSD revoke(2): VOP_REVOKE -> vgone (FreeBSD vgonel, OpenBSD vclean).
//
// The revoker marks the vnode doomed (VI_DOOMED / VXLOCK: new lockers sleep), takes the vnode
// lock exclusively (LK_DRAIN: waits until every holder has left), flushes and reclaims, and sets
// v_op = dead_vnodeops. The struct files are not touched: every holder of one (tables, messages,
// calls, mappings) reaches the same vnode, whose operations are now dead: read and write fail
// EIO, fchmod (setattr) and mmap EBADF (deadfs). A call holds the vnode lock from fdget to return.
// Modelling assumption (the sources leave it open): a fault on an existing mapping goes through
// the dead vnode and raises SIGBUS, so there is no separate unmap step.
// selfRevoke: the revoker holds the vnode lock itself and LK_DRAIN waits for it (G5's business).
import { defineAction } from '../../../checker/defineAction.ts';
import type { RevokeParams } from '../params.ts';
import { revokeReturn } from '../revokerSteps.ts';
import { type RevokerPc, type State, setPc } from '../state.ts';
import { type Variant, fail, gateHeld } from '../variant.ts';

const inode = (s: State) => s.inodes.get('I')!;

const step = (name: string, doc: string, from: RevokerPc, to: RevokerPc, label: string, effect: (s: State) => State = (s) => s, extra: (s: State) => boolean = () => true) =>
  defineAction<State, RevokeParams, null>({
    name,
    doc,
    params: () => [null],
    enabled: (s) => s.revoker.pc === from && extra(s),
    next: (s) => setPc(effect(s), to),
    label: () => label,
    actor: () => 'revoker',
  });

export const vnodeRevoke: Variant = {
  name: 'vnode-revoke',
  gate(s, _p, _file, kind) {
    if (inode(s).dead) return fail(kind === 'read' || kind === 'write' ? 'EIO' : 'EBADF');
    if (inode(s).doomed) return 'wait';
    return { enter: true, holds: kind !== 'mmap' };
  },
  callReaches: () => true,
  faultReaches: (s, _p, vma) => !vma.zapped && !inode(s).dead,
  cut: (s) => inode(s).dead,
  tasklistHeld: () => false,
  steps: [
    step('RevokeDoom', 'The revoker marks the vnode doomed (VI_DOOMED): new lockers sleep.', 'idle', 'doomed', 'RevokeDoom(I): new lockers wait', (s) => s.setIn(['inodes', 'I', 'doomed'], true)),
    step('RevokeDrain', 'The revoker takes the vnode lock exclusively (LK_DRAIN): enabled once no call holds it.', 'doomed', 'locked', 'RevokeDrain(I): vnode lock taken, no holder left', (s) => s, (s) => !gateHeld(s)),
    step('RevokeVgone', 'The revoker (vgonel) flushes, closes and reclaims the vnode and sets v_op = dead_vnodeops.', 'locked', 'vgone', 'RevokeVgone(I): v_op -> deadfs', (s) => s.setIn(['inodes', 'I', 'dead'], true)),
    revokeReturn((s) => s.revoker.pc === 'vgone'),
  ],
};
