// How a user's operation reaches an inode: the fd lookup, then the design's gate. Shared by the
// user paths (syscalls.ts, mm.ts) and by the guarantees, so both judge access the same way.
import type { RevokeParams } from './params.ts';
import { type FileId, type Slot, type State, isMarker } from './state.ts';
import { type Gate, ENTER, type OpKind, type Variant, fail } from './variant.ts';

/** The operations a descriptor gives: every call kind and mmap (open goes by path, not by descriptor). */
export const OP_KINDS: readonly OpKind[] = ['read', 'write', 'pread', 'fchmod', 'mmap'];

/** A new operation of `kind` through descriptor slot `slot` under design d: revoke targets I only, so J is never gated. */
export function opThrough(d: Variant, s: State, p: RevokeParams, slot: Slot, kind: OpKind): Gate {
  if (isMarker(slot)) return fail(d.markerErrno?.[slot] ?? 'EBADF');
  const file = s.files[slot]!;
  return file.inode === 'I' ? d.gate(s, p, file, kind) : ENTER;
}

/** Would some new operation (of a kind `counted` counts: every kind by default) through struct file f reach its inode now, under design d? */
export function liveAccess(d: Variant, s: State, p: RevokeParams, f: FileId, counted: (kind: OpKind) => boolean = () => true): boolean {
  return OP_KINDS.some((kind) => {
    if (!counted(kind)) return false;
    const g = opThrough(d, s, p, f, kind);
    return g !== 'wait' && g.enter;
  });
}

/** frevoke spares the caller's struct file (the exclusion compares struct files). */
export function spared(s: State, p: RevokeParams, f: FileId): boolean {
  return p.mode === 'frevoke' && f === s.revoker.spared;
}
