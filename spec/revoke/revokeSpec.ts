// revokeSpec: the revoke model checking one design, revokeat(path)/frevoke(fd) against the kernel
// objects that hold a struct file on inode I (docs/research/domain.md; background in
// docs/research/revoke-domain.md). The kernel's actions are built over the design (each a closure
// over its hooks), and the design's own revoker steps are the only revoker actions: nothing in
// the spec looks the design up while it runs. index.ts makes the designs a study, one spec a row.
//
// Conventions (they fix the trace lengths):
// - Initial state (Viro's): task B, the owner, has fd 3 -> F0 on I with f_count 1; task A (and C
//   with tasks=3) starts with an empty table; with otherInode, A has fd 4 -> J0 on J. The
//   socketpair's queue is empty; no mapping, no call, no open, no child. With tasks=1, A is the
//   owner. With `thread`, the owner's second thread (B2) shares its table. Under frevoke, the
//   owner is the caller of frevoke(3): the revoker holds fget's reference on F0 and spares F0.
// - `filesOnI` struct files on I may exist at once (default 1, frevoke-shared 2: README.md's
//   "The bounds" says why one is enough under revokeat). Before revoke begins any task may open
//   I while the bound allows; an open that passed may_open then may finish after revoke began.
// - Revoke has no separate begin step (the permission check always passes): the revoker's first
//   step is its begin, and a new open(2) of I is refused from then on (the caller's chmod).
// - The revoker scans visible tasks in id order (A, B, then a linked child); a scan is one step
//   per task even when it finds nothing. Pass 2 is two steps: RevokeUnmap (mapping teardown) and
//   RevokeReturn (fput of what it collected, return 0). Merging the fput with the return hides
//   nothing: a user step between them commutes with the return, and the guarantees are about
//   states after it.
// - Labels: `SendFd(B -> A via s0, F0)`, `RecvFd(A, s0): fd 4 -> F0`, `RevokeScanTask(A): nothing`,
//   `Read(A, fd 3) begins on F0, borrowed`; every step's actor is 'revoker' or a task id.
import type { Action, Spec } from '../../checker/spec.ts';
import { Close, DupGet, DupInstall, Open, OpenBegin, OpenFile, OpenInstall } from './kernel/files.ts';
import { CloneFiles, ForkCopy, ForkLink } from './kernel/fork.ts';
import { compileGuarantees } from './kernel/guarantee.ts';
import { judgedGuarantees } from './kernel/judgement.ts';
import { liveness } from './kernel/liveness.ts';
import { Fault, FaultInstall, Mmap, MmapLink, Munmap, Touch } from './kernel/mm.ts';
import { type RevokeParams, defaults, validate } from './kernel/params.ts';
import { RecvFd, SendFd } from './kernel/scm.ts';
import { type File, type State, type Table, type Task, ownerTask, stateLayout, threadId, userTasks } from './kernel/state.ts';
import { SyscallBegin, SyscallEnd, SyscallEndStuck, SyscallRecord } from './kernel/syscalls.ts';
import type { Design } from './api/designApi.ts';
import { type Installed, install, layoutOf } from './kernel/install.ts';
import { signalSteps } from './kernel/revokerSignal.ts';
import { revokeSymmetry } from './symmetry.ts';
import { presentation } from './presentation/hooks.ts';

type RevokeAction = Action<State, RevokeParams>;

function init(d: Installed, p: RevokeParams): State {
  const frevoke = p.mode === 'frevoke';
  const owner = ownerTask(p);
  const tasks: Record<string, Task> = {};
  const tables: Record<string, Table> = {};
  for (const t of userTasks(p)) {
    tasks[t] = { table: t, visible: true, vma: null, call: null, opening: null, dup: null };
    tables[t] = {};
  }
  if (p.thread) tasks[threadId(p)] = { table: owner, visible: true, vma: null, call: null, opening: null, dup: null };
  tables[owner] = { 3: 'F0' };
  const files: Record<string, File> = { F0: { inode: 'I', count: frevoke ? 2 : 1, ops: 'live' } };
  if (p.otherInode) {
    tables.A = { ...tables.A, 4: 'J0' };
    files.J0 = { inode: 'J', count: 1, ops: 'live' };
  }
  const inode = { dead: false };
  return {
    tasks,
    tables,
    files,
    inodes: p.otherInode ? { I: inode, J: inode } : { I: inode },
    message: null,
    revoker: { pc: 'idle', cursor: '', refs: frevoke ? ['F0'] : [], spared: frevoke ? 'F0' : '', gate: p.selfRevoke },
    design: d.own === undefined ? null : d.own.init(p),
  };
}

/** The users' actions and the kernel's own steps, by subsystem: those the design's hooks decide are built over it. */
function userActions(d: Installed): RevokeAction[] {
  return [
    Open,
    OpenBegin,
    OpenFile(d),
    OpenInstall,
    Close,
    ForkCopy,
    ForkLink(d),
    CloneFiles(d),
    SendFd,
    RecvFd,
    // After the SCM_RIGHTS steps: of two equally short traces the search reports the one whose
    // actions come first, and the stories the table and tests name (Viro's) are hand-offs; a dup
    // in flight past the scan is as short (T1, T2) and is pinned in its own test.
    DupGet,
    DupInstall,
    Mmap(d),
    MmapLink(d),
    Munmap,
    Fault(d),
    FaultInstall,
    Touch(d),
    SyscallBegin(d),
    SyscallRecord(d),
    SyscallEnd(d),
    SyscallEndStuck(d),
  ];
}

/**
 * The revoker's actions: one per name among design d's steps, in the order the steps list them,
 * then RevokeSignal where a signal ends one of its waits (kernel/revokerSignal.ts).
 * A step is its own action; steps that share a name (a design file may write two) are one action
 * that runs each, as fairness and coverage know an action by its name.
 */
function revokerActions(d: Installed): RevokeAction[] {
  const all = [...d.steps, ...signalSteps(d.steps)];
  const names = all.map((step) => step.name).filter((name, i, every) => every.indexOf(name) === i);
  return names.map((name) => {
    const steps = all.filter((step) => step.name === name);
    if (steps.length === 1) return steps[0]!;
    return {
      name,
      doc: steps.map((step) => step.doc).join('\n'),
      *successors(s: State, p: RevokeParams) {
        for (const step of steps) yield* step.successors(s, p);
      },
      forEachSuccessor(s: State, p: RevokeParams, emit: (next: State, instance: unknown) => boolean) {
        for (const step of steps) if (!step.forEachSuccessor!(s, p, emit)) return false;
        return true;
      },
      actorOf: () => 'revoker',
    };
  });
}

/** The revoke model for design d: its bounds' defaults name it (a design file's, by its name). */
export function revokeSpec(design: Design): Spec<State, RevokeParams> {
  const d = install(design);
  const { invariants, reachable } = compileGuarantees(judgedGuarantees(d));
  return {
    name: 'revoke',
    summary: `the ${d.name} design of revokeat/frevoke against every holder of a struct file`,
    defaults: { ...defaults, variant: d.name },
    validate,
    init: (p) => [init(d, p)],
    actions: [...userActions(d), ...revokerActions(d)],
    invariants,
    reachable,
    ...liveness(d),
    // TypeOK, with the design's own revoker stages and its own state.
    layout: (p) => stateLayout(p, layoutOf(d)),
    // F0 and F1 under revokeat (symmetry.ts); used only when asked (--symmetry).
    symmetry: (p) => revokeSymmetry(d.name, p),
    presentation: presentation(d),
  };
}
