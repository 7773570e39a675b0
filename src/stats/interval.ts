/**
 * Which confidence intervals are worth showing. The data keep every interval
 * (results.json and the CSV tables hold `ciLow` and `ciHigh` whatever the
 * number of replications); tables and reports show one only when it means
 * something, and never a negative lower bound for a figure that cannot be
 * negative.
 */

/**
 * Fewest replications from which a 95% interval of a mean is shown.
 *
 * A t interval is exact for normal data at any n >= 2, but with few
 * replications it says little: the standard deviation is estimated from
 * n - 1 degrees of freedom (its relative standard error is about
 * 1 / sqrt(2 (n - 1)): 71% at n = 2, 35% at n = 5) and the t multiplier is
 * large, t(0.975, n - 1) = 12.71, 4.30, 3.18 at n = 2, 3, 4 against 2.78 at
 * n = 5 and 1.96 in the limit (Student's t table). From 5 on the multiplier is
 * within 42% of the normal one and shrinks slowly, so 5 is the usual floor for
 * an interval a reader can act on; it is a statistical convention, not a
 * policy number, and is the one issue 10 asks for.
 */
export const MIN_REPLICATIONS_FOR_INTERVAL = 5;

/** The phrase tables print instead of an interval from too few replications. */
export const TOO_FEW_FOR_INTERVAL = `n/a (fewer than ${MIN_REPLICATIONS_FOR_INTERVAL} replications)`;

export type ShownInterval =
  /** Too few replications (or none with a spread) for an interval worth showing. */
  | { readonly kind: 'too-few'; readonly n: number }
  /** The interval to show; `clipped` when its lower bound was raised to zero. */
  | { readonly kind: 'interval'; readonly low: number; readonly high: number; readonly clipped: boolean };

/**
 * Whether `n` replications are enough for an interval worth showing.
 * @example enoughForInterval(4) // false
 * @example enoughForInterval(5) // true
 */
export function enoughForInterval(n: number): boolean {
  return n >= MIN_REPLICATIONS_FOR_INTERVAL;
}

/**
 * The interval to show for a summary or a paired difference. With
 * `nonNegative` (a metric's own value: money, counts, shares, days and ratios
 * of non-negative amounts cannot be below zero) a lower bound below zero is
 * raised to zero and marked clipped; a difference between scenarios is signed
 * and never clipped.
 * @example shownInterval({ ciLow: 1, ciHigh: 3, n: 4 }) // { kind: 'too-few', n: 4 }
 * @example shownInterval({ ciLow: -2, ciHigh: 3, n: 5 }, { nonNegative: true }) // { kind: 'interval', low: 0, high: 3, clipped: true }
 * @example shownInterval({ ciLow: -2, ciHigh: 3, n: 5 }) // { kind: 'interval', low: -2, high: 3, clipped: false }
 */
export function shownInterval(s: { readonly ciLow: number | null; readonly ciHigh: number | null; readonly n: number }, options: { readonly nonNegative?: boolean } = {}): ShownInterval {
  if (!enoughForInterval(s.n) || s.ciLow === null || s.ciHigh === null) return { kind: 'too-few', n: s.n };
  const clipped = options.nonNegative === true && s.ciLow < 0;
  return { kind: 'interval', low: clipped ? 0 : s.ciLow, high: s.ciHigh, clipped };
}
