/**
 * The paths of the policy under the threshold, checked against what follows
 * from the policy alone: with every claim under the threshold and no fraud,
 * the marketplace pays exactly what was claimed; it recovers nothing from
 * insured, policy-abiding sellers, and from uninsured ones what the shares of
 * sellers' answers say.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/params/load.js';
import { runScenario } from '../../src/sim/run.js';
import { onWorkers } from '../../src/sim/pool.js';

/** Every claim under $1,000: one lognormal component (median $200, sigma 1), capped at $999. */
const UNDER_THRESHOLD = ['claimAmount.mixture=[{weight: 1, medianUsd: 200, sigma: 1}]', 'policy.maxClaim=999', 'policy.threshold=1000'];
/** No fraud, and screening that never wrongly flags a genuine claim; no claim refused as late. */
const NO_FRAUD = ['fraud.share=0', 'fraud.buildUpShare=0', 'screening.falsePositiveRate=0', 'filing.windowDays=36500'];
const SEED = 21;

async function run(set: readonly string[]) {
  const params = loadScenario('scenarios/baseline.yaml', { set: [...UNDER_THRESHOLD, ...NO_FRAUD, 'volume.claims=20000', ...set] }).parameters;
  return (await runScenario(params, { seed: SEED, replications: 2, runUnits: onWorkers(1) })).pooled;
}

describe('closed forms under the threshold', () => {
  it('every seller insured and policy-abiding: the marketplace pays exactly the sum of the claims and recovers nothing', async () => {
    // Proof comes within minutes (mean 0.01 days) and always counts (deductibles within the $10,000 cap).
    const a = await run(['sellers.insuredShareWhenRequired=1', 'sellers.insuredShareVoluntary=1', 'sellers.compliantShare=1', 'sellers.proofShare=1', 'sellers.meanProofDays=0.01']);
    expect(a.claims.filed).toBeGreaterThan(30000);
    expect(a.claims.open).toBe(0);
    expect(a.money.paidByMarketplaceUsd).toBeCloseTo(a.claims.claimedUsd, 2);
    expect(a.money.recoveredUsd).toBe(0);
    expect(a.money.paidBySellersUsd + a.money.paidByInsurersUsd).toBe(0);
    expect(a.outcomes.waived.count).toBe(a.claims.filed);
  });

  it('every seller uninsured: it recovers what the shares of sellers\u2019 answers say', async () => {
    // A seller that accepts (0.6) or stays silent (0.15) is asked to reimburse and pays in full (0.65) or
    // half (0.1 x 0.5); one that rejects (0.25) appeals, and with withholding off nothing else comes back.
    // Expected recovery per dollar paid: 0.75 x (0.65 + 0.05) = 0.525.
    const a = await run(['sellers.insuredShareWhenRequired=0', 'sellers.insuredShareVoluntary=0', 'policy.reimbursement.withholdFromPayouts=false', 'sellers.suspendAfterDefaults=1000000']);
    expect(a.claims.open).toBe(0);
    expect(a.money.paidByMarketplaceUsd).toBeCloseTo(a.claims.claimedUsd, 2);
    const expected = 0.75 * (0.65 + 0.1 * 0.5);
    // Per claim the recovered fraction X is 1, 0.5 or 0: E[X^2] = 0.75 x (0.65 + 0.1 x 0.25), so
    // var(X) = 0.50625 - 0.525^2 = 0.230625. The recovered share of N claims of amount A has standard
    // error sqrt(var(X) E[A^2] / N) / E[A], with A's moments from the capped lognormal.
    const varX = 0.75 * (0.65 + 0.1 * 0.25) - expected ** 2;
    expect(varX).toBeCloseTo(0.230625, 12);
    const n = a.claims.filed;
    const se = Math.sqrt((varX * cappedLognormalMoment(2, 200, 1, 999)) / n) / cappedLognormalMoment(1, 200, 1, 999);
    const share = a.money.recoveredUsd / a.money.paidByMarketplaceUsd;
    expect(Math.abs(share - expected)).toBeLessThan(4 * se);
    expect(se).toBeLessThan(0.005);
  });
});

/** E[min(X, cap)^k] for X lognormal with the given median and sigma. */
function cappedLognormalMoment(k: 1 | 2, median: number, sigma: number, cap: number): number {
  const mu = Math.log(median);
  const below = Math.exp(k * mu + (k * k * sigma * sigma) / 2) * normalCdf((Math.log(cap) - mu - k * sigma * sigma) / sigma, 0, 1);
  return below + cap ** k * (1 - normalCdf((Math.log(cap) - mu) / sigma, 0, 1));
}
