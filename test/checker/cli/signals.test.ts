// Ctrl-C and SIGTERM, sent to the whole process group as a terminal or `kill -TERM -pgid` does:
// the run always prints its partial figures first, and exits 130 (SIGINT) or 143 (SIGTERM).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForInterrupts } from '../../../checker/cli/interrupts.ts';
import { runWithSignals, tempDir } from './runRmc.ts';

const dir = tempDir('rmc-signals-');
const module = (name: string, text: string): string => {
  const file = join(dir, `${name}.mts`);
  writeFileSync(file, text);
  return file;
};

// Counts to a limit far beyond what a test waits for; row 'small' of its table ends at once.
const long = module(
  'long',
  `type S = { n: number };
type P = { size: string };
const limit = (p: P) => (p.size === 'small' ? 3 : 1e8);
export default {
  name: 'long', summary: 'a long count', defaults: { size: 'big' },
  table: { param: 'size', values: ['small', 'big'] },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s: S, p: P) => (s.n < limit(p) ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  invariants: { Bounded: (s: S, p: P) => s.n <= limit(p) },
  terminal: () => true,
};
`,
);

const progressed = /^Progress\(/m;

describe('signals', () => {
  it('SIGTERM to the npm process group prints the partial statistics and exits 143', async () => {
    const r = await runWithSignals(['check', long, '--workers', '1', '--progress', '0.2'], [{ signal: 'SIGTERM', whenStderr: progressed }], { npm: true });
    expect(r.stdout).toMatch(/Model checking interrupted\. Statistics so far:/);
    expect(r.stdout).toMatch(/[\d,]+ states generated, [\d,]+ distinct states found/);
    expect(r.stderr).toContain('rmc: interrupted; the statistics above are partial');
    expect(r.code).toBe(143);
  });

  it('Ctrl-C twice at once (as npm forwards it) is one request: one full JSON report, exit 130', async () => {
    const r = await runWithSignals(
      ['check', long, '--workers', '1', '--progress', '0.2', '--json'],
      [
        { signal: 'SIGINT', whenStderr: progressed },
        { signal: 'SIGINT', afterMs: 50 },
      ],
    );
    expect(r.code).toBe(130);
    const report = JSON.parse(r.stdout);
    expect(report.verdict).toBe('interrupted');
    expect(report.stats.distinctStates).toBeGreaterThan(0);
    expect(report.coverage.Inc.generated).toBeGreaterThan(0);
  });

  it('Ctrl-C during table prints the rows finished and marks the others interrupted', async () => {
    const finished = /^size small: /m;
    const text = await runWithSignals(['table', long, '--workers', '1'], [{ signal: 'SIGINT', whenStderr: finished, afterMs: 300 }]);
    expect(text.code).toBe(130);
    expect(text.stdout).toMatch(/\| small \| holds \(4 states\)\s+\|/);
    expect(text.stdout).toMatch(/\| big\s+\| interrupted\s+\|/);
    const json = await runWithSignals(['table', long, '--workers', '1', '--json'], [{ signal: 'SIGINT', whenStderr: finished, afterMs: 300 }]);
    expect(json.code).toBe(130);
    const table = JSON.parse(json.stdout);
    expect(table.verdict).toBe('interrupted');
    expect(table.cells).toEqual([
      { size: 'small', guarantee: 'Bounded', verdict: 'holds', distinctStates: 4, traceLength: null },
      { size: 'big', guarantee: 'Bounded', verdict: 'interrupted', distinctStates: 0, traceLength: null },
    ]);
  });
});

// A signal's handler runs on the event loop, so a second one matters only while the main thread
// waits on something that does not end: tested in-process, with process.exit stubbed.
describe('listenForInterrupts', () => {
  afterEach(() => vi.restoreAllMocks());
  const figures = { generatedStates: 10, distinctStates: 7, queue: 2, depth: 3, seconds: 1, statesPerSecond: 7, memoryBytes: 50 * 2 ** 20 };

  it('takes a repeat within 500 ms as the same request, a later one as "now": figures printed, exit with the first signal\'s code', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const printed: [unknown, number][] = [];
    const ctrlC = listenForInterrupts((f, code) => printed.push([f, code]));
    ctrlC.live.current = () => figures;
    process.emit('SIGTERM');
    process.emit('SIGTERM');
    expect(ctrlC.interrupted()).toBe(true);
    expect(ctrlC.exitCode()).toBe(143);
    expect(printed).toEqual([]);
    const later = performance.now() + 600;
    vi.spyOn(performance, 'now').mockReturnValue(later);
    process.emit('SIGINT');
    expect(printed).toEqual([[figures, 143]]);
    expect(exit).toHaveBeenCalledWith(143);
    ctrlC.dispose(0);
  });

  it("once the report is out, exits with the run's code on any signal", () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const ctrlC = listenForInterrupts(() => {
      throw new Error('nothing to print: the report is out');
    });
    ctrlC.dispose(12);
    ctrlC.dispose(); // the command's finally, after the report settled the code
    process.emit('SIGINT');
    expect(exit).toHaveBeenCalledWith(12);
  });

  it('adopts a signal that came while the checker was loading (bin/rmc.mjs remembered it)', () => {
    const remember = (): void => {};
    process.on('SIGINT', remember);
    (globalThis as { rmcEarlySignals?: unknown }).rmcEarlySignals = { signals: ['SIGINT'], remember };
    const ctrlC = listenForInterrupts(() => {});
    expect(ctrlC.interrupted()).toBe(true);
    expect(ctrlC.exitCode()).toBe(130);
    expect(process.listeners('SIGINT')).not.toContain(remember);
    expect((globalThis as { rmcEarlySignals?: unknown }).rmcEarlySignals).toBeUndefined();
    ctrlC.dispose(130);
  });
});

describe('rmc counterexamples on Ctrl-C', () => {
  it('stops, writes nothing and leaves the folder as it was (exit 130)', async () => {
    const out = join(dir, 'ce');
    const r = await runWithSignals(['counterexamples', long, '--out', out], [{ signal: 'SIGINT', whenStderr: /^size small: /m, afterMs: 300 }]);
    expect(r.code).toBe(130);
    expect(r.stderr).toContain(`rmc: interrupted; ${out} was left as it was`);
    expect(readdirSync(dir).filter((f) => f.includes('ce'))).toEqual([]);
  });
});
