/**
 * The world scales with the simulated volume: sellers, customers, insured
 * sellers and premiums grow with `volume.claims`, so per-claim figures and
 * ratios are the same at 5,000 and at 50,000 claims, within noise. (Before
 * sellers scaled, the insurer loss ratio was 0.26 at 5,000 claims and 1.03
 * at 20,000.) Waiting times are not among them: a bigger team pools its
 * capacity, so its queue is shorter, as in any queue.
 */
import { describe, expect, it } from 'vitest';
import type { MetricName } from '../../src/collect/metrics.js';
import { loadScenario } from '../../src/params/load.js';
import { runScenario } from '../../src/sim/run.js';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import { onWorkers } from '../../src/sim/pool.js';

const PER_CLAIM: readonly MetricName[] = [
  'insurers.lossRatio',
  'marketplace.waiverShare',
  'marketplace.recoveryRate',
  'marketplace.netCostPerClaim',
  'marketplace.netCostPerGenuineClaim',
  'customers.validPaidShare',
  'claims.fraudulentShare',
];

/** Each metric's mean over replications and the standard error of that mean. */
async function perClaim(claims: number, replications: number) {
  const params = loadScenario('scenarios/baseline.yaml', { set: [`volume.claims=${claims}`] }).parameters;
  const out = await runScenario(params, { seed: 4, replications, runUnits: onWorkers(2) });
  return Object.fromEntries(
    PER_CLAIM.map((m) => {
      const values = out.replications.map((r) => r.metrics[m]);
      return [m, { mean: mean(values), se: sampleStandardDeviation(values) / Math.sqrt(replications) }];
    }),
  ) as Record<MetricName, { mean: number; se: number }>;
}

describe('a world that scales', () => {
  it('gives the same per-claim figures at 5,000 and 50,000 claims, within noise', async () => {
    // The same number of claims each way (80,000 and 200,000), so both means carry comparable noise.
    const small = await perClaim(5000, 16);
    const large = await perClaim(50000, 4);
    for (const m of PER_CLAIM) {
      // Independent runs: the difference of means has standard error sqrt(se1^2 + se2^2). Four of them
      // leave a false alarm under 1% for each metric with Welch's t at about 10 degrees of freedom.
      const se = Math.hypot(small[m].se, large[m].se);
      expect(Math.abs(small[m].mean - large[m].mean), `${m}: ${small[m].mean} at 5,000, ${large[m].mean} at 50,000`).toBeLessThan(4 * se);
    }
    // And the figures are far from degenerate: a loss ratio, a waiver share and a recovery rate all well inside (0, 2).
    expect(large['insurers.lossRatio'].mean).toBeGreaterThan(0.2);
    expect(large['marketplace.waiverShare'].mean).toBeGreaterThan(0.1);
    expect(large['marketplace.recoveryRate'].mean).toBeGreaterThan(0.3);
    // 280,000 claims: about 30 s on an idle two-core machine, so a bound that holds with two busy neighbours.
  }, 300_000);
});
