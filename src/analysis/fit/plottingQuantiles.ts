/**
 * The data's quantiles at fixed probabilities, for the fit report's QQ plot:
 * a file of millions of amounts is summarised by a hundred numbers, which the
 * report sets against each fit's quantiles at the same probabilities.
 * Quantiles interpolate between order statistics as the simulator's
 * empirical distribution does (random/distributions.ts, `empiricalQuantile`).
 *
 * Phase: analyse (fit).
 */
import { empiricalQuantile } from '../../random/distributions.js';

/**
 * The QQ plot's points: the percentiles 1 to 99. Beyond them a small file's
 * quantiles rest on its one or two most extreme amounts.
 */
export const QQ_POINTS = 99;

/**
 * `m` plotting positions i / (m + 1), i = 1..m: evenly spaced, never 0 or 1
 * (where a lognormal's quantile is 0 or infinite).
 * @example plottingPositions(3) // [0.25, 0.5, 0.75]
 */
export function plottingPositions(m: number): number[] {
  return Array.from({ length: m }, (_, i) => (i + 1) / (m + 1));
}

/**
 * The quantiles of `amounts` at `probabilities` (each in [0, 1]).
 * @example quantilesAt([80, 10, 40, 20], [0.25, 0.5]) // [17.5, 30]: sorted 10, 20, 40, 80; h = 0.75 and 1.5
 */
export function quantilesAt(amounts: readonly number[], probabilities: readonly number[]): number[] {
  const sorted = [...amounts].sort((a, b) => a - b);
  return probabilities.map((p) => empiricalQuantile(p, sorted));
}
