/**
 * The CSV tables of a run, for spreadsheets: summary (one row per metric),
 * replications (one row per replication, one column per metric), monthly
 * bands, and the payment development triangle. Each is a pure function of
 * the results, so a table and results.json always agree.
 */
import type { RunResults } from '../results/results.js';
import { MONTHLY_SERIES } from '../collect/aggregates.js';
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
    MONTHLY_SERIES.map((series) => {
      const b = r.monthlyBands[series][month]!;
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

const RUN_TABLES: Readonly<Record<string, (r: RunResults) => string>> = {
  'summary.csv': summaryCsv,
  'replications.csv': replicationsCsv,
  'monthly.csv': monthlyCsv,
  'development.csv': developmentCsv,
};

/** The file names of a run's tables, for claiming them before the run. */
export const RUN_TABLE_NAMES: readonly string[] = Object.keys(RUN_TABLES);

/** File name → contents of every table of a run. */
export function runTables(r: RunResults): Record<string, string> {
  return Object.fromEntries(Object.entries(RUN_TABLES).map(([name, table]) => [name, table(r)]));
}
