/**
 * A fit's results, read back and reported: the results `fit` builds pass the
 * results reader's check after a JSON round trip and broken ones are refused
 * with their JSON path; its two charts render without a warning, drawing the
 * histogram's bars, both fits' curves and each percentile's points, and their
 * titles state numbers this test works out again from the fitted parameters
 * on its own (lognormal quantiles in closed form); its report has the fits'
 * table, both charts with captions that are not their titles, and the overlay.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { readClaimAmounts } from '../../src/analysis/fit/readAmounts.js';
import { fit } from '../../src/library/fit.js';
import { charts, renderReport } from '../../src/library/report.js';
import { chartsFor, densityBars, densityCurves, qqPoints, titleOf } from '../../src/report/charts/index.js';
import { summaryParagraphs } from '../../src/report/summary.js';
import { tablesFor } from '../../src/report/tables.js';
import { checkResults, ResultsFileError } from '../../src/results/read.js';
import type { FitResults } from '../../src/results/schema/fit.js';
import { renderWith, sceneRoot } from './charts/renderView.js';

/** A deterministic two-hump sample: 0.7 around $100, 0.3 around $10,000 (as test/cli/fit.test.ts makes it). */
function twoHumps(n: number): number[] {
  return Array.from({ length: n }, (_, i) => {
    const z = Math.sqrt(-2 * Math.log((i + 0.5) / n)) * Math.cos(i * 2.399963);
    return (i % 10 < 7 ? 100 : 10_000) * Math.exp(0.5 * z);
  });
}

const values = twoHumps(3000);
const data = { file: 'history.csv', sha256: 'ab'.repeat(32), column: 'amount', values, skipped: [] };
const { results } = fit(data, { overlayFile: 'history-fit.yaml' });
const saved = (): Record<string, unknown> => JSON.parse(JSON.stringify(results)) as Record<string, unknown>;

describe('fit results, read back', () => {
  it('pass the check after a JSON round trip, unchanged', () => {
    const back = checkResults(saved(), 'results.json');
    expect(back).toEqual(saved());
    expect(back.kind).toBe('fit');
  });

  it('hold the histogram of every amount and the percentiles 1 to 99, not the amounts', () => {
    expect(results.histogram.counts.reduce((a, b) => a + b, 0)).toBe(3000);
    expect(results.histogram.log10Edges[0]).toBe(Math.log10(Math.min(...values)));
    expect(results.histogram.log10Edges.at(-1)).toBe(Math.log10(Math.max(...values)));
    expect(results.quantiles.probabilities).toHaveLength(99);
    // The median of an even count is the mean of the middle two.
    const sorted = [...values].sort((a, b) => a - b);
    expect(results.quantiles.usd[49]).toBeCloseTo((sorted[1499]! + sorted[1500]!) / 2, 9);
    expect(JSON.stringify(results).length).toBeLessThan(20_000);
  });

  it.each([
    ['a bin count that does not add up to the amounts', (r: Record<string, any>) => (r.histogram.counts[0] += 1), /histogram\.counts.*holds 3001 amounts but input\.amounts is 3000/],
    ['edges not one more than the bins', (r: Record<string, any>) => r.histogram.log10Edges.pop(), /histogram\.log10Edges/],
    ['a quantile of 0 USD', (r: Record<string, any>) => (r.quantiles.usd[0] = 0), /quantiles\.usd\[0\]/],
    ['a probability of 1', (r: Record<string, any>) => (r.quantiles.probabilities[98] = 1), /quantiles\.probabilities\[98\]/],
    ['fits under each other\u2019s keys', (r: Record<string, any>) => ([r.comparison.lognormal, r.comparison.mixture] = [r.comparison.mixture, r.comparison.lognormal]), /comparison\.lognormal\.kind/],
    ['no histogram', (r: Record<string, any>) => delete r.histogram, /histogram/],
  ])('refuse %s, naming where', (_, spoil, pattern) => {
    const r = saved();
    spoil(r as Record<string, any>);
    expect(() => checkResults(r, 'results.json')).toThrow(ResultsFileError);
    expect(() => checkResults(r, 'results.json')).toThrow(pattern);
  });
});

/** Items drawn by data marks (not axes, legends or titles). */
function dataMarkItems(node: unknown): Record<string, number> {
  const counts: Record<string, number> = {};
  const walk = (n: unknown) => {
    if (!n || typeof n !== 'object') return;
    const m = n as { marktype?: string; role?: string; items?: unknown[] };
    if (m.marktype && m.marktype !== 'group' && m.role === 'mark') counts[m.marktype] = (counts[m.marktype] ?? 0) + (m.items?.length ?? 0);
    for (const item of m.items ?? []) walk(item);
  };
  walk(node);
  return counts;
}

const render = (spec: TopLevelSpec) => renderWith(spec, ({ warnings, view }) => ({ warnings, marks: dataMarkItems(sceneRoot(view)) }));

describe('the charts of a fit', () => {
  const entries = chartsFor(results);

  it('are the density and the QQ plot, with captions that say what the titles do not', () => {
    expect(entries.map((c) => c.id)).toEqual(['fit-density', 'fit-qq']);
    expect(charts(results)).toEqual(entries);
    for (const c of entries) {
      expect(c.caption!.length).toBeGreaterThan(80);
      expect(c.caption).not.toContain(c.title);
      expect(c.section).toBe('Fit against the data');
    }
  });

  it('render without a warning: a bar per bin, both curves, a point per percentile and fit, the y = x line from end to end', async () => {
    const density = await render(entries[0]!.spec);
    expect(density.warnings).toEqual([]);
    expect(density.marks.rect).toBe(results.histogram.counts.length);
    // A line's items are its vertices: both curves, every step.
    expect(density.marks.line).toBe(densityCurves(results).length);
    expect(new Set(densityCurves(results).map((p) => p.fit))).toEqual(new Set(['Lognormal', '2-lognormal mixture']));
    const qq = await render(entries[1]!.spec);
    expect(qq.warnings).toEqual([]);
    expect(qq.marks.symbol).toBe(2 * 99);
    expect(qq.marks.line).toBe(2);
  });

  it('draw bars that enclose an area of 1 over log10 amount', () => {
    const area = densityBars(results.histogram).reduce((a, b) => a + b.density * (Math.log10(b.toUsd) - Math.log10(b.fromUsd)), 0);
    expect(area).toBeCloseTo(1, 12);
  });

  it("set the lognormal's quantiles at its closed form, and title the QQ plot with the worst factor worked out here", () => {
    const [ln] = results.comparison.lognormal.components;
    const closed = results.quantiles.probabilities.map((p) => Math.exp(ln!.mu + ln!.sigma * normalQuantile(p, 0, 1)));
    const drawn = qqPoints(results).filter((p) => p.fit === 'Lognormal');
    expect(drawn).toHaveLength(99);
    for (const [i, p] of drawn.entries()) expect(p.fitUsd / closed[i]!).toBeCloseTo(1, 9);
    const worst = Math.max(...results.quantiles.usd.map((d, i) => Math.max(d / closed[i]!, closed[i]! / d)));
    const shown = worst < 2 ? worst.toFixed(2) : worst.toFixed(1);
    expect(titleOf(entries[1]!.spec)).toMatch(new RegExp(`^From the 1st to the 99th percentile, .* from the lognormal's by up to ${shown.replace('.', '\\.')}$`));
  });

  it('title the density chart with the choice and both AICs', () => {
    const c = results.comparison;
    expect(c.chosen).toBe('mixture');
    expect(titleOf(entries[0]!.spec)).toBe(`The two-component lognormal mixture is chosen for the 3,000 amounts: AIC ${c.mixture.aic.toFixed(1)} vs ${c.lognormal.aic.toFixed(1)}`);
  });
});

describe('the report of a fit', () => {
  it('has the fits table, both charts, the overlay and no scenario parameters', async () => {
    const html = await renderReport(results);
    expect(html).toContain('<title>claimsim fit: claim amounts of history.csv</title>');
    for (const f of [results.comparison.lognormal, results.comparison.mixture]) {
      expect(html).toContain(`<td class="num">${f.aic.toFixed(1)}</td>`);
      expect(html).toContain(`<td class="num">${f.ks.toFixed(4)}</td>`);
    }
    expect(html).toContain('id="chart-fit-density"');
    expect(html).toContain('id="chart-fit-qq"');
    expect(html).toContain('<h2>Overlay written</h2>');
    expect(html).toContain('<code>history-fit.yaml</code> extends <code>baseline</code> and sets claimAmount.mixture to the mixture');
    expect(html).not.toContain('id="parameters"');
  });

  it('offers the fits as a CSV with each component in its own columns', () => {
    const [headline] = tablesFor(results);
    expect(headline!.csv.header).toEqual(['fit', 'weight1', 'medianUsd1', 'sigma1', 'weight2', 'medianUsd2', 'sigma2', 'k', 'logLikelihoodUsd', 'aic', 'ksD', 'converged', 'collapsed', 'chosen']);
    const [ln, mix] = headline!.csv.rows;
    const c = results.comparison;
    expect(ln).toEqual([
      'lognormal',
      1,
      Math.exp(c.lognormal.components[0]!.mu),
      c.lognormal.components[0]!.sigma,
      null,
      null,
      null,
      2,
      c.lognormal.logLikelihood,
      c.lognormal.aic,
      c.lognormal.ks,
      true,
      false,
      false,
    ]);
    expect(mix![0]).toBe('mixture');
    expect(mix!.at(-1)).toBe(true);
  });

  it('says which fit the 1% KS critical value 1.63/\u221an refutes', async () => {
    // 3,000 amounts: 1.63 / sqrt(3000) = 0.02976.
    const html = await renderReport(results);
    expect(html).toContain('the 1% critical value is 1.63/\u221an = 0.0298');
    expect(results.comparison.lognormal.ks).toBeGreaterThan(0.0298);
    expect(results.comparison.mixture.ks).toBeLessThan(0.0298);
    expect(html).toContain('the lognormal&#39;s gap is past it');
  });
});

describe('fit results of a real file', () => {
  it('are read back too (fewest amounts a fit takes, another column)', () => {
    const small: FitResults = fit(readClaimAmounts('test/fixtures/fit/claims.csv', { column: 'paid_usd' })).results;
    expect(checkResults(JSON.parse(JSON.stringify(small)), 'results.json')).toEqual(JSON.parse(JSON.stringify(small)));
  });
});

describe('the density chart of a spiky mixture', () => {
  // 60 spread amounts and 40 at exactly $50: one component settles on the repeated amount at its smallest sigma.
  const spread = Array.from({ length: 60 }, (_, i) => 200 * Math.exp(Math.sqrt(-2 * Math.log((i + 0.5) / 60)) * Math.cos(i * 2.399963)));
  const spiky = fit({ file: 'repeats.csv', sha256: 'cd'.repeat(32), column: 'amount', values: [...spread, ...Array.from({ length: 40 }, () => 50)], skipped: [] }).results;

  it('cuts the spike at 1.5 times the tallest bar or other curve, so the bars stay readable, and renders without a warning', async () => {
    const [density] = chartsFor(spiky);
    const tallestBar = Math.max(...densityBars(spiky.histogram).map((b) => b.density));
    const lognormalPeak = Math.max(
      ...densityCurves(spiky)
        .filter((p) => p.fit === 'Lognormal')
        .map((p) => p.density),
    );
    const mixturePeak = Math.max(
      ...densityCurves(spiky)
        .filter((p) => p.fit !== 'Lognormal')
        .map((p) => p.density),
    );
    expect(mixturePeak).toBeGreaterThan(1.5 * Math.max(tallestBar, lognormalPeak));
    expect(JSON.stringify(density!.spec)).toContain(`"domain":[0,${1.5 * Math.max(tallestBar, lognormalPeak)}]`);
    expect((await render(density!.spec)).warnings).toEqual([]);
    // Cut by capping what is drawn, not by a clip path, whose id Vega counts per process: the report rebuilds byte for byte.
    expect(await renderReport(spiky)).toBe(await renderReport(spiky));
  });

  it('is left alone when no curve towers over the data', () => {
    expect(JSON.stringify(chartsFor(results)[0]!.spec)).not.toContain('"domain":[0,');
  });
});

describe('the summary of a mixture that collapsed', () => {
  it('says so, and that the lognormal was chosen', () => {
    // Nine amounts around $100 and one at $100M: the far component holds one amount (test/analysis/fit/compareFits.test.ts).
    const collapsed = fit({ file: 'far.csv', sha256: 'ef'.repeat(32), column: 'amount', values: [100, 120, 90, 110, 105, 95, 130, 80, 115, 1e8], skipped: [] }).results;
    expect(collapsed.comparison.mixture.collapsed).toBe(true);
    const text = summaryParagraphs(collapsed).join(' ');
    expect(text).toContain('Chosen: the lognormal (the mixture collapsed onto a few amounts)');
    expect(text).toContain('The mixture collapsed');
  });
});
