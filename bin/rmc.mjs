#!/usr/bin/env node
// The rmc command: registers tsx so spec modules (TypeScript) load at run time, then runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../checker/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
