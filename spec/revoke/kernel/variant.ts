// What a revoke design is, to the rest of the model: its revoker's steps and the hooks it
// installs on user paths. The kernel model (files.ts, fork.ts, scm.ts, mm.ts, syscalls.ts) is
// shared; a variant file (variants/*.ts) holds only this.
import type { Action } from '../../../checker/spec.ts';
import type { Promises } from './promises.ts';
import type { RevokeParams } from './params.ts';
import { type Call, type CallKind, type File, type FileId, type Marker, type State, type Task, type TaskId, type Vma, someTask } from './state.ts';

/** The error an operation fails with; `EOF` is no errno but a read that returns 0 (a hung-up tty's read). */
export type Errno = 'EBADF' | 'ENXIO' | 'EIO' | 'ENODEV' | 'EINVAL' | 'EOF';
/** What the gate is asked about: a call, an mmap, or an open's ->open (an open under way, files.ts). */
export type OpKind = CallKind | 'mmap' | 'open';

/** What the variant's gate does with a new operation through a struct file on I. */
export type Gate =
  | {
      readonly enter: true;
      /** the call holds the gate until it returns (active ref, vnode lock); an mmap, until its vma is linked */
      readonly holds: boolean;
      /**
       * The gate checks first and records its hold in a step of its own (Biederman 2009's
       * file_hotplug_read_trylock reads f_mode, then stores the task's slot): in between, a
       * revoker looking for holders finds none.
       */
      readonly recordsLater?: boolean;
    }
  | { readonly enter: false; readonly errno: Errno }
  /** The gate is closing: the caller sleeps (vnode-revoke's VI_DOOMED), so the step is disabled. */
  | 'wait';

export const ENTER: Gate = { enter: true, holds: false };
export const fail = (errno: Errno): Gate => ({ enter: false, errno });

/** A holder of the design's gate on I: a task's call inside a method or mmap before its link, or the revoker itself. */
export type GateHolder = { readonly task: TaskId; readonly through: 'call' | 'mmap' } | 'revoker';

const through = (f: FileId, file: FileId | undefined): boolean => file === undefined || f === file;
const callHolds = (tk: Task, file: FileId | undefined): boolean => tk.call !== null && tk.call.gate && through(tk.call.file, file);
const mmapHolds = (tk: Task, file: FileId | undefined): boolean => tk.vma !== null && tk.vma.gate && through(tk.vma.file, file);

/**
 * Someone holds the design's gate on I: a call inside a method (it entered with `holds`), an
 * mmap before its link, or the revoker itself (selfRevoke). For active-refs the gate is an active
 * reference, for vnode-revoke the vnode lock; the drain of either waits until this is false.
 * With `file`, only holds taken through that struct file count (a per-file drain: Biederman 2009's
 * file_in_use), and the revoker's own does not.
 */
export function gateHeld(s: State, file?: FileId): boolean {
  return (file === undefined && s.revoker.gate) || someTask(s, (tk) => callHolds(tk, file) || mmapHolds(tk, file));
}

/** Who holds the gate, as gateHeld counts them: the revoker first, then the tasks in id order. */
export function gateHolders(s: State, file?: FileId): GateHolder[] {
  const holders: GateHolder[] = file === undefined && s.revoker.gate ? ['revoker'] : [];
  for (const t of Object.keys(s.tasks).sort()) {
    const tk = s.tasks[t]!;
    if (callHolds(tk, file)) holders.push({ task: t, through: 'call' });
    if (mmapHolds(tk, file)) holders.push({ task: t, through: 'mmap' });
  }
  return holders;
}

/**
 * Where a design's revoker waits for others to leave (kernfs_drain, vgone's LK_DRAIN, polling
 * file_in_use, badfs's `while (file->f_light) schedule();`): the trace shows it as the revoker's
 * "waits for" edge, and names the step it keeps disabled when a lasso hangs there.
 */
export interface Drain {
  /** The revoker step the wait keeps disabled. */
  readonly step: string;
  /** What a holder holds, as a reviewer says it: 'an active reference', 'the vnode lock'. */
  readonly holds: string;
  /** Whom the revoker waits for in s: none where it is not waiting. */
  holders(s: State): readonly GateHolder[];
}

/**
 * A caller (not the revoker) holds the design's gate: for a revoker whose wait leaves its own
 * hold out (Hurd's inhibit spares the RPC it runs in; EVIOCREVOKE's ioctl takes evdev->mutex itself).
 */
export function gateHeldByCallers(s: State): boolean {
  return someTask(s, (tk) => callHolds(tk, undefined) || mmapHolds(tk, undefined));
}

export interface Variant {
  /** The design's name: the table's row, and what `variant` names it by (a design file's is its own). */
  readonly name: string;
  /** The revoker pcs this design adds to state.ts's (a design file's own stages), for the state's layout. */
  readonly pcs?: readonly string[];
  /** The error a slot's replacement returns (2007's revokefs file, badfs's bad file, 2006's NULL). */
  readonly markerErrno?: { readonly [M in Marker]?: Errno };
  /**
   * The call kinds the checker enumerates as steps: `read` and `write` always (the patch promises
   * them different fates), and a kind beside them only where this design's hooks treat it
   * differently (`fchmod` where inode-level calls take another path than f_op calls, `pread` where
   * the fdget differs). G7 asks the gate about every kind, enumerated or not.
   */
  readonly callKinds: readonly CallKind[];
  /** The kinds whose system calls take a counted fget whatever `fdget` says (2006 V1 switched sys_read and sys_write). */
  readonly countedKinds?: readonly CallKind[];
  /** A new operation through struct file `file` (on I). */
  gate(s: State, p: RevokeParams, file: File, kind: OpKind): Gate;
  /**
   * For a gate that `recordsLater`: what the call meets when it records its hold (SyscallRecord).
   * Absent: the hold is recorded, no check again (Biederman 2009's slot store). A tty's read takes
   * the ldisc semaphore here: it waits while hangup holds it for writing, and finds the ldisc gone
   * after (the call returns its error at once: hung_up_tty_read's 0).
   */
  recordGate?(s: State, p: RevokeParams, call: Call): Gate;
  /**
   * What entering and leaving the gate does to a kernel object, for a gate that is more than a
   * hold (the C revocable's srcu_read_lock, which stores its index in the file's handle, and
   * srcu_read_unlock, which reads it back). `enterCall` runs once task t's call is in the state and
   * may rewrite it (a call that found the resource gone `loadedOps: 'revoked'`); `leaveCall` runs
   * while the ending call is still there.
   */
  enterCall?(s: State, p: RevokeParams, t: TaskId): State;
  leaveCall?(s: State, p: RevokeParams, t: TaskId): State;
  /**
   * What revoke takes away: the inode (default: every open file of it), or one struct file, the
   * caller's (EVIOCREVOKE on fd 3), which the revoker names in its cursor once it has begun. A
   * per-file design is judged by G9 `revoked-file-unusable`; G9 does not apply to the others.
   */
  readonly scope?: 'inode' | 'file';
  /** The state shows inode I's SRCU domain (srcu.ts): the design's gate uses it. */
  readonly showsSrcu?: boolean;
  /** Does a call in progress on I touch I's data when it returns (it acts with what it loaded)? */
  callReaches(s: State, p: RevokeParams, call: Call): boolean;
  /** What a call in progress on I that no longer reaches I returns (default EIO; a hung-up tty's read: 0). */
  callErrno?(s: State, p: RevokeParams, call: Call): Errno;
  /** Does a fault's handler on this mapping of I pass and find I's page, or raise SIGBUS? (A PTE already there needs no fault.) */
  faultReaches(s: State, p: RevokeParams, vma: Vma): boolean;
  /** Has revoke cut this struct file itself (not just a slot naming it)? */
  cut(s: State, p: RevokeParams, file: File): boolean;
  /** The revoker holds tasklist_lock for reading: copy_process cannot link a child. */
  tasklistHeld(s: State): boolean;
  /**
   * The verdicts this design's authors expect at the default bounds, per guarantee: `holds`,
   * `violated`, `violated N` (the shortest trace's steps), `not-exercised` or `n/a` (`rmc expect`
   * compares them with the table, as LKMM's litmus tests keep their `Result:`).
   */
  readonly expect?: Readonly<Record<string, string>>;
  /**
   * What the design promises (promises.ts): the classes of operation it stops (f_op data calls,
   * inode-level calls, mappings, opens, the final release), each with its authors' words, and the
   * guarantees it answers for at all (evdev's per-client revoke and a Revocable<T> say nothing
   * about other open files of the inode: "n/a: not claimed"). Absent: everything, as revoke(2).
   */
  readonly promises?: Promises;
  /** The revoker's steps, in the order the report lists them. */
  readonly steps: readonly Action<State, RevokeParams>[];
  /** Where its revoker waits for holders to leave, if it ever does. */
  readonly drain?: Drain;
  /**
   * The kernel code each of its revoker steps abstracts, by step name (`RevokeDrain:
   * 'kernfs_drain'`), and any user step its hooks change (its gate's function on the syscall
   * path); traces show it beside the label (presentation/kernelNames.ts names the user steps).
   */
  readonly kernel?: Readonly<Record<string, string>>;
}

/**
 * The user-path hooks of a design that cuts only at the fd slot under tasklist_lock (Enberg 2006
 * and 2007, badfs): every operation enters, a call in progress acts with what it loaded, a mapping
 * faults into I until it is zapped, no struct file is cut.
 */
export const slotCutterHooks: Pick<Variant, 'gate' | 'callReaches' | 'faultReaches' | 'cut' | 'tasklistHeld' | 'callKinds'> = {
  callKinds: ['read', 'write'],
  gate: () => ENTER,
  callReaches: () => true,
  faultReaches: (_s, _p, vma) => !vma.zapped,
  cut: () => false,
  tasklistHeld: (s) => s.revoker.pc === 'scan',
};
