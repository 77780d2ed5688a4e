// stateJsonLayout: the layout of stateJson's view, for the ITF writer: tasks, files and inodes
// are maps by id, a task's fds a map by fd number, the socket's queue and the mappings, calls and
// openings lists (each entry names its task), and an opening's file the one value that may be
// absent (null while the open is only permitted). Every domain is read off the state's own
// layout (stateLayout, TypeOK), so the view is typed by the same domains, and a field added to a
// vma, a call, a file or the revoker appears here at once: a view that does not show it no
// longer fits this layout, which the presentation test finds.
import type { Layout } from '../../../checker/spec.ts';
import type { RevokeParams } from '../kernel/params.ts';
import { FILE_IDS, allTasks, stateLayout } from '../kernel/state.ts';
import type { Variant } from '../kernel/variant.ts';

const bool: Layout = { type: 'enum', values: [false, true] };
const record = (fields: Record<string, Layout>): Layout => ({ type: 'record', fields });
const list = (of: Layout, max: number): Layout => ({ type: 'list', of, max });

/** The sub-layout at `path` of `layout`: a field's name, '*' for a dict's values, '?' for what an optional holds. */
function at(layout: Layout, ...path: string[]): Layout {
  return path.reduce((l, k) => {
    if (k === '*' && l.type === 'dict') return l.of;
    if (k === '?' && l.type === 'optional') return l.of;
    if (l.type === 'record' && l.fields[k]) return l.fields[k];
    throw new Error(`stateJsonLayout: the state's layout has no ${path.join('.')}`);
  }, layout);
}

/** An inode's fields in the view: the state's, without the SRCU domain unless the design shows it. */
function inodeFields(inode: Layout, srcu: boolean): Record<string, Layout> {
  const { srcu: domain, ...rest } = fieldsOf(inode);
  return srcu && domain !== undefined ? { ...rest, srcu: domain } : rest;
}

const fieldsOf = (l: Layout): Readonly<Record<string, Layout>> => (l.type === 'record' ? l.fields : {});

/** The layout of stateJson's view under bounds p and design d (its revoker stages, its SRCU domain shown or not). */
export function stateJsonLayout(p: RevokeParams, d: Pick<Variant, 'pcs' | 'showsSrcu'>): Layout {
  const state = stateLayout(p, d.pcs);
  const tasks = allTasks(p);
  const task: Layout = { type: 'enum', values: tasks };
  const structFile = at(state, 'files', '*');
  const fileId = at(state, 'tasks', '*', 'vma', '?', 'file');
  return record({
    tasks: { type: 'dict', keys: tasks, of: record({ files_struct: at(state, 'tasks', '*', 'table'), visible: bool, fds: at(state, 'tables', '*') }) },
    files: { type: 'dict', keys: FILE_IDS, of: record({ ...fieldsOf(structFile), mapping: at(structFile, 'ops'), dead: bool }) },
    // The SRCU domain is in the view only for a design whose gate uses it (stateJson).
    inodes: { type: 'dict', keys: ['I', 'J'], of: record(inodeFields(at(state, 'inodes', '*'), d.showsSrcu === true)) },
    socket: list(at(state, 'message', '?'), 1),
    mappings: list(record({ task, ...fieldsOf(at(state, 'tasks', '*', 'vma', '?')) }), tasks.length),
    calls: list(record({ task, ...fieldsOf(at(state, 'tasks', '*', 'call', '?')) }), tasks.length),
    openings: list(record({ task, file: { type: 'optional', of: fileId } }), tasks.length),
    revoker: record({ ...fieldsOf(at(state, 'revoker')), returned: bool }),
  });
}
