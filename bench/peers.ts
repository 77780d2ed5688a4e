// The peer checkers, run on the same model where they are installed: SPIN (compiled C,
// breadth-first, no partial-order reduction) and TLC (TLA2TOOLS names a tla2tools.jar; by default
// the one the project's shared folder beside the clone carries, ../shared/peers/tla2tools.jar, which
// is too big to commit), on the peer models in bench/peers/: the philosophers and the TLA+ twin of
// the revoke model.
// A missing peer is one line saying how to install it, never a failure.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface PeerRun {
  readonly distinct: number;
  readonly generated: number;
  readonly seconds: number;
  readonly peakRssBytes: number;
}

const peersDir = resolve(import.meta.dirname, 'peers');
/** Where the TLC jar is looked for when TLA2TOOLS is not set. */
const sharedJar = resolve(import.meta.dirname, '../../shared/peers/tla2tools.jar');

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Runs a command, polling /proc for its peak RSS (VmHWM) while it runs. */
function timed(cmd: string, args: string[], cwd: string): Promise<{ stdout: string; seconds: number; peakRssBytes: number; code: number | null }> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd });
    let stdout = '';
    let peak = 0;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stdout += d));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        /* the process has just exited */
      }
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      done({ stdout, seconds: (performance.now() - started) / 1000, peakRssBytes: peak, code });
    });
  });
}

export function spinMissing(): string | undefined {
  if (!existsSync(join(peersDir, 'philo.pml'))) return `SPIN: skipped, ${peersDir}/philo.pml not found`;
  if (!onPath('spin') || !onPath('gcc')) return 'SPIN: not installed (apt-get install spin gcc) -- skipped';
  return undefined;
}

/** SPIN on philo.pml with n philosophers, compiled as bench/peers/README.md says. */
export async function runSpin(n: number): Promise<PeerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'rmc-spin-'));
  copyFileSync(join(peersDir, 'philo.pml'), join(dir, 'philo.pml'));
  const gen = spawnSync('spin', [`-DN=${n}`, '-a', 'philo.pml'], { cwd: dir, encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`spin -a failed: ${gen.stderr || gen.stdout}`);
  const cc = spawnSync('gcc', ['-O2', '-DSAFETY', '-DNOREDUCE', '-DBFS', '-o', 'pan', 'pan.c'], { cwd: dir, encoding: 'utf8' });
  if (cc.status !== 0) throw new Error(`gcc pan.c failed: ${cc.stderr}`);
  const run = await timed('./pan', ['-m10000000', '-w24'], dir);
  const stored = /([\d.e+]+) states, stored/.exec(run.stdout);
  const transitions = /([\d.e+]+) transitions \(= stored\+matched\)/.exec(run.stdout);
  if (!stored || !transitions) throw new Error(`could not read pan's output:\n${run.stdout}`);
  // Wall time, process start included, as for our runs.
  return { distinct: Number(stored[1]), generated: Number(transitions[1]), seconds: run.seconds, peakRssBytes: run.peakRssBytes };
}

/** The TLC jar: TLA2TOOLS, else the shared folder's. */
function tlcJar(): string | undefined {
  const jar = process.env.TLA2TOOLS ?? sharedJar;
  return existsSync(jar) ? jar : undefined;
}

export function tlcMissing(): string | undefined {
  if (!tlcJar()) return 'TLC: set TLA2TOOLS=/path/to/tla2tools.jar (and install java) to run it side by side -- skipped';
  if (!onPath('java')) return 'TLC: java not found (apt-get install default-jre-headless) -- skipped';
  return undefined;
}

/** TLC on Philo.tla with N = 10 (Philo10.cfg), one or more workers. */
export async function runTlc(workers: number): Promise<PeerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'rmc-tlc-'));
  for (const f of ['Philo.tla', 'Philo10.cfg']) copyFileSync(join(peersDir, f), join(dir, f));
  const run = await timed(
    'java',
    ['-XX:+UseParallelGC', '-cp', tlcJar()!, 'tlc2.TLC', '-workers', String(workers), '-config', 'Philo10.cfg', 'Philo.tla'],
    dir,
  );
  return tlcCounts(run);
}

/**
 * TLC on the TLA+ twin of the revoke model under `wide` (revoke/RevokeTiming.tla: the nine
 * invariants, none stopping the search; peers/README.md), one worker: the rate anchor of the
 * revoke rows. Its counts are those of the model as of commit 6593ba9.
 */
export async function runTlcRevoke(workers: number): Promise<PeerRun> {
  const dir = mkdtempSync(join(tmpdir(), 'rmc-tlc-revoke-'));
  for (const f of ['RevokeEnberg2007.tla', 'RevokeTiming.tla', 'RevokeTimingWide.cfg']) copyFileSync(join(peersDir, 'revoke', f), join(dir, f));
  const args = ['-XX:+UseParallelGC', '-Xmx2g', '-cp', tlcJar()!, 'tlc2.TLC', '-workers', String(workers), '-deadlock', '-continue'];
  const run = await timed(
    'java',
    [...args, '-config', 'RevokeTimingWide.cfg', '-metadir', join(dir, 'meta'), '-cleanup', '-noGenerateSpecTE', 'RevokeTiming.tla'],
    dir,
  );
  return tlcCounts(run);
}

function tlcCounts(run: { stdout: string; seconds: number; peakRssBytes: number }): PeerRun {
  const m = /([\d,]+) states generated, ([\d,]+) distinct states found/.exec(run.stdout);
  if (!m) throw new Error(`could not read TLC's output:\n${run.stdout.slice(-2000)}`);
  const num = (s: string): number => Number(s.replace(/,/g, ''));
  return { generated: num(m[1]!), distinct: num(m[2]!), seconds: run.seconds, peakRssBytes: run.peakRssBytes };
}
