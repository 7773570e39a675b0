/**
 * Finance's figures in a run's results: money paid out each month by each
 * payer (and its bands), and the claims open at the horizon with what they
 * still have at stake. Checked against the run's own totals (each payer's
 * months add up to what the metric says it paid), against a sharded run that
 * is merged, and against a hand-worked summary across replications.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyAggregates } from '../../src/collect/aggregates.js';
import { simulate, simulateShard } from '../../src/library/simulate.js';
import { loadScenario } from '../../src/params/load.js';
import { mergePartials } from '../../src/results/partial.js';
import { checkResults } from '../../src/results/read.js';
import { buildRunResults, openAtHorizon, type RunResults } from '../../src/results/results.js';
import { unitProblems } from '../../src/results/verify.js';

const SMALL = ['volume.claims=800', 'world.teams=2', 'horizon.runoffDays=30'];
const options = { seed: 3, replications: 3, workers: 1 } as const;
const scenario = loadScenario('scenarios/baseline.yaml', { set: SMALL });
const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
let run: RunResults;

beforeAll(async () => {
  run = await simulate(scenario, options);
}, 120_000);

describe('cash flow by payer', () => {
  it('adds up, replication by replication, to what each payer paid', () => {
    for (let i = 0; i < run.replications; i++) {
      expect(sum(run.monthly.concessionsUsd[i]!)).toBeCloseTo(run.perReplication['marketplace.concessionsPaid'][i]!, 6);
      expect(sum(run.monthly.sellerPaidUsd![i]!)).toBeCloseTo(run.perReplication['sellers.paidDirect'][i]!, 6);
      expect(sum(run.monthly.insurerPaidUsd![i]!)).toBeCloseTo(run.perReplication['insurers.paid'][i]!, 6);
      expect(sum(run.monthly.recoveriesUsd[i]!)).toBeCloseTo(run.perReplication['sellers.reimbursed'][i]!, 6);
    }
    // Sellers and insurers do pay in the baseline, so the sums above are not 0 = 0.
    expect(run.summary['sellers.paidDirect'].mean).toBeGreaterThan(0);
    expect(run.summary['insurers.paid'].mean).toBeGreaterThan(0);
  });

  it('bands each month across replications: its mean is the mean of the replications’ month', () => {
    const series = run.monthly.insurerPaidUsd!;
    run.monthlyBands.insurerPaidUsd!.forEach((band, m) => {
      const values = series.map((s) => s[m]!);
      expect(band.mean).toBeCloseTo(sum(values) / values.length, 6);
      expect(band.p5).toBeLessThanOrEqual(band.p95);
      expect(band.p5).toBeGreaterThanOrEqual(Math.min(...values));
      expect(band.p95).toBeLessThanOrEqual(Math.max(...values));
    });
  });

  it('comes out the same from shards merged as from one run', async () => {
    const shards = await Promise.all([0, 1].map((index) => simulateShard(scenario, { index, count: 2 }, options)));
    const merged = mergePartials(shards);
    const { first } = merged;
    const again = buildRunResults(merged.output, { scenario: first.scenario, parameters: first.parameters, parameterMeta: first.parameterMeta, seed: first.seed, invocation: run.invocation });
    expect(again.monthly.sellerPaidUsd).toEqual(run.monthly.sellerPaidUsd);
    expect(again.monthlyBands.insurerPaidUsd).toEqual(run.monthlyBands.insurerPaidUsd);
    expect(again.openAtHorizon).toEqual(run.openAtHorizon);
  }, 120_000);
});

describe('merge refuses a partial whose finance figures do not add up', () => {
  it('names a payer series that disagrees with the payer’s total, and an amount at stake in a state no open claim is in', async () => {
    const shard = await simulateShard(scenario, { index: 0, count: 2 }, options);
    const u = shard.units[0]!;
    const where = { seed: shard.seed, replication: u.replication, team: u.team };
    expect(unitProblems(shard.parameters, where, u.aggregates, u.fingerprint)).toEqual([]);
    const tampered = structuredClone(u.aggregates);
    tampered.monthly.sellerPaidUsd[0]! += 100;
    // A claim that is denied is closed, so no open claim is ever in that state.
    tampered.openAtStakeByState.denied = 50;
    const problems = unitProblems(shard.parameters, where, tampered, u.fingerprint).map(([path, message]) => `${path.join('.')}: ${message}`);
    expect(problems).toContainEqual(expect.stringMatching(/^aggregates\.monthly\.sellerPaidUsd: adds up to \S+, but money\.paidBySellersUsd is /));
    expect(problems).toContain('aggregates.openAtStakeByState.denied: is a state no open claim is in (openByState)');
  }, 120_000);
});

describe('claims open at the horizon', () => {
  it('summarise each state across replications, a replication without the state counting 0', () => {
    // Replication 1: 2 claims in litigation with $300 at stake, 1 awaiting proof with $40; replication 2: 4 in litigation with $500.
    const one = { ...emptyAggregates(1, 1), openByState: { inLitigation: 2, awaitingProof: 1 }, openAtStakeByState: { inLitigation: 300, awaitingProof: 40 } };
    const two = { ...emptyAggregates(1, 1), openByState: { inLitigation: 4 }, openAtStakeByState: { inLitigation: 500 } };
    const open = openAtHorizon([one, two], ['inLitigation', 'awaitingProof']);
    expect(Object.keys(open.byState)).toEqual(['inLitigation', 'awaitingProof']);
    expect(open.byState.inLitigation!.count.mean).toBe(3);
    expect(open.byState.inLitigation!.atStakeUsd.mean).toBe(400);
    expect(open.byState.awaitingProof!.count.mean).toBe(0.5);
    expect(open.byState.awaitingProof!.atStakeUsd.mean).toBe(20);
    // All together: 3 and 4 claims, $340 and $500 at stake.
    expect(open.total.count.mean).toBe(3.5);
    expect(open.total.atStakeUsd.mean).toBe(420);
    // Two values 1 apart: sd = sqrt(0.5), half-width t(0.975, 1) x sqrt(0.5) / sqrt(2) = 12.706 x 0.5 = 6.353.
    expect(open.total.count.ciHigh).toBeCloseTo(3.5 + 6.3531, 3);
  });

  it('agree with the run’s own count of open claims, and never a negative amount at stake', () => {
    const open = run.openAtHorizon!;
    expect(open.total.count.mean).toBeCloseTo(run.summary['claims.openAtHorizon'].mean, 9);
    expect(sum(Object.values(open.byState).map((s) => s.count.mean))).toBeCloseTo(open.total.count.mean, 9);
    expect(Object.keys(open.byState)).toEqual(Object.keys(run.openAtHorizonByState));
    // A 30-day runoff leaves claims open, so there is something to check.
    expect(open.total.count.mean).toBeGreaterThan(0);
    expect(open.total.atStakeUsd.mean).toBeGreaterThan(0);
    for (const state of Object.values(open.byState)) expect(state.atStakeUsd.p5).toBeGreaterThanOrEqual(0);
  });
});

describe('results written before finance’s figures', () => {
  it('still read', () => {
    const old = structuredClone(run) as Record<string, unknown> & { monthlyBands: Record<string, unknown>; monthly: Record<string, unknown> };
    delete old.openAtHorizon;
    for (const s of ['sellerPaidUsd', 'insurerPaidUsd']) {
      delete old.monthlyBands[s];
      delete old.monthly[s];
    }
    expect(() => checkResults(old, 'results.json')).not.toThrow();
    // But a payer series that is there must cover every month.
    const short = structuredClone(run);
    (short.monthlyBands as Record<string, unknown>).sellerPaidUsd = [];
    expect(() => checkResults(short, 'results.json')).toThrow(/monthlyBands\.sellerPaidUsd: has 0 months but monthly\.monthStartDay has \d+/);
  });
});
