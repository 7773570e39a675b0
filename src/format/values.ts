/**
 * Numbers in words, one way for every place that shows them: the terminal's
 * tables, the report's summary and the charts' titles write money as $2.46M,
 * shares as 92.6% and days as "5.0 days". Below both cli/ and report/, so
 * neither imports the other to format a number.
 */
import { enoughForInterval, TOO_FEW_FOR_INTERVAL, type ShownInterval } from '../stats/interval.js';

/**
 * @example formatUsd(2_464_100) // "$2.46M"
 * @example formatUsd(-1500) // "-$1,500"
 */
export function formatUsd(usd: number): string {
  const sign = usd < 0 ? '-' : '';
  const a = Math.abs(usd);
  if (a >= 1e9) return `${sign}$${(a / 1e9).toFixed(2)}B`;
  if (a >= 1e6) return `${sign}$${(a / 1e6).toFixed(2)}M`;
  if (a >= 1e4) return `${sign}$${(a / 1e3).toFixed(1)}k`;
  return `${sign}$${Math.round(a).toLocaleString('en-US')}`;
}

/**
 * A share as a percentage.
 * @example formatShare(0.6234) // "62.3%"
 * @example formatShare(0.00004, 2) // "0.00%"
 */
export function formatShare(share: number, digits = 1): string {
  return `${(share * 100).toFixed(digits)}%`;
}

/**
 * A metric value in its unit (units of `collect/metrics.ts`); "-" for none.
 * @example formatValue(0.926, 'share') // "92.6%"
 * @example formatValue(5.04, 'days') // "5.0 days"
 */
export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  switch (unit) {
    case 'USD':
      return formatUsd(value);
    case 'share':
      return formatShare(value);
    case 'days':
      return `${value.toFixed(1)} days`;
    case 'ratio':
      return value.toFixed(2);
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}

/**
 * A signed change in a metric's unit: "+$90.1k", "-1.2 pts" (percentage points for shares). A change that
 * rounds to nothing carries no sign, so it never reads as a rise or a fall.
 * @example formatChange(-0.012, 'share') // "-1.2 pts"
 * @example formatChange(-0.0002, 'share') // "0.0 pts"
 */
export function formatChange(value: number, unit: string): string {
  const body = unit === 'share' ? `${Math.abs(value * 100).toFixed(1)} pts` : formatValue(Math.abs(value), unit);
  const sign = !/[1-9]/.test(body) ? '' : value > 0 ? '+' : value < 0 ? '-' : '';
  return `${sign}${body}`;
}

/**
 * A scenario parameter's value as written in a scenario file, money with a dollar sign.
 * @example formatParameter(2500, 'USD') // "$2,500"
 * @example formatParameter(0.1494369255, 'share of filed claims') // "0.1494"
 */
export function formatParameter(value: number, unit: string | undefined): string {
  const text = Number.isInteger(value) ? value.toLocaleString('en-US') : Number(value.toPrecision(4)).toLocaleString('en-US', { maximumSignificantDigits: 4 });
  return unit === 'USD' ? `$${text}` : text;
}

/**
 * An interval as tables print it: the bounds, a lower bound raised to zero
 * marked "(clipped)", or the note that there were too few replications.
 * @example intervalText({ kind: 'interval', low: 0, high: 12_300, clipped: true }, 'USD') // "$0 (clipped) .. $12.3k"
 * @example intervalText({ kind: 'too-few', n: 3 }, 'USD') // "n/a (fewer than 5 replications)"
 */
export function intervalText(shown: ShownInterval, unit: string, separator = ' .. '): string {
  if (shown.kind === 'too-few') return TOO_FEW_FOR_INTERVAL;
  return `${formatValue(shown.low, unit)}${shown.clipped ? ' (clipped)' : ''}${separator}${formatValue(shown.high, unit)}`;
}

/**
 * What a paired difference says about the change, in the words every table uses.
 * @example noiseVerdict({ n: 10, significant: true }) // "outside the noise"
 * @example noiseVerdict({ n: 3, significant: true }) // "too few replications"
 */
export function noiseVerdict(d: { readonly n: number; readonly significant: boolean }): string {
  return !enoughForInterval(d.n) ? 'too few replications' : d.significant ? 'outside the noise' : 'within the noise';
}
