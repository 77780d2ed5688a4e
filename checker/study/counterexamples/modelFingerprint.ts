// modelFingerprint: what the deep table was checked against, told by the default table the same
// regeneration computes anyway (about 10 s, against the deep table's hours). It hashes, per cell,
// the verdict, the distinct-state count and the shortest trace's actions and states (as plain
// JSON): any change to the model's behaviour, its state or its bounds moves some row's count or
// some trace, while a change to how traces are drawn (labels, pictures, words) or to the docs
// moves none of these, so it does not force a rerun of the deep table. docs/DESIGN.md says what
// this cannot see: a change that shows only under the deep bounds.
import { createHash } from 'node:crypto';
import { toPlain } from '../../trace/toPlain.ts';
import type { TableResult } from '../table.ts';

export function modelFingerprint(table: TableResult): string {
  const cells = table.cells.map((c) => [
    toPlain(c.value),
    c.guarantee,
    c.verdict,
    c.distinctStates,
    c.traceLength,
    c.loopIndex ?? null,
    (c.trace ?? []).map((s) => [s.action, toPlain(s.state)]),
  ]);
  const text = JSON.stringify({ spec: table.spec, params: toPlain(table.params), cells });
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}
