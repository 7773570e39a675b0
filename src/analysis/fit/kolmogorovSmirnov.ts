/**
 * The Kolmogorov-Smirnov statistic D = sup_x |F_n(x) - F(x)| of a sample
 * against a continuous CDF F. F_n is a step function, so the supremum is
 * reached at a sample point, just before or at its step: for the sorted
 * sample x_(1) <= ... <= x_(n),
 *   D = max_i max(i/n - F(x_(i)), F(x_(i)) - (i-1)/n)
 * (exact, ties included; Conover, Practical Nonparametric Statistics, 3rd
 * ed., 1999, section 6.1). The 1% critical value for large n and a fully
 * specified F is 1.63/√n; with parameters fitted to the same sample D is
 * smaller (Lilliefors, JASA 62, 1967), so that bound is conservative.
 * @example kolmogorovSmirnov([0.25, 0.75], (x) => x) // 0.25: uniform CDF; F_n steps to 0.5 at 0.25 and to 1 at 0.75
 */
export function kolmogorovSmirnov(sorted: readonly number[], cdf: (x: number) => number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('kolmogorovSmirnov needs at least one value');
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  return d;
}

/**
 * The large-sample 1% critical value of D for n values and a fully specified
 * CDF, 1.63/√n (see above); conservative for a fit to the same values.
 * @example ksCriticalValue1Percent(10000) // 0.0163
 */
export function ksCriticalValue1Percent(n: number): number {
  return 1.63 / Math.sqrt(n);
}
