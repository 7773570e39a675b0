/**
 * The report's first screen with too few replications for an interval, and
 * with an interval that reaches below zero for a figure that cannot: the
 * headline table says "n/a" or clips at zero and says so, the summary says
 * why in words. The intervals here are worked by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { differencesAgainst } from '../../src/analysis/compare.js';
import { formatUsd } from '../../src/format/values.js';
import { METRIC_NAMES } from '../../src/collect/metrics.js';
import { headlineRows, summaryParagraphs } from '../../src/report/summary.js';
import { buildCompareResults } from '../../src/analysis/results.js';
import { buildRunResults, scenarioRecord, type RunResults } from '../../src/results/results.js';
import { summarise } from '../../src/stats/summary.js';
import { runFile } from '../support/analysisFiles.js';

const SMALL = ['volume.claims=1000', 'world.teams=2'];
const invocation = { command: [], startedAt: '', wallSeconds: 1, workers: 1 };

async function runWith(replications: number) {
  const run = await runFile('scenarios/baseline.yaml', { seed: 3, replications, workers: 1, set: SMALL });
  const results = buildRunResults(run.output, { scenario: scenarioRecord(run.scenario), parameters: run.scenario.parameters, parameterMeta: run.scenario.meta, seed: 3, invocation });
  return { run, results };
}

let three: Awaited<ReturnType<typeof runWith>>;
let five: Awaited<ReturnType<typeof runWith>>;
beforeAll(async () => {
  three = await runWith(3);
  five = await runWith(5);
});

const netCostRow = (rows: string[][]) => rows.find((r) => r[0] === 'Concessions plus screening cost, less recoveries')!;

describe('the headline table and summary of a run', () => {
  it('with 3 replications: no interval, and the summary says why', () => {
    expect(netCostRow(headlineRows(three.results))[2]).toBe('n/a (fewer than 5 replications)');
    const words = summaryParagraphs(three.results).join('\n');
    expect(words).toContain('With 3 replications per run, no confidence intervals are given');
    expect(words).not.toContain('95% interval');
  });

  it('with 5 replications: the interval of the mean, from results.json', () => {
    const s = five.results.summary['marketplace.netCost'];
    expect(s.ciLow!).toBeGreaterThan(0);
    expect(netCostRow(headlineRows(five.results))[2]).toBe(`${formatUsd(s.ciLow!)} to ${formatUsd(s.ciHigh!)}`);
    expect(summaryParagraphs(five.results).join('\n')).not.toContain('no confidence intervals');
  });

  it('an interval reaching below zero is clipped at zero and marked, in the table and the summary', () => {
    // Five replications of net cost 0, 0, 0, 0 and 5,000: mean 1,000, sd sqrt((4 * 1000^2 + 4000^2) / 4) = 2,236.07,
    // half-width t(0.975, 4) * 2,236.07 / sqrt(5) = 2.7764 * 1,000 = 2,776.4: from -1,776 to 3,776.
    const skewed = summarise([0, 0, 0, 0, 5000], { cost: true });
    expect(skewed.ciLow!).toBeCloseTo(-1776.4, 0);
    expect(skewed.ciHigh!).toBeCloseTo(3776.4, 0);
    const results: RunResults = { ...five.results, summary: { ...five.results.summary, 'marketplace.netCost': skewed } };
    expect(netCostRow(headlineRows(results))[2]).toBe('$0 (clipped) to $3,776');
    expect(summaryParagraphs(results)[0]).toContain('(95% interval $0 (clipped at zero) to $3,776)');
  });
});

describe('the headline table and summary of a comparison', () => {
  it('with 3 replications gives no interval and no verdict on the noise', () => {
    const c = buildCompareResults({ runs: [three.run, three.run], differences: [differencesAgainst(three.run, three.run)] }, 3, invocation);
    const rows = headlineRows(c);
    for (const row of rows) expect(row.slice(2)).toEqual(['n/a (fewer than 5 replications)', 'too few replications']);
    const words = summaryParagraphs(c).join('\n');
    expect(words).toContain('too few replications to tell from the noise');
    expect(words).toContain('With 3 replications per run, no confidence intervals are given');
  });

  it('with 5 replications: a scenario against itself differs by exactly zero, within the noise', () => {
    const c = buildCompareResults({ runs: [five.run, five.run], differences: [differencesAgainst(five.run, five.run)] }, 3, invocation);
    const row = headlineRows(c)[0]!;
    // Differences are signed and never clipped; an exact zero has a zero-width interval.
    expect(row.slice(1)).toEqual(['$0', '$0 to $0', 'within the noise']);
  });
});

describe('metrics cannot be negative', () => {
  it('every metric of a run is at least zero in every replication (the reason tables clip intervals at zero)', () => {
    // If a metric that can be negative is ever added, this fails: exempt it from clipping (shownInterval's nonNegative).
    for (const m of METRIC_NAMES) for (const v of five.results.perReplication[m]) expect(v, m).toBeGreaterThanOrEqual(0);
  });
});
