// Whom the revoker waits for (presentation/waitsOn.ts), read off the state as each design's waiting
// steps read it (their `waitsFor`): kernfs_drain for B's active reference, the revoker's own
// (self-revoke), the vnode lock, one file's file_hotplug_lock slot, badfs's f_light, Hurd's RPCs,
// the C revocable's SRCU readers; and the step agrees.
import { describe, expect, it } from 'vitest';
import { replay } from '../../../checker/trace/replay.ts';
import { objectsDot } from '../../../checker/trace/render/objectsDot.ts';
import { traceView } from '../../../checker/trace/render/traceView.ts';
import revoke from '../../../spec/revoke/index.ts';
import type { RevokeParams } from '../../../spec/revoke/kernel/params.ts';
import type { State } from '../../../spec/revoke/kernel/state.ts';
import { gateHeld, gateHolders } from '../../../spec/revoke/kernel/gate.ts';
import { install } from '../../../spec/revoke/kernel/install.ts';
import { objectGraph } from '../../../spec/revoke/presentation/objectGraph.ts';
import { waitsOn } from '../../../spec/revoke/presentation/waitsOn.ts';
import { builtInDesigns } from '../../../spec/revoke/variants/index.ts';

const params = (over: Partial<RevokeParams>): RevokeParams => ({ ...revoke.defaults, ...over }) as RevokeParams;
const designOf = (p: RevokeParams) => install(builtInDesigns[p.variant]!);
const lastOf = (p: RevokeParams, labels: string[]) => replay<State>(revoke.specFor(p), p, labels).at(-1)!.state;

/** Every reachable state (the default bounds are a few thousand). */
function reachable(p: RevokeParams): State[] {
  const spec = revoke.specFor(p);
  const seen = new Map<string, State>();
  const queue = [...spec.init(p)];
  for (const s of queue) seen.set(JSON.stringify(s), s);
  for (let i = 0; i < queue.length; i++) {
    for (const a of spec.actions) {
      for (const { state } of a.successors(queue[i]!, p)) {
        const key = JSON.stringify(state);
        if (!seen.has(key)) {
          seen.set(key, state);
          queue.push(state);
        }
      }
    }
  }
  return queue;
}

describe('revoke: whom the revoker waits for', () => {
  it("active-refs: the drain waits for B's read, which holds an active reference", () => {
    const p = params({ variant: 'active-refs' });
    const s = lastOf(p, ['Read(B, fd 3) begins on F0, borrowed', 'RevokeMarkDead(I): new active references fail']);
    expect(waitsOn(designOf(p), s, p)).toEqual([{ waiter: 'revoker', holder: 'call:B', why: "B's read holds an active reference", blocks: 'RevokeDrain' }]);
  });

  it('waits for nobody before the drain, or once the holder has left', () => {
    const p = params({ variant: 'active-refs' });
    expect(waitsOn(designOf(p), lastOf(p, ['Read(B, fd 3) begins on F0, borrowed']), p)).toEqual([]);
    const left = lastOf(p, ['Read(B, fd 3) begins on F0, borrowed', 'RevokeMarkDead(I): new active references fail', 'Read(B) returns: read I']);
    expect(waitsOn(designOf(p), left, p)).toEqual([]);
  });

  it('self-revoke: the revoker waits for its own active reference', () => {
    const p = params({ variant: 'active-refs', selfRevoke: true });
    const s = lastOf(p, ['RevokeMarkDead(I): new active references fail']);
    expect(waitsOn(designOf(p), s, p)).toEqual([
      { waiter: 'revoker', holder: 'revoker', why: 'the revoker holds an active reference itself', blocks: 'RevokeDrain' },
    ]);
  });

  it("vnode-revoke: LK_DRAIN waits for B's fstat, which holds the vnode lock", () => {
    const p = params({ variant: 'vnode-revoke' });
    const s = lastOf(p, ['Fstat(B, fd 3) begins on F0, borrowed', 'RevokeDoom(I): new lockers wait']);
    expect(waitsOn(designOf(p), s, p)).toEqual([{ waiter: 'revoker', holder: 'call:B', why: "B's fstat holds the vnode lock", blocks: 'RevokeDrain' }]);
  });

  it("vnode-revoke with holders that own the tty: LK_DRAIN waits for B's fchmod too", () => {
    const p = params({ variant: 'vnode-revoke', owner: 'holder' });
    const s = lastOf(p, ['Fchmod(B, fd 3) begins on F0, borrowed', 'RevokeDoom(I): new lockers wait']);
    expect(waitsOn(designOf(p), s, p)).toEqual([{ waiter: 'revoker', holder: 'call:B', why: "B's fchmod holds the vnode lock", blocks: 'RevokeDrain' }]);
  });

  it("biederman-2009: file_in_use waits for the slot B's read recorded on the file being revoked", () => {
    const p = params({ variant: 'biederman-2009' });
    const s = lastOf(p, ['Read(B, fd 3) begins on F0, borrowed, gate checked', 'Read(B) records its hold on F0', 'RevokeMarkDead(F0): FMODE_DEAD']);
    expect(waitsOn(designOf(p), s, p)).toEqual([
      { waiter: 'revoker', holder: 'call:B', why: "B's read holds a file_hotplug_lock slot on the file", blocks: 'RevokeDrain' },
    ]);
  });

  it("badfs: the scan of B's table waits for B's borrowed read (f_light)", () => {
    const p = params({ variant: 'badfs' });
    const s = lastOf(p, ['Read(B, fd 3) begins on F0, borrowed', 'RevokeScanTask(A): nothing']);
    expect(waitsOn(designOf(p), s, p)).toEqual([
      { waiter: 'revoker', holder: 'call:B', why: "B's read holds the file by fget_light (f_light set)", blocks: 'RevokeScanTask' },
    ]);
  });

  it("draws each wait as a red dashed 'waits for' edge between nodes of the object graph", () => {
    const p = params({ variant: 'active-refs', stuckCaller: true });
    const spec = revoke.specFor(p);
    const trace = replay<State>(spec, p, ['Read(B, fd 3) begins on F0, borrowed', 'RevokeMarkDead(I): new active references fail']);
    const graph = objectGraph(designOf(p), trace.at(-1)!.state, p);
    expect(graph).toContain('"call:B" [label=');
    expect(graph).toContain('"revoker" [label=');
    const dot = objectsDot(traceView(spec, p as never, 'revoke-returns', trace), 'x');
    expect(dot).toContain(
      `"revoker" -> "call:B" [id="x-wait0", label="waits for", tooltip="B's read holds an active reference", style=dashed, color="#cc0000", fontcolor="#cc0000", penwidth=2, constraint=false];`,
    );
  });

  it("hurd-io-revoke: the drain waits for an open's dir_lookup RPC past its permission check", () => {
    const p = params({ variant: 'hurd-io-revoke' });
    const s = lastOf(p, ['Close(B, fd 3): F0, F0 freed', 'OpenBegin(A, I): may_open passed', 'RevokeInhibit: RPCs cancelled, new RPCs held']);
    expect(waitsOn(designOf(p), s, p)).toEqual([
      { waiter: 'revoker', holder: 'task:A', why: "A's open holds an RPC in progress on the bucket", blocks: 'RevokeDrain' },
    ]);
  });

  it('every step that waits for holders says so: Hurd, the C revocable, drm-unplug, debugfs and procfs included', () => {
    const waiting: Record<string, string[]> = {};
    for (const [name, design] of Object.entries(builtInDesigns)) {
      const steps = install(design).waits.map((w) => w.step);
      if (steps.length > 0) waiting[name] = steps;
    }
    expect(waiting).toEqual({
      badfs: ['RevokeScanTask'],
      'vnode-revoke': ['RevokeDrain'],
      'active-refs': ['RevokeDrain'],
      'biederman-2009': ['RevokeDrain'],
      'tty-hangup': ['RevokeKillLdisc'],
      'rust-revocable': ['RevokeSynchronizeRcu'],
      'c-revocable': ['RevokeSrcuFlip', 'RevokeSrcuDrain'],
      'evdev-revoke': ['RevokeClient'],
      'hurd-io-revoke': ['RevokeDrain'],
      'drm-unplug': ['RevokeDrain'],
      'debugfs-removal': ['RevokeDrain'],
      'procfs-removal': ['RevokeDrain'],
    });
  });

  it('agrees with the waiting steps in every reachable state: a wait means the step it blocks is disabled, and gateHolders counts what gateHeld does', () => {
    for (const over of [
      { variant: 'active-refs' },
      { variant: 'active-refs', selfRevoke: true },
      { variant: 'vnode-revoke' },
      { variant: 'biederman-2009' },
      { variant: 'badfs' },
      { variant: 'hurd-io-revoke' },
      { variant: 'c-revocable' },
      { variant: 'tty-hangup' },
      // A fault happens only where ->mmap left no PTE.
      { variant: 'drm-unplug', mmapPopulates: false },
      { variant: 'debugfs-removal' },
      { variant: 'procfs-removal' },
    ] as const) {
      const p = params(over);
      const d = designOf(p);
      const actions = revoke.specFor(p).actions;
      let waited = 0;
      for (const s of reachable(p)) {
        expect(gateHolders(s).length > 0, JSON.stringify(s)).toBe(gateHeld(s));
        for (const f of Object.keys(s.files)) expect(gateHolders(s, f).length > 0).toBe(gateHeld(s, f));
        for (const w of waitsOn(d, s, p)) {
          waited++;
          const step = actions.find((a) => a.name === w.blocks)!;
          expect([...step.successors(s, p)], `${over.variant}: ${w.blocks} enabled while the revoker waits`).toEqual([]);
        }
      }
      expect(waited, over.variant).toBeGreaterThan(0);
    }
  }, 120_000);
});
