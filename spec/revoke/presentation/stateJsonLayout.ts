// stateJsonLayout: the layout of stateJson's view, for the ITF writer: tasks, files and inodes
// are maps by id, a task's fds a map by fd number, the socket's queue (`message`) and the lists
// of vmas, calls, openings and dups in flight (`vma`, `call`, `opening`, `dup`: each entry names
// its task), and an opening's file the one value that may be absent (null while the open is only permitted). Every domain is read off the state's own
// layout (stateLayout, TypeOK), so the view is typed by the same domains, and a field added to a
// vma, a call, a file or the revoker appears here at once: a view that does not show it no
// longer fits this layout, which the presentation test finds.
import type { Layout } from '../../../checker/spec.ts';
import type { RevokeParams } from '../kernel/params.ts';
import { type Installed, layoutOf } from '../kernel/install.ts';
import { FILE_IDS, allTasks, stateLayout } from '../kernel/state.ts';

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

const fieldsOf = (l: Layout): Readonly<Record<string, Layout>> => (l.type === 'record' ? l.fields : {});

/** The layout of stateJson's view under bounds p and design d (its revoker stages, its own state). */
export function stateJsonLayout(p: RevokeParams, d: Installed): Layout {
  const state = stateLayout(p, layoutOf(d));
  const tasks = allTasks(p);
  const task: Layout = { type: 'enum', values: tasks };
  const structFile = at(state, 'files', '*');
  const fileId = at(state, 'tasks', '*', 'vma', '?', 'file');
  return record({
    tasks: { type: 'dict', keys: tasks, of: record({ table: at(state, 'tasks', '*', 'table'), visible: bool, fds: at(state, 'tables', '*') }) },
    files: { type: 'dict', keys: FILE_IDS, of: record({ ...fieldsOf(structFile), mapping: at(structFile, 'ops'), dead: bool }) },
    inodes: at(state, 'inodes'),
    message: list(at(state, 'message', '?'), 1),
    vma: list(record({ task, ...fieldsOf(at(state, 'tasks', '*', 'vma', '?')) }), tasks.length),
    call: list(record({ task, ...fieldsOf(at(state, 'tasks', '*', 'call', '?')) }), tasks.length),
    opening: list(record({ task, file: { type: 'optional', of: fileId } }), tasks.length),
    dup: list(record({ task, file: fileId }), tasks.length),
    revoker: record({ ...fieldsOf(at(state, 'revoker')), returned: bool }),
    // The design's own state, for a design that owns some (stateJson).
    ...(d.own === undefined ? {} : { design: at(state, 'design') }),
  });
}
