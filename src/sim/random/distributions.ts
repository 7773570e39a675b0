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

export interface LognormalComponent {
  readonly weight: number;
  readonly medianUsd: number;
  readonly sigma: number;
}

/**
 * A draw from a mixture of lognormals: `uPick` chooses the component by its
 * weight, `uValue` the value within it; the result is capped at `cap`.
 */
export function lognormalMixture(uPick: number, uValue: number, components: readonly LognormalComponent[], cap: number): number {
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
