/**
 * Plain-text formatting for the terminal: money as $1.23M, shares as
 * percentages, and the headline table printed after a run.
 */
import type { MetricName } from '../collect/metrics.js';
import type { RunResults } from '../results/results.js';
import { enoughForInterval, MIN_REPLICATIONS_FOR_INTERVAL, shownInterval, TOO_FEW_FOR_INTERVAL, type ShownInterval } from '../stats/interval.js';

export function formatValue(value: number | null, unit: string): string {
  if (value === null || !Number.isFinite(value)) return '-';
  switch (unit) {
    case 'USD':
      return formatUsd(value);
    case 'share':
      return `${(value * 100).toFixed(1)}%`;
    case 'days':
      return `${value.toFixed(1)} d`;
    case 'ratio':
      return value.toFixed(2);
    default:
      return Math.round(value).toLocaleString('en-US');
  }
}

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
 * An interval as tables print it: the bounds, a lower bound raised to zero
 * marked "(clipped)", or the note that there were too few replications.
 * @example intervalText({ kind: 'interval', low: 0, high: 12_300, clipped: true }, 'USD') // "$0 (clipped) .. $12.3k"
 * @example intervalText({ kind: 'too-few', n: 3 }, 'USD') // "n/a (fewer than 5 replications)"
 */
export function intervalText(shown: ShownInterval, unit: string, separator = ' .. '): string {
  if (shown.kind === 'too-few') return TOO_FEW_FOR_INTERVAL;
  return `${formatValue(shown.low, unit)}${shown.clipped ? ' (clipped)' : ''}${separator}${formatValue(shown.high, unit)}`;
}

const HEADLINE: readonly MetricName[] = [
  'claims.filed',
  'claims.underThresholdShare',
  'claims.fraudulentShare',
  'marketplace.concessionsPaid',
  'marketplace.recovered',
  'marketplace.reviewCost',
  'marketplace.netCost',
  'marketplace.fraudPaid',
  'sellers.reimbursed',
  'sellers.paidDirect',
  'insurers.paid',
  'insurers.lossRatio',
  'customers.validPaidShare',
  'customers.daysToPayment',
  'customers.validDenied',
  'claims.openAtHorizon',
];

/** What `run` and `merge` print: what ran, the headline table, the largest claim and where the results are. */
export function printRun(results: RunResults, file: string): void {
  const claims = results.claimsPerReplication.toLocaleString('en-US');
  const reps = results.replications;
  process.stdout.write(`${results.scenario.name}: ${reps} replication${reps === 1 ? '' : 's'} of ${claims} claims, seed ${results.seed}\n\n`);
  process.stdout.write(`${headlineTable(results)}\n\n`);
  if (results.precision) {
    const p = results.precision;
    const widest = Math.max(...Object.values(p.achieved));
    process.stdout.write(
      p.reached
        ? `Precision reached: every headline cost interval is within \u00b1${(p.target * 100).toFixed(1)}% of its mean (widest \u00b1${(widest * 100).toFixed(2)}%) after ${results.replications} replications.\n`
        : !enoughForInterval(results.replications)
          ? `Precision NOT reached: the cap of ${p.maxReplications} replications is fewer than the ${MIN_REPLICATIONS_FOR_INTERVAL} an interval needs to mean anything.\n`
          : `Precision NOT reached: stopped at the cap of ${p.maxReplications} replications with the widest interval at \u00b1${(widest * 100).toFixed(2)}% of its mean (target \u00b1${(p.target * 100).toFixed(1)}%).\n`,
    );
  }
  const largest = results.largestClaims[0];
  if (largest) {
    process.stdout.write(
      `Largest claim: ${formatUsd(largest.claimedUsd)} by ${largest.customerName} against ${largest.sellerName} over a "${largest.product}" (${largest.outcome}; names are synthetic)\n`,
    );
  }
  process.stdout.write(`${Math.round(results.invocation.claimsPerSecond).toLocaleString('en-US')} claims/s; results: ${file}\n`);
}

/**
 * The headline table: each metric's mean, 95% interval and P5-P95 across
 * replications. Every metric is non-negative, so an interval reaching below
 * zero is clipped there and says so; with too few replications it is not shown.
 */
export function headlineTable(results: RunResults): string {
  const rows = HEADLINE.map((name) => {
    const s = results.summary[name];
    const unit = results.metrics[name].unit;
    const ci = intervalText(shownInterval(s, { nonNegative: true }), unit);
    return [name, formatValue(s.mean, unit), ci, `${formatValue(s.p5, unit)} .. ${formatValue(s.p95, unit)}`];
  });
  const header = ['metric', 'mean', '95% CI of mean', 'P5 .. P95'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
