/**
 * Finance's charts (cash flow by payer, the development triangle) and the
 * captions of every run chart: data checked against the results and against
 * hand-worked triangles, titles against totals the metrics give on their own,
 * captions against their titles. Rendering and the Vega-Lite schema are
 * checked for every chart in charts.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { formatShare, formatUsd } from '../../../src/format/values.js';
import { simulate } from '../../../src/library/simulate.js';
import { loadScenario } from '../../../src/params/load.js';
import type { RunResults } from '../../../src/results/results.js';
import { cashFlowByPayer, chartsFor, developmentCells, developmentTriangle, PAYER_FLOWS, paidWithin, payerPoints, titleOf, type RunLike } from '../../../src/report/charts/index.js';

let run: RunResults;

beforeAll(async () => {
  run = await simulate(loadScenario('scenarios/baseline.yaml', { set: ['volume.claims=800', 'world.teams=2'] }), { seed: 5, replications: 3, workers: 1 });
}, 120_000);

/** A run's fields the triangle reads, around a hand-made triangle. */
const triangle = (development: number[][], filed: number[]): RunLike =>
  ({
    development,
    replications: 2,
    monthlyBands: { filed: filed.map((mean) => ({ mean, p5: mean, p50: mean, p95: mean })) },
    parameters: { horizon: { filingDays: 61, runoffDays: 30 } },
  }) as unknown as RunLike;

describe('cash flow by payer', () => {
  it('carries each flow’s band month by month, from the series of its payer', () => {
    const rows = payerPoints(run);
    const months = run.monthlyBands.filed.length;
    expect(rows).toHaveLength(4 * months);
    const of = (label: string) => rows.filter((r) => r.flow === label);
    expect(of('Sellers to customers').map((r) => r.mean)).toEqual(run.monthlyBands.sellerPaidUsd!.map((b) => b.mean));
    expect(of('Insurers to customers').map((r) => r.p95)).toEqual(run.monthlyBands.insurerPaidUsd!.map((b) => b.p95));
    expect(of('Marketplace to customers').map((r) => r.p5)).toEqual(run.monthlyBands.concessionsUsd.map((b) => b.p5));
    expect(of('Sellers to the marketplace').map((r) => r.mean)).toEqual(run.monthlyBands.recoveriesUsd.map((b) => b.mean));
  });

  it('says in its title what customers were paid in all and who handed it over, from the metrics', () => {
    const s = run.summary;
    const paid = s['customers.paidTotal'].mean;
    const title = titleOf(cashFlowByPayer(run)!);
    expect(title).toContain(`Of ${formatUsd(paid)} paid to customers`);
    expect(title).toContain(`sellers ${formatShare(s['sellers.paidDirect'].mean / paid, 0)}`);
    expect(title).toContain(`insurers ${formatShare(s['insurers.paid'].mean / paid, 0)}`);
    expect(title).toContain(`pay the marketplace back ${formatUsd(s['marketplace.recovered'].mean)}`);
  });

  it('dashes only the flow between payers', () => {
    expect(PAYER_FLOWS.filter((f) => !f.toCustomers).map((f) => f.key)).toEqual(['recoveriesUsd']);
  });

  it('is left out for results written before sellers’ and insurers’ months were kept', () => {
    const old = structuredClone(run) as RunResults;
    delete (old.monthlyBands as Record<string, unknown>).sellerPaidUsd;
    expect(cashFlowByPayer(old)).toBeUndefined();
    expect(chartsFor(old).map((c) => c.id)).not.toContain('cash-flow-by-payer');
  });
});

describe('the development triangle', () => {
  // Three months observed. Filed in month 1: $60 at once, $20 a month later, $20 two later;
  // month 2: $30, then $10; month 3: $5 so far. Payments stop after two months of development.
  const t = triangle(
    [
      [60, 20, 20],
      [30, 10, 0],
      [5, 0, 0],
    ],
    [4, 2, 1],
  );

  it('shows each observed cell cumulatively, shaded by its row’s share, and none past the horizon', () => {
    const cells = developmentCells(t).map((c) => [c.monthFiled, c.after, c.cumulativeUsd, c.developed]);
    expect(cells).toEqual([
      [1, 0, 60, 0.6],
      [1, 1, 80, 0.8],
      [1, 2, 100, 1],
      [2, 0, 30, 0.75],
      [2, 1, 40, 1],
      [3, 0, 5, 1],
    ]);
  });

  it('leaves out months in which no claim was filed', () => {
    expect(
      new Set(
        developmentCells(
          triangle(
            [
              [7, 0],
              [0, 0],
            ],
            [3, 0],
          ),
        ).map((c) => c.monthFiled),
      ),
    ).toEqual(new Set([1]));
  });

  it('tells the share paid in the month of filing from the rows observed to the last column only', () => {
    // Only month 1 is observed through "after 2 months": $60 of its $100 in the month of filing, $80 by the next.
    expect(paidWithin(t)).toEqual({ months: 3, rows: 1, byMonth: [0.6, 0.8, 1] });
    expect(titleOf(developmentTriangle(t))).toBe("60% of what the marketplace pays on a month's claims is paid in the month of filing, 80% by the end of the next");
  });

  it('keeps the run’s own triangle: each cell is its row summed so far', () => {
    for (const c of developmentCells(run)) {
      const row = run.development[c.monthFiled - 1]!;
      expect(c.cumulativeUsd).toBeCloseTo(
        row.slice(0, c.after + 1).reduce((s, v) => s + v, 0),
        6,
      );
      expect(c.monthFiled - 1 + c.after).toBeLessThan(run.development.length);
    }
  });
});

describe('captions', () => {
  it('sit under every chart of a run and say something its title does not', () => {
    const charts = chartsFor(run);
    expect(charts).toHaveLength(7);
    for (const c of charts) {
      expect(c.caption, c.id).toBeDefined();
      expect(c.caption!.length, c.id).toBeGreaterThan(60);
      expect(c.caption, c.id).not.toContain(c.title);
      expect(c.title, c.id).not.toContain(c.caption);
    }
    expect(new Set(charts.map((c) => c.caption)).size).toBe(charts.length);
  });

  it('put finance’s charts in the finance section, the others where they were', () => {
    expect(chartsFor(run).map((c) => c.section ?? 'Charts')).toEqual(['Charts', 'Charts', 'Charts', 'Charts', 'Charts', 'Finance', 'Finance']);
  });

  it('follow the policy: the claim-amounts caption says whether the marketplace pays under the threshold', () => {
    const caption = (direct: boolean) => {
      const r = structuredClone(run);
      (r.parameters.policy as { directPaymentUnderThreshold: boolean }).directPaymentUnderThreshold = direct;
      return chartsFor(r).find((c) => c.id === 'claim-amounts')!.caption!;
    };
    expect(caption(true)).toContain('paid by the marketplace directly');
    expect(caption(false)).toContain('pays no claim directly');
  });
});
