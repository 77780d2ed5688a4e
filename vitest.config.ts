// Two tiers. `unit` is the edit loop: no child process, no browser, no regenerated folder, no
// search of more than a few seconds, no TypeScript compiler (`npm run test:unit`, under 30 s on a
// quiet machine).
// `integration` runs the real CLI in child processes, the browser, the regenerated
// counterexamples folder, worker threads and the full guarantee table. `npm test` runs both.
//
// The test suite must pass on a loaded machine (two other CPU-bound processes on 2 cores), where
// a CLI test that takes 1 s quiet takes 5-8 s: vitest's default 5 s timeout fails it. Each test
// still fails on a hang, after two minutes (rmc's child processes time out at the same bound).
import { defineConfig } from 'vitest/config';

/** What is not the edit loop: child processes, a browser, big searches, worker threads. */
const integration = [
  'test/checker/cli/**/*.test.ts',
  'test/counterexamples/browser.test.ts',
  'test/counterexamples/fresh.test.ts',
  'test/counterexamples/generate.test.ts',
  'test/counterexamples/deep.test.ts',
  'test/spec/revoke/designFiles.test.ts',
  'test/spec/revoke/bfs.test.ts',
  'test/spec/revoke/parallel.test.ts',
  'test/spec/revoke/autoWorkers.test.ts',
  'test/spec/revoke/onePass.test.ts',
  'test/spec/revoke/waitsOn.test.ts',
  'test/spec/revoke/stateJsonLayout.test.ts',
  'test/spec/revoke/liveness.test.ts',
  'test/checker/search/parallel.*.test.ts',
  'test/checker/search/check.temporalPhase.test.ts',
  'test/checker/state/symmetry.graphs.test.ts',
  // These load the TypeScript compiler (the shape lists against the interfaces) or search several
  // designs' spaces: seconds each, which the edit loop's 30 s cannot spare.
  'test/checker/specShape.test.ts',
  'test/checker/study/studyShape.test.ts',
  'test/checker/search/check.onePass.test.ts',
  'test/spec/revoke/designsSince2007.test.ts',
  // Every reachable state of four small revoke searches, each with its image's successors: 12 s.
  'test/spec/revoke/symmetry.test.ts',
];

export default defineConfig({
  test: {
    // Two test files at a time: vitest's default (cores - 1) runs them one by one on two cores,
    // while most of a test's time is a child rmc process.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: integration } },
      { extends: true, test: { name: 'integration', include: integration } },
    ],
  },
});
