// The handoff spec's one counterexample (naive revoker, 3 steps), as a TraceView.
import { runTable } from '../../../../checker/study/table.ts';
import { traceView, type TraceView } from '../../../../checker/trace/render/traceView.ts';
import { handoffSpec, handoffStudy } from './handoffSpec.ts';

export async function handoffTrace(presentation: boolean, loopIndex?: number): Promise<TraceView> {
  const spec = handoffSpec(presentation);
  const table = await runTable(handoffStudy(presentation), { ...spec.defaults });
  const cell = table.cells.find((c) => c.verdict === 'violated')!;
  return traceView(spec, { variant: 'naive' }, cell.guarantee, cell.trace!, loopIndex);
}
