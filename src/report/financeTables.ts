/**
 * Finance's tables in a run's report: the payment development triangle,
 * cumulative and labelled by month of filing, and the claims still open at
 * the horizon with the amount they have at stake. Pure functions of the
 * results, each giving the shown text and, beside it, the raw values for the
 * table's CSV download.
 *
 * Phase: report.
 */
import { cumulativeDevelopment, horizonDays, lastDevelopmentMonth, monthLabel } from '../export/tables.js';
import { formatUsd, formatValue } from '../format/values.js';
import type { OpenClaims } from '../results/results.js';
import { shownInterval, TOO_FEW_FOR_INTERVAL } from '../stats/interval.js';
import type { Summary } from '../stats/summary.js';
import type { RunLike } from './charts/types.js';
import type { ReportTable } from './tables.js';

/** The heading the finance tables and charts sit under. */
export const FINANCE_SECTION = 'Finance';

/** A development column's heading: "after 0 months" is the month of filing itself. */
const afterMonths = (k: number) => `after ${k} month${k === 1 ? '' : 's'}`;

/**
 * Cumulative marketplace payments per filing month (mean per replication), a
 * row for each month in which claims were filed, columns up to the last month
 * any payment was made; cells past the horizon are left empty.
 */
export function developmentTable(r: RunLike): ReportTable {
  const cumulative = cumulativeDevelopment(r.development);
  const columns = lastDevelopmentMonth(r.development) + 1;
  const end = horizonDays(r);
  const months = cumulative.map((row, m) => ({ m, row: row.slice(0, columns), filed: r.monthlyBands.filed[m]?.mean ?? 0 })).filter((x) => x.filed > 0);
  const header = ['Filed in', 'Claims filed', ...Array.from({ length: columns }, (_, k) => afterMonths(k))];
  return {
    id: 'development-cumulative',
    section: FINANCE_SECTION,
    caption:
      `What the marketplace has paid customers on the claims filed in each month, by the end of each later month (mean of ${r.replications} replication${r.replications === 1 ? '' : 's'}). ` +
      'Months are twelfths of a 365-day year; an empty cell lies past the horizon, so it was never observed. ' +
      (r.development.some((row) => row.some((v) => v > 0))
        ? `Columns stop at "${afterMonths(columns - 1)}", the last month of development in which any payment was made; development-cumulative.csv in the run's folder has them all.`
        : 'The marketplace paid nothing on any month of claims, so only the month of filing is shown.'),
    header,
    rows: months.map(({ m, row, filed }) => [monthLabel(m, end), formatValue(filed, 'claims'), ...row.map((v) => (v === null ? '' : formatUsd(v)))]),
    csv: {
      header: ['monthFiled', 'label', 'claimsFiled', ...Array.from({ length: columns }, (_, k) => `cumulativeAfter${k}Months`)],
      rows: months.map(({ m, row, filed }) => [m + 1, monthLabel(m, end), filed, ...row]),
    },
  };
}

/**
 * A claim state's name in words.
 * @example stateLabel('inLitigation') // "In litigation"
 */
export function stateLabel(state: string): string {
  const words = state.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A figure's 95% interval as the table shows it (none from too few replications), its bounds written by `format`. */
function interval(s: Summary, format: (v: number) => string): string {
  const shown = shownInterval(s, { nonNegative: true });
  return shown.kind === 'too-few' ? TOO_FEW_FOR_INTERVAL : `${format(shown.low)}${shown.clipped ? ' (clipped)' : ''} to ${format(shown.high)}`;
}

/**
 * Claims open at the horizon, one row per state they wait in (most first) and
 * a row for all of them: how many, and what they still claim beyond what has
 * been paid, each with its interval across replications. Undefined for
 * results written before open claims were summarised.
 */
export function openClaimsTable(r: RunLike): ReportTable | undefined {
  const open = r.openAtHorizon;
  if (!open) return undefined;
  const states = Object.entries(open.byState).sort(([a, x], [b, y]) => y.count.mean - x.count.mean || (a < b ? -1 : 1));
  const rows: [string, string, OpenClaims][] = [...states.map(([state, o]): [string, string, OpenClaims] => [state, stateLabel(state), o]), ['all', 'All open claims', open.total]];
  const perClaim = (o: OpenClaims) => (o.count.mean > 0 ? o.atStakeUsd.mean / o.count.mean : null);
  return {
    id: 'open-claims',
    section: FINANCE_SECTION,
    caption:
      `Claims still open when the run ends, day ${horizonDays(r)}, by the state they wait in. At stake: what they claim less everything paid to their customers so far, by anyone. ` +
      `Means per replication with their 95% interval across ${r.replications} replication${r.replications === 1 ? '' : 's'}; a replication with no claim in a state counts 0.`,
    header: ['State', 'Claims open', '95% interval', 'At stake', '95% interval', 'At stake per claim'],
    rows: rows.map(([, label, o]) => [
      label,
      formatCount(o.count.mean),
      interval(o.count, (v) => v.toFixed(1)),
      formatUsd(o.atStakeUsd.mean),
      interval(o.atStakeUsd, formatUsd),
      perClaim(o) === null ? '-' : formatUsd(perClaim(o)!),
    ]),
    csv: {
      header: ['state', 'claimsMean', 'claimsCiLow', 'claimsCiHigh', 'atStakeUsdMean', 'atStakeUsdCiLow', 'atStakeUsdCiHigh', 'atStakeUsdPerClaim', 'n'],
      rows: rows.map(([state, , o]) => [state, o.count.mean, o.count.ciLow, o.count.ciHigh, o.atStakeUsd.mean, o.atStakeUsd.ciLow, o.atStakeUsd.ciHigh, perClaim(o), o.count.n]),
    },
  };
}

/** A mean count of claims: whole when it is whole, else to one decimal (2.7 claims open on average). */
function formatCount(mean: number): string {
  return Number.isInteger(mean) ? mean.toLocaleString('en-US') : mean.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

/** Finance's tables of a run, in the order the report shows them. */
export function financeTables(r: RunLike): ReportTable[] {
  const open = openClaimsTable(r);
  return [developmentTable(r), ...(open ? [open] : [])];
}
