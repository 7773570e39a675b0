/**
 * The analyses against what is known without them: interval coverage of a
 * closed-form quantity, the variance pairing removes, monotone sweeps,
 * calibration recovering a known parameter, precision runs stopping as
 * promised, and CSV tables that read back to the same numbers.
 */
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { freeParameter } from '../../src/analysis/calibrate.js';
import { CalibrationInputError } from '../../src/analysis/targets.js';
import { InputError } from '../../src/inputError.js';
import { parseAxis } from '../../src/analysis/grid.js';
import { runToPrecision } from '../../src/analysis/precision.js';
import { metricValues } from '../../src/analysis/runs.js';
import { comparisonsCsv, sweepCsv } from '../../src/export/analysisTables.js';
import { summaryCsv, replicationsCsv } from '../../src/export/tables.js';
import { buildCompareResults, buildSweepResults } from '../../src/analysis/results.js';
import { buildRunResults, scenarioRecord } from '../../src/results/results.js';
import { summarise } from '../../src/stats/summary.js';
import { baselineParams } from '../support/claims.js';
import { cpuNow } from '../support/cpu.js';
import { onWorkers } from '../../src/sim/pool.js';
import { calibrateFile, compareFiles, runFile, sensitivityOfFile, sweepFile } from '../support/analysisFiles.js';

/** A small world: few sellers and customers to build, two teams. */
const SMALL = ['world.teams=2'];
const NO_FRAUD = ['fraud.share=0', 'fraud.buildUpShare=0'];
const invocation = { command: [], startedAt: '', wallSeconds: 1, workers: 1 };

describe('confidence intervals', () => {
  it('cover a closed-form share about 95% of the time over many seeds', async () => {
    // P(claim < $1,000) = 0.85 Phi(ln 5) + 0.15 Phi(ln 0.2 / 1.5) for the baseline mixture.
    const truth = 0.85 * normalCdf(Math.log(5), 0, 1) + 0.15 * normalCdf(Math.log(0.2) / 1.5, 0, 1);
    const params = baselineParams([...SMALL, ...NO_FRAUD, 'volume.claims=300']);
    const { runScenario } = await import('../../src/sim/run.js');
    const seeds = 120;
    let covered = 0;
    for (let seed = 1; seed <= seeds; seed++) {
      const out = await runScenario(params, { seed, replications: 5, runUnits: onWorkers(1) });
      const s = summarise(out.replications.map((r) => r.metrics['claims.underThresholdShare']));
      if (s.ciLow! <= truth && truth <= s.ciHigh!) covered++;
    }
    // Coverage is binomial(120, 0.95): mean 114, sd sqrt(120 * 0.95 * 0.05) = 2.39; allow three sd either way.
    expect(covered).toBeGreaterThanOrEqual(Math.floor(114 - 3 * 2.39));
    expect(covered).toBeLessThanOrEqual(120);
  }, 300_000);
});

describe('compare', () => {
  it('a scenario compared with itself differs by exactly zero', async () => {
    const c = await compareFiles(['scenarios/baseline.yaml', 'scenarios/baseline.yaml'], { seed: 3, replications: 3, workers: 1, set: [...SMALL, 'volume.claims=1000'] });
    for (const d of Object.values(c.differences[0]!)) {
      expect(d.mean).toBe(0);
      expect(d.significant).toBe(false);
    }
  });

  it('pairing on common random numbers beats independent runs on baseline against the $2,500 threshold', async () => {
    const options = { replications: 8, workers: 1, set: [...SMALL, 'volume.claims=3000'] };
    const base = await runFile('scenarios/baseline.yaml', { ...options, seed: 1 });
    const paired = await runFile('scenarios/threshold-2500.yaml', { ...options, seed: 1 });
    const independent = await runFile('scenarios/threshold-2500.yaml', { ...options, seed: 2 });
    const varianceOfDifferences = (other: typeof base) => {
      const a = metricValues(base.output, 'marketplace.netCost');
      const b = metricValues(other.output, 'marketplace.netCost');
      const d = a.map((x, i) => b[i]! - x);
      const m = d.reduce((s, x) => s + x, 0) / d.length;
      return d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1);
    };
    const pairedVar = varianceOfDifferences(paired);
    const independentVar = varianceOfDifferences(independent);
    // The threshold changes only how claims between $1,000 and $2,500 are handled, so the two runs share
    // most of their noise: the paired variance is far below the independent one (measured: about 9x at
    // this seed). With 8 replications the ratio of two sample variances is F(7, 7)-distributed; 4x would
    // arise by chance less than 5% of the time if pairing did not help at all.
    expect(pairedVar * 4).toBeLessThan(independentVar);
    const c = buildCompareResults({ runs: [base, paired], differences: [(await import('../../src/analysis/compare.js')).differencesAgainst(base, paired)] }, 1, invocation);
    expect(c.differences[0]!.metrics['marketplace.netCost'].varianceReduction!).toBeGreaterThan(4);
    expect(c.differences[0]!.metrics['marketplace.netCost'].significant).toBe(true);
  }, 300_000);
});

describe('sweep', () => {
  it('parses grids', () => {
    expect(parseAxis('policy.threshold=500..2500:500')).toEqual({ path: 'policy.threshold', values: [500, 1000, 1500, 2000, 2500] });
    expect(parseAxis('fraud.share=0.1..0.3:0.1')).toEqual({ path: 'fraud.share', values: [0.1, 0.2, 0.3] });
    expect(() => parseAxis('x=3..1:1')).toThrow(/below/);
    expect(() => parseAxis('x=1..2:0')).toThrow(/STEP > 0/);
    expect(() => parseAxis('x=1..2:0')).toThrow(InputError);
    expect(parseAxis('fraud.share=0.05, 0.1,0.2')).toEqual({ path: 'fraud.share', values: [0.05, 0.1, 0.2] });
  });

  it.each([
    ['policy.threshold=1,,2', '--param policy.threshold: "1,,2" has an empty item; list numbers separated by commas'],
    ['fraud.share=0.1,', '--param fraud.share: "0.1," has an empty item; list numbers separated by commas'],
    ['fraud.share=,0.1', '--param fraud.share: ",0.1" has an empty item; list numbers separated by commas'],
    ['fraud.share=', '--param fraud.share: no values given; write PATH=FROM..TO:STEP or PATH=A,B,C'],
  ])('refuses a list with an empty item or none: %s', (text, message) => {
    // Number('') is 0, so an unchecked empty item would sweep a point at zero nobody asked for.
    expect(() => parseAxis(text)).toThrow(new InputError(message));
  });

  it.each([
    ['all sellers silent', 'sellers.responses={accept: 0, reject: 0, silent: 1}'],
    ['all sellers accept', 'sellers.responses={accept: 1, reject: 0, silent: 0}'],
  ])(
    'over the threshold, with %s, never lowers what the marketplace pays',
    async (_label, responses) => {
      const axis = parseAxis('policy.threshold=250..4000:750');
      if (typeof axis === 'string') throw new Error(axis);
      const sweep = await sweepFile('scenarios/baseline.yaml', [axis], { seed: 4, replications: 2, workers: 1, set: [...SMALL, 'volume.claims=1500', responses] });
      const paid = sweep.points.map((p) => p.summary['marketplace.concessionsPaid'].mean);
      for (let i = 1; i < paid.length; i++) expect(paid[i]!).toBeGreaterThanOrEqual(paid[i - 1]!);
      // Its CSV reads back to the same numbers.
      const csv = parse(sweepCsv(buildSweepResults(sweep, 4, invocation)), { columns: true }) as Record<string, string>[];
      const rows = csv.filter((r) => r.metric === 'marketplace.concessionsPaid');
      expect(rows.map((r) => Number(r.mean))).toEqual(paid);
      expect(rows.map((r) => Number(r['policy.threshold']))).toEqual([250, 1000, 1750, 2500, 3250, 4000]);
    },
    300_000,
  );
});

describe('sensitivity', () => {
  it('ranks parameters by the swing of the metric between their low and high values', async () => {
    const s = await sensitivityOfFile('scenarios/baseline.yaml', {
      seed: 2,
      replications: 2,
      workers: 1,
      set: [...SMALL, 'volume.claims=1000'],
      metric: 'marketplace.reviewCost',
      params: ['screening.fullReviewCostUsd', 'screening.deskReviewCostUsd', 'policy.paymentLagDays'],
    });
    // Review cost is linear in the two prices; the payment lag does not enter it at all.
    expect(s.rows.map((r) => r.path)).toEqual(['screening.fullReviewCostUsd', 'screening.deskReviewCostUsd', 'policy.paymentLagDays']);
    expect(s.rows[2]!.swing.mean).toBe(0);
    // Swing of the desk price: (100 - 25) dollars times the claims given a desk review.
    expect(s.rows[1]!.swing.mean).toBeGreaterThan(0);
    expect(s.rows[1]!.atHigh / s.rows[1]!.atLow).toBeGreaterThan(1);
  }, 300_000);

  it('refuses a named parameter without a range', async () => {
    await expect(sensitivityOfFile('scenarios/baseline.yaml', { seed: 1, replications: 2, workers: 1, set: SMALL, metric: 'marketplace.netCost', params: ['sellers.responses'] })).rejects.toThrow(
      /no low-high range/,
    );
  });
});

describe('calibrate', () => {
  it('recovers a known parameter from targets generated with it', async () => {
    const options = { seed: 6, replications: 2, workers: 1, set: [...SMALL, 'volume.claims=2000'] };
    const truth = await runFile('scenarios/baseline.yaml', options, { from: '--set', values: { 'fraud.share': 0.15 } });
    const target = summarise(metricValues(truth.output, 'claims.fraudulentShare')).mean;
    const c = await calibrateFile('scenarios/baseline.yaml', [{ metric: 'claims.fraudulentShare', wanted: { value: target, tolerance: 0 } }], ['fraud.share'], options);
    // On common random numbers the simulated share is a step function of fraud.share, flat between
    // consecutive claims' fraud draws (about 1/4000 apart here); the search brackets to 1e-4 of the range.
    expect(Math.abs(c.values['fraud.share']! - 0.15)).toBeLessThan(0.002);
    expect(Math.abs(c.achieved[0]!.miss)).toBeLessThan(0.01);
  }, 300_000);

  it('refuses a whole-number parameter as free (its search is continuous), before simulating', () => {
    expect(() => freeParameter('world.teams', { unit: 'teams', description: '', tag: 'E', source: '' }, 8)).toThrow(
      new CalibrationInputError('--free: "world.teams" takes whole numbers, which calibrate\'s continuous search cannot set; sweep it instead (claimsim sweep --param world.teams=A,B,C)'),
    );
    expect(freeParameter('fraud.share', { unit: 'share', description: '', tag: 'E', source: '', range: [0.05, 0.2] }, 0.1)).toEqual({ path: 'fraud.share', low: 0.05, high: 0.2 });
  });
});

describe('precision', () => {
  it('stops when the target is reached, and says so when the cap stops it first', async () => {
    const params = baselineParams([...SMALL, 'volume.claims=1000']);
    // A first batch of 3 is raised to 5: fewer give no interval worth judging precision by.
    const loose = await runToPrecision(params, { seed: 1, workers: 1, target: 2, initialReplications: 3, maxReplications: 50 });
    expect(loose.reached).toBe(true);
    expect(loose.output.replications.length).toBe(5);
    const strict = await runToPrecision(params, { seed: 1, workers: 1, target: 0.001, initialReplications: 3, maxReplications: 7 });
    expect(strict.reached).toBe(false);
    expect(strict.output.replications.length).toBe(7);
    // Batches extend the run without changing earlier replications.
    expect(strict.output.replications.slice(0, 5).map((r) => r.metrics['marketplace.netCost'])).toEqual(loose.output.replications.map((r) => r.metrics['marketplace.netCost']));
  }, 300_000);

  it('never calls precision reached on fewer than 5 replications', async () => {
    const params = baselineParams([...SMALL, 'volume.claims=1000']);
    // Any interval is within 200% of its mean here, but a cap of 4 stops the run short of 5.
    const capped = await runToPrecision(params, { seed: 1, workers: 1, target: 2, initialReplications: 2, maxReplications: 4 });
    expect(capped.reached).toBe(false);
    expect(capped.output.replications.length).toBe(4);
  }, 300_000);
});

describe('CSV tables', () => {
  it('read back to the numbers in results.json', async () => {
    const run = await runFile('scenarios/baseline.yaml', { seed: 9, replications: 3, workers: 1, set: [...SMALL, 'volume.claims=800'] });
    const results = buildRunResults(run.output, { scenario: scenarioRecord(run.scenario), parameters: run.scenario.parameters, parameterMeta: run.scenario.meta, seed: 9, invocation });
    const summary = parse(summaryCsv(results), { columns: true }) as Record<string, string>[];
    for (const row of summary) {
      const s = results.summary[row.metric as keyof typeof results.summary];
      expect(Number(row.mean)).toBe(s.mean);
      expect(Number(row.p95)).toBe(s.p95);
      expect(row.es95 === '' ? undefined : Number(row.es95)).toBe(s.es95);
    }
    const reps = parse(replicationsCsv(results), { columns: true }) as Record<string, string>[];
    expect(reps.map((r) => Number(r['marketplace.netCost']))).toEqual(results.perReplication['marketplace.netCost']);
    const c = buildCompareResults({ runs: [run, run], differences: [(await import('../../src/analysis/compare.js')).differencesAgainst(run, run)] }, 9, invocation);
    const rows = parse(comparisonsCsv(c), { columns: true }) as Record<string, string>[];
    expect(rows.every((r) => Number(r.difference) === 0)).toBe(true);
  });
});

describe('analyses check every scenario before running any', () => {
  const bad = ['world.teams=-3'];
  it('compare refuses a bad later scenario without simulating the first', async () => {
    const t0 = cpuNow();
    await expect(compareFiles(['scenarios/baseline.yaml', 'scenarios/threshold-2500.yaml'], { seed: 1, replications: 2, workers: 1, set: [...SMALL, 'volume.claims=50000', ...bad] })).rejects.toThrow(
      /world\.teams/,
    );
    // 50,000 claims would take seconds; the refusal takes a fraction of one.
    expect(cpuNow() - t0, 'CPU ms').toBeLessThan(1000);
  });

  it('sweep refuses a bad later grid point without simulating the earlier ones', async () => {
    const axis = parseAxis('policy.threshold=10,-5');
    if (typeof axis === 'string') throw new Error(axis);
    const t0 = cpuNow();
    await expect(sweepFile('scenarios/baseline.yaml', [axis], { seed: 1, replications: 2, workers: 1, set: [...SMALL, 'volume.claims=50000'] })).rejects.toThrow(/must not be negative/);
    expect(cpuNow() - t0, 'CPU ms').toBeLessThan(1000);
  });

  it('sensitivity refuses an unknown parameter before running the base', async () => {
    const t0 = cpuNow();
    await expect(
      sensitivityOfFile('scenarios/baseline.yaml', { seed: 1, replications: 2, workers: 1, set: [...SMALL, 'volume.claims=50000'], metric: 'marketplace.netCost', params: ['nosuch.param'] }),
    ).rejects.toThrow(/unknown parameter/);
    expect(cpuNow() - t0, 'CPU ms').toBeLessThan(1000);
  });
});
