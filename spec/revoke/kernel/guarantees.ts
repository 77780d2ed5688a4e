// The guarantees revoke makes (DOMAIN.md's names), each written once: the promise, the state
// predicate that keeps it, and its reachability partner, a situation the model must reach for the
// guarantee to mean anything. compileGuarantees turns the list into the Spec's records; the list's
// order is the table's column order.
// `returnedZero`: revoke has returned 0; a revoke that gave up (badfs) owes nothing.
import { liveAccess, opThrough, OP_KINDS, spared, variantOf } from './access.ts';
import { type Guarantee, compileGuarantees } from './guarantee.ts';
import type { RevokeParams } from './params.ts';
import { type FileId, type State, isMarker, ownerTask, returnedZero, slots } from './state.ts';

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

/** Revoke is under way while a call is inside a method of I (borrowed or counted). */
const callInsideI = (s: State): boolean => s.revoker.pc !== 'idle' && s.tasks.some((tk) => tk.call !== null && tk.call.inode === 'I');

export const guarantees: readonly Guarantee[] = [
  {
    name: 'no-usable-descriptor',
    doc:
      'G1: once revoke has returned, no descriptor anywhere — in a visible task or in a forked child not yet on the task list, ' +
      'including one installed later from a message in flight — gives a read, write, fchmod or mmap that reaches I. ' +
      "frevoke's spared struct file is exempt here (G6 says how much it may spare).",
    holds: (s, p) => !returnedZero(s) || [...slots(s)].every(({ slot }) => isMarker(slot) || !onI(s, slot) || spared(s, p, slot) || !liveAccess(s, p, slot)),
    // Revoke returns having cut a descriptor on I.
    reachable: (s, p) => returnedZero(s) && cutSlots(s, p).length > 0,
  },
  {
    name: 'no-mapping-after-revoke',
    doc: 'G2: once revoke has returned, no shared mapping of I reaches its pages: touching one gets SIGBUS.',
    holds: (s, p) =>
      !returnedZero(s) ||
      s.tasks.every((tk) => tk.vma === null || !onI(s, tk.vma.file) || spared(s, p, tk.vma.file) || !variantOf(p).faultReaches(s, p, tk.vma)),
    // Revoke returns while some task still has a mapping of I.
    reachable: (s) => returnedZero(s) && s.tasks.some((tk) => tk.vma !== null && onI(s, tk.vma.file)),
  },
  {
    name: 'no-inode-access-after-return',
    doc:
      "G3: once revoke has returned, no system call will touch I's data: every call that was in progress has finished or will fail, " + 'and none began since.',
    holds: (s, p) =>
      !returnedZero(s) ||
      s.tasks.every((tk) => tk.call === null || tk.call.inode !== 'I' || spared(s, p, tk.call.file) || !variantOf(p).callReaches(s, p, tk.call)),
    reachable: callInsideI,
  },
  {
    name: 'no-live-file-anywhere',
    doc:
      'G4: once revoke has returned, every struct file on I that still exists — in a table, a message, a mapping, a call, ' +
      "or the revoker's list — is revoked or dead: nothing new goes through it.",
    holds: (s, p) => !returnedZero(s) || s.files.every((file, f) => file.inode !== 'I' || spared(s, p, f) || !liveAccess(s, p, f)),
    // Revoke returns while a struct file on I still exists.
    reachable: (s) => returnedZero(s) && s.files.some((file) => file.inode === 'I'),
  },
  {
    name: 'caller-access-as-specified',
    doc:
      "G6: frevoke(fd) spares exactly the caller's descriptor: after it returns, the caller's fd 3 still works if the caller " +
      '(the owner, B) kept it, and no other descriptor on I does. revokeat spares nothing beyond what G1 says.',
    holds: (s, p) => {
      if (p.mode !== 'frevoke' || !returnedZero(s)) return true;
      const caller = callerSlot(s, p);
      const others = [...slots(s)].every(
        ({ table, fd, slot }) =>
          isMarker(slot) || !onI(s, slot) || (table === callerTable(s, p) && fd === 3 && slot === s.revoker.spared) || !liveAccess(s, p, slot),
      );
      return others && (caller !== s.revoker.spared || liveAccess(s, p, caller));
    },
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
      cutSlots(s, p).every(({ slot }) =>
        OP_KINDS.every((kind) => {
          const g = opThrough(s, p, slot, kind);
          return g === 'wait' || !g.enter;
        }),
      ),
    // Some descriptor has been cut.
    reachable: (s, p) => cutSlots(s, p).length > 0,
  },
  {
    name: 'other-inodes-untouched',
    doc: "Revoke of I leaves inode J alone: J's struct files live, its mappings unzapped, none taken by the revoker.",
    holds: (s) =>
      !s.inodes.get('J') ||
      (!s.inodes.get('J')!.dead &&
        s.files.every((file, f) => file.inode !== 'J' || (file.ops === 'live' && !s.revoker.refs.includes(f))) &&
        s.tasks.every((tk) => tk.vma === null || s.files.get(tk.vma.file)?.inode !== 'J' || !tk.vma.zapped)),
    // Revoke returns while a descriptor on J exists: never without otherInode, where the guarantee
    // holds vacuously (and the table says so).
    reachable: (s) => returnedZero(s) && [...slots(s)].some(({ slot }) => !isMarker(slot) && s.files.get(slot)?.inode === 'J'),
  },
  {
    name: 'no-use-after-free',
    doc: "Model sanity: nothing names a freed struct file (a borrowed call's file was freed under it: use-after-free).",
    holds: (s) => holders(s).every(({ file }) => s.files.has(file)),
    reachable: callInsideI,
  },
  {
    name: 'refcounts-balance',
    doc: 'Model sanity: f_count equals slots + messages + mappings + counted calls + revoker references.',
    holds: (s) => {
      const counted = new Map<FileId, number>();
      for (const h of holders(s)) if (h.kind !== 'borrowed') counted.set(h.file, (counted.get(h.file) ?? 0) + 1);
      return s.files.every((file, f) => file.count > 0 && file.count === (counted.get(f) ?? 0)) && [...counted.keys()].every((f) => s.files.has(f));
    },
    // One struct file is held by a descriptor and by something else at once.
    reachable: (s) => {
      const kinds = new Map<FileId, Set<string>>();
      for (const h of holders(s)) kinds.set(h.file, (kinds.get(h.file) ?? new Set()).add(h.kind));
      return [...kinds.values()].some((k) => k.has('slot') && k.size > 1);
    },
  },
];

export const { invariants, reachable, notApplicable } = compileGuarantees(guarantees);
