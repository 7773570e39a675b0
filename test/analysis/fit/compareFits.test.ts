/**
 * The fits recover what generated the data. Samples are drawn here by
 * inversion, from a seeded mulberry32 generator and stdlib's normal quantile,
 * so every run sees the same numbers.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import { compareFits } from '../../../src/analysis/fit/compareFits.js';
import { fitLognormal } from '../../../src/analysis/fit/fitLognormal.js';
import { fitLognormalMixture } from '../../../src/analysis/fit/fitLognormalMixture.js';
import { kolmogorovSmirnov } from '../../../src/analysis/fit/kolmogorovSmirnov.js';
import { lognormalMixtureCdf } from '../../../src/analysis/fit/lognormalMixtureDensity.js';

/** mulberry32 (Tommy Ettinger's public-domain generator), shifted half a step so it never returns 0 or 1. */
function uniforms(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
}

/** n amounts from a mixture of lognormals given by weight, median and sigma. */
function sample(n: number, seed: number, components: readonly { weight: number; median: number; sigma: number }[]): number[] {
  const u = uniforms(seed);
  return Array.from({ length: n }, () => {
    const pick = u();
    let cumulative = 0;
    const c = components.find((c) => pick < (cumulative += c.weight)) ?? components[components.length - 1]!;
    return c.median * Math.exp(c.sigma * normalQuantile(u(), 0, 1));
  });
}

const N = 20_000;
const KS_1_PERCENT = 1.63 / Math.sqrt(N);

describe('fitLognormal', () => {
  it('recovers mu and sigma of 20,000 lognormal amounts within 4 standard errors', () => {
    const mu = Math.log(500);
    const sigma = 1.2;
    for (const seed of [1, 2, 3]) {
      const fit = fitLognormal(sample(N, seed, [{ weight: 1, median: 500, sigma }]));
      // se(mu) = sigma/√n; se(sigma) ≈ sigma/√(2n) (the MLE's asymptotic variances).
      expect(Math.abs(fit.mu - mu)).toBeLessThan((4 * sigma) / Math.sqrt(N));
      expect(Math.abs(fit.sigma - sigma)).toBeLessThan((4 * sigma) / Math.sqrt(2 * N));
      expect(fit.weight).toBe(1);
    }
  });

  it('is the closed form: mean and population sd of the logs', () => {
    // logs 0, 1, 2, 3: mean 1.5, population variance 1.25
    const fit = fitLognormal([1, Math.E, Math.E ** 2, Math.E ** 3]);
    expect(fit.mu).toBeCloseTo(1.5, 12);
    expect(fit.sigma).toBeCloseTo(Math.sqrt(1.25), 12);
  });

  it('refuses amounts that are all equal', () => {
    expect(() => fitLognormal(Array.from({ length: 12 }, () => 250))).toThrow(/all 12 amounts are equal/);
  });
});

describe('fitLognormalMixture', () => {
  const truth = [
    { weight: 0.7, median: 100, sigma: 0.5 },
    { weight: 0.3, median: 10_000, sigma: 0.5 },
  ];
  const data = sample(N, 7, truth);

  it('recovers the weights within 0.03 and the medians within 10% of a well-separated mixture', () => {
    const fit = fitLognormalMixture(data);
    expect(fit.converged).toBe(true);
    expect(fit.collapsed).toBe(false);
    fit.components.forEach((c, i) => {
      expect(Math.abs(c.weight - truth[i]!.weight)).toBeLessThan(0.03);
      expect(Math.abs(Math.exp(c.mu) / truth[i]!.median - 1)).toBeLessThan(0.1);
      expect(Math.abs(c.sigma - truth[i]!.sigma)).toBeLessThan(0.05);
    });
    expect(fit.components[0].weight + fit.components[1].weight).toBeCloseTo(1, 12);
  });

  it('is deterministic: the same data give the same fit', () => {
    expect(fitLognormalMixture(data)).toEqual(fitLognormalMixture(data));
  });

  it('marks a component that collapses instead of fitting it to a point', () => {
    // Ten amounts: nine spread out and one far away; the far component holds one amount, below the minimum of two.
    const amounts = [100, 120, 90, 110, 105, 95, 130, 80, 115, 1e8];
    const fit = fitLognormalMixture(amounts, { minComponentSize: 2 });
    expect(fit.collapsed).toBe(true);
    expect(compareFits(amounts).chosen).toBe('lognormal');
    for (const c of fit.components) expect(c.sigma).toBeGreaterThan(0);
  });
});

describe('compareFits', () => {
  it('prefers the mixture by AIC on mixture data, and both fits report lnL, AIC and KS D', () => {
    const data = sample(N, 11, [
      { weight: 0.7, median: 100, sigma: 0.5 },
      { weight: 0.3, median: 10_000, sigma: 0.5 },
    ]);
    const c = compareFits(data);
    expect(c.chosen).toBe('mixture');
    expect(c.mixture.aic).toBeLessThan(c.lognormal.aic - 10);
    expect(c.lognormal.k).toBe(2);
    expect(c.mixture.k).toBe(5);
    for (const f of [c.lognormal, c.mixture]) expect(f.aic).toBeCloseTo(2 * f.k - 2 * f.logLikelihood, 6);
    expect(c.mixture.ks).toBeLessThan(KS_1_PERCENT);
    // A single lognormal cannot follow two humps.
    expect(c.lognormal.ks).toBeGreaterThan(KS_1_PERCENT);
  });

  it('on single-lognormal data prefers the lognormal, or the AICs are within 10', () => {
    for (const seed of [3, 4, 5]) {
      const c = compareFits(sample(N, seed, [{ weight: 1, median: 300, sigma: 1 }]));
      if (c.chosen === 'mixture') expect(c.lognormal.aic - c.mixture.aic).toBeLessThan(10);
      expect(c.lognormal.ks).toBeLessThan(KS_1_PERCENT);
      expect(c.mixture.ks).toBeLessThan(KS_1_PERCENT);
    }
  });

  it('gives KS D of the true distribution on its own data below the 1% critical value', () => {
    const truth = [{ weight: 1, mu: Math.log(300), sigma: 1 }];
    const data = sample(N, 9, [{ weight: 1, median: 300, sigma: 1 }]).sort((a, b) => a - b);
    expect(kolmogorovSmirnov(data, (x) => lognormalMixtureCdf(x, truth))).toBeLessThan(KS_1_PERCENT);
  });
});
