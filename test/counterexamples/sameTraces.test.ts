// sameTraces: which traces the page and the README note as the same as another, and the words.
import { describe, expect, it } from 'vitest';
import { renderTrace } from '../../checker/study/counterexamples/renderTrace.ts';
import { sameNote, sameTraces } from '../../checker/study/counterexamples/sameTraces.ts';
import { runTable } from '../../checker/study/table.ts';
import { handoffStudy } from '../checker/trace/render/handoffSpec.ts';
import { lassoStudy } from './lassoSpec.ts';

const link = (text: string, stem: string) => `[${text}](#${stem})`;
const code = (text: string) => `\`${text}\``;

describe('sameTraces', () => {
  it("notes a scenario whose states are a table trace's as that trace, whatever its bounds", async () => {
    const study = handoffStudy(true);
    const params = { ...study.defaults };
    const cell = (await runTable(study, params)).cells.find((c) => c.verdict === 'violated')!;
    const table = await renderTrace(study, params, cell);
    const scenario = await renderTrace(study, params, cell, { prefix: 'again', title: 'T9: the same hand-off' });
    const same = sameTraces([scenario, table]);
    expect([...same.keys()]).toEqual(['again--naive--no-usable-descriptor']);
    expect(same.get(scenario.stem)).toBe(table);
    expect(sameNote(scenario, table, link, code)).toBe(
      "The same trace as the table's [naive × no-usable-descriptor](#naive--no-usable-descriptor): the same states in the same order.",
    );
    // Two scenarios alike and no table trace: the first is shown, and named by its label.
    const other = await renderTrace(study, params, { ...cell, guarantee: 'epoch-fits' }, { prefix: 'more', title: 'T10: once more' });
    expect(sameNote(other, scenario, link, code)).toBe(
      "The same trace as T9's [naive × no-usable-descriptor](#again--naive--no-usable-descriptor): the same states in the same order, and its last state breaks `epoch-fits` too.",
    );
    expect(sameTraces([scenario, other]).get(other.stem)).toBe(scenario);
  });

  it('tells two lassos through the same states apart by their way back', async () => {
    const params = { ...lassoStudy.defaults };
    const table = await runTable(lassoStudy, params);
    const traces = await Promise.all(table.cells.filter((c) => c.verdict === 'violated').map((c) => renderTrace(lassoStudy, params, c)));
    expect(traces.map((t) => t.view.states)).toEqual([
      [{ x: 0 }, { x: 1 }],
      [{ x: 0 }, { x: 1 }],
    ]);
    expect(sameTraces(traces).size).toBe(0);
  });
});
