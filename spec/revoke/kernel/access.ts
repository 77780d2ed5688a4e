// How a user's operation reaches an inode: the fd lookup, then the design's interception point
// (`begin` for a call, `mmap` for a mapping), then the kernel's own permission check of an
// inode-level call. Shared by the user paths (syscalls.ts, mm.ts) and by the guarantees, so both
// judge access the same way. Revoke targets I only, so J is never gated.
//
// Ownership (fs/attr.c setattr_prepare, fs/xattr.c xattr_permission): fchmod and fchown pass
// only for the owner or CAP_FOWNER, fsetxattr only for the owner or a capable caller; fstat needs
// nothing. The check runs inside the call, after whatever the design's entry does (a trylock, the
// vnode lock, an RPC's begin: the design's fail or wait comes first, a dead inode's i_op answers
// before it), so it is applied here to a call the design lets in. Who owns I is a constant of the
// run (the `owner` bound): the revoker's chown comes before its first step (README: the caller's
// chmod/chown has blocked new opens) and takes the inode lock that notify_change holds, so no
// owner-checked call of the old owner is in progress across it. A non-owner's setattr never
// starts, so it holds no gate; the instant for which BSD's VOP_SETATTR holds the vnode lock before
// its EPERM delays the drain by one step and lets nothing reach I, so leaving it out is sound.
// Left out: ftruncate as a non-owner. setattr_prepare does not check ATTR_SIZE's owner, so a
// holder with a descriptor opened for writing on a regular file truncates it whoever owns it (a
// device gives EINVAL). In every design its gate is fstat's or stricter (Biederman converts
// ftruncate, not fstat), so G1, G3, G4 and G7 lose nothing; the cell it could change is G8, which
// judges an inode-level change in progress stricter than a read, under owner=other for a regular
// file (enberg-2006/2007, file-list, cannibalize), where G8 already breaks through read.
import { ENTER, type File, type Outcome, fail, ownerChecked } from '../api/designApi.ts';
import type { Installed } from './install.ts';
import type { RevokeParams } from './params.ts';
import { type CallKind, type FileId, type Slot, type State, type Vma, isMarker } from './state.ts';

/** The operations a descriptor gives: every call kind and mmap (open goes by path, not by descriptor). */
export type OpKind = CallKind | 'mmap';
export const OP_KINDS: readonly OpKind[] = ['read', 'write', 'pread', 'fchmod', 'fsetxattr', 'fstat', 'mmap'];
/** Every kind of operation a guarantee may count: those through a descriptor, an open under way, and a struct file's final release. */
export type AnyOpKind = OpKind | 'open' | 'release';

/** Would the final fput of struct file f on I call the driver's ->release, under design d (its `release` point)? */
export function releaseReaches(d: Installed, s: State, p: RevokeParams, f: FileId): boolean {
  const file = s.files[f];
  return file !== undefined && file.inode === 'I' && d.on.release(s, p, { f, file });
}

/** Do the tasks holding I's files own I in this run: the bound, or the design's documented use. */
export const holdersOwn = (d: Installed, p: RevokeParams): boolean => (p.owner === 'design' ? d.holderOwns : p.owner === 'holder');

/** A new operation of `kind` through struct file `file` on I, as design d's point answers it, then the kernel's ownership check. */
export function gateOn(d: Installed, s: State, p: RevokeParams, file: File, kind: OpKind): Outcome {
  if (kind === 'mmap') return d.on.mmap(s, p, { file });
  const o = d.on.begin(s, p, { file, kind });
  return o !== 'wait' && o.enter && ownerChecked(kind) && !holdersOwn(d, p) ? fail('EPERM') : o;
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
