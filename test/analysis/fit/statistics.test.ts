/**
 * The statistics a fit reports, checked by hand-worked cases and against
 * each other: the KS statistic (ties included), the mixture's CDF and density
 * (the density is the CDF's derivative), the log-likelihood at the lognormal
 * MLE (closed form), and AIC.
 */
import { describe, expect, it } from 'vitest';
import { akaikeInformationCriterion } from '../../../src/analysis/fit/akaikeInformationCriterion.js';
import { fitLognormal } from '../../../src/analysis/fit/fitLognormal.js';
import { kolmogorovSmirnov } from '../../../src/analysis/fit/kolmogorovSmirnov.js';
import { logLikelihood } from '../../../src/analysis/fit/logLikelihood.js';
import { lognormalMixtureCdf, lognormalMixtureLogDensity } from '../../../src/analysis/fit/lognormalMixtureDensity.js';

const uniformCdf = (x: number) => Math.min(1, Math.max(0, x));
const MIXTURE = [
  { weight: 0.85, mu: Math.log(200), sigma: 1 },
  { weight: 0.15, mu: Math.log(5000), sigma: 1.5 },
];

describe('kolmogorovSmirnov', () => {
  it('follows its @example', () => {
    expect(kolmogorovSmirnov([0.25, 0.75], uniformCdf)).toBeCloseTo(0.25, 15);
  });

  it('is exact with ties: F_n jumps by two steps at a repeated value', () => {
    // Sample 0.1, 0.4, 0.4, 0.9 against U(0, 1): F_n goes 0 -> 0.25 at 0.1 -> 0.75 at 0.4 -> 1 at 0.9.
    // The largest gap is just after 0.4: 0.75 - 0.4 = 0.35.
    expect(kolmogorovSmirnov([0.1, 0.4, 0.4, 0.9], uniformCdf)).toBeCloseTo(0.35, 15);
  });

  it('agrees with a brute-force supremum over a fine grid', () => {
    const sample = [0.03, 0.2, 0.21, 0.5, 0.5, 0.77, 0.8];
    const fn = (x: number) => sample.filter((s) => s <= x).length / sample.length;
    let sup = 0;
    for (let i = 0; i <= 1_000_000; i++) {
      const x = i / 1_000_000;
      sup = Math.max(sup, Math.abs(fn(x) - x), Math.abs(fn(x - 1e-12) - x));
    }
    expect(kolmogorovSmirnov(sample, uniformCdf)).toBeCloseTo(sup, 5);
  });
});

describe('the mixture CDF and density', () => {
  it('follows the @examples', () => {
    expect(lognormalMixtureCdf(100, [{ weight: 1, mu: Math.log(100), sigma: 2 }])).toBeCloseTo(0.5, 15);
    expect(lognormalMixtureLogDensity(1, [{ weight: 1, mu: 0, sigma: 1 }])).toBeCloseTo(-0.9189385332046727, 14);
    expect(logLikelihood([1, 1], [{ weight: 1, mu: 0, sigma: 1 }])).toBeCloseTo(-1.8378770664093453, 14);
  });

  it('has the density as the derivative of the CDF (central differences)', () => {
    for (const x of [20, 200, 1000, 5000, 60_000]) {
      const h = x * 1e-5;
      const slope = (lognormalMixtureCdf(x + h, MIXTURE) - lognormalMixtureCdf(x - h, MIXTURE)) / (2 * h);
      expect(Math.exp(lognormalMixtureLogDensity(x, MIXTURE)) / slope).toBeCloseTo(1, 6);
    }
  });

  it('goes from 0 to 1', () => {
    expect(lognormalMixtureCdf(0, MIXTURE)).toBe(0);
    expect(lognormalMixtureCdf(1e-3, MIXTURE)).toBeLessThan(1e-6);
    expect(lognormalMixtureCdf(1e12, MIXTURE)).toBeCloseTo(1, 9);
  });
});

describe('logLikelihood', () => {
  it('at the lognormal MLE is the closed form -Σ ln x - n ln sigma - n/2 ln 2π - n/2 (dollar space)', () => {
    const values = [120, 80, 300, 45, 1000, 250, 75.25, 610, 99, 4200];
    const fit = fitLognormal(values);
    const n = values.length;
    const sumLogs = values.reduce((s, x) => s + Math.log(x), 0);
    const closed = -sumLogs - n * Math.log(fit.sigma) - (n / 2) * Math.log(2 * Math.PI) - n / 2;
    expect(logLikelihood(values, [fit])).toBeCloseTo(closed, 10);
  });
});

describe('akaikeInformationCriterion', () => {
  it('is 2k - 2 lnL', () => {
    expect(akaikeInformationCriterion(-100, 2)).toBe(204);
    expect(akaikeInformationCriterion(-100, 5)).toBe(210);
  });
});
