// cause: the fact that breaks a guarantee at a revoke trace's bad step, as the one sentence a
// reviewer quotes ("A's fd 3 still reaches F0 (f_op live, inode I) after revoke returned 0:
// read(), write() get through"). It is read off the last state as the guarantee itself reads it
// (kernel/guarantees.ts: the same liveAccess, mappingReaches, and the design's `end` point), never off labels, so
// the sentence names exactly the holder the predicate trips on. A lasso (revoke-returns) says
// which revoker step is never taken and what blocks it: the holders the drain waits for
// (waitsOn), or for an SRCU gate the reader count that never drains and the step that
// overwrote the shared rev->idx that left it so.
import type { TraceStep } from '../../../checker/spec.ts';
import { type Srcu, ownerChecked } from '../api/designApi.ts';
import { OP_KINDS, fileCut, liveAccess, mappingReaches, opThrough, spared } from '../kernel/access.ts';
import type { Installed } from '../kernel/install.ts';
import { callEnd } from '../kernel/syscalls.ts';
import type { RevokeParams } from '../kernel/params.ts';
import { type Call, type FileId, type Slot, type State, everySlot, isMarker, ownerTask } from '../kernel/state.ts';
import { kernelCallOf } from './kernelStep.ts';
import { waitsOn } from './waitsOn.ts';

const AFTER = 'after revoke() returned 0';

/** The SRCU domain a design keeps in its own state (the C revocable's), if it keeps one. */
export function srcuOf(s: State): Srcu | undefined {
  const own = s.design as { srcu?: Srcu } | null | undefined;
  return own !== null && typeof own === 'object' && own.srcu !== undefined ? own.srcu : undefined;
}
const onI = (s: State, f: FileId): boolean => s.files[f]?.inode === 'I';

/** The operations a new call through slot gets through with: `read(), write() and mmap()`. */
function through(d: Installed, s: State, p: RevokeParams, slot: Slot): string {
  const kinds = OP_KINDS.filter((kind) => {
    const g = opThrough(d, s, p, slot, kind);
    return g !== 'wait' && g.enter;
  }).map((k) => `${k}()`);
  return kinds.length <= 1 ? (kinds[0] ?? 'nothing') : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)}`;
}

/** `read() through it gets through`, `read() and mmap() through it get through`. */
const getThrough = (ops: string): string => `${ops} through it ${ops.includes(' and ') ? 'get' : 'gets'} through`;

const fileState = (s: State, f: FileId): string => {
  const file = s.files[f];
  return file === undefined ? `${f} (freed)` : `${f} (f_op ${file.ops}, inode ${file.inode}, f_count ${file.count})`;
};

/** The first slot (task, fd, slot) that `test` picks. */
function findSlot(s: State, test: (slot: Slot) => boolean): { t: string; fd: number; slot: Slot } | undefined {
  let found: { t: string; fd: number; slot: Slot } | undefined;
  everySlot(s, (slot, t, _table, fd) => {
    if (!test(slot)) return true;
    found = { t, fd, slot };
    return false;
  });
  return found;
}

function firstTask<T>(s: State, pick: (t: string) => T | undefined): T | undefined {
  for (const t of Object.keys(s.tasks).sort()) {
    const x = pick(t);
    if (x !== undefined) return x;
  }
  return undefined;
}

const callText = (t: string, c: Call): string =>
  `${t}'s ${c.kind}() through ${c.file} (${c.counted ? 'a counted reference' : 'borrowed'}, f_op loaded ${c.loadedOps})`;

/** The cause of `violated` at the trace's last state under design d. */
export function cause(d: Installed, trace: readonly TraceStep<State>[], p: RevokeParams, violated: string, loopIndex?: number): string | undefined {
  const s = trace.at(-1)?.state;
  if (s === undefined) return undefined;
  if (loopIndex !== undefined) return starved(d, trace, loopIndex, p);
  const live = (f: FileId) => onI(s, f) && !spared(s, p, f) && liveAccess(d, s, p, f);
  switch (violated) {
    case 'no-usable-descriptor': {
      const x = findSlot(s, (slot) => !isMarker(slot) && live(slot));
      return x && `${x.t}'s fd ${x.fd} still reaches ${fileState(s, x.slot)} ${AFTER}: ${getThrough(through(d, s, p, x.slot))}.`;
    }
    case 'no-mapping-after-revoke':
      return firstTask(s, (t) => {
        const v = s.tasks[t]!.vma;
        if (v === null || !onI(s, v.file) || spared(s, p, v.file) || !mappingReaches(d, s, p, v)) return undefined;
        return `${t}'s mapping of ${v.file} still reaches I's pages (${v.pte ? 'PTE present' : 'no PTE yet, a fault will map one'}, ${v.zapped ? 'zapped' : 'never zapped'}, ${v.linked ? 'in i_mmap' : 'not yet in i_mmap'}) ${AFTER}: a touch gets the page, not SIGBUS.`;
      });
    case 'no-inode-access-after-return':
    case 'writes-complete-reads-abort':
      return firstTask(s, (t) => {
        const c = s.tasks[t]!.call;
        if (c === null || c.inode !== 'I' || spared(s, p, c.file)) return undefined;
        const reaches = callEnd(d, s, p, t, c)?.enter === true;
        if (violated === 'writes-complete-reads-abort' && (c.kind === 'write' || ownerChecked(c.kind)))
          return `${callText(t, c)} is still in progress on I ${AFTER}: the ${c.kind} did not complete before revoke returned.`;
        if (!reaches) return undefined;
        return `${callText(t, c)} is still inside I's methods ${AFTER}: it ${c.kind === 'read' || c.kind === 'pread' || c.kind === 'fstat' ? "returns I's data instead of failing" : "touches I's data"}.`;
      });
    case 'no-live-file-anywhere': {
      const f = Object.keys(s.files)
        .sort()
        .find((x) => live(x));
      return f && `${fileState(s, f)} is neither revoked nor dead ${AFTER}: ${getThrough(through(d, s, p, f))}.`;
    }
    case 'revoked-ops-fail-with-ebadf-or-enxio': {
      const x = findSlot(s, (slot) => (isMarker(slot) || (onI(s, slot) && fileCut(s, s.files[slot]!))) && through(d, s, p, slot) !== 'nothing');
      return (
        x &&
        `${x.t}'s fd ${x.fd} is cut (${isMarker(x.slot) ? `a ${x.slot} slot` : fileState(s, x.slot)}), yet ${getThrough(through(d, s, p, x.slot))} instead of failing.`
      );
    }
    case 'revoked-file-unusable': {
      const f = s.revoker.cursor;
      return s.files[f] && `${fileState(s, f)}, the file revoke revoked, still gives ${through(d, s, p, f)} or a call in progress ${AFTER}.`;
    }
    case 'no-use-after-free':
      return firstTask(s, (t) => {
        const c = s.tasks[t]!.call;
        return c !== null && s.files[c.file] === undefined ? `${t}'s ${c.kind}() still uses ${c.file}, which was freed under it: a use-after-free.` : undefined;
      });
    case 'caller-access-as-specified':
      return callerCause(d, s, p);
    default:
      return undefined;
  }
}

/** What a lasso never does, and why: the revoker step starved, and its blocker. */
function starved(d: Installed, trace: readonly TraceStep<State>[], loopIndex: number, p: RevokeParams): string {
  const s = trace.at(-1)!.state;
  // An SRCU gate's hang is the reader count that never drains, and what left it so.
  if (srcuOf(s) !== undefined) return srcuStarved(d, trace, loopIndex);
  const waits = waitsOn(d, s, p);
  if (waits.length > 0) {
    const step = waits[0]!.blocks;
    const call = step !== undefined ? (kernelCallOf(d, step) ?? step) : 'the revoker';
    return `revoke never returns: ${call} waits for ever, as ${waits.map((w) => w.why).join(' and ')}.`;
  }
  return `revoke never returns: the revoker stays at ${s.revoker.pc} for ever, no step of it enabled on the cycle.`;
}

/**
 * The C revocable's hang (Hovold's report): synchronize_srcu waits for the readers of one index to
 * drain, but a second srcu_read_lock through the same struct file overwrote its rev->idx while
 * the first section was open, so the first unlock uncounted the other index.
 */
function srcuStarved(d: Installed, trace: readonly TraceStep<State>[], loopIndex: number): string {
  const s = trace.at(-1)!.state;
  const srcu = srcuOf(s)!;
  const waited = srcu.idx === 0 ? 1 : 0;
  const scan = s.revoker.pc === 'flipped' ? 'SCAN2' : 'SCAN1';
  const waitCall = kernelCallOf(d, scan === 'SCAN2' ? 'RevokeSrcuDrain' : 'RevokeSrcuFlip') ?? 'synchronize_srcu()';
  const counters = `readers[0] = ${srcu.readers[0]}, readers[1] = ${srcu.readers[1]}`;
  let overwrite = '';
  for (let i = 1; i < trace.length; i++) {
    const before = trace[i - 1]!.state;
    const after = trace[i]!.state;
    const hb = srcuOf(before)!.handles;
    const ha = srcuOf(after)!.handles;
    const h = hb[0] !== ha[0] ? 0 : hb[1] !== ha[1] ? 1 : undefined;
    if (h === undefined) continue;
    const file = h === 0 ? 'F0' : 'F1';
    const open = Object.keys(before.tasks)
      .sort()
      .find((t) => t !== trace[i]!.actor && before.tasks[t]!.call?.file === file);
    if (open === undefined) continue;
    overwrite = ` State ${i + 1}: ${trace[i]!.actor}'s srcu_read_lock() overwrote ${file}'s shared rev->idx (${hb[h]} -> ${ha[h]}) while ${open}'s section on index ${hb[h]} was open, so ${open}'s srcu_read_unlock(rev->idx) uncounts index ${ha[h]}, not ${hb[h]}.`;
    break;
  }
  return `revoke never returns: ${waitCall} (${scan}) waits for readers[${waited}] to drain, which on the cycle from state ${loopIndex + 1} it never does (${counters}).${overwrite}`;
}

/** G6: what frevoke spared beyond the caller's own fd 3, or the caller's fd 3 it did not spare. */
function callerCause(d: Installed, s: State, p: RevokeParams): string | undefined {
  const caller = s.tasks[ownerTask(p)]!.table;
  const other = findSlot(s, (slot) => !isMarker(slot) && onI(s, slot) && liveAccess(d, s, p, slot));
  let extra: string | undefined;
  everySlot(s, (slot, t, table, fd) => {
    if (isMarker(slot) || !onI(s, slot) || !liveAccess(d, s, p, slot) || (table === caller && fd === 3 && slot === s.revoker.spared)) return true;
    extra = `${t}'s fd ${fd} still reaches ${fileState(s, slot)} after frevoke() returned 0, which spares only the caller's fd 3: ${getThrough(through(d, s, p, slot))}.`;
    return false;
  });
  if (extra !== undefined) return extra;
  const own = s.tables[caller]![3];
  if (own === s.revoker.spared && own !== undefined && !liveAccess(d, s, p, own))
    return `The caller's own fd 3 (${fileState(s, own)}) no longer works after frevoke() returned 0, which was to spare it.`;
  const call = firstTask(s, (t) => {
    const c = s.tasks[t]!.call;
    return c !== null && !(c.file === s.revoker.spared && s.tasks[t]!.table === caller) && callEnd(d, s, p, t, c)?.enter === true
      ? `${callText(t, c)} still reaches I after frevoke() returned 0.`
      : undefined;
  });
  return call ?? (other && `${other.t}'s fd ${other.fd} still reaches ${fileState(s, other.slot)} after frevoke() returned 0.`);
}
