/**
 * The CSV tables of a run, for spreadsheets: summary (one row per metric),
 * replications (one row per replication, one column per metric), monthly
 * bands, the payment development triangle as paid and cumulative, and the
 * claims open at the horizon. Each is a pure function of the results, so a
 * table and results.json always agree.
 *
 * Phase: export.
 */
import type { RunResults } from '../results/results.js';
import { DAYS_PER_MONTH, MONTHLY_SERIES } from '../collect/aggregates.js';
import { toCsv } from './csv.js';

export function summaryCsv(r: RunResults): string {
  const names = Object.keys(r.summary) as (keyof RunResults['summary'])[];
  return toCsv(
    ['metric', 'unit', 'mean', 'ciLow', 'ciHigh', 'p5', 'p50', 'p95', 'p99', 'es95', 'n', 'description'],
    names.map((m) => {
      const s = r.summary[m];
      return [m, r.metrics[m].unit, s.mean, s.ciLow, s.ciHigh, s.p5, s.p50, s.p95, s.p99, s.es95, s.n, r.metrics[m].description];
    }),
  );
}

export function replicationsCsv(r: RunResults): string {
  const names = Object.keys(r.perReplication) as (keyof RunResults['perReplication'])[];
  return toCsv(
    ['replication', ...names],
    Array.from({ length: r.replications }, (_, i) => [i + 1, ...names.map((m) => r.perReplication[m][i])]),
  );
}

export function monthlyCsv(r: RunResults): string {
  const rows = r.monthly.monthStartDay.flatMap((day, month) =>
    MONTHLY_SERIES.filter((series) => r.monthlyBands[series] !== undefined).map((series) => {
      const b = r.monthlyBands[series]![month]!;
      return [month + 1, day, series, b.mean, b.p5, b.p50, b.p95];
    }),
  );
  return toCsv(['month', 'startDay', 'series', 'mean', 'p5', 'p50', 'p95'], rows);
}

export function developmentCsv(r: RunResults): string {
  const months = r.development.length;
  return toCsv(
    ['monthFiled', ...Array.from({ length: months }, (_, k) => `paidAfter${k}Months`)],
    r.development.map((row, m) => [m + 1, ...row]),
  );
}

/**
 * The development triangle summed along each row: what the marketplace has paid
 * on the claims of a filing month by the end of each later month. A cell whose
 * month of payment lies past the horizon was never observed and is null, not 0.
 * @example cumulativeDevelopment([[5, 3, 0], [4, 1, 0], [2, 0, 0]]) // [[5, 8, 8], [4, 5, null], [2, null, null]]
 */
export function cumulativeDevelopment(development: readonly (readonly number[])[]): (number | null)[][] {
  const months = development.length;
  return development.map((row, filed) => {
    let paid = 0;
    return row.map((v, after) => (filed + after < months ? (paid += v) : null));
  });
}

/**
 * The last development month in which any filing month's marketplace payments
 * grew: later columns of the cumulative triangle repeat it (or are past the horizon).
 * @example lastDevelopmentMonth([[5, 3, 0], [4, 0, 0], [2, 0, 0]]) // 1
 * @example lastDevelopmentMonth([[0, 0], [0, 0]]) // 0
 */
export function lastDevelopmentMonth(development: readonly (readonly number[])[]): number {
  let last = 0;
  for (const row of development) {
    for (let k = last + 1; k < row.length; k++) if (row[k]! > 0) last = k;
  }
  return last;
}

/**
 * The whole days a month of the horizon covers (months are twelfths of a
 * 365-day year, so they start at fractional days), the last cut at the horizon.
 * @example monthDays(0, 545) // { first: 0, last: 30 }
 * @example monthDays(1, 545) // { first: 31, last: 60 }
 * @example monthDays(17, 545) // { first: 518, last: 545 }
 */
export function monthDays(month: number, horizonDays: number): { first: number; last: number } {
  return { first: Math.ceil(month * DAYS_PER_MONTH), last: Math.min(Math.ceil((month + 1) * DAYS_PER_MONTH) - 1, Math.floor(horizonDays)) };
}

/**
 * A filing month by number and days, as the finance tables label it.
 * @example monthLabel(0, 545) // "Month 1 (days 0-30)"
 */
export function monthLabel(month: number, horizonDays: number): string {
  const { first, last } = monthDays(month, horizonDays);
  return `Month ${month + 1} (days ${first}-${last})`;
}

/** The days a run's horizon spans: its filing period and its runoff. */
export function horizonDays(r: Pick<RunResults, 'parameters'>): number {
  return r.parameters.horizon.filingDays + r.parameters.horizon.runoffDays;
}

export function developmentCumulativeCsv(r: RunResults): string {
  const months = r.development.length;
  const end = horizonDays(r);
  return toCsv(
    ['monthFiled', 'firstDay', 'lastDay', ...Array.from({ length: months }, (_, k) => `cumulativeAfter${k}Months`)],
    cumulativeDevelopment(r.development).map((row, m) => {
      const { first, last } = monthDays(m, end);
      return [m + 1, first, last, ...row];
    }),
  );
}

/** One row for all open claims, then one per state; empty for results written before open claims were summarised. */
export function openClaimsCsv(r: RunResults): string {
  const open = r.openAtHorizon;
  const rows = open ? [['all', open.total] as const, ...Object.entries(open.byState)] : [];
  return toCsv(
    ['state', 'claimsMean', 'claimsCiLow', 'claimsCiHigh', 'claimsP5', 'claimsP95', 'atStakeUsdMean', 'atStakeUsdCiLow', 'atStakeUsdCiHigh', 'atStakeUsdP5', 'atStakeUsdP95', 'n'],
    rows.map(([state, { count: c, atStakeUsd: u }]) => [state, c.mean, c.ciLow, c.ciHigh, c.p5, c.p95, u.mean, u.ciLow, u.ciHigh, u.p5, u.p95, c.n]),
  );
}

const RUN_TABLES: Readonly<Record<string, (r: RunResults) => string>> = {
  'summary.csv': summaryCsv,
  'replications.csv': replicationsCsv,
  'monthly.csv': monthlyCsv,
  'development.csv': developmentCsv,
  'development-cumulative.csv': developmentCumulativeCsv,
  'open-claims.csv': openClaimsCsv,
};

/** The file names of a run's tables, for claiming them before the run. */
export const RUN_TABLE_NAMES: readonly string[] = Object.keys(RUN_TABLES);

/** File name → contents of every table of a run. */
export function runTables(r: RunResults): Record<string, string> {
  return Object.fromEntries(Object.entries(RUN_TABLES).map(([name, table]) => [name, table(r)]));
}
