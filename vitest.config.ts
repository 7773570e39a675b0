import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that need the build in dist/: they start the command line as a user
 * would, pack the package, or run the benchmark. `npm test` builds first and
 * runs every test; `npm run test:unit` runs the others, straight from the
 * sources (worker pools then run in the test's thread, which changes no result).
 */
const NEEDS_BUILD = [
  'test/bench/**',
  'test/cluster/**',
  'test/package/**',
  'test/library/commands.test.ts',
  'test/cli/{calibrate,interrupt,intervals,jobs,outputs,outputs-kill,parallel,report,run,sensitivity,terminal}.test.ts',
  'test/hostile/{bom,cli-args,corpus-files,corpus-generated,fuzz,readers,xss}.test.ts',
  'test/params/cli-validation.test.ts',
  'test/report/{browser,lazyNative,whatIf}.test.ts',
  'test/results/{merge-missing,merge-tamper,write}.test.ts',
];

export default defineConfig({
  test: {
    // Wide enough for a simulating test on a two-core machine that is busy with other work besides
    // this suite; tests whose point is speed measure CPU time (test/support/cpu.ts), not wall time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Simulation tests are CPU-bound; two workers match the machines this runs on.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...NEEDS_BUILD] } },
      { extends: true, test: { name: 'build', include: NEEDS_BUILD } },
    ],
  },
});
