/**
 * Summarising one metric across replications: the mean with a t-based 95%
 * confidence interval (replications are independent and identically
 * distributed), and quantiles of the replication values.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { expectedShortfall } from './expectedShortfall.js';

export interface Summary {
  readonly mean: number;
  /** 95% confidence interval for the mean; null with fewer than two replications. */
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly n: number;
  /** Expected shortfall at 95%: the mean of the worst 5% of replications (cost metrics only). */
  readonly es95?: number;
}

/**
 * Half-width of the two-sided confidence interval for a mean of `n` values
 * with sample standard deviation `sd`: t(1 - alpha/2, n - 1) * sd / sqrt(n).
 * @example confidenceHalfWidth(2, 10, 0.05) // ≈ 1.4307: 2.2622 * 2 / sqrt(10), t(0.975, 9) = 2.2622 from the t table
 * @example confidenceHalfWidth(2, 1) // NaN: no interval from one value
 */
export function confidenceHalfWidth(sd: number, n: number, alpha = 0.05): number {
  if (n < 2) return NaN;
  return (tQuantile(1 - alpha / 2, n - 1) * sd) / Math.sqrt(n);
}

/**
 * The summary of one metric's replication values: their mean with its 95%
 * interval (null from one value), the 5th, 50th, 95th and 99th percentiles
 * (simple-statistics' `quantileSorted`, linear interpolation, R's type 7: the
 * p quantile of sorted x(1..n) lies (n - 1) p of the way past x(1)), and, for a
 * cost, the expected shortfall at 95%.
 * Working for the first example: the sample standard deviation of 1..5 is
 * sqrt(2.5) = 1.5811, the half-width t(0.975, 4) x 1.5811 / sqrt(5) =
 * 2.7764 x 0.7071 = 1.9632; the percentiles are 1 + 4 p (1.2, 3, 4.8, 4.96); the
 * worst 5% of 5 values is 1 value, 5.
 * For the second (the order of the values does not matter): sd = sqrt(5/3) =
 * 1.2910, half-width t(0.975, 3) x 1.2910 / 2 = 3.1824 x 0.6455 = 2.0543; the
 * percentiles are 1 + 3 p (1.15, 2.5, 3.85, 3.97).
 * @example summarise([1, 2, 3, 4, 5], { cost: true }) // { mean: 3, ciLow: ≈ 1.0368, ciHigh: ≈ 4.9632, p5: 1.2, p50: 3, p95: 4.8, p99: 4.96, n: 5, es95: 5 }
 * @example summarise([4, 1, 3, 2]) // { mean: 2.5, ciLow: ≈ 0.4457, ciHigh: ≈ 4.5543, p5: 1.15, p50: 2.5, p95: 3.85, p99: 3.97, n: 4 }
 * @example summarise([7]) // { mean: 7, ciLow: null, ciHigh: null, p5: 7, p50: 7, p95: 7, p99: 7, n: 1 }
 */
export function summarise(values: readonly number[], options: { cost?: boolean } = {}): Summary {
  const n = values.length;
  if (n === 0) throw new RangeError('cannot summarise no values');
  const m = mean(values as number[]);
  const sorted = [...values].sort((a, b) => a - b);
  const half = n >= 2 ? confidenceHalfWidth(sampleStandardDeviation(values as number[]), n) : NaN;
  return {
    mean: m,
    ciLow: n >= 2 ? m - half : null,
    ciHigh: n >= 2 ? m + half : null,
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    p99: quantileSorted(sorted, 0.99),
    n,
    ...(options.cost ? { es95: expectedShortfall(values, 0.95) } : {}),
  };
}
