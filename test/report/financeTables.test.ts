/**
 * Finance's report tables, on hand-made results: the cumulative development
 * triangle labelled by month (cells past the horizon empty, not $0) and the
 * claims open at the horizon with what they still have at stake.
 */
import { describe, expect, it } from 'vitest';
import type { RunLike } from '../../src/report/charts/types.js';
import { developmentTable, financeTables, openClaimsTable, stateLabel } from '../../src/report/financeTables.js';
import { summarise } from '../../src/stats/summary.js';

const band = (mean: number) => ({ mean, p5: mean, p50: mean, p95: mean });
const open = (counts: number[], usd: number[]) => ({ count: summarise(counts), atStakeUsd: summarise(usd) });

/** Three months observed (days 0 to 91): claims filed in months 1 and 3 only. */
const run = {
  kind: 'run',
  replications: 5,
  development: [
    [1000, 250, 0],
    [0, 0, 0],
    [400, 0, 0],
  ],
  monthlyBands: { filed: [band(10), band(0), band(3.5)] },
  parameters: { horizon: { filingDays: 61, runoffDays: 30 } },
  openAtHorizon: {
    total: open([2, 3, 1, 2, 2], [2000, 3000, 1000, 2000, 2000]),
    byState: { awaitingProof: open([0, 1, 0, 0, 0], [0, 500, 0, 0, 0]), inLitigation: open([2, 2, 1, 2, 2], [2000, 2500, 1000, 2000, 2000]) },
  },
} as unknown as RunLike;

describe('the cumulative development table', () => {
  it('labels rows by month and days, sums each row along its months and leaves the unobserved cells empty', () => {
    const t = developmentTable(run);
    // Payments stop after one month of development, so two columns; month 2 had no claims filed and has no row.
    expect(t.header).toEqual(['Filed in', 'Claims filed', 'after 0 months', 'after 1 month']);
    expect(t.rows).toEqual([
      ['Month 1 (days 0-30)', '10', '$1,000', '$1,250'],
      ['Month 3 (days 61-91)', '4', '$400', ''],
    ]);
    expect(t.csv.rows).toEqual([
      [1, 'Month 1 (days 0-30)', 10, 1000, 1250],
      [3, 'Month 3 (days 61-91)', 3.5, 400, null],
    ]);
    expect(t.section).toBe('Finance');
    expect(t.caption).toContain('"after 1 month"');
  });

  it('says so when the marketplace paid nothing', () => {
    const t = developmentTable({
      ...run,
      development: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    } as RunLike);
    expect(t.header).toEqual(['Filed in', 'Claims filed', 'after 0 months']);
    expect(t.rows.map((row) => row[2])).toEqual(['$0', '$0']);
    expect(t.caption).toContain('paid nothing');
  });
});

describe('the open claims table', () => {
  it('lists states with most claims first, then all open claims, with intervals and the amount per claim', () => {
    const t = openClaimsTable(run)!;
    expect(t.rows.map((r: readonly string[]) => r[0])).toEqual(['In litigation', 'Awaiting proof', 'All open claims']);
    // In litigation: 1.8 claims and $1,900 at stake on average, $1,055.56 a claim.
    expect(t.rows[0]!.slice(0, 2)).toEqual(['In litigation', '1.8']);
    expect(t.rows[0]![3]).toBe('$1,900');
    expect(t.rows[0]![5]).toBe('$1,056');
    // Counts 2, 2, 1, 2, 2: sd = sqrt(0.2) = 0.4472, half-width t(0.975, 4) x 0.4472 / sqrt(5) = 2.7764 x 0.2 = 0.5553.
    expect(t.rows[0]![2]).toBe('1.2 to 2.4');
    // Awaiting proof: one claim in one replication of five, so its interval reaches below zero and is clipped.
    expect(t.rows[1]![2]).toMatch(/^0\.0 \(clipped\) to /);
    expect(t.csv.rows[2]).toEqual(['all', 2, expect.any(Number), expect.any(Number), 2000, expect.any(Number), expect.any(Number), 1000, 5]);
  });

  it('is left out for results written before open claims were summarised', () => {
    const { openAtHorizon: _gone, ...old } = run as RunLike & { openAtHorizon: unknown };
    expect(openClaimsTable(old as RunLike)).toBeUndefined();
    expect(financeTables(old as RunLike).map((t) => t.id)).toEqual(['development-cumulative']);
    expect(financeTables(run).map((t) => t.id)).toEqual(['development-cumulative', 'open-claims']);
  });

  it('names states in words', () => {
    expect(stateLabel('inLitigation')).toBe('In litigation');
    expect(stateLabel('awaitingSeller')).toBe('Awaiting seller');
  });
});
