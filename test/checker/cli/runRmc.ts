// Runs the real rmc command (bin/rmc.mjs) in a child process, as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll } from 'vitest';

export const root = resolve(import.meta.dirname, '../../..');
const bin = resolve(root, 'bin/rmc.mjs');

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function rmc(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts rmc, sends SIGINT after `afterMs`, and resolves when it exits. */
export function rmcInterrupted(args: readonly string[], afterMs: number): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    setTimeout(() => child.kill('SIGINT'), afterMs);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** When to send a signal: after some milliseconds, or once stderr has matched a pattern. */
export interface SignalAt {
  readonly signal: NodeJS.Signals;
  readonly afterMs?: number;
  readonly whenStderr?: RegExp;
}

/**
 * Starts rmc (through `npm run` with `npm`, as a user does) in a process group of its own and
 * sends each signal to the whole group, as a terminal's Ctrl-C or a `kill -TERM -pgid` does;
 * resolves when it exits, with the status a shell would show.
 */
export function runWithSignals(args: readonly string[], signals: readonly SignalAt[], options: { cwd?: string; npm?: boolean } = {}): Promise<Run> {
  return new Promise((done) => {
    const [cmd, argv] = options.npm ? ['npm', ['run', '--silent', 'rmc', '--', ...args]] : [process.execPath, [bin, ...args]];
    const child = spawn(cmd, argv, { cwd: options.cwd ?? root, detached: true });
    let stdout = '';
    let stderr = '';
    const pending = [...signals];
    let armed = false; // the next signal's send is scheduled
    const send = (): void => {
      const s = pending.shift()!;
      armed = false;
      try {
        process.kill(-child.pid!, s.signal);
      } catch {
        // already gone
      }
      arm();
    };
    /** Schedules the next signal if it waits only for time, or its pattern has matched. */
    const arm = (): void => {
      const s = pending[0];
      if (!s || armed || (s.whenStderr && !s.whenStderr.test(stderr))) return;
      armed = true;
      setTimeout(send, s.afterMs ?? 0);
    };
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      arm();
    });
    arm();
    const guard = setTimeout(() => child.kill('SIGKILL'), 110_000);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      // Killed by a signal, the exit status a shell shows is 128 + the signal's number.
      done({ code: code ?? (signal ? 128 + constants.signals[signal] : null), stdout, stderr });
    });
  });
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed when the test file is done. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
