// srcu: a sleepable-RCU domain (kernel/rcu/srcutree.c), a library for a design whose gate is an
// SRCU read-side section (the C `revocable`: drivers/base/revocable.c). The domain is a value the
// design keeps in its own state (designApi.ts's OwnState): one srcu_struct per resource provider.
//
// srcu_read_lock (__srcu_read_lock) reads the domain's current index (READ_ONCE(ssp->srcu_idx),
// ->srcu_ctrp in 6.15), counts one reader on it (this_cpu_inc of that index's lock count) and
// returns the index; nothing disables preemption between the read and the count, so a reader may
// count on an index the updater has flipped away from since ("readers might be delayed for an
// extended period after fetching ->srcu_ctrp for their index", srcu_advance_state). The two are
// offered apart (`srcuFetchIdx`, `srcuCount`) for a consumer that stores the index where another
// reader can overwrite it (`srcuStoreHandle`), and together (`srcuReadLock`) for one whose index is
// its own. srcu_read_unlock(idx) uncounts a reader on the index it is handed. synchronize_srcu waits for
// the readers of the other index to drain, flips the current index, and waits for the readers of
// the index that was current (srcu_advance_state's SCAN1, srcu_flip, SCAN2): every section begun
// before the grace period ends before it does. The per-CPU lock and unlock counters are summed
// into one count per index (srcu_readers_active_idx_check compares the sums; a count below zero
// is an unlock handed the wrong index, and such an index never reads as drained).
// The consumer keeps the index it got in its handle (struct revocable's idx); where a handle is
// per struct file (filp->private_data), `handles` holds each file's, F0 then F1.
import type { Layout } from '../../../checker/spec.ts';
import type { FileId, RevokeParams, Srcu, SrcuIdx } from '../api/designApi.ts';
import { allTasks, enumOf, record } from './state.ts';

export const SRCU_IDLE: Srcu = { idx: 0, readers: [0, 0], handles: [0, 0] };

/**
 * A domain's layout. A count leaves 0..n (n readers at most inside) only by unlocks handed the
 * wrong index. With one grace period, a handle holds the old index after the flip only by a store
 * from a reader that fetched before it (at most one per task, n), and each such store can send at
 * most the other n - 1 readers' unlocks to the wrong index: n * (n + 1) bounds every count.
 */
export function srcuLayout(p: RevokeParams): Layout {
  const n = allTasks(p).length;
  const bound = n * (n + 1);
  return record({
    idx: enumOf([0, 1]),
    readers: { type: 'list', of: { type: 'int', min: -bound, max: bound }, max: 2 },
    handles: { type: 'list', of: enumOf([0, 1]), max: 2 },
  });
}

const handleOf = (f: FileId): 0 | 1 => (f === 'F1' ? 1 : 0);
const counted = (readers: readonly [number, number], i: SrcuIdx, by: number): [number, number] =>
  i === 0 ? [readers[0] + by, readers[1]] : [readers[0], readers[1] + by];

/** __srcu_read_lock's first half: the index the reader will count on (READ_ONCE(ssp->srcu_idx) & 1). */
export const srcuFetchIdx = (srcu: Srcu): SrcuIdx => srcu.idx;

/** __srcu_read_lock's second half: this_cpu_inc(srcu_lock_count[i]), on the index the reader fetched, whatever the domain's is now. */
export const srcuCount = (srcu: Srcu, i: SrcuIdx): Srcu => ({ ...srcu, readers: counted(srcu.readers, i, 1) });

/** The consumer stores the index srcu_read_lock returned in struct file f's handle (revocable_try_access: rev->idx = ...). */
export function srcuStoreHandle(srcu: Srcu, f: FileId, i: SrcuIdx): Srcu {
  const handles: [SrcuIdx, SrcuIdx] = handleOf(f) === 0 ? [i, srcu.handles[1]] : [srcu.handles[0], i];
  return { ...srcu, handles };
}

/** The three in one step, for a reader nothing interleaves with: rev->idx = srcu_read_lock(&rp->srcu) through struct file f's handle. */
export function srcuReadLock(srcu: Srcu, f: FileId): Srcu {
  const i = srcuFetchIdx(srcu);
  return srcuStoreHandle(srcuCount(srcu, i), f, i);
}

/** srcu_read_unlock(&rp->srcu, rev->idx) through struct file f's handle: the index the handle holds now. */
export function srcuReadUnlock(srcu: Srcu, f: FileId): Srcu {
  return { ...srcu, readers: counted(srcu.readers, srcu.handles[handleOf(f)], -1) };
}

/** No reader is counted on index i. */
export const srcuDrained = (srcu: Srcu, i: SrcuIdx): boolean => srcu.readers[i] === 0;

/** The index other than the one readers count on now. */
export const srcuOther = (srcu: Srcu): SrcuIdx => (srcu.idx === 0 ? 1 : 0);

/** srcu_flip: new readers count on the other index. */
export const srcuFlip = (srcu: Srcu): Srcu => ({ ...srcu, idx: srcuOther(srcu) });
