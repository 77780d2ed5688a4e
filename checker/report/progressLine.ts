// progressLine: TLC's progress report, one line on stderr during long runs, with the process's
// memory beside the distinct states (what a run that grows too big is stopped for: --max-memory,
// the JS heap's limit). While temporal properties are checked the line says so: its figures are
// the behaviour graph's, not the search's.
import type { Progress } from '../findings.ts';
import { formatBytes } from '../search/memoryWatch.ts';

const n = (x: number): string => Math.round(x).toLocaleString('en-US');

export function progressLine(p: Progress): string {
  const perMinute = p.seconds > 0 ? (60 * p.generatedStates) / p.seconds : 0;
  const phase = p.phase === 'behaviour graph' ? 'Behaviour graph: ' : '';
  return `${phase}Progress(${p.depth}) at ${p.seconds.toFixed(0)} s: ${n(p.generatedStates)} states generated (${n(perMinute)} s/min), ${n(p.distinctStates)} distinct states found (${n(p.statesPerSecond)} ds/s; ${formatBytes(p.memoryBytes)} in memory), ${n(p.queue)} states left on queue.`;
}
