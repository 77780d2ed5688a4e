// The revoke model's presentation hooks on T1 (Viro's hand-off, enberg-2007, viro-handoff): the
// lanes, the SCM_RIGHTS arrow, the JSON view and the object graph a reviewer opens.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../checker/trace/replay.ts';
import { objectsDot } from '../../../checker/trace/render/objectsDot.ts';
import { svg } from '../../../checker/trace/render/svg.ts';
import { traceView } from '../../../checker/trace/render/traceView.ts';
import revoke from '../../../spec/revoke/index.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';

const p = { ...revoke.defaults, selfSend: false, fork: false } as RevokeParams;
const T1 = [
  'RevokeScanTask(A): nothing',
  'SendFd(B -> A via s0, F0)',
  'RevokeScanTask(B): fd 3 F0 -> revoked',
  'RevokeUnmap: nothing',
  'RevokeReturn: fput F0',
  'RecvFd(A, s0): fd 3 -> F0',
];
const spec = revoke.specFor(p);
const hooks = spec.presentation!;
const t1 = replay<State>(spec, p, T1);
const last = t1.at(-1)!.state;

const redEdges = (dot: string) => dot.split('\n').filter((l) => l.includes(' -> ') && l.includes('color=red'));

describe('revoke presentation', () => {
  it("is built for the spec's design: it names the kernel code of that design's steps, and of no other's", () => {
    expect(hooks.implementation!('RevokeScanTask', p)).toBeDefined();
    expect(hooks.implementation!('RevokeDrain', p)).toBeUndefined();
    const activeRefs = { ...p, variant: 'active-refs' } as RevokeParams;
    expect(revoke.specFor(activeRefs).presentation!.implementation!('RevokeDrain', activeRefs)).toBe('kernfs_drain');
  });

  it('orders the lanes revoker, user tasks, fork child', () => {
    expect(hooks.lanes!(p)).toEqual(['revoker', 'A', 'B']);
    expect(hooks.lanes!({ ...p, tasks: 3, fork: true })).toEqual(['revoker', 'A', 'B', 'C', 'D']);
    expect(traceView(spec, p as never, 'no-usable-descriptor', t1).lanes).toEqual(['revoker', 'A', 'B']);
  });

  it("draws T1's hand-off as one arrow from SendFd (step 2) to RecvFd (step 6)", () => {
    expect(hooks.messages!(t1, p)).toEqual([{ from: 2, to: 6, label: 'SCM_RIGHTS F0' }]);
    expect(t1[2]!.action).toBe('SendFd');
    expect(t1[6]!.action).toBe('RecvFd');
  });

  it('matches sends and receives in FIFO order across two hand-offs', () => {
    const trace = replay<State>(revoke.specFor(revoke.defaults), { ...revoke.defaults } as RevokeParams, [
      'SendFd(B -> B via s0, F0)',
      'RecvFd(B, s0): fd 4 -> F0',
      'SendFd(B -> A via s0, F0)',
      'RecvFd(A, s0): fd 3 -> F0',
    ]);
    expect(hooks.messages!(trace, p)).toEqual([
      { from: 1, to: 2, label: 'SCM_RIGHTS F0' },
      { from: 3, to: 4, label: 'SCM_RIGHTS F0' },
    ]);
  });

  it('shows the state as plain, deterministic JSON', () => {
    for (const step of t1) {
      const x = hooks.toJSON!(step.state, p);
      expect(JSON.parse(JSON.stringify(x))).toEqual(x);
      expect(JSON.stringify(hooks.toJSON!(step.state, p))).toBe(JSON.stringify(x));
    }
    expect(hooks.toJSON!(t1[2]!.state, p)).toEqual({
      tasks: { A: { table: 'A', visible: true, fds: {} }, B: { table: 'B', visible: true, fds: { '3': 'F0' } } },
      files: { F0: { inode: 'I', count: 2, ops: 'live', mapping: 'live', dead: false } },
      inodes: { I: { dead: false } },
      message: [{ to: 'A', file: 'F0' }],
      vma: [],
      call: [],
      opening: [],
      dup: [],
      revoker: { pc: 'scan', cursor: 'A', refs: [], spared: '', gate: false, returned: false },
    });
  });

  it("draws T1's breaking state with a red path from task A's fd 3 to inode I", () => {
    const dot = hooks.objectGraph!(last, p, 'no-usable-descriptor');
    expect(dot).toContain('"task:A" -> "fd:A:3" [color=red, fontcolor=red, penwidth=2];');
    expect(dot).toContain('"fd:A:3" -> "file:F0" [color=red, fontcolor=red, penwidth=2];');
    expect(dot).toContain('"file:F0" -> "inode:I" [label="f_inode", color=red, fontcolor=red, penwidth=2];');
    expect(dot).toContain('"file:F0" [label="struct file F0 (f_count 1)"');
    expect(dot).toContain('"task:B" -> "fd:B:3" [color=black];');
    expect(dot).toContain('"fd:B:3" [label="fd 3"');
    expect(hooks.objectGraph!(last, p, 'no-usable-descriptor')).toBe(dot);
  });

  it('says what the revoke call returned to its caller, not that the revoker returned', () => {
    expect(hooks.objectGraph!(last, p, 'no-usable-descriptor')).toContain('"revoker" [label="revoker\\n(revokeat() returned 0)"');
    const frevoke = { ...p, mode: 'frevoke' } as RevokeParams;
    expect(hooks.objectGraph!(last, frevoke, 'no-usable-descriptor')).toContain('(frevoke() returned 0)');
    const gaveUp = { ...last, revoker: { ...last.revoker, pc: 'failed' } };
    expect(hooks.objectGraph!(gaveUp, p, 'no-usable-descriptor')).toContain('(revokeat() returned an error)');
    expect(hooks.objectGraph!(t1[2]!.state, p, 'no-usable-descriptor')).toContain('"revoker" [label="revoker\\n(scan)"');
  });

  it('draws no red edge once vnode-revoke has returned: nothing live reaches I', () => {
    const q = { ...p, variant: 'vnode-revoke' } as RevokeParams;
    const vnode = revoke.specFor(q);
    const trace = replay<State>(vnode, q, [
      'SendFd(B -> A via s0, F0)',
      'RevokeDoom(I): new lockers wait',
      'RevokeDrain(I): vnode lock taken, no holder left',
      'RevokeVgone(I): v_rdev = NULL, v_op -> deadfs',
      'RevokeReturn',
    ]);
    const before = vnode.presentation!.objectGraph!(trace[1]!.state, q, 'no-live-file-anywhere');
    expect(redEdges(before)).toContain('"msg:s0" -> "file:F0" [label="SCM_RIGHTS", color=red, fontcolor=red, penwidth=2];');
    const after = vnode.presentation!.objectGraph!(trace.at(-1)!.state, q, 'no-live-file-anywhere');
    expect(after).toContain('"msg:s0"');
    expect(after).toContain('inode I (dead)');
    expect(redEdges(after)).toEqual([]);
  });

  it('renders the T1 object graph to SVG through Graphviz', async () => {
    const view = traceView(spec, p as never, 'no-usable-descriptor', t1);
    const out = await svg(objectsDot(view, 't1'));
    expect(out).toContain('<svg');
    expect(out).toContain('struct file F0 (f_count 1)');
    expect(out).toContain('stroke="red"');
    expect(out).toContain('<title>struct file F0 (f_count 1)</title>');
    expect(out).not.toMatch(/<title>[^<]*(task:|fd:|file:|&#45;&gt;)/);
  });
});
