// srcu: a sleepable-RCU domain (kernel/rcu/srcutree.c), for a design whose gate is an SRCU
// read-side section (the C `revocable`: drivers/base/revocable.c). It lives beside inode I: one
// srcu_struct per resource provider.
//
// srcu_read_lock reads the domain's current index, counts one reader on it and returns the index;
// srcu_read_unlock(idx) uncounts a reader on the index it is handed. synchronize_srcu waits for
// the readers of the other index to drain, flips the current index, and waits for the readers of
// the index that was current (srcu_advance_state's SCAN1, srcu_flip, SCAN2): every section begun
// before the grace period ends before it does. The per-CPU lock and unlock counters are summed
// into one count per index (srcu_readers_active_idx_check compares the sums; a count below zero
// is an unlock handed the wrong index, and such an index never reads as drained).
// The consumer keeps the index it got in its handle (struct revocable's idx); where a handle is
// per struct file (filp->private_data), `handles` holds each file's, F0 then F1.
import { type FileId, type Inode, type Srcu, type SrcuIdx, type State, withInode } from './state.ts';

export const SRCU_IDLE: Srcu = { idx: 0, readers: [0, 0], handles: [0, 0] };

const handleOf = (f: FileId): 0 | 1 => (f === 'F1' ? 1 : 0);
const srcuOf = (s: State): Srcu => s.inodes.I!.srcu;
const withSrcu = (s: State, srcu: Srcu): State => withInode(s, 'I', { ...(s.inodes.I as Inode), srcu });
const counted = (readers: readonly [number, number], i: SrcuIdx, by: number): [number, number] =>
  i === 0 ? [readers[0] + by, readers[1]] : [readers[0], readers[1] + by];

/** srcu_read_lock through struct file f's handle: rev->idx = srcu_read_lock(&rp->srcu). */
export function srcuReadLock(s: State, f: FileId): State {
  const srcu = srcuOf(s);
  const handles: [SrcuIdx, SrcuIdx] = handleOf(f) === 0 ? [srcu.idx, srcu.handles[1]] : [srcu.handles[0], srcu.idx];
  return withSrcu(s, { idx: srcu.idx, readers: counted(srcu.readers, srcu.idx, 1), handles });
}

/** srcu_read_unlock(&rp->srcu, rev->idx) through struct file f's handle: the index the handle holds now. */
export function srcuReadUnlock(s: State, f: FileId): State {
  const srcu = srcuOf(s);
  return withSrcu(s, { ...srcu, readers: counted(srcu.readers, srcu.handles[handleOf(f)], -1) });
}

/** No reader is counted on index i. */
export const srcuDrained = (s: State, i: SrcuIdx): boolean => srcuOf(s).readers[i] === 0;

/** The index readers count on now, and the other. */
export const srcuCurrent = (s: State): SrcuIdx => srcuOf(s).idx;
export const srcuOther = (s: State): SrcuIdx => (srcuOf(s).idx === 0 ? 1 : 0);

/** srcu_flip: new readers count on the other index. */
export const srcuFlip = (s: State): State => withSrcu(s, { ...srcuOf(s), idx: srcuOther(s) });
