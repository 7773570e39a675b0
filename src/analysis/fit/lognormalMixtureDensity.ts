/**
 * A mixture of lognormals written in log space, as the fits produce it: each
 * component's log amount is normal with mean `mu` and sd `sigma` (its median
 * is exp(mu)). Its CDF and log density in dollars, for the KS statistic and
 * the log-likelihood. A single lognormal is a one-component mixture.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** A component by the mean of its log amount; scenarios write it by its median instead (random/distributions.ts's MedianLognormalComponent). */
export interface LogSpaceLognormalComponent {
  readonly weight: number;
  /** Mean of the log amount; the component's median is exp(mu). */
  readonly mu: number;
  /** Sd of the log amount. */
  readonly sigma: number;
}

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * P(X <= x) for the mixture: Σ w Φ((ln x - mu) / sigma).
 * @example lognormalMixtureCdf(100, [{ weight: 1, mu: Math.log(100), sigma: 2 }]) // 0.5: half of any lognormal lies below its median
 */
export function lognormalMixtureCdf(x: number, components: readonly LogSpaceLognormalComponent[]): number {
  if (x <= 0) return 0;
  const y = Math.log(x);
  let p = 0;
  for (const c of components) p += c.weight * normalCdf(y, c.mu, c.sigma);
  return p;
}

/**
 * ln f(x), f the mixture's density per dollar: ln Σ w φ((ln x - mu) / sigma) / (sigma x),
 * summed stably (log-sum-exp).
 * @example lognormalMixtureLogDensity(1, [{ weight: 1, mu: 0, sigma: 1 }]) // -0.9189385: ln φ(0) = -ln √(2π), and ln x = 0
 */
export function lognormalMixtureLogDensity(x: number, components: readonly LogSpaceLognormalComponent[]): number {
  const y = Math.log(x);
  return logSumExp(components.map((c) => Math.log(c.weight) + normalLogDensity(y, c.mu, c.sigma))) - y;
}

/** ln of the normal density at y. */
export function normalLogDensity(y: number, mu: number, sigma: number): number {
  const z = (y - mu) / sigma;
  return -0.5 * z * z - Math.log(sigma) - LOG_SQRT_2PI;
}

/** ln Σ exp(a), without overflow. */
function logSumExp(a: readonly number[]): number {
  const m = Math.max(...a);
  if (m === -Infinity) return -Infinity;
  let s = 0;
  for (const v of a) s += Math.exp(v - m);
  return m + Math.log(s);
}
