#!/usr/bin/env node
// The rmc command: registers tsx so spec modules (TypeScript) load at run time, then runs the CLI.
//
// A Ctrl-C or SIGTERM that arrives while the checker is still loading (seconds on a busy machine)
// would kill the process with nothing printed: it is remembered here instead, and the run that
// takes over the signals (checker/cli/interrupts.ts) stops at its first chance and reports. The
// parent is noted now, before those seconds: if it dies meanwhile, the run must still tell.
const early = { signals: [], remember: (signal) => early.signals.push(signal), parent: process.ppid };
process.on('SIGINT', early.remember);
process.on('SIGTERM', early.remember);
globalThis.rmcEarlySignals = early;

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../checker/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
