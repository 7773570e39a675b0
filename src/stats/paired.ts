/**
 * Paired comparison of two scenarios run on common random numbers: the
 * difference is taken replication by replication, so the noise the two share
 * cancels. The variance reduction compares the paired variance with what two
 * independent runs of the same spread would give, var(a) + var(b).
 */
import { mean, sampleVariance } from 'simple-statistics';
import { confidenceHalfWidth } from './summary.js';

export interface PairedDifference {
  /** Mean of (other - base) over replications. */
  readonly mean: number;
  readonly ciLow: number | null;
  readonly ciHigh: number | null;
  /** Whether the 95% interval excludes zero: the change is outside the noise. */
  readonly significant: boolean;
  /** var(base) + var(other) divided by var(other - base); above 1 when pairing helps. Null when undefined. */
  readonly varianceReduction: number | null;
  readonly n: number;
}

/**
 * The second example's working: the differences are 1, 2, 0 (mean 1, variance 1);
 * the half-width is t(0.975, 2) x 1 / sqrt(3) = 4.3027 / 1.7321 = 2.4841, so the
 * interval [-1.4841, 3.4841] holds zero; var(base) + var(other) = 1 + 1 = 2, twice
 * the paired variance.
 * @example pairedDifference([1, 2, 3], [2, 3, 4]) // { mean: 1, ciLow: 1, ciHigh: 1, significant: true, varianceReduction: null, n: 3 }: every difference is 1, so there is no paired variance
 * @example pairedDifference([1, 2, 3], [2, 4, 3]) // { mean: 1, ciLow: ≈ -1.4841, ciHigh: ≈ 3.4841, significant: false, varianceReduction: 2, n: 3 }
 * @example pairedDifference([5], [7]) // { mean: 2, ciLow: null, ciHigh: null, significant: false, varianceReduction: null, n: 1 }: one replication, no interval
 */
export function pairedDifference(base: readonly number[], other: readonly number[]): PairedDifference {
  if (base.length !== other.length) throw new RangeError(`paired samples differ in size: ${base.length} and ${other.length}`);
  const n = base.length;
  if (n === 0) throw new RangeError('no replications to compare');
  const diffs = base.map((b, i) => other[i]! - b);
  const m = mean(diffs);
  if (n < 2) return { mean: m, ciLow: null, ciHigh: null, significant: false, varianceReduction: null, n };
  const pairedVar = sampleVariance(diffs);
  const half = pairedVar > 0 ? confidenceHalfWidth(Math.sqrt(pairedVar), n) : 0;
  const independentVar = sampleVariance(base as number[]) + sampleVariance(other as number[]);
  return {
    mean: m,
    ciLow: m - half,
    ciHigh: m + half,
    significant: m - half > 0 || m + half < 0,
    varianceReduction: pairedVar > 0 ? independentVar / pairedVar : null,
    n,
  };
}
