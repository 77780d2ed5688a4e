// How a user's operation reaches an inode: the fd lookup, then the design's interception point
// (`begin` for a call, `mmap` for a mapping). Shared by the user paths (syscalls.ts, mm.ts) and by
// the guarantees, so both judge access the same way. Revoke targets I only, so J is never gated.
import { ENTER, type File, type Outcome, fail } from '../api/designApi.ts';
import type { Installed } from './install.ts';
import type { RevokeParams } from './params.ts';
import { type CallKind, type FileId, type Slot, type State, type Vma, isMarker } from './state.ts';

/** The operations a descriptor gives: every call kind and mmap (open goes by path, not by descriptor). */
export type OpKind = CallKind | 'mmap';
export const OP_KINDS: readonly OpKind[] = ['read', 'write', 'pread', 'fchmod', 'mmap'];
/** Every kind of operation a guarantee may count: those through a descriptor, an open under way, and a struct file's final release. */
export type AnyOpKind = OpKind | 'open' | 'release';

/** Would the final fput of struct file f on I call the driver's ->release, under design d (its `release` point)? */
export function releaseReaches(d: Installed, s: State, p: RevokeParams, f: FileId): boolean {
  const file = s.files[f];
  return file !== undefined && file.inode === 'I' && d.on.release(s, p, { f, file });
}

/** A new operation of `kind` through struct file `file` on I, as design d's point answers it. */
export function gateOn(d: Installed, s: State, p: RevokeParams, file: File, kind: OpKind): Outcome {
  return kind === 'mmap' ? d.on.mmap(s, p, { file }) : d.on.begin(s, p, { file, kind });
}

/** A new operation of `kind` through descriptor slot `slot` under design d: a slot replacement fails with its errno. */
export function opThrough(d: Installed, s: State, p: RevokeParams, slot: Slot, kind: OpKind): Outcome {
  if (isMarker(slot)) return fail(d.markerErrno[slot]);
  const file = s.files[slot]!;
  return file.inode === 'I' ? gateOn(d, s, p, file, kind) : ENTER;
}

export const enters = (o: Outcome): boolean => o !== 'wait' && o.enter;

/** Would some new operation (of a kind `counted` counts: every kind by default) through struct file f reach its inode now, under design d? */
export function liveAccess(d: Installed, s: State, p: RevokeParams, f: FileId, counted: (kind: OpKind) => boolean = () => true): boolean {
  return OP_KINDS.some((kind) => counted(kind) && enters(opThrough(d, s, p, f, kind)));
}

/** Does a fault on this vma pass its handler (a zapped vma's refuses; then the design's `fault` point) and reach the pages? */
export function faultPasses(d: Installed, s: State, p: RevokeParams, vma: Vma): boolean {
  return s.files[vma.file]?.inode !== 'I' || (!vma.zapped && enters(d.on.fault(s, p, { vma })));
}

/** Does this mapping reach I's pages, now or once the step under way finishes (a PTE, a fault past its handler, a handler that would pass)? */
export function mappingReaches(d: Installed, s: State, p: RevokeParams, vma: Vma): boolean {
  return vma.pte || vma.faulting || (!vma.zapped && enters(d.on.fault(s, p, { vma })));
}

/** Has revoke cut struct file `file` itself (not just a slot naming it): its f_op are dead, or its inode is. */
export function fileCut(s: State, file: File): boolean {
  return file.ops === 'revoked' || s.inodes[file.inode]!.dead;
}

/** frevoke spares the caller's struct file (the exclusion compares struct files). */
export function spared(s: State, p: RevokeParams, f: FileId): boolean {
  return p.mode === 'frevoke' && f === s.revoker.spared;
}
