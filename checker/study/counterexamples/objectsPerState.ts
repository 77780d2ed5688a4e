// objectsPerState: the object graph of every state of a trace, for the page, where the picture
// follows the step a reader selects. The last state's is the trace's own .objects.svg; each
// earlier one is drawn from the trace cut after that state, so a drawing without the spec's
// hook marks in red what that state's step changed, as the breaking state's marks its own.
import { objectsDot } from '../../trace/render/objectsDot.ts';
import { svg } from '../../trace/render/svg.ts';
import type { TraceView } from '../../trace/render/traceView.ts';

/** `caption(n)` titles state n (1-based); `last` is the breaking state's SVG, already drawn. */
export async function objectsPerState(view: TraceView, stem: string, caption: (n: number) => string, last: string): Promise<string[]> {
  const out: string[] = [];
  // Who waits for whom, and the cycle, belong to the trace's last state only.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { waits, loopIndex, ...earlier } = view;
  for (let i = 0; i < view.steps.length - 1; i++) {
    const cut: TraceView = {
      ...earlier,
      steps: view.steps.slice(0, i + 1),
      states: view.states.slice(0, i + 1),
      caption: caption(i + 1),
      ...(view.objectGraphs ? { objectGraph: view.objectGraphs[i]! } : {}),
    };
    out.push(await svg(objectsDot(cut, `${stem}-objects-${i + 1}`)));
  }
  return [...out, last];
}
