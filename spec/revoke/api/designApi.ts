// rmc/revoke: the design API, what a revoke design written outside the repository is typed by
// (`import type { DesignApi, Design } from 'rmc/revoke'`, package.json's `exports`). A design file's
// default export is a function that receives the design API (../kernel/designApi.ts, the run-time
// object this module types) and returns the design; the `import type` compiles away, so the file
// needs nothing beside it at run time (spec/revoke/README.md, "Writing a design").
//
// A design is four mechanisms, each a field of its own:
// - `on`: the interception points a user path meets (fdget, begin, record, end, mmap, link, fault,
//   open, forkLink), shaped like the LSM hooks. Each returns enter (with what it holds and what it
//   changes), fail(errno) or 'wait', and defaults to what the plain kernel does, so a design writes
//   only the points where it differs (POINTS below: each point's default is its type).
// - `state`: the state the design owns (its layout and initial value), folded into the model's
//   state as `design`; nothing of one design lives in every design's kernel objects.
// - `steps`: the revoker's steps, each built with the kernel name it abstracts, the stage it moves
//   the revoker to, and whom it waits for.
// - `promises`, `expect`: what the design's authors promise (per class of operation) and expect.
// DESIGN_FIELDS and POINTS are the one schema: the type below, the load-time check
// (../kernel/designFile.ts), the error wrapping and the README's tables are all read off them.
//
// Every type a design file needs is defined here, and this module imports nothing: the kernel's
// modules import their types from here.

// ---- The kernel's objects, as a design's hooks and steps read them (kernel/state.ts builds them) ----

export type TaskId = string;
export type FileId = string;
export type InodeId = 'I' | 'J';
/**
 * The system calls on a descriptor, by the path they take:
 * - `read`, `write`: through the struct file's f_op into the page cache (vfs_read, vfs_write);
 * - `pread`: the other f_op calls (pread64, readv, ioctl): read's path, named apart because 2006 V1
 *   switched only sys_read and sys_write to a counted fget;
 * - the inode-level calls (INODE_KINDS), which act on file_inode(file) through i_op, never f_op:
 *   - `fchmod`: the setattr family of fs/open.c (fchmod, fchown: chmod_common, chown_common ->
 *     notify_change), which setattr_prepare lets through only for the owner or CAP_FOWNER;
 *   - `fsetxattr`: fs/xattr.c (vfs_setxattr), refused to a non-owner as well (xattr_permission, the
 *     capability and ACL checks: EPERM in every namespace for an unprivileged non-owner);
 *   - `fstat`: fs/stat.c (vfs_fstat -> vfs_getattr), a read of the inode that needs no ownership.
 *   Designs differ on them: Biederman 2009 converts fs/open.c only, BSD takes the vnode lock for all.
 */
export type CallKind = 'read' | 'write' | 'pread' | 'fchmod' | 'fsetxattr' | 'fstat';
/** The inode-level call kinds: no f_op, so a design that cuts f_op alone does not reach them. */
export const INODE_KINDS: readonly CallKind[] = ['fchmod', 'fsetxattr', 'fstat'];
/** A call of this kind acts on the inode, not through f_op. */
export const inodeLevel = (kind: CallKind): boolean => kind === 'fchmod' || kind === 'fsetxattr' || kind === 'fstat';
/** The inode-level calls setattr_prepare and xattr_permission refuse to a non-owner (EPERM); fstat reads and needs no ownership. */
export const ownerChecked = (kind: CallKind): boolean => kind === 'fchmod' || kind === 'fsetxattr';
/** A slot holds a struct file, or a design's replacement: the 2007 revokefs file, badfs's shared bad file, or 2006's leaked NULL. */
export type Marker = 'revoked' | 'bad' | 'leaked';
export type Slot = FileId | Marker;
export type Fd = 3 | 4;

export interface File {
  readonly inode: InodeId;
  /** f_count. */
  readonly count: number;
  /** f_op (and f_mapping, swapped together): 'revoked' once a design has given the file dead operations. */
  readonly ops: 'live' | 'revoked';
}

export interface Inode {
  /** The inode's operations are dead ones (cannibalized, vgone'd, deactivated, unplugged). */
  readonly dead: boolean;
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
  /** A fault passed the handler (and the design's `fault` point); the core installs the PTE next (finish_fault). */
  readonly faulting: boolean;
}

/**
 * What a call holds of the design's gate: nothing; its check passed but the hold is not yet
 * recorded (an `enter({ recordsLater: true })`: the `record` point comes next); or the gate,
 * until it returns (an active reference, the vnode lock).
 */
export type CallHold = 'none' | 'checked' | 'held';

export interface Call {
  readonly kind: CallKind;
  readonly file: FileId;
  /** file_inode(file) as loaded at fdget: still known after a borrowed file is freed. */
  readonly inode: InodeId;
  /** fget (holds an f_count) rather than __fget_light (borrows). */
  readonly counted: boolean;
  /** The f_op the call loaded at fdget; it acts through these until it returns. */
  readonly loadedOps: 'live' | 'revoked';
  readonly hold: CallHold;
  /**
   * A revoker step cancelled the call (debugfs's ->cancel() on the cancellations list, Hurd's
   * hurd_thread_cancel): it returns this errno as it ends, whatever it would have done, and it
   * ends even if it was blocked (a cancelled call's end is fair). null: not cancelled.
   */
  readonly cancelled: Errno | null;
}

/**
 * An open(2) of I under way (do_sys_openat2): 'permitted' once may_open passed (before revoke
 * began); then the struct file do_dentry_open made, which the opener holds until fd_install.
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
  /**
   * A dup(2) under way (fs/file.c): the struct file fget_raw took a reference on, in flight until
   * fd_install puts it in a slot (or get_unused_fd_flags fails and it is fput).
   */
  readonly dup: FileId | null;
}

export interface Message {
  /** The receiving task. */
  readonly to: TaskId;
  /** The SCM_RIGHTS file: holds one f_count until recvmsg installs it. */
  readonly file: FileId;
}

/** A files_struct: fd -> slot, for the fds in use. */
export type Table = { readonly [fd in Fd]?: Slot };

/**
 * Where the revoker is: 'idle' before its first step, 'done' once revoke has returned 0, 'failed'
 * once it returned an error; in between, the stages the design's steps move it to (each step's `to`).
 */
export type Stage = 'idle' | 'done' | 'failed' | (string & {});

export interface Revoker {
  readonly pc: Stage;
  /** The last task scanned or file killed, in the design's order ('' before the first). */
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
  /** The design's own state (its `state` field): null for a design that owns none. Read and write it through the handle. */
  readonly design: unknown;
}

/** The bounded constants (kernel/params.ts gives their defaults and checks them). */
export interface RevokeParams {
  /** The design under check: a built-in design's name, or a design file's absolute path. */
  readonly variant: string;
  /** revokeat(path) revokes every open file of the inode; frevoke(fd) spares the caller's struct file. */
  readonly mode: 'revokeat' | 'frevoke';
  /** A syscall on an unshared table borrows its file (`__fget_light`) or counts it (`fget`). */
  readonly fdget: 'light' | 'counted';
  /** fs/file.c's rule: fdget borrows only while the table has one user (`files->count == 1`). */
  readonly lightFdgetRule: boolean;
  /** The owner (B; A when alone) has a second thread sharing its descriptor table (CLONE_FILES). */
  readonly thread: boolean;
  /** Struct files on I that may be open at once: 1 or 2. */
  readonly filesOnI: number;
  /** An open(2) of I that passed may_open before revoke began may finish after it began. */
  readonly openInProgress: boolean;
  /** The file's ->mmap populates the page tables itself (remap_pfn_range). */
  readonly mmapPopulates: boolean;
  /** I's struct files map through another address_space than the inode's own (sysfs bin files). */
  readonly iomemMapping: boolean;
  /** Descriptor slots per table (fd 3, and fd 4 when 2). */
  readonly fdsPerTable: number;
  /** A named scenario's restrictions on the users (never steps of their own). */
  readonly sendDuringRevoke: boolean;
  readonly recvAfterReturn: boolean;
  readonly callsAfterReturn: boolean;
  /** User tasks besides the revoker, 1..3. */
  readonly tasks: number;
  /** May a task send a descriptor to itself over the socketpair. */
  readonly selfSend: boolean;
  /** A fork child slot: copied (copy_process) before it is linked into the task list. */
  readonly fork: boolean;
  /** Adds inode J, for `other-inodes-untouched`. */
  readonly otherInode: boolean;
  /** A call that may block forever (no fairness on its end; used by the liveness check). */
  readonly stuckCaller: boolean;
  /** The revoker is itself inside an operation on the file (kernfs's self-removal case). */
  readonly selfRevoke: boolean;
  /** `active-refs` releases its own active reference before draining (kernfs_break_active_protection). */
  readonly breakActiveProtection: boolean;
  /** `cannibalize`: every entry point tests the inode's dead flag (still no drain). */
  readonly checked: boolean;
  /**
   * Who owns I while revoke runs (uid == i_uid: setattr_prepare's inode_owner_or_capable):
   * `'holder'`, the tasks holding its files; `'other'`, someone else (the revoker chowned it first),
   * so their fchmod and fsetxattr fail EPERM; `'design'`, the design's documented use (its
   * `holderOwns` field: getty and agetty chown the tty to root before revoke or vhangup).
   */
  readonly owner: 'design' | 'holder' | 'other';
  /**
   * A signal (a fatal one, so it ends killable sleeps too) may be delivered to the revoking task
   * while it sleeps in a wait the real code makes interruptible or killable (a step's `onSignal`):
   * the wait ends there and the revoker goes on as the design says. Uninterruptible waits
   * (TASK_UNINTERRUPTIBLE: wait_for_completion, synchronize_rcu) are deaf to it.
   */
  readonly revokerSignal: boolean;
}

/** A state's layout (TypeOK, as data), as the checker's Layout: every field and its finite domain. */
export type Layout =
  | { readonly type: 'enum'; readonly values: readonly (string | number | boolean | null)[] }
  | { readonly type: 'int'; readonly min: number; readonly max: number }
  | { readonly type: 'record'; readonly fields: Readonly<Record<string, Layout>> }
  | { readonly type: 'dict'; readonly keys: readonly (string | number)[]; readonly of: Layout }
  | { readonly type: 'optional'; readonly of: Layout }
  | { readonly type: 'list'; readonly of: Layout; readonly max: number };

// ---- What an interception point returns ----

/**
 * The error an operation fails with; `EOF` is a read that returns 0 (a hung-up tty's read), `SIGBUS` a
 * fault that finds no page. `EPERM` is setattr_prepare's (and xattr_permission's) answer to a holder
 * that does not own I (the `owner` bound), which the kernel gives once the design's gate lets the call in.
 * `ENOENT` is an open of a removed entry (proc_reg_open, debugfs's open proxies).
 */
export type Errno = 'EBADF' | 'ENXIO' | 'EIO' | 'ENODEV' | 'EINVAL' | 'EPERM' | 'ENOENT' | 'EOF' | 'SIGBUS';
/** Every errno, in the order a state's layout lists them (a cancelled call's `cancelled`). */
export const ERRNOS: readonly Errno[] = ['EBADF', 'ENXIO', 'EIO', 'ENODEV', 'EINVAL', 'EPERM', 'ENOENT', 'EOF', 'SIGBUS'];

/** What the point does to the state once the operation is in it (task t's call or mmap is there). */
export type Change = (s: State, t: TaskId) => State;

export interface Enter {
  readonly enter: true;
  /** A call holds the gate until it returns (an active reference, the vnode lock): drains wait for it. */
  readonly holds?: boolean;
  /**
   * The check and the recorded hold are two steps (Biederman 2009's file_hotplug_read_trylock reads
   * f_mode, then stores the task's slot): the call's `record` point comes in a step of its own, and
   * in between a revoker looking for holders finds none. Implies `holds` once recorded. A `record`
   * point may enter with `recordsLater` itself: the entry has one more step of its own (the C
   * revocable's srcu_read_lock fetches the index, counts on it, and only then stores it in the handle).
   */
  readonly recordsLater?: boolean;
  /** What entering does to a kernel object or to the design's own state (srcu_read_lock into the file's handle). */
  readonly change?: Change;
  /**
   * The kernel code of this one step, where a point's steps are different lines (the C revocable's
   * `record`: this_cpu_inc, then the store of rev->idx); traces show it instead of the point's `kernel`.
   */
  readonly kernel?: string;
}
export interface Fail {
  readonly enter: false;
  readonly errno: Errno;
  /** What failing still does (a method that found the resource gone withdraws its SRCU section). */
  readonly change?: Change;
}
/** The caller sleeps: the step is disabled while the point says so. */
export type Wait = 'wait';
export type Outcome = Enter | Fail | Wait;

/** Let the operation in (nothing held, nothing changed): what most points default to. */
export const ENTER: Enter = { enter: true };
export const enter = (how: Omit<Enter, 'enter'> = {}): Enter => ({ enter: true, ...how });
export const fail = (errno: Errno, how: Omit<Fail, 'enter' | 'errno'> = {}): Fail => ({ enter: false, errno, ...how });

// ---- The interception points: each one's default is the plain kernel's, and its type ----

/** What the `fdget` point is asked: task t's call of `kind`, and whether the kernel counts it (fget) or borrows (__fget_light). */
export interface FdgetOp {
  readonly t: TaskId;
  readonly kind: CallKind;
  readonly counted: boolean;
}
/** A new call of `kind` through struct file `file` on I (asked for every kind, enumerated or not, by G7 and the guarantees). */
export interface BeginOp {
  readonly file: File;
  readonly kind: CallKind;
}
/** Task t's call in progress on I. */
export interface CallOp {
  readonly t: TaskId;
  readonly call: Call;
}
/** A new mmap through struct file `file` on I. */
export interface MmapOp {
  readonly file: File;
}
/** Task t's mapping of I. */
export interface VmaOp {
  readonly t?: TaskId;
  readonly vma: Vma;
}
export type NoOp = Readonly<Record<string, never>>;
/** A struct file on I, `f`, as its final fput will find it. */
export interface ReleaseOp {
  readonly f: FileId;
  readonly file: File;
}

interface PointSpec<H> {
  /** What the point is in the kernel (README's table). */
  readonly doc: string;
  /** The user steps of the model the point is part of: a point's `kernel` names them (the first, for a string). */
  readonly steps: readonly string[];
  /** The plain kernel: what the point does for a design that does not set it. Its type is the hook's. */
  readonly plain: H;
}
const point = <H>(spec: PointSpec<H>): PointSpec<H> => spec;

export const POINTS = {
  fdget: point({
    doc: "whether task t's call counts its struct file (`fget`) rather than borrowing it (`__fget_light`); `counted` is the kernel's choice (a shared table, or `fdget=counted`). Returns a boolean",
    steps: [],
    plain: (_s: State, _p: RevokeParams, op: FdgetOp): boolean => op.counted,
  }),
  begin: point({
    doc: 'a new call of `op.kind` through struct file `op.file` on I (its f_op entry: `kernfs_get_active`, a trylock, the vnode lock); the plain kernel: a file with dead f_op fails every f_op call EIO, an inode-level call (`fchmod`, `fsetxattr`, `fstat`) goes on. A holder that does not own I then fails `fchmod` and `fsetxattr` EPERM (setattr_prepare, after the point)',
    steps: ['SyscallBegin'],
    plain: (_s: State, _p: RevokeParams, op: BeginOp): Outcome => (!inodeLevel(op.kind) && op.file.ops === 'revoked' ? fail('EIO') : ENTER),
  }),
  record: point({
    doc: "for a call that entered with `recordsLater`: what it meets when it records its hold (a tty's `tty_ldisc_ref_wait`); `'wait'`, or `fail(...)`: the call returns its error at once; `enter({ recordsLater: true })`: one more such step follows (srcu_read_lock's count, then the handle's store)",
    steps: ['SyscallRecord'],
    plain: (_s: State, _p: RevokeParams, _op: CallOp): Outcome => ENTER,
  }),
  end: point({
    doc: "task t's call on I as it returns: `enter` if it touches I (it acts with the f_op it loaded), `fail(errno)` if it returns an error; `change` is what leaving does (`srcu_read_unlock`). Asked of calls in progress by the guarantees too; the plain kernel: an f_op call reaches I unless it loaded dead f_op (EIO), an inode-level call always",
    steps: ['SyscallEnd', 'SyscallEndStuck'],
    plain: (_s: State, _p: RevokeParams, op: CallOp): Enter | Fail => (inodeLevel(op.call.kind) || op.call.loadedOps === 'live' ? ENTER : fail('EIO')),
  }),
  mmap: point({
    doc: 'a new mmap through struct file `op.file` on I (`->mmap`); `change` may record a hold until the vma is linked (the `link` point); the plain kernel: dead f_op fails EIO',
    steps: ['MmapBegin'],
    plain: (_s: State, _p: RevokeParams, op: MmapOp): Outcome => (op.file.ops === 'revoked' ? fail('EIO') : ENTER),
  }),
  link: point({
    doc: "task t's mmap links its vma into i_mmap (`vma_link_file`); `change` is what the link releases",
    steps: ['MmapLink'],
    plain: (_s: State, _p: RevokeParams, _op: VmaOp): Outcome => ENTER,
  }),
  release: point({
    doc: "whether the final fput of struct file `op.f` on I (__fput: `file->f_op->release`) would call the driver's ->release now; not a step: every struct file is released once its last holder lets go (close, exit), so G4 asks it of every file that outlives revoke. Returns a boolean; the plain kernel: the f_op the file has, the driver's while they are live, a dead one's once a design gave it dead f_op",
    steps: [],
    plain: (_s: State, _p: RevokeParams, op: ReleaseOp): boolean => op.file.ops === 'live',
  }),
  fault: point({
    doc: "a fault's handler on a mapping of I (a zapped vma's refuses before the design is asked): `enter` finds I's page, `fail('SIGBUS')` raises SIGBUS; the plain kernel: a file whose f_mapping is dead raises SIGBUS",
    steps: ['Fault', 'FaultInstall'],
    plain: (s: State, _p: RevokeParams, op: VmaOp): Outcome => (s.files[op.vma.file]?.ops === 'revoked' ? fail('SIGBUS') : ENTER),
  }),
  open: point({
    doc: 'an open of I already past may_open makes its struct file and calls `->open` (do_dentry_open)',
    steps: ['OpenBegin', 'OpenFile'],
    plain: (_s: State, _p: RevokeParams, _op: NoOp): Outcome => ENTER,
  }),
  forkLink: point({
    doc: "copy_process links a child into the task list (`write_lock(tasklist_lock)`), a fork's or a CLONE_FILES clone's: `'wait'` holds it (a step built with `holdsTasklistLock` already does)",
    steps: ['ForkLink', 'CloneFiles'],
    plain: (_s: State, _p: RevokeParams, _op: NoOp): Outcome => ENTER,
  }),
} as const;

export type PointName = keyof typeof POINTS;
/** The hook of each point, typed by its default. */
export type Hooks = { readonly [K in PointName]: (typeof POINTS)[K]['plain'] };
/**
 * A point in a design's `on` table: its hook, or the hook with the kernel code it abstracts
 * (`{ kernel: 'fdget, kernfs_get_active', hook }`), or the kernel name alone for a point whose
 * behaviour is the kernel's but whose function the design names. A string names the point's first
 * user step; a record names them by step (`{ OpenBegin: ..., OpenFile: ... }`).
 */
export type PointEntry<H> = H | { readonly kernel: string | Readonly<Record<string, string>>; readonly hook?: H };
export type On = { readonly [K in PointName]?: PointEntry<Hooks[K]> };

// ---- A design's own state ----

/**
 * The state a design owns, declared with `api.ownState({ layout, init })`: its layout is folded
 * into the model's (TypeOK's `design`), its initial value into every initial state; `get` and
 * `set` read and write it in a state.
 */
export interface OwnState<T> {
  readonly layout: (p: RevokeParams) => Layout;
  readonly init: (p: RevokeParams) => T;
  get(s: State): T;
  set(s: State, value: T): State;
}

// ---- Revoker steps ----

/** Someone a revoker step waits for: a task's call or mmap, an open under way, the revoker itself, or a count no task holds. */
export type Holder = { readonly task: TaskId; readonly through: 'call' | 'mmap' | 'open' } | 'revoker' | { readonly stray: string };

/**
 * Whom a step waits for (kernfs_drain, vgone's LK_DRAIN, polling file_in_use): the step is enabled
 * only while `holders` is empty, and the trace shows each as the revoker's "waits for" edge, so the
 * picture and the guard cannot disagree.
 */
export interface WaitsFor {
  /** What a holder holds, as a reviewer says it: 'an active reference', 'the vnode lock'. */
  readonly holds: string;
  /** Whom the revoker waits for in s, once it is at the step (its other guards hold). */
  holders(s: State, p: RevokeParams): readonly Holder[];
}

/**
 * What a signal to the revoker does while it sleeps in a step's wait (the `revokerSignal` bound):
 * the sleep it is (`interruptible`: wait_event_interruptible, mutex_lock_interruptible, a Hurd
 * pthread_hurd_cond_wait_np, which hurd_thread_cancel ends; `killable`: only a fatal signal ends
 * it), the kernel code that returns early (its -EINTR), and the stage the revoker moves to, from
 * which the design's own steps say what it does then (give up: 'failed'; or carry on without the
 * wait). A step without one sleeps uninterruptibly: a signal waits until the wait is over.
 */
export interface OnSignal {
  readonly sleep: 'interruptible' | 'killable';
  readonly kernel: string;
  readonly to: Stage;
}

/** What a revoker step says of itself, beside its effect (the kernel and the trace read it). */
export interface StepFacts {
  /** The kernel code the step abstracts, shown beside its label in traces. */
  readonly kernel: string;
  /** The stage the step moves the revoker to (undefined: it stays where it is). */
  readonly to?: Stage;
  /** The stages the step is taken from (undefined: its guard says). */
  readonly from?: readonly Stage[];
  readonly waitsFor?: WaitsFor;
  /** Strongly fair (badfs's bounded wait: a step enabled infinitely often is eventually taken), else weakly. */
  readonly fairness: 'weak' | 'strong';
  /** The slot replacement the step installs and what operations on it fail with. */
  readonly installs?: { readonly marker: Marker; readonly errno: Errno };
  /** While this holds, the revoker holds tasklist_lock for reading (copy_process cannot link a child). */
  readonly holdsTasklistLock?: (s: State) => boolean;
  /** A signal ends this step's wait (the `revokerSignal` bound): the kernel's RevokeSignal step. */
  readonly onSignal?: OnSignal;
}

/** A revoker step, built with `revokerStep` or `revokerStepOn` (or a shared one: `scanTask`, `unmap`, `revokeReturn`). */
export interface RevokerStep {
  readonly name: string;
  readonly doc?: string;
  readonly facts: StepFacts;
}

/** What a step builder takes besides its effect. */
export interface StepOptions {
  readonly name: string;
  readonly doc: string;
  /** The kernel code it abstracts: 'kernfs_drain'. */
  readonly kernel: string;
  /** The stages it is taken from: a guard read at load against the stages the steps move to. */
  readonly from?: Stage | readonly Stage[];
  /** The stage it moves the revoker to: declared here, never written by `next`. */
  readonly to?: Stage;
  /** Whom it waits for: it is enabled only once none is left. */
  readonly waitsFor?: WaitsFor;
  readonly fairness?: 'weak' | 'strong';
  readonly holdsTasklistLock?: (s: State) => boolean;
  /** Its wait is one a signal ends (only with `waitsFor`); absent: an uninterruptible sleep. */
  readonly onSignal?: OnSignal;
}

// ---- What a design promises ----

/**
 * The operations a design may promise to stop, as its authors write about them:
 * - data: the f_op data calls, read, write and ioctl (`pread` stands for the calls that bypass a
 *   counted fdget: driver ioctls, splice);
 * - setattr: the inode-level calls (`fchmod` for the setattr family, `fsetxattr`, `fstat`), which
 *   act on file_inode(file) and never go through f_op. fstat is here, not in `data`: it reads the
 *   inode's attributes through i_op->getattr (or generic_fillattr), no driver data behind f_op, so
 *   a design that cuts f_op (hangup, a Revocable, kernfs's active reference) leaves it reachable
 *   exactly as it leaves the setattr family, and the designs that stop it (BSD's deadfs VOP_GETATTR,
 *   a bad inode's getattr, the Hurd's io_stat RPC) stop it with them;
 * - mapping: mmap and the faults of a mapping made before;
 * - open: an open already past its permission check when revoke begins;
 * - release: the final fput's ->release, a call into the driver (the `release` point; G4
 *   `no-live-file-anywhere` judges it: a struct file that outlives revoke and whose release would
 *   still call the driver is not dead).
 */
export type Operation = 'data' | 'setattr' | 'mapping' | 'open' | 'release';

/**
 * What a design promises: the classes of operation it stops (each with its authors' words, for
 * the guarantee sheet), and the guarantees it answers for at all (evdev's per-client revoke says
 * nothing about other open files of the inode: the others are "n/a: not claimed").
 */
export interface Promises {
  /** The classes it promises to stop, each with where its authors say so. Absent: every class ("revoke takes away all access"). */
  readonly stops?: Readonly<Partial<Record<Operation, string>>>;
  /** The guarantees it claims. Absent: every one. */
  readonly guarantees?: readonly string[];
}

// ---- The design ----

/** Words an expectation may use: `violated N` is N steps in the shortest trace. */
export type Expectation = 'holds' | 'violated' | `violated ${number}` | 'unpromised' | `unpromised ${number}` | 'not-exercised' | 'n/a';

interface FieldSpec<T, R extends boolean = boolean> {
  readonly required: R;
  /** What the field is (README's table). */
  readonly doc: string;
  /** What it must be, as the load error says it ("a non-empty string"). */
  readonly shape: string;
  /** Whether a value has that shape (the load-time check of a design file). */
  readonly check: (v: unknown) => boolean;
  /** The field's type (never set: a type carrier). */
  readonly type?: T;
}
const required = <T>(spec: Omit<FieldSpec<T>, 'type' | 'required'>): FieldSpec<T, true> => ({ ...spec, required: true });
const optional = <T>(spec: Omit<FieldSpec<T>, 'type' | 'required'>): FieldSpec<T, false> => ({ ...spec, required: false });
const CALL_KINDS: readonly unknown[] = ['read', 'write', 'pread', 'fchmod', 'fsetxattr', 'fstat'];
const isList = (v: unknown, each: (x: unknown) => boolean): boolean => Array.isArray(v) && v.every(each);
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export const DESIGN_FIELDS = {
  name: required<string>({
    doc: "the design's name: its table row, and how traces and errors name it",
    shape: 'a non-empty string',
    check: (v) => typeof v === 'string' && v !== '',
  }),
  steps: required<readonly RevokerStep[]>({
    doc: "the revoker's steps, each built with `revokerStep` (one instance) or `revokerStepOn` (on the task or file its walk has reached), or the shared `scanTask`, `unmap`, `revokeReturn`; each names its kernel code, the stage it moves to, whom it waits for",
    shape: 'a list of revoker steps built with revokerStep or revokerStepOn',
    check: (v) =>
      isList(v, (s) => isObject(s) && typeof s.name === 'string' && isObject(s.facts) && typeof s.forEachSuccessor === 'function') &&
      (v as unknown[]).length > 0,
  }),
  on: optional<On>({
    doc: 'the interception points where the design differs from the plain kernel (the table below)',
    shape: 'an object of interception points',
    check: isObject,
  }),
  state: optional<OwnState<unknown>>({
    doc: 'the state the design owns, from `api.ownState({ layout, init })`: traces show it as `design`',
    shape: 'a state slot made by api.ownState({ layout, init })',
    check: (v) => isObject(v) && typeof v.layout === 'function' && typeof v.init === 'function' && typeof v.get === 'function',
  }),
  callKinds: optional<readonly CallKind[]>({
    doc: "the call kinds the checker enumerates as steps (default `['read', 'write']`): add the inode-level kinds (`fchmod`, `fsetxattr`, `fstat`) where they take another path than f_op calls (one kind may stand for others the design answers alike: its header says why), `pread` where the other f_op calls differ; G7 asks `begin` of every kind",
    shape: "a list such as ['read', 'write', 'fchmod', 'fstat']",
    check: (v) => isList(v, (k) => CALL_KINDS.includes(k)) && (v as unknown[]).length > 0,
  }),
  holderOwns: optional<boolean>({
    doc: "whether, in the design's documented use, the tasks holding I's files still own I when revoke runs (default `true`): `false` where the revoker changes the owner first (getty's `chown(ttyn, 0, 0); chmod(ttyn, 0600); revoke(ttyn)`, agetty before vhangup, Enberg's \"use revoke() (with chown, for example)\"), so their fchmod and fsetxattr fail EPERM (setattr_prepare); the `owner` bound overrides it",
    shape: 'true or false',
    check: (v) => typeof v === 'boolean',
  }),
  scope: optional<'inode' | 'file'>({
    doc: "`'file'` for a per-file revoke (EVIOCREVOKE): it revokes the caller's struct file, named in `revoker.cursor`, and is judged by G9 `revoked-file-unusable`; default `'inode'`",
    shape: "'inode' or 'file'",
    check: (v) => v === 'inode' || v === 'file',
  }),
  promises: optional<Promises>({
    doc: 'what its authors promise: `stops`, the classes of operation it stops (`data`, `setattr`, `mapping`, `open`, `release`), each with their words, and `guarantees`, the ones it answers for at all (the others show "n/a: not claimed"). Absent: everything, as revoke(2). A cell is judged on the promised classes; what gets through of the others shows as "not promised"',
    shape: "an object { stops?: { data?: '...', ... }, guarantees?: [...] }",
    check: (v) =>
      isObject(v) &&
      Object.keys(v).every((k) => k === 'stops' || k === 'guarantees') &&
      // Which classes and guarantees it names is the study's to check (index.ts), which knows them.
      (v.stops === undefined || (isObject(v.stops) && Object.values(v.stops).every((w) => typeof w === 'string'))) &&
      (v.guarantees === undefined || isList(v.guarantees, (x) => typeof x === 'string')),
  }),
  expect: optional<Readonly<Record<string, Expectation>>>({
    doc: 'the verdicts its authors expect at the default bounds, by guarantee (`holds`, `violated`, `violated N`, `not-exercised`, `n/a`); a guarantee left out goes unchecked',
    shape: "an object of guarantee names to expectation words ('holds', 'violated 4', ...)",
    check: isObject,
  }),
} as const;

type Fields = typeof DESIGN_FIELDS;
type FieldType<F> = F extends FieldSpec<infer T, boolean> ? T : never;
type RequiredField = { [K in keyof Fields]: Fields[K]['required'] extends true ? K : never }[keyof Fields];

/** A revoke design: what a design file's factory returns (DESIGN_FIELDS says each field). */
export type Design = { readonly [K in RequiredField]: FieldType<Fields[K]> } & {
  readonly [K in Exclude<keyof Fields, RequiredField>]?: FieldType<Fields[K]>;
};

// ---- The design API: what the factory receives (kernel/designApi.ts) ----

/** The shared teardowns of a mapping (kernel/revokerSteps.ts says each). */
export type Teardown = 'ptes' | 'nopage' | 'unlink' | 'munmap';

export interface DesignApi {
  // Revoker steps.
  revokerStep(
    def: StepOptions & {
      readonly enabled?: (s: State, p: RevokeParams) => boolean;
      readonly next: (s: State, p: RevokeParams) => State;
      readonly label: (s: State, p: RevokeParams) => string;
    },
  ): RevokerStep;
  revokerStepOn<A>(
    def: StepOptions & {
      readonly target: (s: State, p: RevokeParams) => A | undefined;
      readonly enabled?: (s: State, a: A, p: RevokeParams) => boolean;
      readonly next: (s: State, a: A, p: RevokeParams) => State;
      readonly label: (s: State, a: A, p: RevokeParams) => string;
    },
  ): RevokerStep;
  scanTask(opts: {
    readonly doc: string;
    readonly kernel: string;
    readonly marker: Marker;
    /** What operations on the marker fail with (default EBADF). */
    readonly errno?: Errno;
    readonly collect: boolean;
    readonly waitsFor?: WaitsFor;
  }): RevokerStep;
  scanTarget(s: State): TaskId | undefined;
  scanDone(s: State): boolean;
  unmap(opts: {
    readonly doc: string;
    readonly kernel: string;
    readonly from?: Stage | readonly Stage[];
    readonly enabled?: (s: State) => boolean;
    /** Default 'unmapped'. */
    readonly to?: Stage;
    readonly how: Teardown;
    readonly select: (s: State, t: TaskId, vma: Vma, p: RevokeParams) => boolean;
  }): RevokerStep;
  revokeReturn(opts: { readonly kernel: string; readonly from?: Stage | readonly Stage[]; readonly enabled?: (s: State) => boolean }): RevokerStep;
  filesOnI(s: State): FileId[];
  // What a drain waits for: the callers and mmaps holding the gate (and the revoker's own hold).
  gateHolders(s: State, file?: FileId): Holder[];
  callerHolders(s: State): Holder[];
  gateHeld(s: State, file?: FileId): boolean;
  gateHeldByCallers(s: State): boolean;
  /** Does a call of this kind act on the inode rather than through f_op (fchmod, fsetxattr, fstat)? */
  inodeLevel(kind: CallKind): boolean;
  // Interception points' answers.
  ENTER: Enter;
  enter(how?: Omit<Enter, 'enter'>): Enter;
  fail(errno: Errno, how?: Omit<Fail, 'enter' | 'errno'>): Fail;
  // A design's own state, and the layouts to declare it with.
  ownState<T>(def: { readonly layout: (p: RevokeParams) => Layout; readonly init: (p: RevokeParams) => T }): OwnState<T>;
  layout: {
    readonly bool: Layout;
    enumOf(values: readonly (string | number | boolean | null)[]): Layout;
    record(fields: Record<string, Layout>): Layout;
    list(of: Layout, max: number): Layout;
    int(min: number, max: number): Layout;
    /** The task ids a state may hold under bounds p (for a per-task slot). */
    tasks(p: RevokeParams): readonly TaskId[];
  };
  // An SRCU domain, for a design whose gate is an SRCU read-side section (kernel/srcu.ts).
  srcu: {
    readonly idle: Srcu;
    layout(p: RevokeParams): Layout;
    readLock(d: Srcu, f: FileId): Srcu;
    /** srcu_read_lock in its steps: the index it reads, the count on that index, the consumer's store of it. */
    fetchIdx(d: Srcu): SrcuIdx;
    count(d: Srcu, i: SrcuIdx): Srcu;
    storeHandle(d: Srcu, f: FileId, i: SrcuIdx): Srcu;
    readUnlock(d: Srcu, f: FileId): Srcu;
    drained(d: Srcu, i: SrcuIdx): boolean;
    flip(d: Srcu): Srcu;
    other(d: Srcu): SrcuIdx;
  };
  // Reading and building states (never change one in place).
  FDS: readonly Fd[];
  everySlot(s: State, visit: (slot: Slot, t: TaskId, table: string, fd: Fd) => boolean): boolean;
  someTask(s: State, test: (tk: Task, t: TaskId) => boolean): boolean;
  tableOf(s: State, t: TaskId): Table;
  task(s: State, t: TaskId): Task;
  ownerTask(p: Pick<RevokeParams, 'tasks'>): TaskId;
  inodeOf(s: State, f: FileId): InodeId | undefined;
  isMarker(slot: Slot): slot is Marker;
  returnedZero(s: State): boolean;
  getFile(s: State, f: FileId): State;
  putFile(s: State, f: FileId): State;
  withFile(s: State, f: FileId, file: File | undefined): State;
  withFileRevoked(s: State, f: FileId): State;
  withIDead(s: State): State;
  withInode(s: State, i: InodeId, inode: Inode): State;
  withMessage(s: State, message: Message | null): State;
  /** The revoker's cursor, refs or gate (its stage is each step's `to`). */
  withRevoker(s: State, revoker: Revoker): State;
  withSlot(s: State, table: string, fd: Fd, slot: Slot | undefined): State;
  withTask(s: State, t: TaskId, tk: Task): State;
  /** A revoker step cancels task t's call in progress: it returns `errno` as it ends, and ends even where it was blocked (cancellation: debugfs's ->cancel(), Hurd's hurd_thread_cancel). */
  withCallCancelled(s: State, t: TaskId, errno: Errno): State;
}

/** An SRCU domain's index. */
export type SrcuIdx = 0 | 1;

/** An SRCU domain (kernel/rcu/srcutree.c), as kernel/srcu.ts models it. */
export interface Srcu {
  /** srcu_idx & 1: the index new readers count on. */
  readonly idx: SrcuIdx;
  /** Readers counted on each index (locks minus unlocks). */
  readonly readers: readonly [number, number];
  /** The index each struct file's consumer handle holds (F0, F1 on I). */
  readonly handles: readonly [SrcuIdx, SrcuIdx];
}
