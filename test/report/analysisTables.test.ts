/**
 * The analyses' report tables against values worked out by hand: which
 * parameters two bundled scenarios differ in (their files say), a paired
 * difference and its interval set by hand and how the table marks it, a
 * marginal cost from two points, and a calibration trace's misses from
 * targetMiss's definition.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { differencesAgainst } from '../../src/analysis/compare.js';
import { parseAxis, type Axis } from '../../src/analysis/grid.js';
import { buildCalibrationResults, buildCompareResults, buildSweepResults } from '../../src/analysis/results.js';
import { REPORT_HEADLINE_METRICS } from '../../src/collect/metrics.js';
import { loadScenario } from '../../src/params/load.js';
import type { CalibrationResults, CompareResults, SweepResults } from '../../src/results/schema/analyses.js';
import { calibrationTraceTable, differingParameters, formatRate, parametersThatDifferTable, scenarioByScenarioTable, sweepSteps, sweepStepsTable, traceRows } from '../../src/report/analysisTables.js';
import { parameterSections } from '../../src/report/sections.js';
import { summaryParagraphs } from '../../src/report/summary.js';
import { tablesFor } from '../../src/report/tables.js';
import type { Summary } from '../../src/stats/summary.js';
import { calibrateFile, runFile, sweepFile } from '../support/analysisFiles.js';

const SMALL = ['volume.claims=600', 'world.teams=2'];
const SEED = 4;
const options = { seed: SEED, replications: 3, workers: 1, set: SMALL };
const invocation = { command: [], startedAt: '', wallSeconds: 1, workers: 1 };

const axis = (text: string): Axis => {
  const a = parseAxis(text);
  if (typeof a === 'string') throw new Error(a);
  return a;
};

let compared: CompareResults;
let three: CompareResults;
let sweep1d: SweepResults;
let sweep2d: SweepResults;
let calibrated: CalibrationResults;

beforeAll(async () => {
  const base = await runFile('scenarios/baseline.yaml', options);
  const other = await runFile('scenarios/threshold-2500.yaml', options);
  const noScreening = await runFile('scenarios/no-screening.yaml', options);
  compared = buildCompareResults({ runs: [base, other], differences: [differencesAgainst(base, other)] }, SEED, invocation);
  three = buildCompareResults({ runs: [base, other, noScreening], differences: [differencesAgainst(base, other), differencesAgainst(base, noScreening)] }, SEED, invocation);
  const once = { ...options, replications: 1 };
  sweep1d = buildSweepResults(await sweepFile('scenarios/baseline.yaml', [axis('policy.threshold=500,1500')], once), SEED, invocation);
  sweep2d = buildSweepResults(await sweepFile('scenarios/baseline.yaml', [axis('policy.threshold=500,1000,1500'), axis('fraud.share=0.05,0.2')], once), SEED, invocation);
  const c = await calibrateFile('scenarios/baseline.yaml', [{ metric: 'claims.fraudulentShare', wanted: { value: 0.12, tolerance: 0 } }], ['fraud.share'], { ...once, maxEvaluations: 3 });
  calibrated = buildCalibrationResults(loadScenario('scenarios/baseline.yaml', { set: SMALL }), 1, c, null, SEED, invocation);
});

describe('compare: the parameters that differ', () => {
  it('baseline against threshold-2500 differ in policy.threshold alone: $1,000 against $2,500 (the files say so)', () => {
    expect(differingParameters(compared).map((d) => [d.path, d.values])).toEqual([['policy.threshold', [1000, 2500]]]);
    const t = parametersThatDifferTable(compared);
    expect(t.header).toEqual(['Parameter', 'Unit', 'baseline', 'threshold-2500']);
    expect(t.rows).toEqual([['policy.threshold', 'USD', '1000', '2500']]);
    expect(t.csv.rows).toEqual([['policy.threshold', 'USD', 1000, 2500]]);
  });

  it('with no-screening too: screening.enabled joins, each scenario with its own value', () => {
    const rows = parametersThatDifferTable(three).csv.rows;
    expect(rows).toEqual([
      ['policy.threshold', 'USD', 1000, 2500, 1000],
      ['screening.enabled', 'yes/no', true, true, false],
    ]);
  });

  it('a scenario compared with itself differs in nothing, and the caption says so', () => {
    const same: CompareResults = { ...compared, scenarios: [compared.scenarios[0]!, compared.scenarios[0]!] };
    expect(parametersThatDifferTable(same).rows).toEqual([]);
    expect(parametersThatDifferTable(same).caption).toMatch(/^All \d+ parameters are the same/);
  });

  it('the parameters section: the base table folded shut, each other scenario only what it sets otherwise, citations still linked', () => {
    const html = parameterSections(three);
    expect(html.match(/<details class="fold">/g)).toHaveLength(1);
    expect(html).not.toContain('<details class="fold" open>');
    // One full table (every parameter of the base) and one row per parameter a scenario changes: 1 for each.
    const rows = html.match(/<tr><td><code>/g)!.length;
    expect(rows).toBe(Object.keys(three.scenarios[0]!.parameterMeta).length + 2);
    expect(html).toContain('threshold-2500: the 1 parameter that differ from baseline');
    expect(html).toContain('no-screening: the 1 parameter that differ from baseline');
    // The base's policy.threshold cites a reference, linked to its Sources entry.
    expect(html).toMatch(/<a href="#source-[^"]+">\[/);
  });
});

describe('compare: scenario by scenario', () => {
  /** A paired difference set by hand. */
  const withNetCost = (r: CompareResults, d: { mean: number; ciLow: number; ciHigh: number; significant: boolean; n: number }): CompareResults => ({
    ...r,
    differences: [{ ...r.differences[0]!, metrics: { ...r.differences[0]!.metrics, 'marketplace.netCost': { ...d, varianceReduction: null } } }],
  });

  it('one row per headline metric, the base mean, the scenario mean, the difference and its interval', () => {
    const t = scenarioByScenarioTable(compared);
    expect(t.rows).toHaveLength(REPORT_HEADLINE_METRICS.length);
    expect(t.header).toEqual(['Metric', 'baseline (base)', 'threshold-2500', 'minus baseline, ± 95%']);
    expect(t.rows[0]![0]).toBe('Marketplace net cost');
    expect(t.numeric).toEqual([false, true, true, false]);
    expect(t.csv.rows.map((r) => r[0])).toEqual([...REPORT_HEADLINE_METRICS]);
    const net = t.csv.rows[0]!;
    expect(net.slice(2, 4)).toEqual([compared.scenarios[0]!.summary['marketplace.netCost'].mean, compared.scenarios[1]!.summary['marketplace.netCost'].mean]);
  });

  it('a difference outside the noise is marked; its interval is shown signed', () => {
    const t = scenarioByScenarioTable({ ...withNetCost(compared, { mean: 1200, ciLow: 200, ciHigh: 2200, significant: true, n: 5 }), replications: 5 });
    expect(t.rows[0]!.slice(3)).toEqual(['+$1,200 ±\u00a0$1,000']);
    expect(t.marked![0]).toEqual([false, false, false, true]);
    expect(t.csv.rows[0]!.slice(4)).toEqual([1200, 200, 2200, true]);
    const within = scenarioByScenarioTable({ ...withNetCost(compared, { mean: 300, ciLow: -700, ciHigh: 1300, significant: false, n: 5 }), replications: 5 });
    expect(within.rows[0]!.slice(3)).toEqual(['+$300 ±\u00a0$1,000']);
    expect(within.marked![0]).toEqual([false, false, false, false]);
    // An interval not symmetric about the mean (a hand-edited results.json) is written out.
    const lopsided = scenarioByScenarioTable({ ...withNetCost(compared, { mean: 300, ciLow: -100, ciHigh: 1300, significant: false, n: 5 }), replications: 5 });
    expect(lopsided.rows[0]![3]).toBe('+$300 (-$100 to +$1,300)');
  });

  it('with 3 replications: no interval, nothing marked, and the caption says why', () => {
    const t = scenarioByScenarioTable(withNetCost(compared, { mean: 1200, ciLow: 200, ciHigh: 2200, significant: true, n: 3 }));
    // The caption says once that no interval is given; the cell holds the difference alone.
    expect(t.rows[0]![3]).toBe('+$1,200');
    expect(t.caption).toContain('no interval is given');
    expect(t.marked!.flat().some(Boolean)).toBe(false);
    expect(t.caption).toContain('no interval is given');
    // The CSV keeps the numbers, and no verdict.
    expect(t.csv.rows[0]!.slice(4)).toEqual([1200, 200, 2200, null]);
  });

  it('tablesFor a comparison gives the headline, then these two', () => {
    expect(tablesFor(three).map((t) => t.id)).toEqual(['headline', 'scenario-by-scenario', 'parameters-that-differ']);
  });
});

describe('sweep: differences against the first point and marginal costs', () => {
  /** A sweep's points with net cost means set by hand. */
  const withNetCosts = (r: SweepResults, means: readonly number[]): SweepResults => ({
    ...r,
    points: r.points.map((p, i) => ({ ...p, summary: { ...p.summary, 'marketplace.netCost': { ...p.summary['marketplace.netCost'], mean: means[i]! } as Summary } })),
  });

  it('two points: ($150,000 - $100,000) / ($1,500 - $500) = $50 per $1 of threshold', () => {
    const r = withNetCosts(sweep1d, [100_000, 150_000]);
    expect(sweepSteps(r)).toEqual([{ point: 1, from: 0, dx: 1000, dCost: 50_000, marginal: 50 }]);
    const t = sweepStepsTable(r);
    expect(t.header[t.header.length - 1]).toBe('Marginal net cost ($ per $1 of policy.threshold)');
    expect(t.rows.map((row) => row[row.length - 1])).toEqual(['-', '$50']);
    // Net cost is the third headline cost: its difference against the first point.
    const netAt = t.header.indexOf('Marketplace net cost');
    expect(t.rows.map((row) => row[netAt + 1])).toEqual(['(first point)', '+$50.0k']);
    expect(t.csv.rows[1]!.slice(-2)).toEqual([50, 500]);
    expect(summaryParagraphs(r)).toContain('Each step along policy.threshold changes the net cost by $50 per $1 of policy.threshold.');
  });

  it('a 2-D grid: steps along the first axis within each value of the second', () => {
    // Grid order: threshold 500, 1000, 1500, each with fraud.share 0.05 then 0.2.
    const r = withNetCosts(sweep2d, [100, 1000, 600, 1500, 1600, 1600]);
    const steps = sweepSteps(r).map((s) => [s.from, s.point, s.marginal]);
    // At 0.05: (600 - 100) / 500 = 1, (1600 - 600) / 500 = 2; at 0.2: (1500 - 1000) / 500 = 1, (1600 - 1500) / 500 = 0.2.
    expect(steps).toEqual([
      [0, 2, 1],
      [2, 4, 2],
      [1, 3, 1],
      [3, 5, 0.2],
    ]);
    expect(sweepStepsTable(r).rows.map((row) => row[row.length - 1])).toEqual(['-', '-', '$1', '$1', '$2', '$0.2']);
    const words = summaryParagraphs(r).join('\n');
    expect(words).toContain('between $0.2 and $2 per $1 of policy.threshold');
    expect(words).toContain('from $100 at policy.threshold = 500, fraud.share = 0.05 to $1,600 at policy.threshold = 1500, fraud.share = 0.05');
  });

  it('rates keep three figures however small', () => {
    expect(formatRate(0.4037)).toBe('$0.404');
    expect(formatRate(-12_345)).toBe('-$12.3k');
    expect(formatRate(0)).toBe('$0');
  });
});

describe('calibrate: the search trace', () => {
  it('a row per evaluation, each miss worked from the target: (simulated - 0.12) / 0.12 with a tolerance of 0', () => {
    const trace = calibrated.calibration.trace;
    expect(trace.length).toBeGreaterThan(1);
    const rows = traceRows(calibrated);
    expect(rows.map((r) => r.evaluation)).toEqual(trace.map((_, i) => i + 1));
    for (const [i, r] of rows.entries()) {
      const simulated = trace[i]!.simulated[0]!;
      expect(r.misses[0]).toBeCloseTo((simulated - 0.12) / 0.12, 12);
      // The objective is the sum of squared misses: one target, so the square of its miss.
      expect(r.objective).toBeCloseTo(r.misses[0]! ** 2, 12);
    }
    const least = Math.min(...trace.map((t) => t.objective));
    expect(rows.filter((r) => r.best).map((r) => r.objective)).toEqual([least]);
    const t = calibrationTraceTable(calibrated);
    expect(t.rows).toHaveLength(trace.length);
    expect(t.header).toEqual(['Evaluation', 'fraud.share', 'claims.fraudulentShare (target 0.12 ± 0)', 'miss', 'Objective']);
    expect(t.csv.rows.map((r) => r[1])).toEqual(trace.map((e) => e.values['fraud.share']));
    expect(t.marked!.map((m) => m.every(Boolean))).toEqual(rows.map((r) => r.best));
  });
});
