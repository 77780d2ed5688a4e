// Revoker steps several designs share: the per-task table scan (pass 1 of Enberg's revoke and of
// badfs), the mapping teardown, the return. A variant file picks and parameterizes them, and
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
 * RevokeUnmap: pass 2's mapping teardown. `zap` keeps the VMA but makes it fault SIGBUS
 * (revoke_vma, unmap_mapping_range with a gated fault handler); `munmap` removes it (do_munmap)
 * and drops its reference.
 */
export function unmap(opts: {
  readonly doc: string;
  readonly from: (s: State) => boolean;
  readonly to: RevokerPc;
  readonly how: 'zap' | 'munmap';
  readonly select: (s: State, t: TaskId, vma: Vma) => boolean;
}): Step {
  const victims = (s: State): TaskId[] => {
    const found: TaskId[] = [];
    for (const t in s.tasks) {
      const vma = s.tasks[t]!.vma;
      if (vma !== null && !vma.zapped && opts.select(s, t, vma)) found.push(t);
    }
    return found.sort();
  };
  return revokerStep({
    name: 'RevokeUnmap',
    doc: opts.doc,
    enabled: (s) => opts.from(s),
    next(s) {
      let next = s;
      for (const t of victims(s)) {
        const vma = s.tasks[t]!.vma!;
        if (opts.how === 'zap') next = withTask(next, t, { ...next.tasks[t]!, vma: { file: vma.file, zapped: true } });
        else next = putFile(withTask(next, t, { ...next.tasks[t]!, vma: null }), vma.file);
      }
      return setPc(next, opts.to);
    },
    label(s) {
      const found = victims(s);
      return found.length === 0
        ? 'RevokeUnmap: nothing'
        : `RevokeUnmap: ${opts.how} ${found.map((t) => `${t}'s mapping of ${s.tasks[t]!.vma!.file}`).join(', ')}`;
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
