// The revoke model: revokeat(path)/frevoke(fd) designs against the kernel objects that hold a
// struct file on inode I (docs/research/domain.md; background in docs/research/revoke-domain.md).
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
import { variantOf } from './kernel/access.ts';
import { perParams } from './kernel/perParams.ts';
import { Close, Dup, Open, OpenBegin, OpenFile, OpenInstall } from './kernel/files.ts';
import { CloneFiles, ForkCopy, ForkLink } from './kernel/fork.ts';
import { invariants, notApplicable, reachable } from './kernel/guarantees.ts';
import { Fault, FaultInstall, Mmap, MmapLink, Munmap, Touch } from './kernel/mm.ts';
import { type RevokeParams, defaults, untabledDesignNames, validate, variantNames } from './kernel/params.ts';
import { presentation } from './presentation/hooks.ts';
import { RecvFd, SendFd } from './kernel/scm.ts';
import { type File, type State, type Table, type Task, ownerTask, stateLayout, threadId, userTasks } from './kernel/state.ts';
import { SyscallBegin, SyscallEnd, SyscallEndStuck, SyscallRecord } from './kernel/syscalls.ts';
import { liveness } from './kernel/liveness.ts';
import { SRCU_IDLE } from './kernel/srcu.ts';
import { boundsNote } from './kernel/boundsNote.ts';
import { designNamed } from './kernel/designs.ts';
import { DesignFileError } from './kernel/designFile.ts';
import { isDesignPath } from './kernel/designPath.ts';
import './variants/index.ts';
import { designsVersion, registeredDesigns } from './kernel/designs.ts';

function init(p: RevokeParams): State {
  const frevoke = p.mode === 'frevoke';
  const owner = ownerTask(p);
  const tasks: Record<string, Task> = {};
  const tables: Record<string, Table> = {};
  for (const t of userTasks(p)) {
    tasks[t] = { table: t, visible: true, vma: null, call: null, opening: null };
    tables[t] = {};
  }
  if (p.thread) tasks[threadId(p)] = { table: owner, visible: true, vma: null, call: null, opening: null };
  tables[owner] = { 3: 'F0' };
  const files: Record<string, File> = { F0: { inode: 'I', count: frevoke ? 2 : 1, ops: 'live' } };
  if (p.otherInode) {
    tables.A = { ...tables.A, 4: 'J0' };
    files.J0 = { inode: 'J', count: 1, ops: 'live' };
  }
  const inode = { dead: false, doomed: false, srcu: SRCU_IDLE };
  return {
    tasks,
    tables,
    files,
    inodes: p.otherInode ? { I: inode, J: inode } : { I: inode },
    message: null,
    revoker: { pc: 'idle', cursor: '', refs: frevoke ? ['F0'] : [], spared: frevoke ? 'F0' : '', gate: p.selfRevoke },
  };
}

/**
 * One action per revoker verb of every design registered (the built-in ones, then design files
 * as `variant` names them); it runs the steps of that name the chosen design installs.
 */
function revokerActions(): Action<State, RevokeParams>[] {
  const designs = registeredDesigns();
  const names: string[] = [];
  for (const v of designs) for (const step of v.steps) if (!names.includes(step.name)) names.push(step.name);
  return names.map((name) => {
    const stepsNamed = perParams((p) => variantOf(p).steps.filter((step) => step.name === name));
    return {
      name,
      doc: designs.flatMap((v) => v.steps.filter((st) => st.name === name).map((st) => `${v.name}: ${st.doc}`)).join('\n'),
      *successors(s: State, p: RevokeParams) {
        for (const step of stepsNamed(p)) yield* step.successors(s, p);
      },
      forEachSuccessor(s: State, p: RevokeParams, emit: (next: State, instance: unknown) => boolean) {
        for (const step of stepsNamed(p)) if (!step.forEachSuccessor!(s, p, emit)) return false;
        return true;
      },
      actorOf: () => 'revoker',
    };
  });
}

const userActions: readonly Action<State, RevokeParams>[] = [
  Open,
  OpenBegin,
  OpenFile,
  OpenInstall,
  Dup,
  Close,
  ForkCopy,
  ForkLink,
  CloneFiles,
  SendFd,
  RecvFd,
  Mmap,
  MmapLink,
  Munmap,
  Fault,
  FaultInstall,
  Touch,
  SyscallBegin,
  SyscallRecord,
  SyscallEnd,
  SyscallEndStuck,
];

// The actions: the users' and the revoker verbs of every registered design. A design file adds
// its verbs when `validate` loads it (before a check reads the actions; a worker thread validates
// its bounds first too), so the list is rebuilt when the set of designs changes, and is the same
// array otherwise.
let actionList: { version: number; list: Action<State, RevokeParams>[] } | undefined;
function actions(): Action<State, RevokeParams>[] {
  if (actionList === undefined || actionList.version !== designsVersion()) {
    actionList = { version: designsVersion(), list: [...userActions, ...revokerActions()] };
  }
  return actionList.list;
}

const guaranteeNames = [...Object.keys(invariants), ...Object.keys(liveness.properties)];

/** A guarantee does not apply under its own conditions (G6 under revokeat), or when the design does not claim it. */
const notApplicableToDesign = Object.fromEntries(
  guaranteeNames.map((name) => [
    name,
    (p: RevokeParams): string | undefined => {
      const own = notApplicable[name]?.(p);
      if (own !== undefined) return own;
      const claims = variantOf(p).claims;
      return claims !== undefined && !claims.includes(name) ? 'not claimed' : undefined;
    },
  ]),
);

/** The bounds' problems; a design that claims a guarantee the model does not have is unusable (exit 150). */
function validateWithClaims(p: RevokeParams): string[] {
  const problems = validate(p);
  if (problems.length > 0) return problems;
  // A design file is loaded here, once: one that does not load or lacks a hook throws (exit 150).
  const design = designNamed(p.variant);
  for (const claim of design.claims ?? []) {
    if (!guaranteeNames.includes(claim)) {
      throw new DesignFileError(`design '${design.name}': hook 'claims' names '${claim}', which is no guarantee (known: ${guaranteeNames.join(', ')})`);
    }
  }
  return problems;
}

const spec: Spec<State, RevokeParams> = {
  name: 'revoke',
  summary:
    'revokeat/frevoke designs (Enberg 2006/2007, file list, badfs, cannibalize, BSD vgone, active references, Biederman 2009, tty hangup, Revocable<T>, the C revocable, EVIOCREVOKE, Hurd io_revoke) against every holder of a struct file',
  defaults,
  validate: validateWithClaims,
  init: (p) => [init(p)],
  get actions() {
    return actions();
  },
  invariants,
  reachable,
  notApplicable: notApplicableToDesign,
  ...liveness,
  // TypeOK, with the chosen design's own revoker stages (a design file may add some).
  layout: (p) => stateLayout(p, variantOf(p).pcs),
  table: {
    param: 'variant',
    values: variantNames,
    otherValues: untabledDesignNames,
    boundsNote,
    // A design file's row is its design's name, not its path.
    label: (value) => (typeof value === 'string' && isDesignPath(value) ? designNamed(value).name : String(value)),
    expected: (value) => designNamed(String(value)).expect,
  },
  presentation,
};

export default spec;
