/**
 * What a fit keeps of its data for the report, and what the report computes
 * from a fit: a hand-worked histogram on log10 amount and hand-worked
 * quantiles; each fit's quantiles against the lognormal's closed form
 * exp(mu + sigma z_p); its density of log10 amount integrating to 1; and
 * every `@example` of these modules run, as test/docs/examples.test.ts runs
 * those of rules/ and stats/.
 */
import { readFileSync } from 'node:fs';
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { describe, expect, it } from 'vitest';
import { binCount, log10Histogram, MAX_BINS } from '../../../src/analysis/fit/log10Histogram.js';
import { lognormalMixtureCdf, lognormalMixtureLog10Density, lognormalMixtureQuantile } from '../../../src/analysis/fit/lognormalMixtureDensity.js';
import { plottingPositions, QQ_POINTS, quantilesAt } from '../../../src/analysis/fit/plottingQuantiles.js';
import { actualValue, difference, expectedValue, parseExamples } from '../../support/jsdocExamples.js';

describe('log10Histogram', () => {
  it('bins 1, 10, 100, 1000 into two bins of 1.5 decades, by hand', () => {
    // logs 0, 1, 2, 3; quartiles (type 7) 0.75 and 2.25, IQR 1.5; width 2 x 1.5 / 4^(1/3) = 1.8899; ceil(3 / 1.8899) = 2 bins of 1.5.
    expect(log10Histogram([1000, 1, 100, 10])).toEqual({ log10Edges: [0, 1.5, 3], counts: [2, 2] });
  });

  it('bins eight amounts by hand: the largest falls in the last bin, and an empty bin stays', () => {
    // logs 0, 0, 0.5, 1, 1, 1, 2, 4: range 4; quartiles 0.375 and 1.25, IQR 0.875; width 1.75 / 2 = 0.875; ceil(4 / 0.875) = 5 bins of 0.8.
    const amounts = [1, 1, 10 ** 0.5, 10, 10, 10, 100, 10_000];
    const h = log10Histogram(amounts);
    expect(h.counts).toEqual([3, 3, 1, 0, 1]);
    expect(h.log10Edges.map((e) => Number(e.toFixed(12)))).toEqual([0, 0.8, 1.6, 2.4, 3.2, 4]);
  });

  it('counts every amount once, and never uses more than MAX_BINS bins', () => {
    const amounts = Array.from({ length: 100_000 }, (_, i) => 10 + i);
    const h = log10Histogram(amounts);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(100_000);
    expect(h.counts.length).toBe(MAX_BINS);
    expect(h.log10Edges[0]).toBe(1);
    expect(h.log10Edges[MAX_BINS]).toBe(Math.log10(100_009));
  });

  it('falls back to Sturges when the middle half ties, and gives equal amounts one bin', () => {
    expect(binCount(2, 0, 16)).toBe(5);
    expect(log10Histogram([5, 5, 5])).toEqual({ log10Edges: [Math.log10(5) - 0.05, Math.log10(5) + 0.05], counts: [3] });
  });
});

describe('quantilesAt and plottingPositions', () => {
  it('gives the percentiles 1 to 99', () => {
    const p = plottingPositions(QQ_POINTS);
    expect(p).toHaveLength(99);
    expect(p[0]).toBeCloseTo(0.01, 15);
    expect(p[49]).toBe(0.5);
    expect(p[98]).toBeCloseTo(0.99, 15);
  });

  it('interpolates between order statistics, by hand', () => {
    // Sorted 1..5; h = p x 4: p 0.1 -> 1.4, 0.5 -> 3, 0.95 -> 4.8.
    expect(quantilesAt([5, 3, 1, 4, 2], [0.1, 0.5, 0.95])).toEqual([1.4, 3, 4.8]);
  });
});

describe('lognormalMixtureQuantile', () => {
  it("is a lognormal's closed form exp(mu + sigma z_p) for one component", () => {
    const c = [{ weight: 1, mu: Math.log(300), sigma: 1.2 }];
    for (const p of [0.01, 0.1, 0.5, 0.9, 0.99]) expect(lognormalMixtureQuantile(p, c) / Math.exp(Math.log(300) + 1.2 * normalQuantile(p, 0, 1))).toBeCloseTo(1, 9);
  });

  it('inverts the mixture CDF', () => {
    const c = [
      { weight: 0.7, mu: Math.log(100), sigma: 0.5 },
      { weight: 0.3, mu: Math.log(10_000), sigma: 0.6 },
    ];
    for (const p of [0.01, 0.3, 0.7, 0.71, 0.99]) expect(lognormalMixtureCdf(lognormalMixtureQuantile(p, c), c)).toBeCloseTo(p, 10);
    expect(() => lognormalMixtureQuantile(1, c)).toThrow(RangeError);
  });
});

describe('lognormalMixtureLog10Density', () => {
  it('integrates to 1 over log10 amount, and its integral up to t is the CDF at 10^t', () => {
    const c = [
      { weight: 0.4, mu: Math.log(50), sigma: 0.8 },
      { weight: 0.6, mu: Math.log(5000), sigma: 1.1 },
    ];
    const step = 0.001;
    let area = 0;
    let below3 = 0;
    for (let t = -6; t < 12; t += step) {
      const a = ((lognormalMixtureLog10Density(t, c) + lognormalMixtureLog10Density(t + step, c)) / 2) * step;
      area += a;
      if (t + step <= 3 + 1e-9) below3 += a;
    }
    expect(area).toBeCloseTo(1, 6);
    expect(below3).toBeCloseTo(lognormalMixtureCdf(1000, c), 5);
  });
});

const DOCUMENTED = [
  'src/analysis/fit/log10Histogram.ts',
  'src/analysis/fit/plottingQuantiles.ts',
  'src/analysis/fit/lognormalMixtureDensity.ts',
  'src/analysis/fit/kolmogorovSmirnov.ts',
  'src/analysis/fit/fitText.ts',
  'src/report/charts/fitDensity.ts',
  'src/report/charts/fitQq.ts',
];

describe.each(DOCUMENTED)('the @examples of %s', (file) => {
  const parsed = parseExamples(readFileSync(file, 'utf8'));
  it('can be read', () => {
    expect(parsed.errors.join('\n')).toBe('');
    expect(parsed.examples.length).toBeGreaterThan(0);
  });
  for (const example of parsed.examples) {
    it(`line ${example.line}: ${example.call}`, async () => {
      const exports = (await import(`../../../${file}`)) as Record<string, unknown>;
      expect(difference(actualValue(example.call, exports), expectedValue(example.expected)), `${file}:${example.line} returned ${JSON.stringify(actualValue(example.call, exports))}`).toBeNull();
    });
  }
});
