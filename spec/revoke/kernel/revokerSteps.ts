// Revoker steps several designs share: the per-task table scan (pass 1 of Enberg's revoke and of
// badfs), the drain, the mapping teardown, the return. A variant file picks and parameterizes them, and
// writes its own steps with the same two builders: `revokerStep` (one instance) and
// `revokerStepOn` (on the task or file the revoker's walk has reached).
//
// The scan of one task's table is one atomic step: the kernel does it under that table's
// files->file_lock, which every user action on the table also takes (alloc_fd, close_fd,
// __fget_light's caller being the table's only user). A finer split would only expose states no
// user action can observe. Between two scans anything may happen: read_lock(tasklist_lock) held
// across the whole pass excludes only copy_process's link (write_lock), not dup, close, sendmsg,
// recvmsg or the syscalls.
import { defineAction } from '../../../checker/defineAction.ts';
import type { Action } from '../../../checker/spec.ts';
import type { RevokeParams } from './params.ts';
import { type Drain, gateHeld, gateHolders } from './variant.ts';
import {
  FDS,
  type Fd,
  type FileId,
  type Marker,
  type RevokerPc,
  type State,
  type TaskId,
  type Vma,
  inodeOf,
  isMarker,
  putFile,
  setPc,
  withRevoker,
  withSlot,
  withTask,
} from './state.ts';

type Step = Action<State, RevokeParams>;

const ONE = [null] as const;

/**
 * A revoker step with one instance: the revoker is one thread, so the step has no parameter and
 * is drawn in the revoker's lane. `enabled` is its guard, `next` its effect.
 */
export function revokerStep(def: {
  readonly name: string;
  readonly doc: string;
  readonly enabled: (s: State, p: RevokeParams) => boolean;
  readonly next: (s: State, p: RevokeParams) => State;
  readonly label: (s: State, p: RevokeParams) => string;
}): Step {
  return defineAction<State, RevokeParams, null>({
    name: def.name,
    doc: def.doc,
    params: () => ONE,
    enabled: (s, _a, p) => def.enabled(s, p),
    next: (s, _a, p) => def.next(s, p),
    label: (s, _a, p) => def.label(s, p),
    actor: () => 'revoker',
  });
}

/**
 * A revoker step on the one task or file its walk has reached (`target`; undefined: the walk is
 * not at a step of this kind). `enabled` is the guard beyond that (default: none).
 */
export function revokerStepOn<A>(def: {
  readonly name: string;
  readonly doc: string;
  readonly target: (s: State) => A | undefined;
  readonly enabled?: (s: State, a: A, p: RevokeParams) => boolean;
  readonly next: (s: State, a: A, p: RevokeParams) => State;
  readonly label: (s: State, a: A, p: RevokeParams) => string;
}): Step {
  return defineAction<State, RevokeParams, A>({
    name: def.name,
    doc: def.doc,
    params(s) {
      const a = def.target(s);
      return a === undefined ? [] : [a];
    },
    enabled: def.enabled ?? (() => true),
    next: def.next,
    label: def.label,
    actor: () => 'revoker',
  });
}

/**
 * A drain: the revoker step that waits until no one holds the design's gate (kernfs_drain, the
 * vnode lock's LK_DRAIN, polling file_in_use), enabled only then. `waiting` says when the revoker
 * is at it; `file` narrows the holders to those of one struct file (and leaves out the
 * revoker's own). Returns the step and the Drain the trace shows as "waits for": both read the
 * same two functions, so the picture and the guard cannot disagree.
 */
export function drainStep(def: {
  readonly name: string;
  readonly doc: string;
  /** What a holder holds, as a reviewer says it: 'an active reference'. */
  readonly holds: string;
  readonly waiting: (s: State) => boolean;
  readonly file?: (s: State) => FileId;
  readonly next: (s: State, p: RevokeParams) => State;
  readonly label: (s: State, p: RevokeParams) => string;
}): { readonly step: Step; readonly drain: Drain } {
  const file = def.file ?? (() => undefined);
  const step = revokerStep({
    name: def.name,
    doc: def.doc,
    enabled: (s) => def.waiting(s) && !gateHeld(s, file(s)),
    next: def.next,
    label: def.label,
  });
  const drain: Drain = { step: def.name, holds: def.holds, holders: (s) => (def.waiting(s) ? gateHolders(s, file(s)) : []) };
  return { step, drain };
}

/** Before the first scan, or between scans. */
function inScan(s: State): boolean {
  return s.revoker.pc === 'idle' || s.revoker.pc === 'scan';
}

/** The next visible task in scan order (do_each_thread walks the task list: A, B, then a linked child). */
function nextScanTask(s: State): TaskId | undefined {
  const cursor = s.revoker.cursor;
  let next: TaskId | undefined;
  for (const t in s.tasks) if (s.tasks[t]!.visible && t > cursor && (next === undefined || t < next)) next = t;
  return next;
}

/** The task pass 1 scans next, while pass 1 is under way (the target of RevokeScanTask and badfs's RevokeGiveUp). */
export function scanTarget(s: State): TaskId | undefined {
  return inScan(s) ? nextScanTask(s) : undefined;
}

/** Pass 1 is over: every visible task has been scanned. */
export function scanDone(s: State): boolean {
  return inScan(s) && nextScanTask(s) === undefined;
}

function addRef(refs: readonly FileId[], f: FileId): readonly FileId[] {
  return [...refs, f].sort();
}

/**
 * RevokeScanTask(t): under t's file_lock, every fd whose struct file is on I (and is not the
 * frevoke caller's) gets `marker`; the table's reference is collected (Enberg) or dropped with
 * filp_close (badfs).
 */
export function scanTask(opts: {
  readonly doc: string;
  readonly marker: Marker;
  readonly collect: boolean;
  /** The scan cannot proceed (badfs waits for f_light users while holding the locks). */
  readonly blocked?: (s: State, t: TaskId) => boolean;
}): Step {
  const victims = (s: State, t: TaskId): [Fd, FileId][] => {
    const table = s.tables[s.tasks[t]!.table]!;
    const found: [Fd, FileId][] = [];
    for (const fd of FDS) {
      const slot = table[fd];
      if (slot !== undefined && !isMarker(slot) && inodeOf(s, slot) === 'I' && slot !== s.revoker.spared) found.push([fd, slot]);
    }
    return found;
  };
  return revokerStepOn({
    name: 'RevokeScanTask',
    doc: opts.doc,
    target: scanTarget,
    enabled: (s, t) => !opts.blocked?.(s, t),
    next(s, t) {
      let next = s;
      const table = s.tasks[t]!.table;
      for (const [fd, f] of victims(s, t)) {
        next = withSlot(next, table, fd, opts.marker);
        next = opts.collect ? withRevoker(next, { ...next.revoker, refs: addRef(next.revoker.refs, f) }) : putFile(next, f);
      }
      return withRevoker(next, { ...next.revoker, pc: 'scan', cursor: t });
    },
    label(s, t) {
      const found = victims(s, t);
      if (found.length === 0) return `RevokeScanTask(${t}): nothing`;
      return `RevokeScanTask(${t}): ${found.map(([fd, f]) => `fd ${fd} ${f} -> ${opts.marker}`).join(', ')}`;
    },
  });
}

/**
 * How a design's pass 2 takes a mapping of I down:
 * - `ptes`: unmap_mapping_range: the vma's page-table entries go; its handler is left as it was
 *   (a later fault asks the design's gate, or finds the page again);
 * - `nopage`: 2006's revoke_mapping: vm_ops -> a nopage that fails (SIGBUS), and
 *   invalidate_inode_pages2 drops the PTEs;
 * - `unlink`: 2007's revoke_vma: the PTEs are zapped, the vma unlinked from the file and vm_file
 *   fput (a touch of the range is SIGBUS): the vma no longer holds the file;
 * - `munmap`: badfs's do_munmap: the vma and its reference go.
 */
export type Teardown = 'ptes' | 'nopage' | 'unlink' | 'munmap';

/**
 * RevokeUnmap: pass 2's mapping teardown. It finds only vmas already linked into the
 * address_space it walks (`select` says which of those it takes): an mmap between ->mmap and the
 * link, or a vma in another address_space (iomemMapping), is missed.
 */
export function unmap(opts: {
  readonly doc: string;
  readonly from: (s: State) => boolean;
  readonly to: RevokerPc;
  readonly how: Teardown;
  readonly select: (s: State, t: TaskId, vma: Vma, p: RevokeParams) => boolean;
}): Step {
  const changes = (vma: Vma): boolean => (opts.how === 'ptes' ? vma.pte : opts.how === 'nopage' ? vma.pte || !vma.zapped : true);
  const victims = (s: State, p: RevokeParams): TaskId[] => {
    const found: TaskId[] = [];
    for (const t in s.tasks) {
      const vma = s.tasks[t]!.vma;
      if (vma !== null && (vma.linked || opts.how === 'munmap') && changes(vma) && opts.select(s, t, vma, p)) found.push(t);
    }
    return found.sort();
  };
  const verb = { ptes: 'zap the PTEs of', nopage: 'nopage -> SIGBUS for', unlink: 'revoke_vma (unlink, fput vm_file)', munmap: 'do_munmap' }[opts.how];
  // unlink and munmap change the vma itself, under its mm's mmap_lock (write), which a fault holds
  // for reading and an mmap for writing: the kernel waits for the fault or the mmap to finish and
  // then takes the vma down. The step takes it down at once, which ends in the same state (a PTE
  // the fault would install, or the link the mmap would make, goes with the vma). A munmap walks
  // the tasks' mms, so it also meets a vma whose mmap is not yet linked; revoke_vma walks i_mmap,
  // so it does not. unmap_mapping_range takes no mmap_lock and meets only linked vmas' PTEs.
  return revokerStep({
    name: 'RevokeUnmap',
    doc: opts.doc,
    enabled: (s) => opts.from(s),
    next(s, p) {
      let next = s;
      for (const t of victims(s, p)) {
        const vma = s.tasks[t]!.vma!;
        if (opts.how === 'ptes') next = withTask(next, t, { ...next.tasks[t]!, vma: { ...vma, pte: false } });
        else if (opts.how === 'nopage') next = withTask(next, t, { ...next.tasks[t]!, vma: { ...vma, pte: false, zapped: true } });
        else next = putFile(withTask(next, t, { ...next.tasks[t]!, vma: null }), vma.file);
      }
      return setPc(next, opts.to);
    },
    label(s, p) {
      const found = victims(s, p);
      return found.length === 0 ? 'RevokeUnmap: nothing' : `RevokeUnmap: ${verb} ${found.map((t) => `${t}'s mapping of ${s.tasks[t]!.vma!.file}`).join(', ')}`;
    },
  });
}

/** RevokeReturn: fput every reference the revoker holds, and return 0 to the caller. */
export function revokeReturn(from: (s: State) => boolean): Step {
  return revokerStep({
    name: 'RevokeReturn',
    doc: 'The revoker puts the files it collected (fput) and returns 0; from here on the guarantees apply.',
    enabled: (s) => from(s),
    next(s) {
      let next = withRevoker(s, { ...s.revoker, refs: [], pc: 'done' });
      for (const f of s.revoker.refs) next = putFile(next, f);
      return next;
    },
    label: (s) => (s.revoker.refs.length === 0 ? 'RevokeReturn' : `RevokeReturn: fput ${s.revoker.refs.join(', ')}`),
  });
}

/** The files on I, in id order: the per-inode list file-list walks (files opened before revoke). */
export function filesOnI(s: State): FileId[] {
  const found: FileId[] = [];
  for (const f in s.files) if (s.files[f]!.inode === 'I') found.push(f);
  return found.sort();
}
