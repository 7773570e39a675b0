/**
 * Finance's CSV tables of a run: the cumulative development triangle (cells
 * past the horizon empty, not 0), the labels of its filing months, and the
 * claims open at the horizon; worked out by hand on small triangles and
 * summaries.
 */
import { describe, expect, it } from 'vitest';
import { cumulativeDevelopment, developmentCumulativeCsv, monthDays, monthLabel, openClaimsCsv, RUN_TABLE_NAMES } from '../../src/export/tables.js';
import type { RunResults } from '../../src/results/results.js';
import { summarise } from '../../src/stats/summary.js';

describe('the cumulative development triangle', () => {
  it('sums each row along its months and leaves the unobserved corner empty', () => {
    // Filed in month 1: $5 in its month, $3 a month later; month 2: $4 then $1; month 3: $2. Three months observed.
    expect(
      cumulativeDevelopment([
        [5, 3, 0],
        [4, 1, 0],
        [2, 0, 0],
      ]),
    ).toEqual([
      [5, 8, 8],
      [4, 5, null],
      [2, null, null],
    ]);
  });

  it('labels filing months by the whole days they cover, months being twelfths of 365 days', () => {
    // Month 2 runs from day 30.42 to 60.83, so its whole days are 31 to 60; month 13 starts on day 365 exactly.
    expect([0, 1, 2, 11, 12].map((m) => monthDays(m, 545))).toEqual([
      { first: 0, last: 30 },
      { first: 31, last: 60 },
      { first: 61, last: 91 },
      { first: 335, last: 364 },
      { first: 365, last: 395 },
    ]);
    // The last month of a 545-day horizon (days 517.08 to 547.5) stops at the horizon.
    expect(monthLabel(17, 545)).toBe('Month 18 (days 518-545)');
  });

  it('writes empty cells, not zeros, past the horizon', () => {
    const r = {
      development: [
        [10, 2],
        [7, 0],
      ],
      parameters: { horizon: { filingDays: 31, runoffDays: 29 } },
    } as unknown as RunResults;
    expect(developmentCumulativeCsv(r)).toBe('monthFiled,firstDay,lastDay,cumulativeAfter0Months,cumulativeAfter1Months\r\n1,0,30,10,12\r\n2,31,60,7,\r\n');
  });
});

describe('the open claims table', () => {
  it('has a row for all open claims, then one per state, each with its interval', () => {
    const open = (counts: number[], usd: number[]) => ({ count: summarise(counts), atStakeUsd: summarise(usd) });
    const r = { openAtHorizon: { total: open([2, 4], [300, 500]), byState: { inLitigation: open([2, 4], [300, 500]) } } } as unknown as RunResults;
    const [header, all, litigation] = openClaimsCsv(r).trimEnd().split('\r\n');
    expect(header).toBe('state,claimsMean,claimsCiLow,claimsCiHigh,claimsP5,claimsP95,atStakeUsdMean,atStakeUsdCiLow,atStakeUsdCiHigh,atStakeUsdP5,atStakeUsdP95,n');
    // Counts 2 and 4: mean 3, half-width t(0.975, 1) x sqrt(2) / sqrt(2) = 12.7062; P5 = 2 + 0.05 x 2 = 2.1.
    const cells = all!.split(',');
    expect(cells[0]).toBe('all');
    expect(Number(cells[1])).toBe(3);
    expect(Number(cells[3])).toBeCloseTo(3 + 12.7062, 3);
    expect(Number(cells[4])).toBeCloseTo(2.1, 9);
    expect(Number(cells[6])).toBe(400);
    expect(cells[11]).toBe('2');
    expect(litigation!.startsWith('inLitigation,3,')).toBe(true);
  });

  it('is only a header for results written before open claims were summarised', () => {
    expect(
      openClaimsCsv({} as RunResults)
        .split('\r\n')
        .filter(Boolean),
    ).toHaveLength(1);
  });

  it('is among the files a run claims before it runs', () => {
    expect(RUN_TABLE_NAMES).toEqual(['summary.csv', 'replications.csv', 'monthly.csv', 'development.csv', 'development-cumulative.csv', 'open-claims.csv']);
  });
});
