// objectGraph: the state's kernel objects as DOT statements (nodes, then edges; the checker wraps
// them in a graph). Everything that holds a struct file points at it: a task's fd slots (a table
// shared under CLONE_FILES is pointed at by every task sharing it), the SCM_RIGHTS message in the
// socketpair's queue, a task's vma (vm_file), a call in progress, the revoker's collected
// references; each struct file points at its inode. The revoker's node says when it holds the
// design's gate itself (self-revoke), as a call's node does.
//
// Red (color=red, penwidth=2) is every path by which a user still reaches inode I: a descriptor or
// a queued message whose struct file a new operation still enters (the guarantees' liveAccess), a
// mapping whose fault still reaches I's pages, a call in progress that will still touch I. The
// revoker's own references are never a user's path. A borrowed call whose struct file was freed
// points at a dashed `(freed)` node: that is the use-after-free. Node ids are quoted `kind:name`
// strings and every collection is walked in sorted id order, so the text depends on the state only.
// For an SRCU gate (the C revocable) the domain's counters are a node of their own, each struct
// file's rev->idx an edge to it.
import { dotString as q } from '../../../checker/trace/render/dotString.ts';
import { liveAccess, mappingReaches, spared } from '../kernel/access.ts';
import type { Installed } from '../kernel/install.ts';
import type { RevokeParams } from '../kernel/params.ts';
import { FDS, type FileId, type InodeId, type Marker, type State, isMarker } from '../kernel/state.ts';
import { callEnd } from '../kernel/syscalls.ts';
import { srcuOf } from './cause.ts';
import { fileDead } from './stateJson.ts';

const RED = 'color=red, fontcolor=red, penwidth=2';
const GREY = 'color="#888888", fontcolor="#888888"';
const MARKER_LABEL: Record<Marker, string> = { revoked: 'revokefs file', bad: 'bad file', leaked: 'NULL (leaked)' };

const sorted = <V>(entries: Iterable<[string, V]>): [string, V][] => [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
const entries = <V>(record: { readonly [k: string]: V | undefined }): [string, V][] => Object.entries(record) as [string, V][];

/** State s's objects under design d, as DOT statements. */
export function objectGraph(d: Installed, s: State, p: RevokeParams): string {
  const nodes: string[] = [];
  const edges: string[] = [];
  const redFiles = new Set<FileId>();
  const node = (id: string, label: string, attrs: string) => nodes.push(`${q(id)} [label=${q(label)}, ${attrs}];`);
  const edge = (from: string, to: string, red: boolean, label = '', grey = false) =>
    edges.push(`${q(from)} -> ${q(to)} [${label === '' ? '' : `label=${q(label)}, `}${red ? RED : grey ? GREY : 'color=black'}];`);
  const onI = (f: FileId) => s.files[f]?.inode === 'I';
  /** A descriptor or message on f: does a new operation through it reach I? */
  const reachesThrough = (f: FileId) => onI(f) && liveAccess(d, s, p, f);
  const fileNode = (f: FileId) => `file:${f}`;
  const mark = (f: FileId, red: boolean) => {
    if (red) redFiles.add(f);
    return red;
  };

  // Tasks and their fd slots, per files_struct.
  const taskNode = new Map<string, number>();
  const tablesDrawn = new Set<string>();
  const markersUsed = new Set<Marker>();
  for (const [t, tk] of sorted(entries(s.tasks))) {
    taskNode.set(t, nodes.length);
    node(`task:${t}`, tk.visible ? `task ${t}` : `task ${t}\n(copied, not on the task list)`, 'shape=box, style="rounded,bold"');
    const table = s.tables[tk.table]!;
    for (const fd of FDS) {
      const slot = table[fd];
      if (slot === undefined) continue;
      const fdId = `fd:${tk.table}:${fd}`;
      const red = !isMarker(slot) && mark(slot, reachesThrough(slot));
      edge(`task:${t}`, fdId, red);
      if (tablesDrawn.has(tk.table)) continue;
      node(fdId, `fd ${fd}`, `shape=box, ${red ? 'color=red, fontcolor=red' : 'color=black'}`);
      if (isMarker(slot)) {
        markersUsed.add(slot);
        edge(fdId, `marker:${slot}`, false, '', true);
      } else edge(fdId, fileNode(slot), red);
    }
    tablesDrawn.add(tk.table);
  }
  for (const m of [...markersUsed].sort()) {
    const errno = d.markerErrno[m];
    node(`marker:${m}`, `${MARKER_LABEL[m]}${errno ? ` (${errno})` : ''}`, `shape=box, style=dashed, ${GREY}`);
  }

  // The socketpair's queue.
  if (s.message !== null) {
    const red = mark(s.message.file, reachesThrough(s.message.file));
    node('msg:s0', `msg in s0\nSCM_RIGHTS for task ${s.message.to}`, `shape=note, ${red ? 'color=red, fontcolor=red' : 'color=black'}`);
    edge('msg:s0', fileNode(s.message.file), red, 'SCM_RIGHTS');
  }

  // Mappings and calls in progress.
  const freed = new Map<FileId, InodeId>();
  for (const [t, tk] of sorted(entries(s.tasks))) {
    if (tk.vma !== null) {
      const v = tk.vma;
      const red = mark(v.file, onI(v.file) && mappingReaches(d, s, p, v));
      const notes = [
        v.linked ? '' : 'not yet in i_mmap',
        v.pte ? 'PTE present' : '',
        v.faulting ? 'fault installing PTE' : '',
        v.zapped ? 'nopage: SIGBUS' : '',
      ];
      const label = `vma${notes.some((n) => n !== '') ? `\n(${notes.filter((n) => n !== '').join(', ')})` : ''}`;
      node(`vma:${t}`, label, `shape=box, style=rounded, ${red ? 'color=red, fontcolor=red' : 'color=black'}`);
      edge(`task:${t}`, `vma:${t}`, red, 'mmap');
      edge(`vma:${t}`, fileNode(tk.vma.file), red, 'vm_file');
    }
    if (tk.call !== null) {
      const c = tk.call;
      const red = mark(c.file, c.inode === 'I' && callEnd(d, s, p, t, c)!.enter);
      if (s.files[c.file] === undefined) freed.set(c.file, c.inode);
      const how = c.counted ? 'fget' : 'borrowed';
      node(
        `call:${t}`,
        `${c.kind} in progress\n(${how}, f_op ${c.loadedOps}${c.hold === 'held' ? ', holds gate' : c.hold === 'checked' ? ', gate checked' : ''})`,
        `shape=box, style=rounded, ${red ? 'color=red, fontcolor=red' : 'color=black'}`,
      );
      edge(`task:${t}`, `call:${t}`, red, 'syscall');
      edge(`call:${t}`, fileNode(c.file), red);
    }
    if (tk.opening !== null && tk.opening !== 'permitted') {
      const red = mark(tk.opening, onI(tk.opening) && liveAccess(d, s, p, tk.opening));
      node(`open:${t}`, 'open in progress\n(before fd_install)', `shape=box, style=rounded, ${red ? 'color=red, fontcolor=red' : 'color=black'}`);
      edge(`task:${t}`, `open:${t}`, red, 'open');
      edge(`open:${t}`, fileNode(tk.opening), red);
    }
    if (tk.dup !== null) {
      const red = mark(tk.dup, onI(tk.dup) && liveAccess(d, s, p, tk.dup));
      node(`dup:${t}`, 'dup in progress\n(fget_raw, before fd_install)', `shape=box, style=rounded, ${red ? 'color=red, fontcolor=red' : 'color=black'}`);
      edge(`task:${t}`, `dup:${t}`, red, 'dup');
      edge(`dup:${t}`, fileNode(tk.dup), red);
    }
  }

  // A task on a red path is red too.
  for (const [t, at] of taskNode) {
    if (edges.some((e) => e.startsWith(`${q(`task:${t}`)} -> `) && e.includes(RED)))
      nodes[at] = nodes[at]!.replace('style="rounded,bold"', 'style="rounded,bold", color=red, fontcolor=red');
  }

  // The revoker and the references it collected.
  const r = s.revoker;
  // Where the revoker is; once the call is over, what it returned to its caller (0, or badfs's error).
  const where = r.pc === 'done' ? `${p.mode}() returned 0` : r.pc === 'failed' ? `${p.mode}() returned an error` : r.pc;
  node('revoker', `revoker\n(${where}${r.gate ? ', holds gate' : ''})`, 'shape=box, style="rounded,filled", fillcolor="#eeeeee"');
  for (const f of [...r.refs].sort()) edge('revoker', fileNode(f), false, f === r.spared ? 'fget' : 'collected', true);

  // Struct files and inodes.
  for (const [f, file] of sorted(entries(s.files))) {
    const red = mark(f, redFiles.has(f) || (file.inode === 'I' && liveAccess(d, s, p, f)));
    const notes = [file.ops === 'revoked' ? 'f_op revoked' : '', fileDead(d, s, p, f) ? 'dead' : '', spared(s, p, f) ? 'spared by frevoke' : ''].filter(
      (n) => n !== '',
    );
    const label = `struct file ${f} (f_count ${file.count})${notes.length > 0 ? `\n${notes.join(', ')}` : ''}`;
    const look = red ? 'color=red, fontcolor=red, penwidth=2' : fileDead(d, s, p, f) || file.ops === 'revoked' ? GREY : 'color=black';
    node(fileNode(f), label, `shape=box, ${look}`);
    edge(fileNode(f), `inode:${file.inode}`, red, 'f_inode');
  }
  for (const [f, inode] of sorted(freed)) {
    node(fileNode(f), `struct file ${f} (freed)`, 'shape=box, style=dashed, color=red, fontcolor=red');
    edge(fileNode(f), `inode:${inode}`, redFiles.has(f), 'loaded f_op');
  }
  for (const [i, inode] of sorted(entries(s.inodes))) {
    const state = inode.dead ? ' (dead)' : '';
    const reached = i === 'I' && redFiles.size > 0;
    node(`inode:${i}`, `inode ${i}${state}`, `shape=ellipse, style=bold, ${reached ? 'color=red, fontcolor=red' : inode.dead ? GREY : 'color=black'}`);
  }
  // A design whose gate is an SRCU read-side section shows the domain's counters and each struct
  // file's rev->idx: a reader count below zero, or one that never drains, is the hang.
  const srcu = srcuOf(s);
  if (srcu !== undefined) {
    const broken = srcu.readers[0] < 0 || srcu.readers[1] < 0;
    const label = `srcu_struct of I\nidx = ${srcu.idx}\nreaders[0] = ${srcu.readers[0]}, readers[1] = ${srcu.readers[1]}`;
    node('srcu:I', label, `shape=box, style="rounded,filled", fillcolor="#f4f4ff"${broken ? ', color=red, fontcolor=red' : ''}`);
    edge(`inode:I`, 'srcu:I', false, 'provider');
    for (const [f] of sorted(entries(s.files))) {
      if (s.files[f]!.inode === 'I') edge(fileNode(f), 'srcu:I', false, `rev->idx = ${srcu.handles[f === 'F1' ? 1 : 0]}`, true);
    }
  }
  return [...nodes, ...edges].join('\n');
}
