/**
 * The amounts an overlay stores for the simulator to resample
 * (`claimAmount.empirical`): sorted and rounded to cents, or, for more than
 * `maxValues` amounts, `quantiles` evenly spaced empirical quantiles
 * (probabilities 0, 1/(q-1), ..., 1, interpolated as the simulator does, so
 * the minimum and maximum are kept). Rounding never takes an amount below one
 * cent, so every stored amount stays positive.
 */
import { empiricalQuantile } from '../../random/distributions.js';

export interface EmpiricalAmounts {
  /** Sorted amounts in USD, rounded to cents. */
  readonly values: number[];
  /** Whether `values` are quantiles of the data rather than the data. */
  readonly quantiles: boolean;
}

/**
 * @example empiricalAmounts([3.14159, 0.001, 2]) // { values: [0.01, 2, 3.14], quantiles: false }
 */
export function empiricalAmounts(amounts: readonly number[], maxValues = 5000, quantiles = 1001): EmpiricalAmounts {
  const sorted = [...amounts].sort((a, b) => a - b);
  if (sorted.length <= maxValues) return { values: sorted.map(toCents), quantiles: false };
  return { values: Array.from({ length: quantiles }, (_, i) => toCents(empiricalQuantile(i / (quantiles - 1), sorted))), quantiles: true };
}

function toCents(usd: number): number {
  return Math.max(0.01, Math.round(usd * 100) / 100);
}
