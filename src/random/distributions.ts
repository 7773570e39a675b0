/**
 * Sampling by inversion: each variate is a monotone function of one or two
 * uniforms. Inversion keeps common random numbers sharp: when a parameter
 * moves, a claim's amount or delay moves with it instead of being redrawn.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

/** Standard normal quantile, Φ⁻¹(u). */
export function standardNormal(u: number): number {
  return normalQuantile(u, 0, 1);
}

/**
 * Exponential variate with the given mean.
 * @example exponential(Math.exp(-1), 10) // 10: the mean is reached at u = e^-1
 */
export function exponential(u: number, mean: number): number {
  return -mean * Math.log(u);
}

/**
 * Lognormal variate with the given median and log-scale sigma.
 * @example lognormal(0.5, 200, 1) // 200: the median of any lognormal is exp(mu)
 */
export function lognormal(u: number, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(u));
}

/** A mixture component as scenarios write it: by its median in dollars (the fits' log-space form is analysis/fit's LogSpaceLognormalComponent). */
export interface MedianLognormalComponent {
  readonly weight: number;
  readonly medianUsd: number;
  readonly sigma: number;
}

/**
 * A draw from a mixture of lognormals: `uPick` chooses the component by its
 * weight, `uValue` the value within it; the result is capped at `cap`.
 */
export function lognormalMixture(uPick: number, uValue: number, components: readonly MedianLognormalComponent[], cap: number): number {
  let chosen = components[components.length - 1]!;
  let cumulative = 0;
  for (const c of components) {
    cumulative += c.weight;
    if (uPick < cumulative) {
      chosen = c;
      break;
    }
  }
  return Math.min(cap, lognormal(uValue, chosen.medianUsd, chosen.sigma));
}

/**
 * Index of the category that `u` falls in, for shares summing to 1.
 * @example categorical(0.7, [0.6, 0.25, 0.15]) // 1: 0.7 lies in [0.6, 0.85)
 */
export function categorical(u: number, shares: readonly number[]): number {
  let cumulative = 0;
  for (let i = 0; i < shares.length; i++) {
    cumulative += shares[i]!;
    if (u < cumulative) return i;
  }
  return shares.length - 1;
}

/**
 * The empirical quantile of a sorted sample at `u`, interpolating linearly
 * between order statistics: with n values, `u` sits at position h = u(n-1)
 * and the result is x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋+1] - x[⌊h⌋]) (Hyndman and Fan's
 * type 7, the default of R's `quantile`). u = 0 gives the minimum, u = 1 the
 * maximum; in between it is continuous and non-decreasing in `u`.
 * @example empiricalQuantile(0.5, [10, 20, 40, 80]) // 30: h = 1.5, halfway from 20 to 40
 * @example empiricalQuantile(0.25, [10, 20, 40, 80]) // 17.5: h = 0.75, three quarters from 10 to 20
 */
export function empiricalQuantile(u: number, sorted: readonly number[]): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('empiricalQuantile needs at least one value');
  const h = Math.min(1, Math.max(0, u)) * (n - 1);
  const i = Math.floor(h);
  const below = sorted[i]!;
  return i >= n - 1 ? below : below + (h - i) * (sorted[i + 1]! - below);
}

/**
 * A claim's base amount: from the sorted `empirical` amounts when there are
 * any (by `uValue` alone, see `empiricalQuantile`), otherwise from the
 * lognormal `mixture` (see `lognormalMixture`); capped at `cap` either way.
 * `uValue` plays the same part in both, so a claim keeps its place in the
 * distribution (common random numbers) when the distribution changes.
 * @example lognormalMixtureOrEmpirical(0.9, 0.5, [{ weight: 1, medianUsd: 200, sigma: 1 }], [10, 20, 40, 80], 25) // 25: the empirical 30, capped
 */
export function lognormalMixtureOrEmpirical(uPick: number, uValue: number, mixture: readonly MedianLognormalComponent[], empirical: readonly number[], cap: number): number {
  return empirical.length > 0 ? Math.min(cap, empiricalQuantile(uValue, empirical)) : lognormalMixture(uPick, uValue, mixture, cap);
}
