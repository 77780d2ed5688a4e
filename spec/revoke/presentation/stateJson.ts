// stateJson: a revoke state as the plain JSON a kernel reviewer reads in diffs, ITF and the HTML
// step-through, with the design API's field names (designApi.ts's State). Each task shows its
// files_struct (`table`) and its descriptors as `{ "3": "F0" }` (a table shared under CLONE_FILES
// appears under every task that shares it), each struct file its f_count, f_op and f_mapping
// (swapped together, so one field in the state) and whether it is dead (every new operation
// through it fails); the socketpair's queue (`message`) is a list of at most one, each task's
// `vma`, `call`, `opening` and `dup` (the struct file a dup(2) holds between fget_raw and
// fd_install) are listed with their task, every field of theirs shown (a step may change only a
// call's `hold`). The design's own state is shown as `design`, for a design that owns
// some. Keys are written in one fixed order and every collection is sorted by id, so the same state
// always gives the same text. stateJsonLayout types this view for the ITF traces.
import { OP_KINDS, opThrough } from '../kernel/access.ts';
import type { Installed } from '../kernel/install.ts';
import type { RevokeParams } from '../kernel/params.ts';
import { FDS, type FileId, type State, returnedZero } from '../kernel/state.ts';

/** Every new operation through struct file f fails under design d (a closing gate makes callers wait: not dead). */
export function fileDead(d: Installed, s: State, p: RevokeParams, f: FileId): boolean {
  return OP_KINDS.every((kind) => {
    const g = opThrough(d, s, p, f, kind);
    return g !== 'wait' && !g.enter;
  });
}

const byKey = <V>(record: { readonly [k: string]: V }): [string, V][] =>
  Object.entries(record).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) as [string, V][];

/** State s as the reviewer reads it, under design d. */
export function stateJson(d: Installed, s: State, p: RevokeParams): unknown {
  const tasks: Record<string, unknown> = {};
  for (const [t, tk] of byKey(s.tasks)) {
    const fds: Record<string, string> = {};
    const table = s.tables[tk.table]!;
    for (const fd of FDS) if (table[fd] !== undefined) fds[String(fd)] = table[fd];
    tasks[t] = { table: tk.table, visible: tk.visible, fds };
  }
  const files: Record<string, unknown> = {};
  for (const [f, file] of byKey(s.files)) {
    files[f] = { inode: file.inode, count: file.count, ops: file.ops, mapping: file.ops, dead: fileDead(d, s, p, f) };
  }
  const inodes: Record<string, unknown> = {};
  for (const [i, inode] of byKey(s.inodes)) inodes[i] = { dead: inode.dead };
  const mappings: unknown[] = [];
  const calls: unknown[] = [];
  const openings: unknown[] = [];
  const dups: unknown[] = [];
  for (const [t, tk] of byKey(s.tasks)) {
    if (tk.vma !== null) {
      const v = tk.vma;
      mappings.push({ task: t, file: v.file, linked: v.linked, pte: v.pte, zapped: v.zapped, faulting: v.faulting });
    }
    if (tk.opening !== null) openings.push({ task: t, file: tk.opening === 'permitted' ? null : tk.opening });
    if (tk.dup !== null) dups.push({ task: t, file: tk.dup });
    if (tk.call !== null) {
      const c = tk.call;
      calls.push({ task: t, kind: c.kind, file: c.file, inode: c.inode, counted: c.counted, loadedOps: c.loadedOps, hold: c.hold, cancelled: c.cancelled });
    }
  }
  const r = s.revoker;
  return {
    tasks,
    files,
    inodes,
    message: s.message === null ? [] : [{ to: s.message.to, file: s.message.file }],
    vma: mappings,
    call: calls,
    opening: openings,
    dup: dups,
    revoker: { pc: r.pc, cursor: r.cursor, refs: [...r.refs], spared: r.spared, gate: r.gate, returned: returnedZero(s) },
    ...(d.own === undefined ? {} : { design: s.design }),
  };
}
