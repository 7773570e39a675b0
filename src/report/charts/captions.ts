/**
 * The captions under a run's charts: how to read each one and what lies
 * behind it, never its title again (the title states the finding, the
 * subtitle the data; a caption says what to look for and what is left out).
 * Pure functions of the results, so a caption's facts follow the scenario.
 *
 * Phase: chart.
 */
import { formatUsd } from '../../format/values.js';
import type { RunLike } from './types.js';

export function costDistributionCaption(run: RunLike): string {
  const n = run.replications;
  // Twenty values are the fewest whose 95th percentile is not interpolated between the largest two.
  const few = n < 20 ? ` With ${n} replication${n === 1 ? '' : 's'} the P95 rests on the largest one or two values: run more before budgeting from it.` : '';
  return (
    'Each bar counts the replications whose net cost fell in its range, and each tick along the bottom is one replication. ' +
    `The wider the spread, the less one period's cost is told by its mean: a budget meant to hold 19 times in 20 is read off the dashed P95 line, not the mean.${few}`
  );
}

export function claimAmountsCaption(run: RunLike): string {
  const policy = run.parameters.policy;
  const threshold = formatUsd(policy.threshold);
  const under = policy.directPaymentUnderThreshold
    ? `Claims left of the ${threshold} line are paid by the marketplace directly, as a concession; those at or over it go to the seller or its insurer first.`
    : `Under this policy the marketplace pays no claim directly, whatever its amount; the ${threshold} line marks where the threshold would sit.`;
  return `${under} A pile of claims just left of the line, against a smooth slope elsewhere, would say that customers shade their amounts to fit under it.`;
}

export function whoPaysCaption(): string {
  return (
    'One bar per way a claim can end, the paths that moved most money first; each bar splits what customers were paid on that path by who finally bore it. ' +
    'A long marketplace segment marks a path the marketplace pays for itself; the label at the end of a bar is how many claims took that path.'
  );
}

export function monthlyCashFlowCaption(): string {
  return (
    "The gap between the two lines is what the marketplace is out of pocket in the month. Recoveries follow the payments they recover by weeks, so they run on after the filing period's last month " +
    'while new concessions fall away. Months are twelfths of a 365-day year, numbered from the start of the filing period.'
  );
}

export function daysToPaymentCaption(): string {
  return (
    'Read across from a share to the day by which that share of valid paid claims had their money: steep steps are days on which many claims are paid, flat stretches waits in which none is. ' +
    'Valid claims that were denied or are still open are not in it; the headline figures give the share of valid claims paid.'
  );
}

export function cashFlowByPayerCaption(): string {
  return (
    'The three solid lines add up to all that customers received in the month, each dollar under whoever handed it over; sellers include the deductibles they pay. ' +
    "The dashed line is sellers paying the marketplace back: money between payers, already counted once when the customer was paid. monthly.csv in the run's folder holds every flow's band."
  );
}

export function developmentTriangleCaption(): string {
  return (
    "Read a row from left to right to follow one month's claims as the marketplace pays them: a row at full shade in its first column was paid within the month it was filed. " +
    'A blank cell lies past the horizon and was never observed; the table below gives the same figures, and the share in the title counts only the rows observed to the last column.'
  );
}
