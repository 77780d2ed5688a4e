// A lasso in a graph of more than 2^18 states (the parent links' window: older links are spilled
// to a file): its trace is rebuilt from the spilled links after the search has ended, so the
// store must stay open until the properties are judged, and be let go of then. The C revocable
// with the CLONE_FILES thread (795,774 states) once lost its revoke-returns trace this way
// ("readSync: fd undefined").
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { check } from '../../../checker/run/check.ts';
import { checkLiveness } from '../../../checker/liveness/checkLiveness.ts';
import type { AnySpec } from '../../../checker/spec.ts';
import { WINDOW } from '../../../checker/state/spilledColumn.ts';

// One step from 0 to each of 1..N (weakly fair, so 0 does not stutter), then nothing: every state
// past 0 stutters for ever, so "eventually n > N" is broken by the trace 0 -> 1, whose parent link
// (state 1's) is among the spilled.
const N = WINDOW + 10;
type S = { readonly n: number };
const fan: AnySpec = {
  name: 'fan',
  summary: 'one step to each of more states than the window holds',
  defaults: {},
  codec: () => ({
    maxBytes: 4,
    encode: (s: S, out: Uint8Array) => (new DataView(out.buffer, out.byteOffset).setUint32(0, s.n), 4),
    decode: (b: Uint8Array): S => ({ n: new DataView(b.buffer, b.byteOffset).getUint32(0) }),
  }),
  init: () => [{ n: 0 }],
  actions: [
    {
      name: 'Spread',
      *successors(s: S) {
        if (s.n === 0) for (let n = 1; n <= N; n++) yield { label: `Spread to ${n}`, state: { n } };
      },
    },
  ],
  invariants: {},
  fairness: [{ kind: 'weak', action: 'Spread' }],
  properties: { 'eventually-past-n': { op: 'eventually', p: (s: S) => s.n > N } },
};

const spills = (): string[] => readdirSync(tmpdir()).filter((f) => f.startsWith('rmc-links-'));

describe('a lasso in a graph larger than the parent links window', () => {
  it('is rebuilt from the spilled links when the safety search recorded the graph, and the spill files go after', async () => {
    const before = spills();
    const result = await check(fan, {}, { workers: 1, deadlock: false });
    expect(result.stats.distinctStates).toBe(N + 1);
    const v = result.violations.find((x) => x.name === 'eventually-past-n')!;
    expect(v.trace.map((s) => s.state)).toEqual([{ n: 0 }, { n: 1 }]);
    expect(spills().filter((f) => !before.includes(f))).toEqual([]);
  });

  it('is rebuilt when the behaviour graph is explored in a pass of its own, and the spill files go after', () => {
    const before = spills();
    const p = checkLiveness(fan, {}).properties.find((x) => x.name === 'eventually-past-n')!;
    if (p.holds) throw new Error('eventually-past-n holds');
    expect(p.trace.map((s) => s.state)).toEqual([{ n: 0 }, { n: 1 }]);
    expect(spills().filter((f) => !before.includes(f))).toEqual([]);
  });
});
