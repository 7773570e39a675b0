/**
 * Metrics on random valid scenarios (issue "Trust"): all finite, shares in
 * [0, 1], and the same when rerun with the same seed.
 *
 * Cases per property (numRuns, fixed seed SEED): finite 30 (2 replications
 * each), shares 30 (2 replications each), reproducible 25 (two runs of 2
 * replications each).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, METRICS } from '../../src/collect/metrics.js';
import { caseArb, runCase, SEED } from './scenarioArbitrary.js';

const SHARES = METRIC_NAMES.filter((name) => METRICS[name].unit === 'share');

describe('metrics', () => {
  it('lists some shares to check', () => {
    expect(SHARES.length).toBeGreaterThan(0);
  });

  it('are never NaN or infinite (30 cases of 2 replications)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        const out = await runCase(c, { replications: 2 });
        expect(out.replications).toHaveLength(2);
        for (const r of out.replications) {
          expect(Object.keys(r.metrics).sort()).toEqual([...METRIC_NAMES].sort());
          for (const [name, value] of Object.entries(r.metrics)) expect(Number.isFinite(value), `${name} = ${value}`).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('that are shares lie in [0, 1] (30 cases of 2 replications)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        const out = await runCase(c, { replications: 2 });
        for (const r of out.replications) {
          for (const name of SHARES) {
            expect(r.metrics[name], name).toBeGreaterThanOrEqual(0);
            expect(r.metrics[name], name).toBeLessThanOrEqual(1);
          }
        }
      }),
      { seed: SEED, numRuns: 30 },
    );
  });

  it('and aggregates are identical when rerun with the same seed (25 cases)', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb(), async (c) => {
        const first = await runCase(c, { replications: 2 });
        const second = await runCase(c, { replications: 2 });
        expect(second.replications.map((r) => r.metrics)).toEqual(first.replications.map((r) => r.metrics));
        expect(second.replications.map((r) => r.aggregates)).toEqual(first.replications.map((r) => r.aggregates));
        expect(second.pooled).toEqual(first.pooled);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});
