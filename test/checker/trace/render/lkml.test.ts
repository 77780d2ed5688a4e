import { describe, expect, it } from 'vitest';
import type { AnySpec, KernelStep, TraceStep } from '../../../../checker/spec.ts';
import { LKML_WIDTH, lkml } from '../../../../checker/trace/render/lkml.ts';
import { traceView } from '../../../../checker/trace/render/traceView.ts';

/** A spec whose only use is presentation: lanes, a kernel call per step (by its label), a cause. */
function spec(lanes: readonly string[], calls: Readonly<Record<string, KernelStep>>, cause?: string): AnySpec {
  return {
    name: 'test/race',
    summary: '',
    defaults: {},
    init: () => [],
    actions: [],
    invariants: {},
    presentation: {
      lanes: () => lanes,
      kernelStep: (trace: readonly TraceStep<unknown>[], i: number) => calls[trace[i]!.label],
      ...(cause !== undefined ? { cause: () => cause } : {}),
    },
  } as unknown as AnySpec;
}
const steps = (...xs: [string, string][]): TraceStep<unknown>[] => [
  { action: null, label: 'Initial predicate', state: 0 },
  ...xs.map(([actor, label], i) => ({ action: label, label, actor, state: i + 1 })),
];
const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));

describe('lkml', () => {
  const calls = {
    a: { call: 'fd_install()', note: 'fd 3 -> F0' },
    b: { call: 'unmap_mapping_range()', note: 'nothing to unmap', quiet: true },
    c: { call: 'close_fd()', note: 'fd 3' },
  };

  it('draws one column per acting actor, the kernel call first, what it did beneath, and folds quiet steps', () => {
    const view = traceView(
      spec(['CPU0', 'CPU1', 'idle'], calls, "A's fd 3 still reaches F0."),
      {},
      'no-usable-descriptor',
      steps(['CPU0', 'a'], ['CPU1', 'b'], ['CPU1', 'c']),
    );
    expect(lkml(view, 'test, race')).toBe(
      [
        'test, race: no-usable-descriptor is broken after 3 steps.',
        '',
        '  CPU0                CPU1',
        '  ----                ----',
        '2 fd_install()',
        '    fd 3 -> F0',
        '4                     close_fd()',
        '                        fd 3',
        '',
        'Folded, as they change nothing the race needs: 3 CPU1',
        'unmap_mapping_range() (nothing to unmap).',
        '',
        'Observation: no-usable-descriptor broken in state 4.',
        '',
        "A's fd 3 still reaches F0.",
        '',
      ].join('\n'),
    );
  });

  it('never folds the bad step, and keeps every line within 72 columns', () => {
    const long = { call: 'a_kernel_function_with_a_name_far_longer_than_any_column_could_hold_at_all()', note: 'word '.repeat(40).trim() };
    const view = traceView(spec(['CPU0'], { x: long, b: calls.b }), {}, 'g', steps(['CPU0', 'x'], ['CPU0', 'b']));
    const text = lkml(view);
    expect(widest(text)).toBeLessThanOrEqual(LKML_WIDTH);
    expect(text).toContain('3 unmap_mapping_range()');
    expect(text).not.toContain('Folded');
  });

  it('stacks the columns in blocks when they do not fit side by side, each block numbering every step', () => {
    const lanes = ['revoker', 'A', 'B', 'C', 'D'];
    const wide: Record<string, KernelStep> = Object.fromEntries(
      lanes.map((l) => [l, { call: `${l.toLowerCase()}_does_something_long()`, note: `${l}'s note` }]),
    );
    const view = traceView(spec(lanes, wide), {}, 'g', steps(...lanes.map((l): [string, string] => [l, l])));
    const text = lkml(view);
    expect(widest(text)).toBeLessThanOrEqual(LKML_WIDTH);
    const headers = text.split('\n').filter((l) => /^ {2}\S/.test(l) && !l.includes('()') && !l.startsWith('  -'));
    expect(headers.length).toBeGreaterThan(1);
    // Every block lists steps 2 to 6, so a step stands at the same row in each.
    const blocks = text.split('\n\n').filter((b) => /^ +-/.test(b.split('\n')[1] ?? ''));
    expect(blocks.length).toBe(headers.length);
    for (const b of blocks)
      expect(
        b
          .split('\n')
          .filter((l) => /^\d/.test(l))
          .map((l) => Number(l.split(' ')[0])),
      ).toEqual([2, 3, 4, 5, 6]);
  });

  it("sets a lasso's cycle apart, draws the step back, and says what never happens", () => {
    const view = traceView(
      spec(['CPU0', 'CPU1'], calls, 'revoke never returns: the drain waits for ever.'),
      {},
      'revoke-returns',
      steps(['CPU0', 'a'], ['CPU1', 'c']),
      {
        loopIndex: 1,
        loopStep: { action: 'a', label: 'a', actor: 'CPU0' },
      },
    );
    const text = lkml(view);
    expect(text).toContain('---- the cycle: states 2 to 3 repeat for ever ----');
    expect(text).toContain('2 fd_install()\n    back to state 2');
    expect(text.replace(/\n/g, ' ')).toContain('Observation: revoke-returns broken by a cycle that never ends (states 2 to 3 repeat for ever).');
    expect(text.trimEnd().endsWith('revoke never returns: the drain waits for ever.')).toBe(true);
  });

  it('reads a step as its label where the spec draws no kernel calls', () => {
    const view = traceView(spec(['CPU0'], {}), {}, 'g', steps(['CPU0', 'Open(A): fd 3']));
    expect(lkml(view)).toContain('2 Open(A): fd 3\n');
  });
});
