// The guarantees revoke makes (docs/research/domain.md's names), each written once: the promise, the state
// predicate that keeps it, and its reachability partner, a situation the model must reach for the
// guarantee to mean anything. They judge what a design's hooks let through, so the list is built
// for one design (`guarantees(d)`); compileGuarantees turns it into the Spec's records, and the
// list's order is the table's column order.
// `returnedZero`: revoke has returned 0; a revoke that gave up (badfs) owes nothing.
// Each predicate walks the state with early exits and builds nothing (they run on every new state).
import { type AnyOpKind, type OpKind, enters, fileCut, liveAccess, mappingReaches, opThrough, OP_KINDS, releaseReaches, spared } from './access.ts';
import type { Guarantee } from './guarantee.ts';
import type { Installed } from './install.ts';
import { inodeLevel, ownerChecked } from '../api/designApi.ts';
import { type Judged, EVERY_OPERATION, counts } from './promises.ts';
import type { RevokeParams } from './params.ts';
import { callEnd } from './syscalls.ts';
import {
  type Call,
  type FileId,
  type Slot,
  type State,
  type TaskId,
  type Vma,
  FILE_IDS,
  everySlot,
  isMarker,
  ownerTask,
  returnedZero,
  someTask,
} from './state.ts';

/** A descriptor on I that revoke has cut: a replaced slot, or a struct file design d killed. */
function isCut(s: State, slot: Slot): boolean {
  if (isMarker(slot)) return true;
  const file = s.files[slot]!;
  return file.inode === 'I' && fileCut(s, file);
}
const someCut = (s: State): boolean => !everySlot(s, (slot) => !isCut(s, slot));
const onI = (s: State, f: FileId): boolean => s.files[f]?.inode === 'I';

type HolderKind = 'slot' | 'message' | 'mapping' | 'call' | 'borrowed' | 'opening' | 'dup' | 'revoker';

/** Calls `visit` with every struct file some holder names, and the holder's kind, until it returns false. */
function everyHolder(s: State, visit: (file: FileId, kind: HolderKind) => boolean): boolean {
  for (const id in s.tables) {
    const table = s.tables[id]!;
    const at3 = table[3];
    if (at3 !== undefined && !isMarker(at3) && !visit(at3, 'slot')) return false;
    const at4 = table[4];
    if (at4 !== undefined && !isMarker(at4) && !visit(at4, 'slot')) return false;
  }
  if (s.message !== null && !visit(s.message.file, 'message')) return false;
  for (const t in s.tasks) {
    const tk = s.tasks[t]!;
    if (tk.vma !== null && !visit(tk.vma.file, 'mapping')) return false;
    if (tk.call !== null && !visit(tk.call.file, tk.call.counted ? 'call' : 'borrowed')) return false;
    if (tk.opening !== null && tk.opening !== 'permitted' && !visit(tk.opening, 'opening')) return false;
    if (tk.dup !== null && !visit(tk.dup, 'dup')) return false;
  }
  for (const f of s.revoker.refs) if (!visit(f, 'revoker')) return false;
  return true;
}

/** The references holders other than borrowed calls hold, by struct file (FILE_IDS order), from countedByFile's last walk. */
const countedRefs = new Int32Array(FILE_IDS.length);

/**
 * One walk of the holders: counts each struct file's counted references into `countedRefs`, and
 * whether every holder but a borrowed call names a file that exists (false at the first that does
 * not). One walk for every file, where a walk per file cost the check of f_count a walk each.
 */
function countedByFile(s: State): boolean {
  countedRefs.fill(0);
  return everyHolder(s, (file, kind) => {
    if (kind === 'borrowed') return true;
    if (s.files[file] === undefined) return false;
    countedRefs[FILE_IDS.indexOf(file)]!++;
    return true;
  });
}

/** The caller of frevoke is the owner calling frevoke(3): its spared descriptor is fd 3 of its table. */
const callerTable = (s: State, p: RevokeParams) => s.tasks[ownerTask(p)]!.table;
const callerSlot = (s: State, p: RevokeParams) => s.tables[callerTable(s, p)]![3];

/** The operations a descriptor gives through f_op (device access): all but the inode-level calls. */
const F_OP_KINDS: readonly OpKind[] = ['read', 'write', 'pread', 'mmap'];

/** A call in progress on I that will still touch I's data when it returns. */
const callReachesI = (d: Installed, s: State, p: RevokeParams, t: TaskId, c: Call): boolean => c.inode === 'I' && callEnd(d, s, p, t, c)!.enter;

/** The frevoke caller's own holders are exempt from G6: its fd 3 (checked apart), its mapping and its calls through the spared file. */
const callersOwn = (s: State, p: RevokeParams, t: TaskId, f: FileId): boolean => f === s.revoker.spared && s.tasks[t]!.table === callerTable(s, p);

/** Revoke is under way while a call is inside a method of I (borrowed or counted). */
const callInsideI = (s: State): boolean => s.revoker.pc !== 'idle' && someTask(s, (tk) => tk.call !== null && tk.call.inode === 'I');

/** Struct file f is named by some holder that is not a descriptor slot. */
function heldOtherwise(s: State, f: FileId): boolean {
  return !everyHolder(s, (file, kind) => file !== f || kind === 'slot');
}

/** Every struct file that exists satisfies `test`. */
function everyFile(s: State, test: (file: State['files'][string], f: FileId) => boolean): boolean {
  for (const f in s.files) if (!test(s.files[f]!, f)) return false;
  return true;
}

/**
 * The guarantees, judging what design d's hooks let through, counting the operations of the
 * classes `judged` names (promises.ts): the design's promised ones, or, for the check of what it
 * does not promise (`unpromised`), the others. A positive demand (G6: the frevoke caller keeps its
 * descriptor) is part of the promised judgement only.
 */
export function guarantees(d: Installed, judged: Judged = EVERY_OPERATION, unpromised = false, only?: (kind: AnyOpKind) => boolean): readonly Guarantee[] {
  /** Does the judgement count operations of this kind (`only`: one kind alone, to name what got through)? */
  const counted = only === undefined ? (kind: AnyOpKind) => counts(judged, kind) : (kind: AnyOpKind) => counts(judged, kind) && only(kind);
  /** A call in progress that the judgement counts and that still reaches I. */
  const callCounted = (s: State, p: RevokeParams, t: TaskId, c: Call): boolean => counted(c.kind) && callReachesI(d, s, p, t, c);
  const mappingCounted = (s: State, p: RevokeParams, vma: Vma): boolean => counted('mmap') && mappingReaches(d, s, p, vma);
  const live = (s: State, p: RevokeParams, f: FileId): boolean => liveAccess(d, s, p, f, counted);
  return [
    {
      name: 'no-usable-descriptor',
      doc:
        'G1: once revoke has returned, no descriptor anywhere — in a visible task or in a forked child not yet on the task list, ' +
        'including one installed later from a message in flight — gives a read, write, inode-level call (fchmod, fsetxattr, fstat) or mmap that reaches I. ' +
        "frevoke's spared struct file is exempt here (G6 says how much it may spare).",
      holds: (s, p) => !returnedZero(s) || everySlot(s, (slot) => isMarker(slot) || !onI(s, slot) || spared(s, p, slot) || !live(s, p, slot)),
      reads: ['data', 'setattr', 'mapping'],
      // Revoke returns having cut a descriptor on I.
      reachable: (s) => returnedZero(s) && someCut(s),
    },
    {
      name: 'no-mapping-after-revoke',
      doc: 'G2: once revoke has returned, no shared mapping of I reaches its pages: touching one gets SIGBUS.',
      holds: (s, p) =>
        !returnedZero(s) || !someTask(s, (tk) => tk.vma !== null && onI(s, tk.vma.file) && !spared(s, p, tk.vma.file) && mappingCounted(s, p, tk.vma)),
      reads: ['mapping'],
      // Revoke returns while some task still has a mapping of I.
      reachable: (s) => returnedZero(s) && someTask(s, (tk) => tk.vma !== null && onI(s, tk.vma.file)),
    },
    {
      name: 'no-inode-access-after-return',
      doc:
        "G3: once revoke has returned, no system call will touch I's data: every call that was in progress has finished or will fail, " +
        'and none began since.',
      holds: (s, p) => !returnedZero(s) || !someTask(s, (tk, t) => tk.call !== null && !spared(s, p, tk.call.file) && callCounted(s, p, t, tk.call)),
      reads: ['data', 'setattr'],
      reachable: callInsideI,
    },
    {
      name: 'writes-complete-reads-abort',
      doc:
        'G8, the 2007 patch\'s own promise: "in-progress system calls are either completed (writes) or abort (reads)". Once revoke has returned, ' +
        'no write (or inode-level change) on I is still in progress: each finished before revoke returned; and every read still in progress ' +
        "on I fails instead of returning I's data.",
      holds: (s, p) =>
        !returnedZero(s) ||
        !someTask(s, (tk, t) => {
          const c = tk.call;
          if (c === null || c.inode !== 'I' || spared(s, p, c.file) || !counted(c.kind)) return false;
          // A write or an inode-level change (fchmod, fsetxattr) is to have completed; fstat is a read.
          return c.kind === 'write' || ownerChecked(c.kind) || callReachesI(d, s, p, t, c);
        }),
      reads: ['data', 'setattr'],
      // Revoke is under way while a write is inside a method of I.
      reachable: (s) => s.revoker.pc !== 'idle' && someTask(s, (tk) => tk.call !== null && tk.call.kind === 'write' && tk.call.inode === 'I'),
    },
    {
      name: 'no-live-file-anywhere',
      doc:
        'G4: once revoke has returned, every struct file on I that still exists — in a table, a message, a mapping, a call, ' +
        "an open or a dup under way, or the revoker's list — is revoked or dead: nothing new goes through it, and its final fput will call no driver ->release " +
        '(every struct file is released once its last holder lets go, so a release the revoker did not force or disarm is a driver method run after revoke returned).',
      holds: (s, p) =>
        !returnedZero(s) ||
        everyFile(s, (file, f) => file.inode !== 'I' || spared(s, p, f) || (!live(s, p, f) && !(counted('release') && releaseReaches(d, s, p, f)))),
      reads: ['data', 'setattr', 'mapping', 'release'],
      // Revoke returns while a struct file on I still exists.
      reachable: (s) => returnedZero(s) && !everyFile(s, (file) => file.inode !== 'I'),
    },
    {
      name: 'caller-access-as-specified',
      doc:
        "G6: frevoke(fd) spares exactly the caller's descriptor: after it returns, the caller's fd 3 still works if the caller " +
        '(the owner, B) kept it, and nothing else on I does: no other descriptor, message in flight, mapping, call in progress or ' +
        "open under way, except the caller's own mapping of and calls through its spared file. revokeat spares nothing beyond what G1 says.",
      holds: (s, p) => {
        if (p.mode !== 'frevoke' || !returnedZero(s)) return true;
        const caller = callerSlot(s, p);
        const slots = everySlot(
          s,
          (slot, _t, table, fd) =>
            isMarker(slot) || !onI(s, slot) || (table === callerTable(s, p) && fd === 3 && slot === s.revoker.spared) || !live(s, p, slot),
        );
        if (!slots || (!unpromised && caller === s.revoker.spared && !liveAccess(d, s, p, caller!))) return false;
        if (s.message !== null && onI(s, s.message.file) && live(s, p, s.message.file)) return false;
        for (const t in s.tasks) {
          const tk = s.tasks[t]!;
          if (tk.vma !== null && onI(s, tk.vma.file) && !callersOwn(s, p, t, tk.vma.file) && mappingCounted(s, p, tk.vma)) return false;
          if (tk.call !== null && !callersOwn(s, p, t, tk.call.file) && callCounted(s, p, t, tk.call)) return false;
          if (counted('open') && tk.opening !== null && tk.opening !== 'permitted' && liveAccess(d, s, p, tk.opening)) return false;
        }
        return true;
      },
      reads: ['data', 'setattr', 'mapping', 'open'],
      // Revoke returns; under frevoke, with the caller still holding its spared descriptor.
      reachable: (s, p) => returnedZero(s) && (p.mode !== 'frevoke' || callerSlot(s, p) === s.revoker.spared),
      // revokeat(path) spares nothing, so G6 has nothing to say there (G1 covers every descriptor).
      notApplicable: (p) => (p.mode === 'revokeat' ? 'revokeat' : undefined),
    },
    {
      name: 'revoked-ops-fail-with-ebadf-or-enxio',
      doc:
        "G7: an operation on a descriptor revoke has cut fails, with the variant's code: EBADF for a revokefs or NULL slot, " +
        "EIO for badfs's bad file, hung-up fops and a bad inode, ENODEV past an active-reference gate, deadfs's EIO/EBADF " +
        "for a vgone'd vnode. It never succeeds.",
      holds: (s, p) =>
        everySlot(
          s,
          (slot) =>
            !isCut(s, slot) ||
            OP_KINDS.every((kind) => {
              if (!counted(kind)) return true;
              const g = opThrough(d, s, p, slot, kind);
              return g === 'wait' || !g.enter;
            }),
        ),
      reads: ['data', 'setattr', 'mapping'],
      // Some descriptor has been cut.
      reachable: (s) => someCut(s),
    },
    {
      name: 'revoked-file-unusable',
      doc:
        'G9, a per-file revoke\'s promise (EVIOCREVOKE: "revokes device-access irrecoverably for that single open-file"): once it has ' +
        'returned, no holder of the revoked struct file (a descriptor, a message in flight, a mapping, a call in progress) gets device ' +
        'access through it: every new f_op operation through it fails, and no f_op call through it still in progress will reach the ' +
        'device. Inode-level calls (fchmod, fsetxattr, fstat) are no device access; other open files of the inode are not its business.',
      holds: (s, p) => {
        if (!returnedZero(s) || d.scope !== 'file') return true;
        const f = s.revoker.cursor;
        if (s.files[f] === undefined) return true;
        if (F_OP_KINDS.some((kind) => counted(kind) && enters(opThrough(d, s, p, f, kind)))) return false;
        return !someTask(
          s,
          (tk, t) =>
            (tk.call !== null && tk.call.file === f && !inodeLevel(tk.call.kind) && callCounted(s, p, t, tk.call)) ||
            (tk.vma !== null && tk.vma.file === f && mappingCounted(s, p, tk.vma)),
        );
      },
      reads: ['data', 'mapping'],
      // The per-file revoke returns while the struct file it revoked still exists.
      reachable: (s) => returnedZero(s) && d.scope === 'file' && s.files[s.revoker.cursor] !== undefined,
      notApplicable: () => (d.scope === 'file' ? undefined : 'inode-wide design'),
    },
    {
      name: 'other-inodes-untouched',
      doc: "Revoke of I leaves inode J alone: J's struct files live, its mappings unzapped, none taken by the revoker.",
      holds: (s) =>
        s.inodes.J === undefined ||
        (!s.inodes.J.dead &&
          everyFile(s, (file, f) => file.inode !== 'J' || (file.ops === 'live' && !s.revoker.refs.includes(f))) &&
          !someTask(s, (tk) => tk.vma !== null && s.files[tk.vma.file]?.inode === 'J' && tk.vma.zapped)),
      // Revoke returns while a descriptor on J exists: never without otherInode, where the guarantee
      // holds vacuously (and the table says so).
      reachable: (s) => returnedZero(s) && !everySlot(s, (slot) => isMarker(slot) || s.files[slot]?.inode !== 'J'),
    },
    {
      name: 'no-use-after-free',
      doc: "Model sanity: nothing names a freed struct file (a borrowed call's file was freed under it: use-after-free).",
      holds: (s) => everyHolder(s, (file) => s.files[file] !== undefined),
      reachable: callInsideI,
    },
    {
      name: 'refcounts-balance',
      doc: 'Model sanity: f_count equals slots + messages + mappings + counted calls + revoker references.',
      holds: (s) => countedByFile(s) && everyFile(s, (file, f) => file.count > 0 && file.count === countedRefs[FILE_IDS.indexOf(f)]),
      // One struct file is held by a descriptor and by something else at once.
      reachable: (s) => !everyHolder(s, (file, kind) => kind !== 'slot' || !heldOtherwise(s, file)),
    },
  ];
}
