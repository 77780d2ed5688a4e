// Snapshots of one small counterexample (the handoff spec's naive revoker) in every form.
import { describe, expect, it } from 'vitest';
import { lanes } from '../../../../checker/trace/render/lanes.ts';
import { objectsDot } from '../../../../checker/trace/render/objectsDot.ts';
import { seqDot } from '../../../../checker/trace/render/seqDot.ts';
import { svg } from '../../../../checker/trace/render/svg.ts';
import { textTrace } from '../../../../checker/trace/render/textTrace.ts';
import { traceView } from '../../../../checker/trace/render/traceView.ts';
import { handoffSpec } from './handoffSpec.ts';
import { handoffTrace } from './handoffTrace.ts';

describe('textTrace', () => {
  it("prints TLC's numbered states: the first in full, then only what changed", async () => {
    expect(textTrace(await handoffTrace(false))).toBe(`State 1: <Initial predicate>
/\\ tables = {"A":{},"B":{"3":"F0"}}
/\\ inflight = []
/\\ revoked = false
/\\ epoch = 1152921504606847000

State 2: <SendFd(B -> A, F0)>
/\\ tables.B.3 = (removed)
/\\ inflight = ["F0"]

State 3: <Revoke(F0)>
/\\ revoked = true

State 4: <RecvFd(A): fd 4 -> F0>
/\\ tables.A.4 = "F0"
/\\ inflight = []
`);
  });

  it('ends a lasso with the state it goes back to', async () => {
    expect(textTrace(await handoffTrace(false, 1))).toMatch(/\/\\ inflight = \[\]\n\nBack to state 2\n$/);
  });
});

describe('lanes', () => {
  it("draws one ruled column per lane in the spec's order, numbered by state, the broken guarantee on a row of its own", async () => {
    expect(lanes(await handoffTrace(true))).toBe(
      [
        ' state  revoker     A                      B',
        ' -----  -------     -                      -',
        '     2                                     SendFd(B -> A, F0)',
        '     3  Revoke(F0)',
        '     4              RecvFd(A): fd 4 -> F0',
        ' ------------------------------------------------------------',
        ' <- no-usable-descriptor: broken in state 4',
        '',
      ].join('\n'),
    );
  });

  it('orders lanes by first appearance when the spec gives no order', async () => {
    expect(lanes(await handoffTrace(false)).split('\n')[0]).toBe(' state  B                   revoker     A');
  });

  it('keeps a declared lane that takes no step', async () => {
    const view = await handoffTrace(true);
    const spec = handoffSpec(true);
    const withC = { ...spec, presentation: { ...spec.presentation, lanes: () => ['revoker', 'A', 'B', 'C'] } };
    const idle = lanes(traceView(withC, view.params as never, view.violated, view.steps)).split('\n');
    expect(idle[0]).toBe(' state  revoker     A                      B                   C');
    expect(idle[1]).toBe(' -----  -------     -                      -                   -');
  });
});

describe('DOT and SVG', () => {
  it('draws the interleaving as a sequence diagram with the message and the breaking step', async () => {
    const dot = seqDot(await handoffTrace(true), 'naive--no-usable-descriptor');
    expect(dot).toContain('-> S3_1 [id="naive--no-usable-descriptor-m0", label="SCM_RIGHTS F0"');
    await expect(dot).toMatchFileSnapshot('__snapshots__/handoff.seq.dot');
  });

  it("wraps the spec's own object graph, or draws the JSON tree with the last change in red", async () => {
    await expect(objectsDot(await handoffTrace(true), 'hook-objects')).toMatchFileSnapshot('__snapshots__/handoff.objects.dot');
    const generic = objectsDot(await handoffTrace(false), 'tree-objects');
    expect(generic).toContain('<font color="#cc0000">4: &quot;F0&quot;</font>');
    await expect(generic).toMatchFileSnapshot('__snapshots__/handoff.objects-generic.dot');
  });

  it('renders SVG through WASM Graphviz with the same bytes every time, ids kept, no comments', async () => {
    const dot = seqDot(await handoffTrace(true), 'naive--no-usable-descriptor');
    const [a, b] = [await svg(dot), await svg(dot)];
    expect(a).toBe(b);
    expect(a).not.toContain('<!--');
    expect(a).toContain('id="naive&#45;&#45;no&#45;usable&#45;descriptor&#45;s3"');
    await expect(a).toMatchFileSnapshot('__snapshots__/handoff.seq.svg');
  });

  it('titles each box with the words it shows, so a tooltip never shows a DOT name like S1_0', async () => {
    const out = await svg(seqDot(await handoffTrace(true), 'naive--no-usable-descriptor'));
    const titles = [...out.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual([
      'test/handoff: no&#45;usable&#45;descriptor',
      'revoker',
      'A',
      'B',
      '2: SendFd(B &#45;&gt; A, F0)',
      '3: Revoke(F0)',
      '4: RecvFd(A): fd 4 &#45;&gt; F0 &lt;&#45; no&#45;usable&#45;descriptor',
      'SCM_RIGHTS F0',
    ]);
  });
});
