/**
 * Relative precision of a mean: the 95% interval's half-width over the mean's
 * magnitude. `run --precision 0.02` adds replications until every headline
 * cost metric reaches it.
 * @example relativeHalfWidth({ mean: 100, ciLow: 98, ciHigh: 102 }) // 0.02
 */
export function relativeHalfWidth(s: { mean: number; ciLow: number | null; ciHigh: number | null }): number {
  if (s.ciLow === null || s.ciHigh === null) return Infinity;
  const half = (s.ciHigh - s.ciLow) / 2;
  if (half === 0) return 0;
  return s.mean === 0 ? Infinity : half / Math.abs(s.mean);
}

/**
 * Replications needed for a relative half-width `target`, from the current
 * `n` and half-width: the half-width shrinks as 1/sqrt(n), so
 * n' = n (current / target)^2, rounded up, with a 10% margin for the noise in
 * the estimated spread and the t quantile.
 * @example replicationsNeeded(10, 0.04, 0.02) // 44: 10 * 4 = 40, plus 10%
 * @example replicationsNeeded(10, 0.03, 0.01) // 99: 10 * 9 = 90, plus 10%
 * @example replicationsNeeded(10, 0.01, 0.02) // 10: already precise enough
 */
export function replicationsNeeded(n: number, current: number, target: number): number {
  if (current <= target) return n;
  // A billionth of a replication absorbs rounding error: 10 x 9 x 1.1 is 99, not 99.00000000000001 (100 rounded up).
  return Math.ceil(n * (current / target) ** 2 * 1.1 - 1e-9);
}
