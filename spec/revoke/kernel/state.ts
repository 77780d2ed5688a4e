// The kernel objects the revoke model holds, as immutable values.
//
// A user reaches inode I along fd slot -> struct file -> inode. Everything that holds a struct
// file holds one f_count: a descriptor slot (files_struct), an SCM_RIGHTS message in flight
// (unix_attach_fds), a mapping (vma->vm_file), a counted system call (fget), the revoker's
// collected list. A borrowed call (__fget_light on an unshared table) holds none.
//
// Left out, and why that is sound:
// - fd numbers are 3 and 4 (two per table); which number a descriptor gets never changes who can
//   reach the inode. The lowest free number is taken, as alloc_fd does, so states stay canonical.
// - The socketpair is not a pair of fds: "who may send to whom" is a relation between user tasks
//   (every other task, and itself when selfSend). Unix-socket garbage collection and sockets in
//   flight are out of scope (DOMAIN.md); one message of one file is in flight at most.
// - The page cache, f_pos, f_mode and the inode's owner are not modelled: no guarantee depends on
//   them (the revoker always passes the permission check; the caller blocks later opens).
// - A struct file whose f_count reaches 0 is freed and leaves `files`; a borrowed call still
//   naming it is a use-after-free. Ids are reused only by open, which is disabled once revoke
//   has begun, and nothing frees a borrowed file before then (a task in a call does nothing else).
// - The fork child slot holds the child of copy_process; it is passive (it neither closes, sends
//   nor calls): its descriptors and mapping are checked where they stand, which is what G1/G2 ask.
import { List, Map, Record } from 'immutable';
import type { RevokeParams } from './params.ts';

export type TaskId = string;
export type FileId = string;
export type InodeId = 'I' | 'J';
export type CallKind = 'read' | 'write' | 'fchmod';
/** A slot holds a struct file, or a variant's replacement: the 2007 revokefs file, badfs's shared bad file, or 2006's leaked NULL. */
export type Marker = 'revoked' | 'bad' | 'leaked';
export type Slot = FileId | Marker;
export const FDS = [3, 4] as const;

export interface FileProps {
  readonly inode: InodeId;
  /** f_count. */
  readonly count: number;
  /** f_op (and f_mapping, swapped together): 'revoked' once file-list has killed it. */
  readonly ops: 'live' | 'revoked';
}
export const File = Record<FileProps>({ inode: 'I', count: 1, ops: 'live' });
export type File = ReturnType<typeof File>;

export interface InodeProps {
  /** Cannibalized, vgone'd, or marked dead for active references: its operations are dead ones. */
  readonly dead: boolean;
  /** vnode-revoke: VI_DOOMED set, new vnode lockers wait. */
  readonly doomed: boolean;
}
export const Inode = Record<InodeProps>({ dead: false, doomed: false });
export type Inode = ReturnType<typeof Inode>;

export interface VmaProps {
  /** vma->vm_file: holds one f_count. */
  readonly file: FileId;
  /** Its PTEs are zapped and its fault handler returns VM_FAULT_SIGBUS. */
  readonly zapped: boolean;
}
export const Vma = Record<VmaProps>({ file: '', zapped: false });
export type Vma = ReturnType<typeof Vma>;

export interface CallProps {
  readonly kind: CallKind;
  readonly file: FileId;
  /** file_inode(file) as loaded at fdget: still known after a borrowed file is freed. */
  readonly inode: InodeId;
  /** fget (holds an f_count) rather than __fget_light (borrows). */
  readonly counted: boolean;
  /** The f_op the call loaded at fdget; it acts through these until it returns. */
  readonly loadedOps: 'live' | 'revoked';
  /** Holds the variant's gate: an active reference (kernfs_get_active) or the vnode lock. */
  readonly gate: boolean;
}
export const Call = Record<CallProps>({ kind: 'read', file: '', inode: 'I', counted: false, loadedOps: 'live', gate: false });
export type Call = ReturnType<typeof Call>;

export interface TaskProps {
  /** files_struct id; several tasks share one under CLONE_FILES. */
  readonly table: string;
  /** On the task list; false between copy_files and the link in copy_process. */
  readonly visible: boolean;
  readonly vma: Vma | null;
  readonly call: Call | null;
}
export const Task = Record<TaskProps>({ table: '', visible: true, vma: null, call: null });
export type Task = ReturnType<typeof Task>;

export interface MessageProps {
  /** The receiving task (who sent it no longer matters once it is queued). */
  readonly to: TaskId;
  /** The SCM_RIGHTS file: holds one f_count until recvmsg installs it. */
  readonly file: FileId;
}
export const Message = Record<MessageProps>({ to: '', file: '' });
export type Message = ReturnType<typeof Message>;

/**
 * Where the revoker is. Every design starts at 'idle' and ends at 'done' (or badfs's 'failed');
 * the values in between belong to the designs that name them.
 */
export type RevokerPc =
  /** Before its first step: revoke has not begun, open(2) of I still works. */
  | 'idle'
  /** Enberg 2006/2007, badfs: in pass 1, some table scanned, holding tasklist_lock for reading. */
  | 'scan'
  /** file-list: walking the inode's file list, some struct file killed. */
  | 'kill'
  /** cannibalize: the inode is detached (dead); its mapping is still up. */
  | 'detached'
  /** vnode-revoke: VI_DOOMED is set; waiting to take the vnode lock (LK_DRAIN). */
  | 'doomed'
  /** vnode-revoke: holds the vnode lock exclusively, no caller left inside. */
  | 'locked'
  /** vnode-revoke: v_op is deadfs; only the return is left. */
  | 'vgone'
  /** active-refs: the node is deactivated; waiting for active references to drain. */
  | 'deactivated'
  /** active-refs: no active reference is left; the unmap is next. */
  | 'drained'
  /** Mappings torn down (RevokeUnmap); only the return is left. */
  | 'unmapped'
  /** Revoke has returned 0: from here on the guarantees apply. */
  | 'done'
  /** badfs gave up waiting for a light user: revoke returned an error and owes nothing. */
  | 'failed';

export interface RevokerProps {
  /** Where the revoker is: 'idle' before its first step, 'done' once revoke has returned 0. */
  readonly pc: RevokerPc;
  /** The last task scanned or file killed, in the variant's order ('' before the first). */
  readonly cursor: string;
  /** References the revoker holds: files collected from tables, and frevoke's own fget. Sorted. */
  readonly refs: List<FileId>;
  /** frevoke: the caller's struct file, spared by the exclusion (file == exclude). */
  readonly spared: FileId;
  /** selfRevoke: the revoker itself holds the gate (an active reference, the vnode lock). */
  readonly gate: boolean;
}
export const Revoker = Record<RevokerProps>({ pc: 'idle', cursor: '', refs: List(), spared: '', gate: false });
export type Revoker = ReturnType<typeof Revoker>;

export interface StateProps {
  readonly tasks: Map<TaskId, Task>;
  readonly tables: Map<string, Map<number, Slot>>;
  readonly files: Map<FileId, File>;
  readonly inodes: Map<InodeId, Inode>;
  /** The socketpair's queue, capacity 1. */
  readonly message: Message | null;
  readonly revoker: Revoker;
}
export const State = Record<StateProps>({
  tasks: Map(),
  tables: Map(),
  files: Map(),
  inodes: Map(),
  message: null,
  revoker: Revoker(),
});
export type State = ReturnType<typeof State>;

const LETTERS = ['A', 'B', 'C', 'D'];
/** The user tasks, in the revoker's scan order. */
export function userTasks(p: RevokeParams): TaskId[] {
  return LETTERS.slice(0, p.tasks);
}
/** The task that owns F0 at the start and, under frevoke, calls frevoke(3): B (A when alone). */
export function ownerTask(p: RevokeParams): TaskId {
  return p.tasks === 1 ? 'A' : 'B';
}
/** The fork/clone child slot's id: the letter after the user tasks. */
export function childId(p: RevokeParams): TaskId {
  return LETTERS[p.tasks]!;
}

export function isMarker(slot: Slot): slot is Marker {
  return slot === 'revoked' || slot === 'bad' || slot === 'leaked';
}

export function task(s: State, t: TaskId): Task {
  return s.tasks.get(t)!;
}
export function tableOf(s: State, t: TaskId): Map<number, Slot> {
  return s.tables.get(task(s, t).table)!;
}
export function freeFd(table: Map<number, Slot>): number | undefined {
  return FDS.find((fd) => !table.has(fd));
}
/** Is t's table shared with another task (CLONE_FILES)? Then fdget must count (fget). */
export function tableShared(s: State, t: TaskId): boolean {
  const id = task(s, t).table;
  return s.tasks.some((other, name) => name !== t && other.table === id);
}
export function inodeOf(s: State, f: FileId): InodeId | undefined {
  return s.files.get(f)?.inode;
}
/** Revoke has returned 0 (pc 'done'): the guarantees apply from here on. */
export function returnedZero(s: State): boolean {
  return s.revoker.pc === 'done';
}
/** Revoke has returned at all: 0, or the error of a design that gave up (badfs's 'failed'). */
export function revokeFinished(s: State): boolean {
  return s.revoker.pc === 'done' || s.revoker.pc === 'failed';
}
/** Revoke has begun: open(2) of I is blocked from here on (the caller chmod'ed it first). */
export function begun(s: State): boolean {
  return s.revoker.pc !== 'idle';
}

/** The revoker moves to `pc` (typed, unlike setIn's path). */
export function setPc(s: State, pc: RevokerPc): State {
  return s.setIn(['revoker', 'pc'], pc);
}

/** get_file: one more reference. */
export function getFile(s: State, f: FileId): State {
  return s.updateIn(['files', f], (file) => (file as File).set('count', (file as File).count + 1)) as State;
}
/** fput: one reference fewer; the last one frees the struct file (__fput). */
export function putFile(s: State, f: FileId): State {
  const file = s.files.get(f)!;
  return file.count === 1 ? s.deleteIn(['files', f]) : s.setIn(['files', f, 'count'], file.count - 1);
}

/** Every (task, fd, slot) of every task, visible or not; a shared table is listed once per task. */
export function* slots(s: State): Generator<{ t: TaskId; table: string; fd: number; slot: Slot }> {
  for (const [t, tk] of s.tasks) {
    for (const [fd, slot] of s.tables.get(tk.table)!) yield { t, table: tk.table, fd, slot };
  }
}
