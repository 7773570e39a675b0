/**
 * Chart: the fitted claim amounts' histogram, as a density on log10 amount,
 * with the density of each fit (the lognormal and the two-component
 * lognormal mixture) drawn over it on the same axis, so a hump the lognormal
 * misses shows as bars above or below its curve.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FitKind } from '../../analysis/fit/compareFits.js';
import { choiceReason, chosenName, fitLabel } from '../../analysis/fit/fitText.js';
import { lognormalMixtureLog10Density } from '../../analysis/fit/lognormalMixtureDensity.js';
import type { FitResults } from '../../results/schema/fit.js';
import { capitalise } from './labels.js';
import { OKABE_ITO } from './palette.js';
import { chartTitle, HEIGHT, LEGEND_LABEL_LIMIT, USD_FORMAT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';

export interface DensityBar {
  readonly fromUsd: number;
  readonly toUsd: number;
  readonly count: number;
  /** Share of the amounts per decade of amount: count / (n x bin width in log10 USD). */
  readonly density: number;
}

export interface DensityPoint {
  readonly usd: number;
  /** The fit's density of log10 amount there. */
  readonly density: number;
  readonly fit: string;
}

/** The data's bars, the series' name in the legend. */
const DATA_LABEL = 'Data (histogram)';
const FITS: readonly FitKind[] = ['lognormal', 'mixture'];
/** Points each curve is drawn through: a few per pixel-column band, so both humps of a mixture are smooth. */
const CURVE_POINTS = 200;

/**
 * The histogram's bins as densities on log10 amount, so that they cover an
 * area of 1, as a fitted density does.
 * @example densityBars({ log10Edges: [0, 1.5, 3], counts: [2, 2] }) // [{ fromUsd: 1, toUsd: 10 ** 1.5, count: 2, density: 1 / 3 }, { fromUsd: 10 ** 1.5, toUsd: 1000, count: 2, density: 1 / 3 }]: each half of 4 amounts over 1.5 decades
 */
export function densityBars(histogram: FitResults['histogram']): DensityBar[] {
  const n = histogram.counts.reduce((a, b) => a + b, 0);
  return histogram.counts.map((count, i) => {
    const lo = histogram.log10Edges[i]!;
    const hi = histogram.log10Edges[i + 1]!;
    return { fromUsd: 10 ** lo, toUsd: 10 ** hi, count, density: count / (n * (hi - lo)) };
  });
}

/** Each fit's density of log10 amount at `CURVE_POINTS` evenly spaced points across the histogram. */
export function densityCurves(r: FitResults): DensityPoint[] {
  const edges = r.histogram.log10Edges;
  const lo = edges[0]!;
  const hi = edges[edges.length - 1]!;
  return FITS.flatMap((kind) =>
    Array.from({ length: CURVE_POINTS }, (_, i) => {
      const t = lo + ((hi - lo) * i) / (CURVE_POINTS - 1);
      return { usd: 10 ** t, density: lognormalMixtureLog10Density(t, r.comparison[kind].components), fit: capitalise(fitLabel(kind)) };
    }),
  );
}

/** Powers of ten from `lo` to `hi` (USD), for the axis ticks; none if the range spans less than two. */
export function decadeTicks(lo: number, hi: number): number[] | undefined {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) ticks.push(10 ** e);
  return ticks.length >= 2 ? ticks : undefined;
}

/**
 * The top of the density axis: automatic, unless a curve rises past
 * `headroom` times the tallest bar and the tallest other curve (a collapsed
 * mixture's spike on a few repeated amounts), which is then cut there so the
 * data stay readable.
 * @example densityAxisTop([0.5, 0.4], [0.6, 30], 1.5) // 0.9: the spike of 30 is cut at 1.5 x 0.6
 * @example densityAxisTop([0.5, 0.4], [0.6, 0.7], 1.5) // undefined: nothing to cut
 */
export function densityAxisTop(bars: readonly number[], curvePeaks: readonly number[], headroom: number): number | undefined {
  const peaks = [...curvePeaks].sort((a, b) => b - a);
  const rest = Math.max(...bars, ...peaks.slice(1));
  return peaks[0]! > headroom * rest ? headroom * rest : undefined;
}

/** How far above the data a curve may rise before it is cut (see `densityAxisTop`). */
const HEADROOM = 1.5;

export function fitDensity(r: FitResults): TopLevelSpec {
  const bars = densityBars(r.histogram);
  const curves = densityCurves(r);
  const c = r.comparison;
  const peaks = FITS.map((k) => Math.max(...curves.filter((p) => p.fit === capitalise(fitLabel(k))).map((p) => p.density)));
  const top = densityAxisTop(
    bars.map((b) => b.density),
    peaks,
    HEADROOM,
  );
  const lo = bars[0]!.fromUsd;
  const hi = bars[bars.length - 1]!.toUsd;
  const domain = [DATA_LABEL, ...FITS.map((k) => capitalise(fitLabel(k)))];
  const ticks = decadeTicks(lo, hi);
  const x = {
    type: 'quantitative' as const,
    title: 'Claim amount (USD, log scale)',
    scale: { type: 'log' as const, domain: [lo, hi], nice: false },
    axis: { format: USD_FORMAT, grid: true, ...(ticks ? { values: ticks } : {}) },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(`${capitalise(chosenName(c.chosen))} is chosen for the ${c.n.toLocaleString('en-US')} amounts: ${choiceReason(c)}`, [
      'Bars: the amounts binned on log amount, scaled to unit area; lines: each fit\u2019s density on the same axis',
      ...(top === undefined ? [] : ['A curve rising off the top is cut flat there']),
    ]),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: bars.map((b) => ({ ...b, series: DATA_LABEL })) },
        mark: { type: 'bar', stroke: 'white', strokeWidth: 0.5, opacity: 0.8 },
        encoding: {
          x: { field: 'fromUsd', bin: 'binned', ...x },
          x2: { field: 'toUsd' },
          y: { field: 'density', type: 'quantitative', title: 'Share of amounts per decade', ...(top === undefined ? {} : { scale: { domain: [0, top] } }) },
          color: {
            field: 'series',
            type: 'nominal',
            scale: { domain, range: [OKABE_ITO.skyBlue, OKABE_ITO.vermillion, OKABE_ITO.blue] },
            legend: { title: null, orient: 'top-right', labelLimit: LEGEND_LABEL_LIMIT },
          },
          tooltip: [
            { field: 'fromUsd', type: 'quantitative', title: 'From', format: '$,.2f' },
            { field: 'toUsd', type: 'quantitative', title: 'To', format: '$,.2f' },
            { field: 'count', type: 'quantitative', title: 'Amounts', format: ',d' },
            { field: 'density', type: 'quantitative', title: 'Share per decade', format: '.3f' },
          ],
        },
      },
      {
        // Cut by capping the values drawn rather than by clipping: Vega numbers clip paths per process, and the report must rebuild byte for byte.
        data: { values: curves.map((p) => ({ ...p, shown: top === undefined ? p.density : Math.min(p.density, top) })) },
        mark: { type: 'line', strokeWidth: 2 },
        encoding: {
          x: { field: 'usd', ...x },
          y: { field: 'shown', type: 'quantitative' },
          color: { field: 'fit', type: 'nominal', scale: { domain } },
          detail: { field: 'fit', type: 'nominal' },
          tooltip: [
            { field: 'fit', type: 'nominal', title: 'Fit' },
            { field: 'usd', type: 'quantitative', title: 'Amount', format: '$,.2f' },
            { field: 'density', type: 'quantitative', title: 'Density per decade', format: '.3f' },
          ],
        },
      },
    ],
  };
}

/** How the histogram is binned and scaled, and each fit's KS distance, which the chart does not show. */
export function fitDensityCaption(r: FitResults): string {
  const c = r.comparison;
  const bins = r.histogram.counts.length;
  return (
    `${bins} equal bin${bins === 1 ? '' : 's'} on log10 amount (Freedman-Diaconis) from the smallest of the ${r.input.amounts.toLocaleString('en-US')} amounts to the largest; ` +
    "a bar's height is its share of the amounts divided by its width in decades, so the bars, like each curve, enclose an area of 1. " +
    `Largest gap between the data's cumulative share and the fit's (KS D): lognormal ${c.lognormal.ks.toFixed(4)}, mixture ${c.mixture.ks.toFixed(4)}.`
  );
}
