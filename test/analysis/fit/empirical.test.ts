/**
 * Resampling observed amounts: the pure sampler (inverse empirical CDF with
 * linear interpolation), what the overlay stores, the schema's checks, and
 * claimFacts drawing from it with the same uniform as the mixture (common
 * random numbers hold).
 */
import { describe, expect, it } from 'vitest';
import { empiricalAmounts } from '../../../src/analysis/fit/empiricalAmounts.js';
import { loadScenario } from '../../../src/params/load.js';
import { ScenarioError } from '../../../src/params/problems.js';
import { claimFacts, claimStream, honestCustomers, Sellers } from '../../../src/sim/population.js';
import { empiricalQuantile, lognormalMixture, lognormalMixtureOrEmpirical } from '../../../src/random/distributions.js';

const SORTED = [10, 20, 40, 80];

describe('empiricalQuantile', () => {
  it('follows its @examples', () => {
    expect(empiricalQuantile(0.5, SORTED)).toBe(30);
    expect(empiricalQuantile(0.25, SORTED)).toBe(17.5);
  });

  it('gives the minimum as u -> 0 and the maximum as u -> 1', () => {
    expect(empiricalQuantile(0, SORTED)).toBe(10);
    expect(empiricalQuantile(2 ** -53, SORTED)).toBeCloseTo(10, 12);
    expect(empiricalQuantile(1, SORTED)).toBe(80);
    expect(empiricalQuantile(1 - 2 ** -53, SORTED)).toBeCloseTo(80, 10);
  });

  it('hits each order statistic at u = i/(n-1) and interpolates linearly between them', () => {
    // Hand-worked: n = 4, so x_(i) sits at u = i/3; u = 5/6 is halfway from 40 (u = 2/3) to 80 (u = 1).
    expect(empiricalQuantile(1 / 3, SORTED)).toBeCloseTo(20, 12);
    expect(empiricalQuantile(2 / 3, SORTED)).toBeCloseTo(40, 12);
    expect(empiricalQuantile(5 / 6, SORTED)).toBeCloseTo(60, 12);
    expect(empiricalQuantile(0.1, SORTED)).toBeCloseTo(13, 12); // h = 0.3: 10 + 0.3 * 10
  });

  it('is non-decreasing in u and stays within [min, max]', () => {
    let last = -Infinity;
    for (let i = 0; i <= 1000; i++) {
      const x = empiricalQuantile(i / 1000, [5, 5, 7, 100, 100, 2000]);
      expect(x).toBeGreaterThanOrEqual(last);
      expect(x).toBeGreaterThanOrEqual(5);
      expect(x).toBeLessThanOrEqual(2000);
      last = x;
    }
  });

  it('returns the only value of a one-value sample, and refuses an empty one', () => {
    expect(empiricalQuantile(0.3, [42])).toBe(42);
    expect(() => empiricalQuantile(0.3, [])).toThrow(RangeError);
  });
});

describe('lognormalMixtureOrEmpirical', () => {
  const mixture = [{ weight: 1, medianUsd: 200, sigma: 1 }];

  it('follows its @example: the empirical amounts win when present, capped', () => {
    expect(lognormalMixtureOrEmpirical(0.9, 0.5, mixture, SORTED, 25)).toBe(25);
    expect(lognormalMixtureOrEmpirical(0.9, 0.5, mixture, SORTED, 1e6)).toBe(30);
  });

  it('is the mixture draw when there are no empirical amounts', () => {
    for (const [p, v] of [
      [0.1, 0.2],
      [0.5, 0.5],
      [0.95, 0.99],
    ] as const) {
      expect(lognormalMixtureOrEmpirical(p, v, mixture, [], 1e6)).toBe(lognormalMixture(p, v, mixture, 1e6));
    }
  });
});

describe('empiricalAmounts', () => {
  it('follows its @example: sorted, to cents, never below a cent', () => {
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: an amount with five decimals, not pi
    expect(empiricalAmounts([3.14159, 0.001, 2])).toEqual({ values: [0.01, 2, 3.14], quantiles: false });
  });

  it('keeps up to 5,000 amounts and stores 1,001 evenly spaced quantiles above that', () => {
    const few = Array.from({ length: 5000 }, (_, i) => 5000 - i);
    expect(empiricalAmounts(few).values).toHaveLength(5000);
    const many = Array.from({ length: 5001 }, (_, i) => i + 1); // 1 .. 5001
    const stored = empiricalAmounts(many);
    expect(stored.quantiles).toBe(true);
    expect(stored.values).toHaveLength(1001);
    // Quantile i/1000 of 1..5001 is 1 + 5000 i/1000 = 1 + 5i: min, max and every step are exact.
    expect(stored.values[0]).toBe(1);
    expect(stored.values[1000]).toBe(5001);
    expect(stored.values[500]).toBe(2501);
    for (const [i, v] of stored.values.entries()) expect(v).toBe(1 + 5 * i);
  });
});

describe('claimAmount.empirical in a scenario', () => {
  it('is empty in the baseline, so the mixture is used', () => {
    expect(loadScenario('scenarios/baseline.yaml').parameters.claimAmount.empirical).toEqual([]);
  });

  it.each([
    ['[10, 5, 20]', /claimAmount\.empirical\.1: must be in increasing order \(5 follows 10\)/],
    ['[0, 5]', /claimAmount\.empirical\.0: must be positive/],
    ['[-3]', /claimAmount\.empirical\.0: must be positive/],
    ['["a"]', /claimAmount\.empirical\.0: must be a number/],
    ['5', /claimAmount\.empirical: must be a list \(got 5\)/],
  ])('refuses %s', (value, message) => {
    try {
      loadScenario('scenarios/baseline.yaml', { set: [`claimAmount.empirical=${value}`] });
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as Error).message).toMatch(message);
      return;
    }
    throw new Error('expected a ScenarioError');
  });
});

describe('claimFacts with empirical amounts', () => {
  const set = ['claimAmount.mixture=[{weight: 1, medianUsd: 300, sigma: 1}]'];
  const empirical = [12.5, 40, 75, 120, 300, 310, 900, 2500, 8000, 2_000_000];
  const withMixture = loadScenario('scenarios/baseline.yaml', { set }).parameters;
  const withData = loadScenario('scenarios/baseline.yaml', { set: [...set, `claimAmount.empirical=${JSON.stringify(empirical)}`] }).parameters;
  const unit = { seed: 5, replication: 0, team: 0 };

  function genuineAmounts(params: typeof withMixture) {
    const sellers = new Sellers(params, unit);
    const world = { sellers, honestCustomers: honestCustomers(params, 0), isBlocked: () => false };
    // Genuine claims and fabricated ones alike draw their base amount by the same slots.
    return Array.from({ length: 300 }, (_, id) => {
      const fabricated = id % 10 === 0;
      return claimFacts(params, claimStream(unit, fabricated, id), { id, index: id, fabricated, incidentDay: 1, filedDay: 2 }, world);
    });
  }

  it('draws genuine amounts from the data, capped at policy.maxClaim, with every other fact unchanged', () => {
    const a = genuineAmounts(withMixture);
    const b = genuineAmounts(withData);
    for (let i = 0; i < a.length; i++) {
      expect(b[i]!.fraud).toBe(a[i]!.fraud);
      expect(b[i]!.seller).toBe(a[i]!.seller);
      expect(b[i]!.customer).toBe(a[i]!.customer);
      expect(b[i]!.draws).toEqual(a[i]!.draws);
      if (b[i]!.fraud === 'fabricated') continue;
      expect(b[i]!.genuineUsd).toBeGreaterThanOrEqual(12.5);
      expect(b[i]!.genuineUsd).toBeLessThanOrEqual(withData.policy.maxClaim);
    }
    // Draws past u = 0.944 interpolate above $1M towards the $2M maximum and are capped.
    expect(b.filter((f) => f.genuineUsd === withData.policy.maxClaim).length).toBeGreaterThan(0);
  });

  it('keeps each claim at its place in the distribution: the same uniform orders both (common random numbers)', () => {
    // With a one-component mixture both draws are increasing in the same uniform, so claims sort the same way.
    const a = genuineAmounts(withMixture).filter((f) => f.fraud !== 'fabricated');
    const b = genuineAmounts(withData).filter((f) => f.fraud !== 'fabricated');
    const order = a.map((_, i) => i).sort((i, j) => a[i]!.genuineUsd - a[j]!.genuineUsd);
    for (let k = 1; k < order.length; k++) expect(b[order[k]!]!.genuineUsd).toBeGreaterThanOrEqual(b[order[k - 1]!]!.genuineUsd);
    expect(new Set(b.map((f) => f.genuineUsd)).size).toBeGreaterThan(100);
  });
});
