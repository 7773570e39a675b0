/**
 * What `run` and `merge` print: the headline table after a run, in the
 * formats of format/values.ts.
 */
import { RUN_TABLE_METRICS } from '../collect/metrics.js';
import { formatUsd, formatValue, intervalText } from '../format/values.js';
import { textTable } from '../format/textTable.js';
import type { RunResults } from '../results/results.js';
import { enoughForInterval, MIN_REPLICATIONS_FOR_INTERVAL, shownInterval } from '../stats/interval.js';

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
  const rows = RUN_TABLE_METRICS.map((name) => {
    const s = results.summary[name];
    const unit = results.metrics[name].unit;
    const ci = intervalText(shownInterval(s, { nonNegative: true }), unit);
    return [name, formatValue(s.mean, unit), ci, `${formatValue(s.p5, unit)} .. ${formatValue(s.p95, unit)}`];
  });
  return textTable(['metric', 'mean', '95% CI of mean', 'P5 .. P95'], rows);
}
