// badfs: Tigran Aivazian's forced unmount (2.4 patch posted by Hugh Dickins, 2002; the 2.6.24
// port in the webOS kernel, fs/badfs/inode.c), read as a revoke of every file on the inode.
//
// quiesce_filesystem, under read_lock(tasklist_lock), per task under files->file_lock: each fd
// on the inode gets the one shared bad file (make_bad_inode, f_mode copied so callers see EIO),
// then `while (file->f_light) schedule();` waits for fget_light users of that file only, and
// filp_close drops the table's reference. The wait is bounded (one second or a signal): the model
// gives up instead of blocking (RevokeGiveUp), and a revoke that gave up returned an error, so
// no guarantee is owed. Pass 3 walks the task list and do_munmap's every VMA of a file on the
// inode: a child not yet linked is not on that list. Pass 1 (cwd/root) is left out: no
// descriptor comes from it.
// The inode-level calls (fchmod, fsetxattr, fstat) are not enumerated: on the bad file they fail
// EIO as every operation does (the marker), and through a file not yet replaced they are the plain
// kernel's, which G1 and G7 ask of each kind directly. A forced unmount changes no owner
// (holderOwns: true).
// A signal to the revoker (the `revokerSignal` bound) adds nothing: the f_light wait it ends is the
// bounded one, whose end is RevokeGiveUp already (a revoke that gave up owes nothing).
import type { Design, WaitsFor } from '../api/designApi.ts';
import { revokeReturn, revokerStepOn, scanDone, scanTarget, scanTask, unmap } from '../kernel/revokerSteps.ts';
import { type FileId, type Slot, type State, type Task, type TaskId, inodeOf, isMarker, someTask, tableOf } from '../kernel/state.ts';

/** tk's borrowed (fget_light) call is inside a struct file on I that t's table holds: f_light is set on it. */
function lightUserOf(s: State, t: TaskId, tk: Task): boolean {
  const table = tableOf(s, t);
  const onI = (slot: Slot | undefined): slot is FileId => slot !== undefined && !isMarker(slot) && inodeOf(s, slot) === 'I';
  return tk.call !== null && !tk.call.counted && (tk.call.file === table[3] || tk.call.file === table[4]) && onI(tk.call.file);
}

/** Some fget_light (borrowed) call is inside a file that t's table holds on I. */
function waitsForLightUser(s: State, t: TaskId): boolean {
  return someTask(s, (tk) => lightUserOf(s, t, tk));
}

/** The scan's `while (file->f_light) schedule();`: the light users of the table it has reached. */
const lightUsers: WaitsFor = {
  holds: 'the file by fget_light (f_light set)',
  holders(s) {
    const t = scanTarget(s);
    if (t === undefined) return [];
    return Object.keys(s.tasks)
      .sort()
      .filter((u) => lightUserOf(s, t, s.tasks[u]!))
      .map((u) => ({ task: u, through: 'call' }) as const);
  },
};

const giveUp = revokerStepOn({
  name: 'RevokeGiveUp',
  doc: "The revoker, having waited its bound for a light user of a file in t's table, gives up: quiesce_filesystem fails and revoke returns an error.",
  kernel: 'quiesce_filesystem: the f_light wait times out',
  to: 'failed',
  // The wait is bounded (one second or a signal): a light user that keeps coming back does not starve it.
  fairness: 'strong',
  target: scanTarget,
  enabled: (s, t) => waitsForLightUser(s, t),
  next: (s) => s,
  label: (_s, t) => `RevokeGiveUp(${t}): a light user stays, revoke fails`,
});

export const badfs: Design = {
  name: 'badfs',
  // What the checker finds at the default bounds (`rmc expect revoke` fails when a cell drifts).
  expect: {
    'no-usable-descriptor': 'violated 6',
    'no-mapping-after-revoke': 'violated 7',
    'no-inode-access-after-return': 'violated 7',
    'writes-complete-reads-abort': 'violated 7',
    'no-live-file-anywhere': 'violated 5',
    'caller-access-as-specified': 'n/a',
    'revoked-ops-fail-with-ebadf-or-enxio': 'holds',
    'revoked-file-unusable': 'n/a',
    'other-inodes-untouched': 'not-exercised',
    'no-use-after-free': 'holds',
    'refcounts-balance': 'holds',
    'revoke-returns': 'holds',
  },
  steps: [
    scanTask({
      doc: "The revoker (quiesce_filesystem pass 2) installs the bad file in every fd of task t on the inode, waits for f_light users, and filp_close's the real file.",
      kernel: 'quiesce_filesystem pass 2: bad file, f_light wait, filp_close',
      marker: 'bad',
      errno: 'EIO',
      collect: false,
      waitsFor: lightUsers,
    }),
    giveUp,
    unmap({
      doc: "The revoker (quiesce_filesystem pass 3) do_munmap's every VMA on the inode of every task on the task list.",
      kernel: 'quiesce_filesystem pass 3: do_munmap',
      enabled: scanDone,
      how: 'munmap',
      select: (s, t, vma) => s.tasks[t]!.visible && inodeOf(s, vma.file) === 'I' && vma.file !== s.revoker.spared,
    }),
    revokeReturn({ kernel: 'return 0', from: 'unmapped' }),
  ],
};
