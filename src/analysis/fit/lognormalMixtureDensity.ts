/**
 * A mixture of lognormals written in log space, as the fits produce it: each
 * component's log amount is normal with mean `mu` and sd `sigma` (its median
 * is exp(mu)). Its CDF and log density in dollars, for the KS statistic and
 * the log-likelihood; its quantiles and the density of its log10 amount,
 * for the report's charts. A single lognormal is a one-component mixture.
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
 * @example lognormalMixtureLogDensity(1, [{ weight: 1, mu: 0, sigma: 1 }]) // ≈ -0.9189385: ln φ(0) = -ln √(2π), and ln x = 0
 */
export function lognormalMixtureLogDensity(x: number, components: readonly LogSpaceLognormalComponent[]): number {
  const y = Math.log(x);
  return logSumExp(components.map((c) => Math.log(c.weight) + normalLogDensity(y, c.mu, c.sigma))) - y;
}

/**
 * The mixture's p-quantile in dollars (0 < p < 1): the CDF inverted by
 * bisection on ln x, between 8 sds below the lowest component's mean and 8
 * above the highest (where every component's CDF is within 1e-15 of 0 or 1).
 * @example lognormalMixtureQuantile(0.5, [{ weight: 1, mu: Math.log(100), sigma: 2 }]) // ≈ 100.000000: a lognormal's median is exp(mu)
 * @example lognormalMixtureQuantile(0.5, [{ weight: 0.5, mu: 0, sigma: 1 }, { weight: 0.5, mu: 2, sigma: 1 }]) // ≈ 2.71828183: symmetric in ln x about 1, so the median is e
 */
export function lognormalMixtureQuantile(p: number, components: readonly LogSpaceLognormalComponent[]): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`lognormalMixtureQuantile needs 0 < p < 1, got ${p}`);
  let lo = Math.min(...components.map((c) => c.mu - 8 * c.sigma));
  let hi = Math.max(...components.map((c) => c.mu + 8 * c.sigma));
  // Each step halves the interval; 200 reach the spacing of doubles.
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, Math.abs(lo)); i++) {
    const mid = (lo + hi) / 2;
    let f = 0;
    for (const c of components) f += c.weight * normalCdf(mid, c.mu, c.sigma);
    if (f < p) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * The density of log10 X at `t`, X the mixture: log10 X is a mixture of
 * normals with means mu / ln 10 and sds sigma / ln 10, so this is
 * Σ w φ((t ln 10 - mu) / sigma) ln 10 / sigma. It is what a histogram on
 * log10 amount, scaled to unit area, estimates.
 * @example lognormalMixtureLog10Density(0, [{ weight: 1, mu: 0, sigma: Math.LN10 }]) // ≈ 0.39894228: log10 X is a standard normal, whose density at 0 is 1/√(2π)
 */
export function lognormalMixtureLog10Density(t: number, components: readonly LogSpaceLognormalComponent[]): number {
  const y = t * Math.LN10;
  let d = 0;
  for (const c of components) d += c.weight * Math.exp(normalLogDensity(y, c.mu, c.sigma)) * Math.LN10;
  return d;
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
