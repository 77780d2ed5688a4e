// The guarantees revoke makes (DOMAIN.md's names), each a state predicate, and each with a
// reachability partner: a situation the model must reach for the guarantee to mean anything.
// `returnedZero`: revoke has returned 0; a revoke that gave up (badfs) owes nothing.
import { liveAccess, opThrough, OP_KINDS, spared, variantOf } from './access.ts';
import type { RevokeParams } from './params.ts';
import { type FileId, type State, isMarker, ownerTask, returnedZero, slots } from './state.ts';

type Predicate = (s: State, p: RevokeParams) => boolean;

/** Descriptors on I that revoke has cut: a replaced slot, or a struct file the variant killed. */
function cutSlots(s: State, p: RevokeParams) {
  return [...slots(s)].filter(({ slot }) => isMarker(slot) || (s.files.get(slot)!.inode === 'I' && variantOf(p).cut(s, p, s.files.get(slot)!)));
}
const onI = (s: State, f: FileId): boolean => s.files.get(f)?.inode === 'I';

/** Every struct file some holder names, with the holder's kind. */
function holders(s: State): { file: FileId; kind: 'slot' | 'message' | 'mapping' | 'call' | 'borrowed' | 'revoker' }[] {
  const out: ReturnType<typeof holders> = [];
  for (const [, table] of s.tables) for (const slot of table.values()) if (!isMarker(slot)) out.push({ file: slot, kind: 'slot' });
  if (s.message !== null) out.push({ file: s.message.file, kind: 'message' });
  for (const tk of s.tasks.values()) {
    if (tk.vma !== null) out.push({ file: tk.vma.file, kind: 'mapping' });
    if (tk.call !== null) out.push({ file: tk.call.file, kind: tk.call.counted ? 'call' : 'borrowed' });
  }
  for (const f of s.revoker.refs) out.push({ file: f, kind: 'revoker' });
  return out;
}

/** The caller of frevoke is the owner calling frevoke(3): its spared descriptor is fd 3 of its table. */
const callerTable = (s: State, p: RevokeParams) => s.tasks.get(ownerTask(p))!.table;
const callerSlot = (s: State, p: RevokeParams) => s.tables.get(callerTable(s, p))!.get(3);

export const invariants: Readonly<Record<string, Predicate>> = {
  /**
   * G1: once revoke has returned, no descriptor anywhere — in a visible task or in a forked child
   * not yet on the task list, including one installed later from a message in flight — gives a
   * read, write, fchmod or mmap that reaches I. frevoke's spared struct file is exempt here (G6
   * says how much it may spare).
   */
  'no-usable-descriptor': (s, p) =>
    !returnedZero(s) || [...slots(s)].every(({ slot }) => isMarker(slot) || !onI(s, slot) || spared(s, p, slot) || !liveAccess(s, p, slot)),

  /** G2: once revoke has returned, no shared mapping of I reaches its pages: touching one gets SIGBUS. */
  'no-mapping-after-revoke': (s, p) =>
    !returnedZero(s) ||
    s.tasks.every((tk) => tk.vma === null || !onI(s, tk.vma.file) || spared(s, p, tk.vma.file) || !variantOf(p).faultReaches(s, p, tk.vma)),

  /**
   * G3: once revoke has returned, no system call will touch I's data: every call that was in
   * progress has finished or will fail, and none began since.
   */
  'no-inode-access-after-return': (s, p) =>
    !returnedZero(s) || s.tasks.every((tk) => tk.call === null || tk.call.inode !== 'I' || spared(s, p, tk.call.file) || !variantOf(p).callReaches(s, p, tk.call)),

  /**
   * G4: once revoke has returned, every struct file on I that still exists — in a table, a
   * message, a mapping, a call, or the revoker's list — is revoked or dead: nothing new goes
   * through it.
   */
  'no-live-file-anywhere': (s, p) =>
    !returnedZero(s) || s.files.every((file, f) => file.inode !== 'I' || spared(s, p, f) || !liveAccess(s, p, f)),

  /**
   * G6: frevoke(fd) spares exactly the caller's descriptor: after it returns, the caller's fd 3
   * still works if the caller (the owner, B) kept it, and no other descriptor on I does. revokeat spares nothing
   * beyond what G1 says.
   */
  'caller-access-as-specified': (s, p) => {
    if (p.mode !== 'frevoke' || !returnedZero(s)) return true;
    const caller = callerSlot(s, p);
    const others = [...slots(s)].every(
      ({ table, fd, slot }) => isMarker(slot) || !onI(s, slot) || (table === callerTable(s, p) && fd === 3 && slot === s.revoker.spared) || !liveAccess(s, p, slot),
    );
    return others && (caller !== s.revoker.spared || liveAccess(s, p, caller));
  },

  /**
   * G7: an operation on a descriptor revoke has cut fails, with the variant's code: EBADF for a
   * revokefs or NULL slot, EIO for badfs's bad file, hung-up fops and a bad inode, ENODEV past an
   * active-reference gate, deadfs's EIO/EBADF for a vgone'd vnode. It never succeeds.
   */
  'revoked-ops-fail-with-ebadf-or-enxio': (s, p) =>
    cutSlots(s, p).every(({ slot }) =>
      OP_KINDS.every((kind) => {
        const g = opThrough(s, p, slot, kind);
        return g === 'wait' || !g.enter;
      }),
    ),

  /** Revoke of I leaves inode J alone: J's struct files live, its mappings unzapped, none taken by the revoker. */
  'other-inodes-untouched': (s) =>
    !s.inodes.get('J') ||
    (!s.inodes.get('J')!.dead &&
      s.files.every((file, f) => file.inode !== 'J' || (file.ops === 'live' && !s.revoker.refs.includes(f))) &&
      s.tasks.every((tk) => tk.vma === null || s.files.get(tk.vma.file)?.inode !== 'J' || !tk.vma.zapped)),

  /** Model sanity: nothing names a freed struct file (a borrowed call's file was freed under it: use-after-free). */
  'no-use-after-free': (s) => holders(s).every(({ file }) => s.files.has(file)),

  /** Model sanity: f_count equals slots + messages + mappings + counted calls + revoker references. */
  'refcounts-balance': (s) => {
    const counted = new Map<FileId, number>();
    for (const h of holders(s)) if (h.kind !== 'borrowed') counted.set(h.file, (counted.get(h.file) ?? 0) + 1);
    return s.files.every((file, f) => file.count > 0 && file.count === (counted.get(f) ?? 0)) && [...counted.keys()].every((f) => s.files.has(f));
  },
};

export const reachable: Readonly<Record<string, Predicate>> = {
  /** Revoke returns having cut a descriptor on I. */
  'no-usable-descriptor': (s, p) => returnedZero(s) && cutSlots(s, p).length > 0,
  /** Revoke returns while some task still has a mapping of I. */
  'no-mapping-after-revoke': (s) => returnedZero(s) && s.tasks.some((tk) => tk.vma !== null && onI(s, tk.vma.file)),
  /** Revoke is under way while a call is inside a method of I. */
  'no-inode-access-after-return': (s) => s.revoker.pc !== 'idle' && s.tasks.some((tk) => tk.call !== null && tk.call.inode === 'I'),
  /** Revoke returns while a struct file on I still exists. */
  'no-live-file-anywhere': (s) => returnedZero(s) && s.files.some((file) => file.inode === 'I'),
  /** Revoke returns; under frevoke, with the caller still holding its spared descriptor. */
  'caller-access-as-specified': (s, p) => returnedZero(s) && (p.mode !== 'frevoke' || callerSlot(s, p) === s.revoker.spared),
  /** Some descriptor has been cut. */
  'revoked-ops-fail-with-ebadf-or-enxio': (s, p) => cutSlots(s, p).length > 0,
  /** Revoke returns while a descriptor on J exists: never without otherInode, where the guarantee holds vacuously (and the table says so). */
  'other-inodes-untouched': (s) => returnedZero(s) && [...slots(s)].some(({ slot }) => !isMarker(slot) && s.files.get(slot)?.inode === 'J'),
  /** Revoke is under way while a call holds a struct file on I (borrowed or counted). */
  'no-use-after-free': (s) => s.revoker.pc !== 'idle' && s.tasks.some((tk) => tk.call !== null && tk.call.inode === 'I'),
  /** One struct file is held by a descriptor and by something else at once. */
  'refcounts-balance': (s) => {
    const kinds = new Map<FileId, Set<string>>();
    for (const h of holders(s)) kinds.set(h.file, (kinds.get(h.file) ?? new Set()).add(h.kind));
    return [...kinds.values()].some((k) => k.has('slot') && k.size > 1);
  },
};


/**
 * G6 is frevoke's promise about the caller's own descriptor; revokeat(path) spares nothing, so
 * there it has nothing to say (G1 covers every descriptor) and the table says "n/a: revokeat".
 */
export const notApplicable: Readonly<Record<string, (p: RevokeParams) => string | undefined>> = {
  'caller-access-as-specified': (p) => (p.mode === 'revokeat' ? 'revokeat' : undefined),
};
