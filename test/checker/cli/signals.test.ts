// Ctrl-C and SIGTERM, sent to the whole process group as a terminal or `kill -TERM -pgid` does,
// or to npm alone, and the death of rmc's parent: the run always prints its partial figures
// first, and exits 130 (SIGINT) or 143 (SIGTERM, or a parent gone).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForInterrupts } from '../../../checker/cli/interrupts.ts';
import { root, runWithSignals, tempDir } from './runRmc.ts';

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
const spec = {
  name: 'long', summary: 'a long count', defaults: { size: 'big' },
  init: () => [{ n: 0 }],
  actions: [{ name: 'Inc', successors: (s: S, p: P) => (s.n < limit(p) ? [{ label: 'Inc', state: { n: s.n + 1 } }] : []) }],
  invariants: { Bounded: (s: S, p: P) => s.n <= limit(p) },
  terminal: () => true,
};
export default { name: 'long', summary: 'a long count', defaults: spec.defaults, rows: { param: 'size', values: ['small', 'big'] }, specFor: () => spec };
`,
);

const progressed = /^Progress\(/m;

describe('signals', () => {
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

  it('takes the death of its parent as a first SIGTERM: the run stops, exit 143, said once on stderr', () => {
    const started = process.ppid;
    const said = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const ctrlC = listenForInterrupts(() => {});
    expect(ctrlC.interrupted()).toBe(false);
    // process.ppid is a native property that a new value does not replace: it must be deleted.
    const ppid = Object.getOwnPropertyDescriptor(process, 'ppid')!;
    const setPpid = (d: PropertyDescriptor): void => {
      delete (process as { ppid?: number }).ppid;
      Object.defineProperty(process, 'ppid', d);
    };
    setPpid({ configurable: true, get: () => started + 1 }); // handed to a subreaper
    try {
      expect(ctrlC.interrupted()).toBe(true);
      expect(ctrlC.interrupted()).toBe(true);
      expect(ctrlC.exitCode()).toBe(143);
      expect(said.mock.calls).toEqual([[`rmc: the parent process (pid ${started}) has exited: stopping as on SIGTERM\n`]]);
    } finally {
      setPpid(ppid);
      ctrlC.dispose(143);
    }
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

const bin = join(root, 'bin/rmc.mjs');
const read = (file: string): string => (existsSync(file) ? readFileSync(file, 'utf8') : '');

/** Polls `ready` every 50 ms; false if it did not turn true within `ms`. */
async function waitFor(ready: () => boolean, ms: number): Promise<boolean> {
  for (const end = performance.now() + ms; performance.now() < end;) {
    if (ready()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return ready();
}

/** Running, not a zombie its new parent has yet to reap. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !/^\d+ \(.*\) Z/.test(read(`/proc/${pid}/stat`));
}

// The parent rmc outlives: it starts rmc with its outputs in two files, prints rmc's pid and
// waits forever.
const wrapper = join(dir, 'wrapper.mjs');
writeFileSync(
  wrapper,
  `import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
const [bin, out, err, ...args] = process.argv.slice(2);
const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', openSync(out, 'w'), openSync(err, 'w')] });
console.log(child.pid);
setInterval(() => {}, 60_000);
`,
);

describe('rmc whose parent dies', () => {
  it('stops as on SIGTERM and writes its report where its outputs go', async () => {
    const out = join(dir, 'orphan.out');
    const err = join(dir, 'orphan.err');
    const args = ['check', long, '--workers', '1', '--progress', '0.2'];
    const parent = spawn(process.execPath, [wrapper, bin, out, err, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const pid = await new Promise<number>((resolve) => parent.stdout.once('data', (d) => resolve(Number(String(d).trim()))));
    try {
      expect(await waitFor(() => progressed.test(read(err)), 60_000)).toBe(true);
      parent.kill('SIGKILL');
      // The search counts to 1e8, minutes of work: 30 s is ample to stop in, and far from finishing.
      expect(await waitFor(() => !alive(pid), 30_000)).toBe(true);
    } finally {
      parent.kill('SIGKILL');
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
    const [stdout, stderr] = [read(out), read(err)];
    expect(stdout).toMatch(/Model checking interrupted\. Statistics so far:/);
    expect(stdout).toMatch(/[\d,]+ states generated, [\d,]+ distinct states found/);
    expect(stderr).toMatch(/^rmc: the parent process \(pid \d+\) has exited: stopping as on SIGTERM$/m);
    expect(stderr).toContain('rmc: interrupted; the statistics above are partial');
  });
});

// A dead parent's pipe, or `2>&1 | head`: the reader of stderr goes away while rmc searches.
describe('rmc whose stderr is closed', () => {
  it('goes on searching (the progress lines meet EPIPE), and SIGTERM still gets the report and 143', async () => {
    const out = join(dir, 'closed-stderr.out');
    const fd = openSync(out, 'w');
    const child = spawn(process.execPath, [bin, 'check', long, '--workers', '1', '--progress', '0.1'], { stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const pipe = child.stderr!;
    let stderr = '';
    pipe.on('data', (d) => {
      stderr += d;
      if (progressed.test(stderr)) pipe.destroy();
    });
    expect(await waitFor(() => pipe.destroyed, 60_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 1000)); // ten progress lines into the closed pipe
    child.kill('SIGTERM');
    expect(await code).toBe(143);
    expect(read(out)).toMatch(/Model checking interrupted\. Statistics so far:/);
  });
});

/** Is an rmc of process group `pgid` still running (not a zombie)? Read from Linux's /proc. */
function rmcLeftIn(pgid: number): boolean {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .some((pid) => {
      // After the ")" that ends the command's name: state, ppid, process group.
      const [state, , group] = read(`/proc/${pid}/stat`)
        .replace(/^.*\) /s, '')
        .split(' ');
      return Number(group) === pgid && state !== 'Z' && read(`/proc/${pid}/cmdline`).includes('rmc.mjs');
    });
}

/**
 * `npm run rmc -- args` with its outputs in files, in a process group of its own; sends `signal`
 * to npm alone or to the group once the progress shows, and resolves when npm exits with its
 * code and what rmc had written by then.
 */
async function npmRun(
  args: readonly string[],
  signal: NodeJS.Signals,
  to: 'npm' | 'group',
): Promise<{ code: number | null; stdout: string; stderr: string; rmcLeft: boolean }> {
  const out = join(dir, `npm-${to}.out`);
  const err = join(dir, `npm-${to}.err`);
  const fds = [openSync(out, 'w'), openSync(err, 'w')];
  const npm = spawn('npm', ['run', '--silent', 'rmc', '--', ...args], { cwd: root, detached: true, stdio: ['ignore', ...fds] });
  fds.forEach(closeSync);
  const exited = new Promise<number | null>((resolve) => npm.on('exit', (code, sig) => resolve(code ?? (sig === 'SIGTERM' ? 143 : null))));
  try {
    expect(await waitFor(() => progressed.test(read(err)), 60_000)).toBe(true);
    process.kill(to === 'npm' ? npm.pid! : -npm.pid!, signal);
    const code = await exited;
    return { code, stdout: read(out), stderr: read(err), rmcLeft: rmcLeftIn(npm.pid!) };
  } finally {
    try {
      process.kill(-npm.pid!, 'SIGKILL'); // an rmc npm did not wait for
    } catch {
      // the group is gone: npm waited for rmc
    }
  }
}

describe('npm run rmc', () => {
  const args = ['check', long, '--workers', '1', '--progress', '0.2'];

  it('SIGTERM to npm alone: npm returns only after the report, exit 143', async () => {
    const r = await npmRun(args, 'SIGTERM', 'npm');
    expect(r.rmcLeft).toBe(false);
    expect(r.stdout).toMatch(/Model checking interrupted\. Statistics so far:/);
    expect(r.stderr).toContain('rmc: interrupted; the statistics above are partial');
    expect(r.code).toBe(143);
  });

  it('SIGTERM to the npm process group: npm returns only after the report, exit 143', async () => {
    const r = await npmRun(args, 'SIGTERM', 'group');
    expect(r.rmcLeft).toBe(false);
    expect(r.stdout).toMatch(/Model checking interrupted\. Statistics so far:/);
    expect(r.stdout).toMatch(/[\d,]+ states generated, [\d,]+ distinct states found/);
    expect(r.stderr).toContain('rmc: interrupted; the statistics above are partial');
    expect(r.code).toBe(143);
  });
});
