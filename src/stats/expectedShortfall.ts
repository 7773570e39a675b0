/**
 * Expected shortfall (conditional value at risk) of a cost: the mean of the
 * worst (1 - level) share of outcomes, here the largest values, at least one.
 * With replications as equally likely scenarios this is the empirical ES
 * (Acerbi & Tasche, "On the coherence of expected shortfall", 2002).
 * @example expectedShortfall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 0.95) // 20: the worst 5% of 20 values is 1 value
 * @example expectedShortfall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.8) // 9.5: the mean of the worst 2
 */
export function expectedShortfall(values: readonly number[], level = 0.95): number {
  if (values.length === 0) throw new RangeError('expected shortfall of no values');
  const sorted = [...values].sort((a, b) => b - a);
  const tail = Math.max(1, Math.ceil(sorted.length * (1 - level) - 1e-9));
  let sum = 0;
  for (let i = 0; i < tail; i++) sum += sorted[i]!;
  return sum / tail;
}
