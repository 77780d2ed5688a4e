// How a user's operation reaches an inode: the fd lookup, then the variant's gate. Shared by the
// user paths (syscalls.ts, mm.ts) and by the guarantees, so both judge access the same way.
import type { RevokeParams } from './params.ts';
import { type FileId, type Slot, type State, isMarker } from './state.ts';
import { type Gate, ENTER, type OpKind, fail } from './variant.ts';
import type { Variant } from './variant.ts';
import { designOf } from './designs.ts';

/** The operations a descriptor gives: every call kind and mmap (open goes by path, not by descriptor). */
export const OP_KINDS: readonly OpKind[] = ['read', 'write', 'pread', 'fchmod', 'mmap'];

export function variantOf(p: RevokeParams): Variant {
  return designOf(p);
}

/** A new operation of `kind` through descriptor slot `slot`: revoke targets I only, so J is never gated. */
export function opThrough(s: State, p: RevokeParams, slot: Slot, kind: OpKind): Gate {
  if (isMarker(slot)) return fail(variantOf(p).markerErrno?.[slot] ?? 'EBADF');
  const file = s.files[slot]!;
  return file.inode === 'I' ? variantOf(p).gate(s, p, file, kind) : ENTER;
}

/** Would some new operation through struct file f reach its inode now? */
export function liveAccess(s: State, p: RevokeParams, f: FileId): boolean {
  return OP_KINDS.some((kind) => {
    const g = opThrough(s, p, f, kind);
    return g !== 'wait' && g.enter;
  });
}

/** frevoke spares the caller's struct file (the exclusion compares struct files). */
export function spared(s: State, p: RevokeParams, f: FileId): boolean {
  return p.mode === 'frevoke' && f === s.revoker.spared;
}
