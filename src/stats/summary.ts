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
 * @example confidenceHalfWidth(2, 10, 0.05) // 2.262 * 2 / sqrt(10) = 1.4307 (t table, 9 df)
 */
export function confidenceHalfWidth(sd: number, n: number, alpha = 0.05): number {
  if (n < 2) return NaN;
  return (tQuantile(1 - alpha / 2, n - 1) * sd) / Math.sqrt(n);
}

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
