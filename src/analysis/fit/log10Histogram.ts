/**
 * A histogram of claim amounts on log10 amount, for the fit report: equal
 * bins from the smallest amount to the largest, as many as the
 * Freedman-Diaconis rule asks for (bin width 2 IQR / n^(1/3) of the log
 * amounts; Freedman and Diaconis, Z. Wahrscheinlichkeitstheorie 57, 1981),
 * widened to span the range exactly. Only the edges and the counts are kept,
 * so a file of millions of amounts gives a few hundred numbers.
 *
 * Phase: analyse (fit).
 */
import { empiricalQuantile } from '../../random/distributions.js';

export interface Log10Histogram {
  /** Bin edges on log10 USD, ascending: one more than `counts`. */
  readonly log10Edges: number[];
  /** Amounts in each bin; a bin holds its lower edge, the last one its upper edge too. */
  readonly counts: number[];
}

/**
 * Most bins drawn: the chart is a few hundred pixels wide, and a bar narrower
 * than about five pixels shows sampling noise rather than shape.
 */
export const MAX_BINS = 100;

/**
 * How many equal bins span `range` for `n` values with interquartile range
 * `iqr` (all on one scale): Freedman-Diaconis, or Sturges' ceil(log2 n) + 1
 * when the IQR is zero (more than half the values tie), at least 1, at most `MAX_BINS`.
 * @example binCount(3, 1.5, 4) // 2: width 2 x 1.5 / 4^(1/3) = 1.89, and 3 / 1.89 = 1.59 rounds up
 * @example binCount(3, 0, 4) // 3: no spread in the middle half, so Sturges: ceil(log2 4) + 1
 */
export function binCount(range: number, iqr: number, n: number): number {
  if (!(range > 0)) return 1;
  const bins = iqr > 0 ? Math.ceil(range / ((2 * iqr) / Math.cbrt(n))) : Math.ceil(Math.log2(n)) + 1;
  return Math.min(MAX_BINS, Math.max(1, bins));
}

/**
 * The histogram of positive `amounts` on log10 amount. Equal amounts only
 * (range zero) give one bin a tenth of a decade wide around them.
 * @example log10Histogram([1, 10, 100, 1000]) // { log10Edges: [0, 1.5, 3], counts: [2, 2] }: logs 0 to 3, IQR 1.5, two bins
 */
export function log10Histogram(amounts: readonly number[]): Log10Histogram {
  const n = amounts.length;
  if (n === 0) throw new RangeError('log10Histogram needs at least one amount');
  const logs = amounts.map(Math.log10).sort((a, b) => a - b);
  const lo = logs[0]!;
  const hi = logs[n - 1]!;
  if (hi === lo) return { log10Edges: [lo - 0.05, lo + 0.05], counts: [n] };
  const bins = binCount(hi - lo, empiricalQuantile(0.75, logs) - empiricalQuantile(0.25, logs), n);
  const width = (hi - lo) / bins;
  const log10Edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? hi : lo + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (const y of logs) counts[Math.min(bins - 1, Math.floor((y - lo) / width))]! += 1;
  return { log10Edges, counts };
}
