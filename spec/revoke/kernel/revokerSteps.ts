// Revoker steps: the two builders every design writes its steps with, `revokerStep` (one instance)
// and `revokerStepOn` (on the task or file the revoker's walk has reached), and the steps several
// designs share: the per-task table scan (pass 1 of Enberg's revoke and of badfs), the mapping
// teardown, the return. Each step says what it is in the kernel (`kernel`), the stages it is taken
// `from`, the stage it moves `to` (its `next` never writes the stage), and whom it `waitsFor` (it
// is enabled only once no one is left, and the trace draws each as a "waits for" edge).
//
// The scan of one task's table is one atomic step: the kernel does it under that table's
// files->file_lock, which every user action on the table also takes (alloc_fd, close_fd,
// __fget_light's caller being the table's only user). A finer split would only expose states no
// user action can observe. Between two scans anything may happen: read_lock(tasklist_lock) held
// across the whole pass excludes only copy_process's link (write_lock), not dup, close, sendmsg,
// recvmsg or the syscalls.
import { defineAction } from '../../../checker/defineAction.ts';
import type { Errno, Stage, StepFacts, StepOptions, Teardown, WaitsFor } from '../api/designApi.ts';
import type { KernelStep } from './install.ts';
import type { RevokeParams } from './params.ts';
import {
  FDS,
  type Fd,
  type FileId,
  type Marker,
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

const ONE = [null] as const;

const stagesList = (from: Stage | readonly Stage[] | undefined): readonly Stage[] | undefined =>
  from === undefined ? undefined : typeof from === 'string' ? [from] : from;

/** A step's facts from its options (the kernel and the trace read them; install.ts checks the stages). */
function factsOf(def: StepOptions, more: Partial<StepFacts> = {}): StepFacts {
  if (typeof def.kernel !== 'string' || def.kernel.trim() === '') throw new Error(`step ${def.name} names no kernel code it abstracts (its \`kernel\`)`);
  const from = stagesList(def.from);
  // A signal ends a sleep, and only a step that waits sleeps.
  if (def.onSignal !== undefined && def.waitsFor === undefined)
    throw new Error(`step ${def.name} has an \`onSignal\` but no \`waitsFor\`: a signal ends a wait`);
  return {
    kernel: def.kernel,
    fairness: def.fairness ?? 'weak',
    ...(def.to === undefined ? {} : { to: def.to }),
    ...(from === undefined ? {} : { from }),
    ...(def.waitsFor === undefined ? {} : { waitsFor: def.waitsFor }),
    ...(def.holdsTasklistLock === undefined ? {} : { holdsTasklistLock: def.holdsTasklistLock }),
    ...(def.onSignal === undefined ? {} : { onSignal: def.onSignal }),
    ...more,
  };
}

/**
 * The effect with the stage the step declares: the revoker moves to `to` (or stays), and a `next`
 * that wrote the stage itself is refused, so every stage a state holds is one a step declares.
 */
function staged<A extends unknown[]>(name: string, to: Stage | undefined, next: (s: State, ...a: A) => State): (s: State, ...a: A) => State {
  return (s, ...a) => {
    const after = next(s, ...a);
    if (after.revoker.pc !== s.revoker.pc)
      throw new Error(`step ${name} set the revoker's stage itself ('${after.revoker.pc}'): declare it as the step's \`to\``);
    return to === undefined || to === after.revoker.pc ? after : setPc(after, to);
  };
}

/** The guard of a step's `from` and its wait: at one of its stages, and no one left to wait for. */
function guardOf(def: StepOptions): { at: (s: State) => boolean; free: (s: State, p: RevokeParams) => boolean } {
  const from = stagesList(def.from);
  const wait = def.waitsFor;
  return {
    at: from === undefined ? () => true : (s) => from.includes(s.revoker.pc),
    free: wait === undefined ? () => true : (s, p) => wait.holders(s, p).length === 0,
  };
}

/**
 * A revoker step with one instance: the revoker is one thread, so the step has no parameter and
 * is drawn in the revoker's lane. `from` and `enabled` are its guard, `next` its effect, `to` the
 * stage it moves to; with `waitsFor`, it is enabled only once no one is left to wait for.
 */
export function revokerStep(
  def: StepOptions & {
    readonly enabled?: (s: State, p: RevokeParams) => boolean;
    readonly next: (s: State, p: RevokeParams) => State;
    readonly label: (s: State, p: RevokeParams) => string;
  },
  more?: Partial<StepFacts>,
): KernelStep {
  const { at, free } = guardOf(def);
  const enabled = def.enabled ?? (() => true);
  const atStep = (s: State, p: RevokeParams) => at(s) && enabled(s, p);
  const action = defineAction<State, RevokeParams, null>({
    name: def.name,
    doc: def.doc,
    params: () => ONE,
    enabled: (s, _a, p) => atStep(s, p) && free(s, p),
    next: staged(def.name, def.to, (s: State, _a: null, p: RevokeParams) => def.next(s, p)),
    label: (s, _a, p) => def.label(s, p),
    actor: () => 'revoker',
  });
  return Object.assign(action, { facts: factsOf(def, more), atStep });
}

/**
 * A revoker step on the one task or file its walk has reached (`target`; undefined: the walk is
 * not at a step of this kind). `enabled` is the guard beyond that (default: none).
 */
export function revokerStepOn<A>(
  def: StepOptions & {
    readonly target: (s: State, p: RevokeParams) => A | undefined;
    readonly enabled?: (s: State, a: A, p: RevokeParams) => boolean;
    readonly next: (s: State, a: A, p: RevokeParams) => State;
    readonly label: (s: State, a: A, p: RevokeParams) => string;
  },
  more?: Partial<StepFacts>,
): KernelStep {
  const { at, free } = guardOf(def);
  const enabled = def.enabled ?? (() => true);
  const atStep = (s: State, p: RevokeParams) => {
    if (!at(s)) return false;
    const a = def.target(s, p);
    return a !== undefined && enabled(s, a, p);
  };
  const action = defineAction<State, RevokeParams, A>({
    name: def.name,
    doc: def.doc,
    params(s, p) {
      if (!at(s)) return [];
      const a = def.target(s, p);
      return a === undefined ? [] : [a];
    },
    enabled: (s, a, p) => enabled(s, a, p) && free(s, p),
    next: staged(def.name, def.to, def.next),
    label: def.label,
    actor: () => 'revoker',
    // The walk's cursor names the target: the revoker picks nothing.
    pick: false,
  });
  return Object.assign(action, { facts: factsOf(def, more), atStep });
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
 * frevoke caller's) gets `marker` (operations on it fail `errno`, EBADF by default); the table's
 * reference is collected (Enberg) or dropped with filp_close (badfs). The pass holds
 * read_lock(tasklist_lock) from the first scan to its end (stage 'scan'): copy_process cannot link
 * a child meanwhile. With `waitsFor`, a scan waits until no one is left to wait for (badfs's f_light).
 */
export function scanTask(opts: {
  readonly doc: string;
  readonly kernel: string;
  readonly marker: Marker;
  readonly errno?: Errno;
  readonly collect: boolean;
  readonly waitsFor?: WaitsFor;
}): KernelStep {
  const victims = (s: State, t: TaskId): [Fd, FileId][] => {
    const table = s.tables[s.tasks[t]!.table]!;
    const found: [Fd, FileId][] = [];
    for (const fd of FDS) {
      const slot = table[fd];
      if (slot !== undefined && !isMarker(slot) && inodeOf(s, slot) === 'I' && slot !== s.revoker.spared) found.push([fd, slot]);
    }
    return found;
  };
  return revokerStepOn(
    {
      name: 'RevokeScanTask',
      doc: opts.doc,
      kernel: opts.kernel,
      to: 'scan',
      ...(opts.waitsFor === undefined ? {} : { waitsFor: opts.waitsFor }),
      holdsTasklistLock: (s) => s.revoker.pc === 'scan',
      target: scanTarget,
      next(s, t) {
        let next = s;
        const table = s.tasks[t]!.table;
        for (const [fd, f] of victims(s, t)) {
          next = withSlot(next, table, fd, opts.marker);
          next = opts.collect ? withRevoker(next, { ...next.revoker, refs: addRef(next.revoker.refs, f) }) : putFile(next, f);
        }
        return withRevoker(next, { ...next.revoker, cursor: t });
      },
      label(s, t) {
        const found = victims(s, t);
        if (found.length === 0) return `RevokeScanTask(${t}): nothing`;
        return `RevokeScanTask(${t}): ${found.map(([fd, f]) => `fd ${fd} ${f} -> ${opts.marker}`).join(', ')}`;
      },
    },
    { installs: { marker: opts.marker, errno: opts.errno ?? 'EBADF' } },
  );
}

/**
 * RevokeUnmap: pass 2's mapping teardown (`how`, designApi.ts's Teardown):
 * - `ptes`: unmap_mapping_range: the vma's page-table entries go; its handler is left as it was
 *   (a later fault asks the design's `fault` point, or finds the page again);
 * - `nopage`: 2006's revoke_mapping: vm_ops -> a nopage that fails (SIGBUS), and
 *   invalidate_inode_pages2 drops the PTEs;
 * - `unlink`: 2007's revoke_vma: the PTEs are zapped, the vma unlinked from the file and vm_file
 *   fput (a touch of the range is SIGBUS): the vma no longer holds the file;
 * - `munmap`: badfs's do_munmap: the vma and its reference go.
 * It finds only vmas already linked into the address_space it walks (`select` says which of those
 * it takes): an mmap between ->mmap and the link, or a vma in another address_space
 * (iomemMapping), is missed. It moves the revoker to `to` ('unmapped' unless said).
 */
export function unmap(opts: {
  readonly doc: string;
  readonly kernel: string;
  readonly from?: Stage | readonly Stage[];
  readonly enabled?: (s: State) => boolean;
  readonly to?: Stage;
  readonly how: Teardown;
  readonly select: (s: State, t: TaskId, vma: Vma, p: RevokeParams) => boolean;
}): KernelStep {
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
    kernel: opts.kernel,
    ...(opts.from === undefined ? {} : { from: opts.from }),
    to: opts.to ?? 'unmapped',
    ...(opts.enabled === undefined ? {} : { enabled: opts.enabled }),
    next(s, p) {
      let next = s;
      for (const t of victims(s, p)) {
        const vma = s.tasks[t]!.vma!;
        if (opts.how === 'ptes') next = withTask(next, t, { ...next.tasks[t]!, vma: { ...vma, pte: false } });
        else if (opts.how === 'nopage') next = withTask(next, t, { ...next.tasks[t]!, vma: { ...vma, pte: false, zapped: true } });
        else next = putFile(withTask(next, t, { ...next.tasks[t]!, vma: null }), vma.file);
      }
      return next;
    },
    label(s, p) {
      const found = victims(s, p);
      return found.length === 0 ? 'RevokeUnmap: nothing' : `RevokeUnmap: ${verb} ${found.map((t) => `${t}'s mapping of ${s.tasks[t]!.vma!.file}`).join(', ')}`;
    },
  });
}

/** RevokeReturn: fput every reference the revoker holds, and return 0 to the caller (stage 'done'). */
export function revokeReturn(opts: {
  readonly kernel: string;
  readonly from?: Stage | readonly Stage[];
  readonly enabled?: (s: State) => boolean;
}): KernelStep {
  return revokerStep({
    name: 'RevokeReturn',
    doc: 'The revoker puts the files it collected (fput) and returns 0; from here on the guarantees apply.',
    kernel: opts.kernel,
    ...(opts.from === undefined ? {} : { from: opts.from }),
    to: 'done',
    ...(opts.enabled === undefined ? {} : { enabled: opts.enabled }),
    next(s) {
      let next = withRevoker(s, { ...s.revoker, refs: [] });
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
