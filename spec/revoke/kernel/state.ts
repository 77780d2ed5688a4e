// The kernel objects the revoke model holds, as plain values never changed in place.
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
//   flight are out of scope (docs/research/domain.md); one message of one file is in flight at most.
// - The page cache, f_pos, f_mode and the inode's owner are not modelled: no guarantee depends on
//   them (the revoker always passes the permission check; the caller blocks later opens).
// - A struct file whose f_count reaches 0 is freed and leaves `files`; a borrowed call still
//   naming it is a use-after-free. Ids are reused only by open, which is disabled once revoke
//   has begun, and nothing frees a borrowed file before then (a task in a call does nothing else).
// - The fork child slot holds the child of copy_process; it is passive (it neither closes, sends
//   nor calls): before ForkLink it cannot run (wake_up_new_task comes after the link), and after
//   it, it is one more task whose copied descriptors G1 judges where they stand; what it could do
//   with them, the user tasks can do with theirs. The threads that act are the owner's second
//   thread under `thread` (CLONE_FILES: the owner's table, its own calls), and the user tasks.
// - Without the light-fdget rule a freed file id may be reused by a later open while a borrowed
//   call still names it; no-use-after-free is broken at the free, before any reuse, so no trace
//   hides behind the reuse.
import type { Layout } from '../../../checker/spec.ts';
import type { RevokeParams } from './params.ts';
import { type TaskShape, byTaskShape } from './taskShape.ts';

// States are plain objects, never changed in place: an action builds the next state by copying
// what it changes (the helpers at the end of this file) and shares the rest with the state it
// started from. Their layout (stateLayout, below) is the model's TypeOK, from which the checker
// derives each state's few bytes.

export type TaskId = string;
export type FileId = string;
export type InodeId = 'I' | 'J';
/**
 * The system calls on a descriptor, by the path they take:
 * - `read`, `write`: through the struct file's f_op into the page cache (vfs_read, vfs_write);
 * - `pread`: the other f_op calls (pread64, readv, ioctl): read's path, named apart because 2006 V1
 *   switched only sys_read and sys_write to a counted fget;
 * - `fchmod`: the inode-level calls (fchmod, fchown, ftruncate, fsetxattr): they act on
 *   file_inode(file) (chmod_common -> notify_change, do_truncate, vfs_setxattr), never through f_op.
 */
export type CallKind = 'read' | 'write' | 'pread' | 'fchmod';
/** A slot holds a struct file, or a variant's replacement: the 2007 revokefs file, badfs's shared bad file, or 2006's leaked NULL. */
export type Marker = 'revoked' | 'bad' | 'leaked';
export type Slot = FileId | Marker;
export const FDS = [3, 4] as const;
export type Fd = (typeof FDS)[number];

export interface File {
  readonly inode: InodeId;
  /** f_count. */
  readonly count: number;
  /** f_op (and f_mapping, swapped together): 'revoked' once file-list has killed it. */
  readonly ops: 'live' | 'revoked';
}

/** An SRCU domain's index (srcu.ts says what the domain does). */
export type SrcuIdx = 0 | 1;

/** An SRCU domain (kernel/rcu/srcutree.c), as srcu.ts models it. */
export interface Srcu {
  /** srcu_idx & 1: the index new readers count on. */
  readonly idx: SrcuIdx;
  /** Readers counted on each index (locks minus unlocks). */
  readonly readers: readonly [number, number];
  /** The index each struct file's consumer handle holds (F0, F1 on I). */
  readonly handles: readonly [SrcuIdx, SrcuIdx];
}

export interface Inode {
  /** Cannibalized, vgone'd, or marked dead for active references: its operations are dead ones. */
  readonly dead: boolean;
  /** vnode-revoke: VI_DOOMED set, new vnode lockers wait. */
  readonly doomed: boolean;
  /** The SRCU domain a design's gate may use (srcu.ts; idle for every other design). */
  readonly srcu: Srcu;
}

export interface Vma {
  /** vma->vm_file: holds one f_count. */
  readonly file: FileId;
  /** Linked into its address_space's i_mmap (vma_link_file): only then does a teardown find it, or a fault reach it. */
  readonly linked: boolean;
  /** A page-table entry maps I's page: a touch reaches I with no fault (->mmap's remap_pfn_range, or a fault's install). */
  readonly pte: boolean;
  /** Its fault handler refuses (vm_ops swapped by revoke_mapping): a fault raises SIGBUS. */
  readonly zapped: boolean;
  /** A fault passed the handler (and the design's gate); the core installs the PTE next (finish_fault). */
  readonly faulting: boolean;
  /** The mmap under way holds the design's gate until it links the vma (Biederman 2009's do_mmap_pgoff). */
  readonly gate: boolean;
}

export interface Call {
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
  /** Passed the gate's check but has not yet recorded its hold (a gate that `recordsLater`). */
  readonly entering: boolean;
}

/**
 * An open(2) of I under way (do_sys_openat2): 'permitted' once may_open passed (before revoke
 * began: the caller's chmod comes too late for it); then the struct file do_dentry_open made,
 * which the opener holds (one f_count) until fd_install puts it in the table.
 */
export type Opening = 'permitted' | FileId;

export interface Task {
  /** files_struct id; several tasks share one under CLONE_FILES. */
  readonly table: string;
  /** On the task list; false between copy_files and the link in copy_process. */
  readonly visible: boolean;
  readonly vma: Vma | null;
  readonly call: Call | null;
  readonly opening: Opening | null;
}

export interface Message {
  /** The receiving task (who sent it no longer matters once it is queued). */
  readonly to: TaskId;
  /** The SCM_RIGHTS file: holds one f_count until recvmsg installs it. */
  readonly file: FileId;
}

/** A files_struct: fd -> slot, for the fds in use. */
export type Table = { readonly [fd in Fd]?: Slot };

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

export interface Revoker {
  /** Where the revoker is: 'idle' before its first step, 'done' once revoke has returned 0 (or a design file's own stage). */
  readonly pc: RevokerPc | (string & {});
  /** The last task scanned or file killed, in the variant's order ('' before the first). */
  readonly cursor: string;
  /** References the revoker holds: files collected from tables, and frevoke's own fget. Sorted. */
  readonly refs: readonly FileId[];
  /** frevoke: the caller's struct file, spared by the exclusion (file == exclude). */
  readonly spared: FileId;
  /** selfRevoke: the revoker itself holds the gate (an active reference, the vnode lock). */
  readonly gate: boolean;
}

export interface State {
  readonly tasks: { readonly [t: TaskId]: Task };
  readonly tables: { readonly [table: string]: Table };
  /** The struct files that exist (a freed one is absent). */
  readonly files: { readonly [f: FileId]: File };
  readonly inodes: { readonly [i in InodeId]?: Inode };
  /** The socketpair's queue, capacity 1. */
  readonly message: Message | null;
  readonly revoker: Revoker;
}

const LETTERS = ['A', 'B', 'C', 'D'];
const TASK_LISTS = [1, 2, 3].map((n) => LETTERS.slice(0, n));
/** The user tasks, in the revoker's scan order. */
export function userTasks(p: Pick<RevokeParams, 'tasks'>): readonly TaskId[] {
  return TASK_LISTS[p.tasks - 1] ?? LETTERS.slice(0, p.tasks);
}
/** The task that owns F0 at the start and, under frevoke, calls frevoke(3): B (A when alone). */
export function ownerTask(p: Pick<RevokeParams, 'tasks'>): TaskId {
  return p.tasks === 1 ? 'A' : 'B';
}
/** The fork/clone child slot's id: the letter after the user tasks. */
export function childId(p: RevokeParams): TaskId {
  return LETTERS[p.tasks]!;
}
/** The owner's second thread under `thread`: it shares the owner's table (CLONE_FILES) and scans right after it. */
export function threadId(p: Pick<RevokeParams, 'tasks'>): TaskId {
  return `${ownerTask(p)}2`;
}
/** The tasks that act (open, close, send, map, call): the user tasks and the owner's thread. */
export const actors: (p: TaskShape) => readonly TaskId[] = byTaskShape((shape) =>
  shape.thread ? [...userTasks(shape), threadId(shape)].sort() : userTasks(shape),
);
/** Every task id a state may hold under bounds p: the actors, then the fork child slot. */
export function allTasks(p: RevokeParams): readonly TaskId[] {
  return p.fork ? [...actors(p), childId(p)] : actors(p);
}

export function isMarker(slot: Slot): slot is Marker {
  return slot === 'revoked' || slot === 'bad' || slot === 'leaked';
}

export function task(s: State, t: TaskId): Task {
  return s.tasks[t]!;
}
export function tableOf(s: State, t: TaskId): Table {
  return s.tables[s.tasks[t]!.table]!;
}
/** The lowest free fd (alloc_fd), within the table's `fdsPerTable` slots (RLIMIT_NOFILE). */
export function freeFd(table: Table, p: RevokeParams): Fd | undefined {
  return table[3] === undefined ? 3 : p.fdsPerTable > 1 && table[4] === undefined ? 4 : undefined;
}
/** Is t's table shared with another task (CLONE_FILES)? Then fdget counts (fget) under the light-fdget rule. */
export function tableShared(s: State, t: TaskId): boolean {
  const id = s.tasks[t]!.table;
  for (const other in s.tasks) if (other !== t && s.tasks[other]!.table === id) return true;
  return false;
}
export function inodeOf(s: State, f: FileId): InodeId | undefined {
  return s.files[f]?.inode;
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

// Building the next state: each helper copies the path to what changes and shares the rest.
// They take whole objects (`{ ...task(s, t), call: null }` at the caller), and write the state as
// a literal: these run for every successor, and a spread of a partial change inside a helper
// every caller shares costs several times a copy whose shape the engine knows.

function make(
  tasks: State['tasks'],
  tables: State['tables'],
  files: State['files'],
  inodes: State['inodes'],
  message: Message | null,
  revoker: Revoker,
): State {
  return { tasks, tables, files, inodes, message, revoker };
}
/** Task t is now `tk` (a fork or clone adds it). */
export function withTask(s: State, t: TaskId, tk: Task): State {
  return make({ ...s.tasks, [t]: tk }, s.tables, s.files, s.inodes, s.message, s.revoker);
}
/** Descriptor slot fd of files_struct `table` holds `slot` (undefined: it is freed). */
export function withSlot(s: State, table: string, fd: Fd, slot: Slot | undefined): State {
  const old = s.tables[table]!;
  return withTable(s, table, tableWith(fd === 3 ? slot : old[3], fd === 4 ? slot : old[4]));
}
/** A table literal without absent fds (an absent fd is no property, never an undefined one). */
function tableWith(at3: Slot | undefined, at4: Slot | undefined): Table {
  if (at3 === undefined) return at4 === undefined ? {} : { 4: at4 };
  return at4 === undefined ? { 3: at3 } : { 3: at3, 4: at4 };
}
/** files_struct `table` is now `slots` (copy_files installs a whole one). */
export function withTable(s: State, table: string, slots: Table): State {
  return make(s.tasks, { ...s.tables, [table]: slots }, s.files, s.inodes, s.message, s.revoker);
}
/** Struct file f is created or changed (undefined: it is freed). */
export function withFile(s: State, f: FileId, file: File | undefined): State {
  // Rebuilt in FILE_IDS order rather than spread and `delete`d: a deleted property turns the
  // object into a slow dictionary, and the same files present always give one shape.
  const files: { [f: FileId]: File } = {};
  for (const k of FILE_IDS) {
    const v = k === f ? file : s.files[k];
    if (v !== undefined) files[k] = v;
  }
  return make(s.tasks, s.tables, files, s.inodes, s.message, s.revoker);
}
export function withInode(s: State, i: InodeId, inode: Inode): State {
  return make(s.tasks, s.tables, s.files, { ...s.inodes, [i]: inode }, s.message, s.revoker);
}
export function withMessage(s: State, message: Message | null): State {
  return make(s.tasks, s.tables, s.files, s.inodes, message, s.revoker);
}
export function withRevoker(s: State, revoker: Revoker): State {
  return make(s.tasks, s.tables, s.files, s.inodes, s.message, revoker);
}
/** Struct file f's operations are dead ones from now on (f_op swapped, a protid destroyed, a client revoked). */
export function withFileRevoked(s: State, f: FileId): State {
  return withFile(s, f, { ...s.files[f]!, ops: 'revoked' });
}
/** Inode I is dead to the design's gate (cannibalized, deactivated, unplugged, its ldisc gone). */
export function withIDead(s: State): State {
  return withInode(s, 'I', { ...s.inodes.I!, dead: true });
}
/** The revoker moves to `pc`. */
export function setPc(s: State, pc: RevokerPc | (string & {})): State {
  const r = s.revoker;
  return withRevoker(s, { pc, cursor: r.cursor, refs: r.refs, spared: r.spared, gate: r.gate });
}

/** get_file: one more reference. */
export function getFile(s: State, f: FileId): State {
  const file = s.files[f]!;
  return withFile(s, f, { inode: file.inode, count: file.count + 1, ops: file.ops });
}
/** fput: one reference fewer; the last one frees the struct file (__fput). */
export function putFile(s: State, f: FileId): State {
  const file = s.files[f]!;
  return withFile(s, f, file.count === 1 ? undefined : { inode: file.inode, count: file.count - 1, ops: file.ops });
}

/** Calls `visit` with every (task, table, fd, slot) of every task, visible or not, until it returns false; a shared table is visited once per task. */
export function everySlot(s: State, visit: (slot: Slot, t: TaskId, table: string, fd: Fd) => boolean): boolean {
  for (const t in s.tasks) {
    const table = s.tasks[t]!.table;
    const slots = s.tables[table]!;
    const at3 = slots[3];
    if (at3 !== undefined && !visit(at3, t, table, 3)) return false;
    const at4 = slots[4];
    if (at4 !== undefined && !visit(at4, t, table, 4)) return false;
  }
  return true;
}

/** Some task satisfies `test`. */
export function someTask(s: State, test: (tk: Task, t: TaskId) => boolean): boolean {
  for (const t in s.tasks) if (test(s.tasks[t]!, t)) return true;
  return false;
}

/** Struct file ids the model can create: F0 and F1 on I (docs/research/domain.md's two), J0 on J. */
export const FILE_IDS: readonly FileId[] = ['F0', 'F1', 'J0'];
const KINDS: readonly CallKind[] = ['read', 'write', 'pread', 'fchmod'];
const PCS: readonly RevokerPc[] = ['idle', 'scan', 'kill', 'detached', 'doomed', 'locked', 'vgone', 'deactivated', 'drained', 'unmapped', 'done', 'failed'];

const enumOf = (values: readonly (string | number | boolean | null)[]): Layout => ({ type: 'enum', values });
const bool: Layout = enumOf([false, true]);
const record = (fields: Record<string, Layout>): Layout => ({ type: 'record', fields });

/**
 * TypeOK: every field of a state and its domain under bounds p. The checker writes states in this
 * layout (a byte per field, presence bits for what may be absent), and a state that leaves it is
 * reported naming the field.
 */
export function stateLayout(p: RevokeParams, designPcs: readonly string[] = []): Layout {
  const tasks = allTasks(p);
  const file = enumOf(FILE_IDS);
  const slot = enumOf([...FILE_IDS, 'revoked', 'bad', 'leaked']);
  const inode = enumOf(['I', 'J']);
  const ops = enumOf(['live', 'revoked']);
  return record({
    tasks: {
      type: 'dict',
      keys: tasks,
      of: record({
        table: enumOf(tasks),
        visible: bool,
        vma: { type: 'optional', of: record({ file, linked: bool, pte: bool, zapped: bool, faulting: bool, gate: bool }) },
        call: { type: 'optional', of: record({ kind: enumOf(KINDS), file, inode, counted: bool, loadedOps: ops, gate: bool, entering: bool }) },
        opening: { type: 'optional', of: enumOf(['permitted', ...FILE_IDS]) },
      }),
    },
    tables: { type: 'dict', keys: tasks, of: { type: 'dict', keys: FDS, of: slot } },
    // f_count is bounded by the holders: every slot, the message, a mapping and a call per task, the revoker's list.
    files: { type: 'dict', keys: FILE_IDS, of: record({ inode, count: { type: 'int', min: 1, max: 255 }, ops }) },
    // A reader count goes below zero only by unlocks handed the wrong index: at most one per actor.
    inodes: {
      type: 'dict',
      keys: ['I', 'J'],
      of: record({
        dead: bool,
        doomed: bool,
        srcu: record({
          idx: enumOf([0, 1]),
          readers: { type: 'list', of: { type: 'int', min: -tasks.length, max: tasks.length }, max: 2 },
          handles: { type: 'list', of: enumOf([0, 1]), max: 2 },
        }),
      }),
    },
    message: { type: 'optional', of: record({ to: enumOf(tasks), file }) },
    revoker: record({
      pc: enumOf([...PCS, ...designPcs]),
      cursor: enumOf(['', ...tasks, ...FILE_IDS]),
      refs: { type: 'list', of: file, max: 2 * FDS.length * tasks.length + 1 },
      spared: enumOf(['', ...FILE_IDS]),
      gate: bool,
    }),
  });
}
