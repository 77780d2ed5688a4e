// Lassos of the clocks (test/checker/liveness/clockSpec.ts) as TraceViews: with two clocks to 2,
// p0 stays at the top while p1 ticks round (a cycle back to state 3); with one clock to 1, p0
// stays at the top for ever (a stutter, Wrap(p0) enabled under no fairness).
import { check } from '../../../../checker/run/check.ts';
import { lassoEnd, traceView, type TraceView } from '../../../../checker/trace/render/traceView.ts';
import { clockSpec } from '../../liveness/clockSpec.ts';

export async function clockLasso(shape: 'loop' | 'stutter'): Promise<TraceView> {
  const { spec } = clockSpec();
  const params = shape === 'loop' ? { n: 2, top: 2 } : { n: 1, top: 1 };
  const result = await check(spec, params, { properties: ['ZeroAgainAndAgain'], invariants: [] });
  const v = result.violations[0]!;
  return traceView(spec, params as never, v.name, v.trace, lassoEnd(v));
}
