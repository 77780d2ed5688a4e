// The test suite must pass on a loaded machine (two other CPU-bound processes on 2 cores), where
// a CLI test that takes 1 s quiet takes 5-8 s: vitest's default 5 s timeout fails it. Each test
// still fails on a hang, after two minutes (rmc's child processes time out at the same bound).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Two test files at a time: vitest's default (cores - 1) runs them one by one on two cores,
    // while most of a test's time is a child rmc process.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
