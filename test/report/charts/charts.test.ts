/**
 * The chart layer against the Vega-Lite schema, Vega-Lite's compiler and
 * Vega's renderer, on small results built by running the library: every
 * chart of every kind of result is valid, compiles and renders without a
 * warning, draws marks, carries its data inline, and says in its title
 * numbers that the test computes again from the results on its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { quantile } from 'simple-statistics';
import type { TopLevelSpec } from 'vega-lite';
import { renderWith, sceneRoot } from './renderView.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { differencesAgainst } from '../../../src/analysis/compare.js';
import { parseAxis, type Axis } from '../../../src/analysis/grid.js';
import { formatUsd } from '../../../src/format/values.js';
import type { SavedResults } from '../../../src/results/read.js';
import { CLAIM_OUTCOMES } from '../../../src/machines/claim.js';
import { loadScenario } from '../../../src/params/load.js';
import { buildCalibrationResults, buildCompareResults, buildSensitivityResults, buildSweepResults } from '../../../src/analysis/results.js';
import type { CompareResults, SweepResults } from '../../../src/results/schema/analyses.js';
import { buildRunResults, scenarioRecord, type RunResults } from '../../../src/results/results.js';
import {
  calibration,
  chartsFor,
  claimAmounts,
  comparison,
  costDistribution,
  daysToPayment,
  monthlyCashFlow,
  MUTED_INK,
  niceBins,
  PALETTE,
  sweepCurves,
  titleOf,
  whoPays,
  wrapText,
} from '../../../src/report/charts/index.js';
import { OUTCOME_LABELS } from '../../../src/report/charts/labels.js';
import { calibrateFile, runFile, sensitivityOfFile, sweepFile } from '../../support/analysisFiles.js';

const SMALL = ['volume.claims=800', 'world.teams=2'];
const SEED = 5;
const options = { seed: SEED, replications: 3, workers: 1, set: SMALL };
const invocation = { command: [], startedAt: '', wallSeconds: 1, workers: 1 };

const axis = (text: string): Axis => {
  const a = parseAxis(text);
  if (typeof a === 'string') throw new Error(a);
  return a;
};

/** The chart ids each kind of result gets, in order. */
const EXPECTED = {
  run: ['cost-distribution', 'claim-amounts', 'who-pays', 'monthly-cash-flow', 'days-to-payment', 'cash-flow-by-payer', 'development-triangle'],
  compare: ['comparison', 'cost-distribution-base'],
  compareMany: ['comparison', 'cost-distribution-base'],
  sweep: ['sweep-net-cost', 'sweep-valid-paid-share'],
  sweep2d: ['sweep-heatmap', 'sweep-net-cost', 'sweep-valid-paid-share'],
  sensitivity: ['tornado'],
  calibrate: ['calibration-trace'],
  /** Edge cases: a scenario where the marketplace pays nothing, and a scenario compared with itself. */
  nothingPaid: ['cost-distribution', 'claim-amounts', 'who-pays', 'monthly-cash-flow', 'days-to-payment', 'cash-flow-by-payer', 'development-triangle'],
  unchanged: ['comparison', 'cost-distribution-base'],
} as const;
type Case = keyof typeof EXPECTED;

const results = {} as Record<Case, SavedResults>;
let run: RunResults;
let compared: CompareResults;
let swept: SweepResults;

beforeAll(async () => {
  const base = await runFile('scenarios/baseline.yaml', options);
  const other = await runFile('scenarios/threshold-2500.yaml', options);
  const noScreening = await runFile('scenarios/no-screening.yaml', options);
  const before2021 = await runFile('scenarios/before-2021.yaml', { ...options, replications: 2 });
  const runResults = (r: typeof base) => buildRunResults(r.output, { scenario: scenarioRecord(r.scenario), parameters: r.scenario.parameters, parameterMeta: r.scenario.meta, seed: SEED, invocation });
  run = runResults(base);
  compared = buildCompareResults({ runs: [base, other], differences: [differencesAgainst(base, other)] }, SEED, invocation);
  const twice = { ...options, replications: 2 };
  swept = buildSweepResults(await sweepFile('scenarios/baseline.yaml', [axis('policy.threshold=500..1500:500')], twice), SEED, invocation);
  const sweep2d = buildSweepResults(await sweepFile('scenarios/baseline.yaml', [axis('policy.threshold=500,1500'), axis('fraud.share=0.05,0.2')], { ...options, replications: 1 }), SEED, invocation);
  const sensitivity = buildSensitivityResults(
    await sensitivityOfFile('scenarios/baseline.yaml', { ...twice, metric: 'marketplace.netCost', params: ['fraud.share', 'screening.detectionRate'] }),
    SEED,
    invocation,
  );
  // A few evaluations are enough to chart: the chart shows whatever miss the search ended with.
  const c = await calibrateFile('scenarios/baseline.yaml', [{ metric: 'claims.fraudulentShare', wanted: { value: 0.12, tolerance: 0 } }], ['fraud.share'], {
    ...options,
    replications: 1,
    maxEvaluations: 3,
  });
  const calibration = buildCalibrationResults(loadScenario('scenarios/baseline.yaml', { set: SMALL }), 1, c, 'calibrated.yaml', SEED, invocation);
  Object.assign(results, {
    run,
    compare: compared,
    compareMany: buildCompareResults({ runs: [base, other, noScreening], differences: [differencesAgainst(base, other), differencesAgainst(base, noScreening)] }, SEED, invocation),
    sweep: swept,
    sweep2d,
    sensitivity,
    calibrate: calibration,
    nothingPaid: runResults(before2021),
    unchanged: buildCompareResults({ runs: [base, base], differences: [differencesAgainst(base, base)] }, SEED, invocation),
  });
});

// ajv-formats is CommonJS: its plugin is the module's default export, however the loader wraps it.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
const require = createRequire(import.meta.url);
let validate: ValidateFunction;
beforeAll(() => {
  const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as Record<string, unknown>;
  // The schema is draft-07; `color-hex` is its own format (as in vega-lite's own schema tests).
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true, formats: { 'color-hex': /^#([0-9a-f]{3}|[0-9a-f]{6})$/i } }));
  validate = ajv.compile(schema);
});

const CASES = (Object.keys(EXPECTED) as Case[]).flatMap((kind) => EXPECTED[kind].map((id) => [kind, id] as const));

function chart(kind: Case, id: string): TopLevelSpec {
  const found = chartsFor(results[kind]).find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id} for ${kind}`);
  return found.spec;
}

/** Every inline dataset of a spec, wherever it sits in the layers. */
function datasets(spec: unknown): Record<string, unknown>[][] {
  const found: Record<string, unknown>[][] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const data = (node as { data?: { values?: unknown } }).data;
      if (data && Array.isArray(data.values)) found.push(data.values as Record<string, unknown>[]);
      for (const [key, value] of Object.entries(node)) if (key !== 'data') walk(value);
    }
  };
  walk(spec);
  return found;
}

/** The dataset whose rows carry all of `fields`. */
function dataWith(spec: TopLevelSpec, ...fields: string[]): Record<string, unknown>[] {
  const match = datasets(spec).filter((d) => d.length > 0 && fields.every((f) => f in d[0]!));
  expect(match.length, `one dataset with ${fields.join(', ')}`).toBe(1);
  return match[0]!;
}

/** Items drawn by data marks (not axes, legends or titles) in a rendered scenegraph. */
function dataMarkItems(node: unknown): number {
  if (!node || typeof node !== 'object') return 0;
  const n = node as { marktype?: string; role?: string; items?: unknown[] };
  let count = n.marktype && n.marktype !== 'group' && n.role === 'mark' ? (n.items?.length ?? 0) : 0;
  for (const item of n.items ?? []) count += dataMarkItems(item);
  return count;
}

function render(spec: TopLevelSpec): Promise<{ svg: string; marks: number; warnings: readonly string[] }> {
  return renderWith(spec, ({ svg, view, warnings }) => ({ svg, marks: dataMarkItems(sceneRoot(view)), warnings }));
}

describe('chartsFor', () => {
  it.each(Object.keys(EXPECTED) as Case[])('gives %s results their charts, each titled with its finding', (kind) => {
    const charts = chartsFor(results[kind]);
    expect(charts.map((c) => c.id)).toEqual(EXPECTED[kind]);
    for (const c of charts) {
      expect(c.title.length).toBeGreaterThan(10);
      expect(titleOf(c.spec)).toBe(c.title);
    }
  });

  it.each(Object.keys(EXPECTED) as Case[])('captions each of the %s charts with something its title does not say', (kind) => {
    const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
    for (const c of chartsFor(results[kind])) {
      expect(c.caption, c.id).toBeDefined();
      expect(c.caption!.length, c.id).toBeGreaterThan(40);
      expect(c.title, c.id).not.toContain(c.caption!);
      expect(c.caption, c.id).not.toContain(c.title);
      // Most of the caption's words are not the title's: it says how to read the chart, or what lies behind it.
      const title = words(c.title);
      const own = [...words(c.caption!)].filter((w) => !title.has(w));
      expect(own.length / words(c.caption!).size, c.id).toBeGreaterThan(0.5);
    }
  });
});

describe.each(CASES)('%s: %s', (kind, id) => {
  it('is valid against the Vega-Lite schema', () => {
    const spec = chart(kind, id);
    const ok = validate(spec);
    expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
  });

  it('compiles and renders to SVG without warnings, drawing data marks', async () => {
    const { svg, marks, warnings } = await render(chart(kind, id));
    expect(warnings).toEqual([]);
    expect(svg).toMatch(/^<svg/);
    expect(svg).toMatch(/role-mark/);
    expect(svg).toMatch(/<(path|rect|line)\b/);
    expect(marks).toBeGreaterThan(0);
  });

  it('is self-contained data with a fixed size, Okabe-Ito colours and a title', () => {
    const spec = chart(kind, id);
    const text = JSON.stringify(spec);
    expect(text).not.toMatch(/"url"\s*:/);
    expect(datasets(spec).length).toBeGreaterThan(0);
    expect(typeof (spec as { width?: unknown }).width).toBe('number');
    expect(typeof (spec as { height?: unknown }).height).toBe('number');
    expect(text).not.toContain('container');
    const colours = new Set((text.match(/#[0-9a-fA-F]{6}\b/g) ?? []).map((c) => c.toUpperCase()));
    const allowed = new Set([...PALETTE, MUTED_INK].map((c) => c.toUpperCase()));
    for (const c of colours) expect(allowed.has(c), c).toBe(true);
    expect(titleOf(spec)).not.toMatch(/NaN|undefined|Infinity/);
  });
});

describe('titles state numbers from the data', () => {
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

  it('cost distribution: the mean and P95 of net cost across replications', () => {
    const values = run.perReplication['marketplace.netCost'];
    const title = titleOf(costDistribution(run));
    expect(title).toContain(formatUsd(mean(values)));
    expect(title).toContain(formatUsd(quantile([...values], 0.95)));
  });

  it('claim amounts: the share under the threshold', () => {
    const share = mean(run.perReplication['claims.underThresholdShare']);
    expect(titleOf(claimAmounts(run))).toContain(`${(share * 100).toFixed(1)}% of claims are under the $1,000 threshold`);
  });

  it('who pays: the total paid to customers over all claim paths', () => {
    const paid = CLAIM_OUTCOMES.reduce((s, o) => s + run.outcomes[o].marketplaceUsd + run.outcomes[o].sellerUsd + run.outcomes[o].insurerUsd, 0);
    expect(titleOf(whoPays(run))).toContain(`Of ${formatUsd(paid)} paid to customers`);
  });

  it('monthly cash flow: the peak month of concessions', () => {
    const means = run.monthlyBands.concessionsUsd.map((b) => b.mean);
    const peak = Math.max(...means);
    expect(titleOf(monthlyCashFlow(run))).toContain(`up to ${formatUsd(peak)} in a month (month ${means.indexOf(peak) + 1})`);
  });

  it('days to payment: the median day, counted out claim by claim', () => {
    const { day, counts } = run.distributions.daysToPayment;
    const paid = day.flatMap((d, i) => new Array<number>(counts[i]!).fill(d));
    const median = paid[Math.ceil(paid.length / 2) - 1]!;
    expect(titleOf(daysToPayment(run))).toContain(`within ${median} days of filing`);
  });

  it('comparison: the paired difference in net cost, from the two runs replication by replication', () => {
    const [a, b] = compared.scenarios.map((s) => s.perReplication['marketplace.netCost']);
    const diff = mean(b!.map((x, i) => x - a![i]!));
    expect(titleOf(comparison(compared))).toContain(`by ${formatUsd(Math.abs(diff))} a year against baseline`);
  });

  it('comparison of several scenarios: the one that moves net cost most, and by how much', () => {
    const many = results.compareMany as CompareResults;
    const [a, ...others] = many.scenarios.map((s) => s.perReplication['marketplace.netCost']);
    const diffs = others.map((b) => mean(b.map((x, i) => x - a![i]!)));
    const top = diffs.reduce((best, d, i) => (Math.abs(d) > Math.abs(diffs[best]!) ? i : best), 0);
    const title = titleOf(comparison(many));
    expect(title).toContain(`Of 2 scenarios against baseline, ${many.scenarios[top + 1]!.scenario.name} moves the marketplace net cost most`);
    expect(title).toContain(formatUsd(Math.abs(diffs[top]!)));
  });

  it('sweep: the net cost at the two ends of the grid', () => {
    const first = swept.points[0]!.summary['marketplace.netCost'].mean;
    const last = swept.points[swept.points.length - 1]!.summary['marketplace.netCost'].mean;
    const title = titleOf(sweepCurves(swept));
    expect(title).toContain(formatUsd(first));
    expect(title).toContain(formatUsd(last));
    expect(title).toContain('policy.threshold');
  });

  it('sensitivity and calibration name the parameter that matters', () => {
    const s = results.sensitivity as Extract<SavedResults, { kind: 'sensitivity' }>;
    expect(chartsFor(s)[0]!.title.startsWith(`${s.rows[0]!.path} moves`)).toBe(true);
    expect(chartsFor(results.calibrate)[0]!.title).toContain('fraud.share = ');
  });
});

describe('data in the specs matches the results', () => {
  it('claim amounts: the pooled histogram holds every claim filed in every replication', () => {
    const bins = dataWith(claimAmounts(run), 'fromUsd', 'toUsd', 'count');
    const total = bins.reduce((s, b) => s + (b.count as number), 0);
    expect(total).toBe(run.perReplication['claims.filed'].reduce((s, x) => s + x, 0));
    for (const b of bins) expect(b.toUsd as number).toBeGreaterThan(b.fromUsd as number);
  });

  it('cost distribution: one count per replication, and a rug of the exact values', () => {
    const spec = costDistribution(run);
    expect(dataWith(spec, 'fromUsd', 'count').reduce((s, b) => s + (b.count as number), 0)).toBe(run.replications);
    expect(dataWith(spec, 'replication', 'usd').map((r) => r.usd)).toEqual(run.perReplication['marketplace.netCost']);
  });

  it('who pays: the segments add up to what each path paid, and paths without money are left out', () => {
    const segments = dataWith(whoPays(run), 'payer', 'usd');
    for (const o of CLAIM_OUTCOMES) {
      const out = run.outcomes[o];
      const rows = segments.filter((s) => s.path === OUTCOME_LABELS[o]);
      const paid = out.marketplaceUsd + out.sellerUsd + out.insurerUsd;
      if (paid === 0) expect(rows).toEqual([]);
      else expect(rows.reduce((s, r) => s + (r.usd as number), 0)).toBeCloseTo(paid, 6);
    }
  });

  it('monthly cash flow: each month carries its band', () => {
    const rows = dataWith(monthlyCashFlow(run), 'month', 'mean', 'p5', 'p95');
    expect(rows.length).toBe(2 * run.monthlyBands.concessionsUsd.length);
    expect(rows.filter((r) => r.series === 'Concessions paid').map((r) => r.mean)).toEqual(run.monthlyBands.concessionsUsd.map((b) => b.mean));
    expect(rows.filter((r) => r.series === 'Recovered from sellers').map((r) => r.p95)).toEqual(run.monthlyBands.recoveriesUsd.map((b) => b.p95));
  });

  it('days to payment: the cumulative share rises to one over every paid claim', () => {
    const points = dataWith(daysToPayment(run), 'day', 'share', 'count');
    expect(points.reduce((s, p) => s + (p.count as number), 0)).toBe(run.distributions.daysToPayment.counts.reduce((s, c) => s + c, 0));
    expect(points[points.length - 1]!.share).toBe(1);
    for (let i = 1; i < points.length; i++) expect(points[i]!.share as number).toBeGreaterThanOrEqual(points[i - 1]!.share as number);
  });

  it('comparison: one row per changed USD metric, with the paired interval', () => {
    const rows = dataWith(comparison(compared), 'metric', 'mean', 'ciLow', 'ciHigh');
    for (const r of rows) {
      const d = compared.differences[0]!.metrics[r.metric as 'marketplace.netCost'];
      expect([r.mean, r.ciLow, r.ciHigh, r.significant]).toEqual([d.mean, d.ciLow, d.ciHigh, d.significant]);
    }
    expect(rows.map((r) => r.metric)).toContain('marketplace.netCost');
    expect(() => comparison(compared, ['marketplace.netCost', 'customers.validPaidShare'])).toThrow(/one unit/);
  });

  it('sweep: the line and band are each point’s mean and interval; a second parameter gets a line each', () => {
    const rows = dataWith(sweepCurves(swept, 'customers.validPaidShare'), 'x', 'mean', 'ciLow');
    expect(rows.map((r) => r.x)).toEqual([500, 1000, 1500]);
    expect(rows.map((r) => r.mean)).toEqual(swept.points.map((p) => p.summary['customers.validPaidShare'].mean));
    const two = dataWith(sweepCurves(results.sweep2d as SweepResults), 'x', 'series');
    expect(new Set(two.map((r) => r.series)).size).toBe(2);
  });

  it('tornado and calibration: bars measured from the base, misses as computed', () => {
    const s = results.sensitivity as Extract<SavedResults, { kind: 'sensitivity' }>;
    const bars = dataWith(chartsFor(s)[0]!.spec, 'change', 'end');
    expect(bars.length).toBe(2 * s.rows.length);
    expect(bars[0]!.change).toBeCloseTo(s.rows[0]!.atLow - s.baseMean, 6);
    expect(bars[1]!.change).toBeCloseTo(s.rows[0]!.atHigh - s.baseMean, 6);
    const c = results.calibrate as Extract<SavedResults, { kind: 'calibrate' }>;
    const rows = dataWith(calibration(c), 'miss', 'wanted');
    expect(rows.map((r) => r.miss)).toEqual(c.calibration.achieved.map((a) => a.miss));
  });
});

describe('edge cases', () => {
  it('a sensitivity run whose parameters were all skipped still gives a valid chart that says so', async () => {
    const s = results.sensitivity as Extract<SavedResults, { kind: 'sensitivity' }>;
    const empty = { ...s, rows: [], skipped: [{ path: 'fraud.share', reason: 'refused' }] };
    const [c] = chartsFor(empty);
    expect(c!.title).toMatch(/^No parameter could be varied/);
    expect(validate(c!.spec)).toBe(true);
    expect((await render(c!.spec)).warnings).toEqual([]);
  });
});

describe('the checks themselves', () => {
  it('catch a spec with a compiler warning and one that breaks the schema', async () => {
    const spec = {
      data: { values: [{ a: 1, b: 2 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' }, shape: { field: 'a', type: 'nominal' } },
    } as TopLevelSpec;
    expect((await render(spec)).warnings.join()).toMatch(/shape/);
    expect(validate({ ...spec, mark: 'bars' })).toBe(false);
  });
});

describe('helpers', () => {
  it('bins values on round edges', () => {
    expect(niceBins([1, 2, 3, 10], 5).map((b) => b.count)).toEqual([1, 2, 0, 0, 0, 1]);
    expect(niceBins([1, 2, 3, 10], 5)[0]).toEqual({ fromUsd: 0, toUsd: 2, count: 1 });
    expect(niceBins([0, 0], 5)).toEqual([{ fromUsd: -500, toUsd: 500, count: 2 }]);
  });

  it('wraps titles at spaces', () => {
    expect(wrapText('one two three', 7)).toEqual(['one two', 'three']);
    expect(wrapText('unbreakable', 3)).toEqual(['unbreakable']);
  });
});
