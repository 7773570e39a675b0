import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { describe, expect, it } from 'vitest';
import { categorical, exponential, lognormal, lognormalMixture, standardNormal } from '../../src/random/distributions.js';
import { Stream, StreamKind } from '../../src/random/streams.js';

const BASELINE_MIXTURE = [
  { weight: 0.85, medianUsd: 200, sigma: 1.0 },
  { weight: 0.15, medianUsd: 5000, sigma: 1.5 },
];

describe('standardNormal', () => {
  it('is the standard normal quantile at published points', () => {
    expect(standardNormal(0.5)).toBeCloseTo(0, 12);
    expect(standardNormal(0.975)).toBeCloseTo(1.959963984540054, 9);
    expect(standardNormal(0.025)).toBeCloseTo(-1.959963984540054, 9);
    expect(standardNormal(0.8413447460685429)).toBeCloseTo(1, 9); // Phi(1)
    expect(standardNormal(0.001)).toBeCloseTo(-3.090232306167813, 8);
  });
});

describe('exponential', () => {
  it('follows its @example: the mean is reached at u = e^-1', () => {
    expect(exponential(Math.exp(-1), 10)).toBeCloseTo(10, 12);
  });

  it('inverts the survival function at known points: -mean ln u', () => {
    expect(exponential(0.5, 12)).toBeCloseTo(12 * Math.LN2, 12); // the median
    expect(exponential(Math.exp(-2), 3)).toBeCloseTo(6, 12);
    expect(exponential(0.25, 1)).toBeCloseTo(2 * Math.LN2, 12);
    expect(Math.abs(exponential(1, 7))).toBe(0); // u = 1 gives 0
  });

  it('is decreasing in u and positive inside (0, 1)', () => {
    let last = Infinity;
    for (let i = 1; i < 100; i++) {
      const x = exponential(i / 100, 5);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(last);
      last = x;
    }
  });

  it('has the given mean: over an even grid of u the average is the mean', () => {
    // The integral of -m ln u over (0, 1) is m; the midpoint rule on 10^5 points errs by about m * 1e-5.
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += exponential((i + 0.5) / n, 12);
    expect(Math.abs(sum / n - 12)).toBeLessThan(12 * 1e-4);
  });
});

describe('lognormal', () => {
  it('follows its @example: the median at u = 1/2', () => {
    expect(lognormal(0.5, 200, 1)).toBeCloseTo(200, 9);
    expect(lognormal(0.5, 5000, 1.5)).toBeCloseTo(5000, 9);
  });

  it('is median * e^(sigma z) at the quantile of z', () => {
    expect(lognormal(0.8413447460685429, 200, 1)).toBeCloseTo(200 * Math.E, 6); // z = 1
    expect(lognormal(0.15865525393145707, 200, 1)).toBeCloseTo(200 / Math.E, 6); // z = -1
    expect(lognormal(0.975, 5000, 1.5)).toBeCloseTo(5000 * Math.exp(1.5 * 1.959963984540054), 3);
  });

  it('with sigma 0 is the median everywhere', () => {
    for (const u of [0.01, 0.5, 0.99]) expect(lognormal(u, 321, 0)).toBe(321);
  });
});

describe('lognormalMixture', () => {
  it('picks a component by the cumulative weights (strict at each boundary)', () => {
    expect(lognormalMixture(0.5, 0.5, BASELINE_MIXTURE, 1e6)).toBeCloseTo(200, 9);
    expect(lognormalMixture(0.8499, 0.5, BASELINE_MIXTURE, 1e6)).toBeCloseTo(200, 9);
    expect(lognormalMixture(0.85, 0.5, BASELINE_MIXTURE, 1e6)).toBeCloseTo(5000, 9);
    expect(lognormalMixture(0.99, 0.5, BASELINE_MIXTURE, 1e6)).toBeCloseTo(5000, 9);
  });

  it('caps the value at the cap', () => {
    // The 15% component at u = 1 - 1e-9 is 5000 e^(1.5 * 6.0) ~ 4e7, over the $1M cap.
    expect(lognormalMixture(0.99, 1 - 1e-9, BASELINE_MIXTURE, 1e6)).toBe(1e6);
    expect(lognormalMixture(0.5, 0.5, BASELINE_MIXTURE, 100)).toBe(100);
  });

  it('uses the last component when the weights fall short of u by rounding', () => {
    const comps = [
      { weight: 0.7, medianUsd: 1, sigma: 1 },
      { weight: 0.2, medianUsd: 2, sigma: 1 },
      { weight: 0.1, medianUsd: 3, sigma: 1 },
    ];
    // 0.7 + 0.2 + 0.1 = 0.9999999999999999 in floating point.
    expect(lognormalMixture(1 - 2 ** -53, 0.5, comps, 1e6)).toBeCloseTo(3, 12);
  });

  it('puts the closed-form share of claims at or under $1,000 (about 0.8255)', () => {
    // P(X <= 1000) = 0.85 Phi(ln(1000/200) / 1) + 0.15 Phi(ln(1000/5000) / 1.5)
    const p = 0.85 * normalCdf(Math.log(1000 / 200), 0, 1) + 0.15 * normalCdf(Math.log(1000 / 5000) / 1.5, 0, 1);
    expect(p).toBeCloseTo(0.8255, 3);
    const n = 100_000;
    const s = new Stream(2021, StreamKind.claim, 0, 0, 0);
    let under = 0;
    for (let i = 0; i < n; i++) if (lognormalMixture(s.uniform(2 * i), s.uniform(2 * i + 1), BASELINE_MIXTURE, 1e6) <= 1000) under++;
    const se = Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(under / n - p)).toBeLessThan(3 * se);
  });

  it('gives each component its median half the time', () => {
    // Within the first component (uPick < 0.85), half the values lie under 200.
    const n = 40_000;
    const s = new Stream(77, StreamKind.claim, 0, 0, 1);
    let under = 0;
    for (let i = 0; i < n; i++) if (lognormalMixture(0.1, s.uniform(i), BASELINE_MIXTURE, 1e6) < 200) under++;
    expect(Math.abs(under / n - 0.5)).toBeLessThan(3 * Math.sqrt(0.25 / n));
  });
});

describe('categorical', () => {
  it('follows its @example: 0.7 lies in [0.6, 0.85)', () => {
    expect(categorical(0.7, [0.6, 0.25, 0.15])).toBe(1);
  });

  it('puts each boundary in the upper category', () => {
    const shares = [0.5, 0.25, 0.25]; // boundaries 0.5 and 0.75, exact in binary
    expect(categorical(0, shares)).toBe(0);
    expect(categorical(0.4999999, shares)).toBe(0);
    expect(categorical(0.5, shares)).toBe(1);
    expect(categorical(0.7499999, shares)).toBe(1);
    expect(categorical(0.75, shares)).toBe(2);
    expect(categorical(1 - 2 ** -53, shares)).toBe(2);
  });

  it('never picks a zero share in the middle or at the start', () => {
    expect(categorical(0, [0, 0.5, 0.5])).toBe(1);
    expect(categorical(0.5, [0.5, 0, 0.5])).toBe(2);
    for (let i = 0; i < 1000; i++) {
      const u = (i + 0.5) / 1000;
      expect(categorical(u, [0.5, 0, 0.5])).not.toBe(1);
      expect(categorical(u, [0, 0.25, 0.75])).not.toBe(0);
    }
  });

  it('with all the share on one category always picks it', () => {
    for (const u of [0, 1e-12, 0.5, 1 - 2 ** -53]) {
      expect(categorical(u, [1, 0, 0])).toBe(0);
      expect(categorical(u, [0, 1, 0])).toBe(1);
      expect(categorical(u, [0, 0, 1])).toBe(2);
      expect(categorical(u, [1])).toBe(0);
    }
  });

  it('over an even grid of u gives each category its share', () => {
    const shares = [0.6, 0.25, 0.15];
    const n = 10_000;
    const counts = [0, 0, 0];
    for (let i = 0; i < n; i++) counts[categorical((i + 0.5) / n, shares)]!++;
    expect(counts).toEqual([6000, 2500, 1500]);
  });
});
