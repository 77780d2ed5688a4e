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
import {
  ERRNOS,
  type Errno,
  type Fd,
  type File,
  type Inode,
  type Marker,
  type Message,
  type Revoker,
  type Slot,
  type Stage,
  type State,
  type Table,
  type Task,
  type TaskId,
  type FileId,
  type InodeId,
  type RevokeParams,
} from '../api/designApi.ts';
import { type TaskShape, byTaskShape } from './taskShape.ts';

// States are plain objects, never changed in place: an action builds the next state by copying
// what it changes (the helpers at the end of this file) and shares the rest with the state it
// started from. Their layout (stateLayout, below) is the model's TypeOK, from which the checker
// derives each state's few bytes. The shapes are the design API's (designApi.ts defines them, for
// a design file to be typed by): a task, its vma and call, a struct file, an inode, the revoker,
// and the design's own slot.

export type {
  Call,
  CallHold,
  CallKind,
  Fd,
  File,
  FileId,
  Inode,
  InodeId,
  Marker,
  Message,
  Opening,
  Revoker,
  Slot,
  Stage,
  State,
  Table,
  Task,
  TaskId,
  Vma,
} from '../api/designApi.ts';
export const FDS: readonly Fd[] = [3, 4];

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
  design: unknown,
): State {
  return { tasks, tables, files, inodes, message, revoker, design };
}
/**
 * `dict` with `key` set to `value`, in dict's key order (a new key last). The same copy as
 * `{ ...dict, [key]: value }`, written as a loop: V8 builds that spread with a computed key
 * about twice as slowly, and withTask and withTable run for most successors.
 */
function withEntry<V>(dict: { readonly [k: string]: V }, key: string, value: V): { [k: string]: V } {
  const out: { [k: string]: V } = {};
  let replaced = false;
  for (const k in dict) {
    if (k === key) {
      out[k] = value;
      replaced = true;
    } else out[k] = dict[k]!;
  }
  if (!replaced) out[key] = value;
  return out;
}
/** Task t is now `tk` (a fork or clone adds it). */
export function withTask(s: State, t: TaskId, tk: Task): State {
  return make(withEntry(s.tasks, t, tk), s.tables, s.files, s.inodes, s.message, s.revoker, s.design);
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
  return make(s.tasks, withEntry(s.tables, table, slots), s.files, s.inodes, s.message, s.revoker, s.design);
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
  return make(s.tasks, s.tables, files, s.inodes, s.message, s.revoker, s.design);
}
export function withInode(s: State, i: InodeId, inode: Inode): State {
  return make(s.tasks, s.tables, s.files, { ...s.inodes, [i]: inode }, s.message, s.revoker, s.design);
}
export function withMessage(s: State, message: Message | null): State {
  return make(s.tasks, s.tables, s.files, s.inodes, message, s.revoker, s.design);
}
export function withRevoker(s: State, revoker: Revoker): State {
  return make(s.tasks, s.tables, s.files, s.inodes, s.message, revoker, s.design);
}
/** The design's own slot is now `design` (an OwnState handle's `set`). */
export function withDesign(s: State, design: unknown): State {
  return make(s.tasks, s.tables, s.files, s.inodes, s.message, s.revoker, design);
}
/** Struct file f's operations are dead ones from now on (f_op swapped, a protid destroyed, a client revoked). */
export function withFileRevoked(s: State, f: FileId): State {
  return withFile(s, f, { ...s.files[f]!, ops: 'revoked' });
}
/** Inode I is dead to the design's gate (cannibalized, deactivated, unplugged). */
export function withIDead(s: State): State {
  return withInode(s, 'I', { dead: true });
}
/** The revoker moves to stage `pc` (a step's `to`: revokerSteps.ts). */
export function setPc(s: State, pc: Stage): State {
  const r = s.revoker;
  return withRevoker(s, { pc, cursor: r.cursor, refs: r.refs, spared: r.spared, gate: r.gate });
}

/**
 * A revoker step cancels task t's call in progress (debugfs's ->cancel(), Hurd's
 * hurd_thread_cancel): the call returns `errno` as it ends, and ends even where it was blocked.
 */
export function withCallCancelled(s: State, t: TaskId, errno: Errno): State {
  const tk = s.tasks[t]!;
  return withTask(s, t, { ...tk, call: { ...tk.call!, cancelled: errno } });
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
const KINDS: readonly string[] = ['read', 'write', 'pread', 'fchmod', 'fsetxattr', 'fstat'];

export const enumOf = (values: readonly (string | number | boolean | null)[]): Layout => ({ type: 'enum', values });
export const bool: Layout = enumOf([false, true]);
export const record = (fields: Record<string, Layout>): Layout => ({ type: 'record', fields });

/** What the state's layout takes from the design: the stages its steps move the revoker to, and the layout of its own slot. */
export interface DesignLayout {
  readonly stages: readonly string[];
  readonly own?: (p: RevokeParams) => Layout;
}

/** The revoker's stages under a design: 'idle', its own, then the two a revoke ends in. */
export const stagesOf = (own: readonly string[]): string[] => ['idle', ...own, 'done', 'failed'];

/**
 * TypeOK: every field of a state and its domain under bounds p and design d. The checker writes
 * states in this layout (a byte per field, presence bits for what may be absent), and a state that
 * leaves it is reported naming the field.
 */
export function stateLayout(p: RevokeParams, d: DesignLayout = { stages: [] }): Layout {
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
        vma: { type: 'optional', of: record({ file, linked: bool, pte: bool, zapped: bool, faulting: bool }) },
        call: {
          type: 'optional',
          of: record({
            kind: enumOf(KINDS),
            file,
            inode,
            counted: bool,
            loadedOps: ops,
            hold: enumOf(['none', 'checked', 'held']),
            // Set only once a revoker step cancelled the call (withCallCancelled).
            cancelled: { type: 'optional', of: enumOf(ERRNOS) },
          }),
        },
        opening: { type: 'optional', of: enumOf(['permitted', ...FILE_IDS]) },
        dup: { type: 'optional', of: file },
      }),
    },
    tables: { type: 'dict', keys: tasks, of: { type: 'dict', keys: FDS, of: slot } },
    // f_count is bounded by the holders: every slot, the message, a mapping and a call per task, the revoker's list.
    files: { type: 'dict', keys: FILE_IDS, of: record({ inode, count: { type: 'int', min: 1, max: 255 }, ops }) },
    inodes: { type: 'dict', keys: ['I', 'J'], of: record({ dead: bool }) },
    message: { type: 'optional', of: record({ to: enumOf(tasks), file }) },
    revoker: record({
      pc: enumOf(stagesOf(d.stages)),
      cursor: enumOf(['', ...tasks, ...FILE_IDS]),
      refs: { type: 'list', of: file, max: 2 * FDS.length * tasks.length + 1 },
      spared: enumOf(['', ...FILE_IDS]),
      gate: bool,
    }),
    // The design's own state (designApi.ts's OwnState): null for a design that owns none.
    design: d.own?.(p) ?? enumOf([null]),
  });
}
