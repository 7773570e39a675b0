import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Wide enough for a simulating test on a two-core machine that is busy with other work besides
    // this suite; tests whose point is speed measure CPU time (test/support/cpu.ts), not wall time.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Simulation tests are CPU-bound; two workers match the machines this runs on.
    maxWorkers: 2,
  },
});
