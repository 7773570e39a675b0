/**
 * Chart: a QQ plot of the fitted claim amounts, the data's quantiles against
 * each fit's quantiles at the same probabilities, on log axes with the line
 * y = x: a fit that describes the data keeps its points on the line, and a
 * tail it gets wrong bends away from it at that end.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { FitKind } from '../../analysis/fit/compareFits.js';
import { fitLabel } from '../../analysis/fit/fitText.js';
import { lognormalMixtureQuantile } from '../../analysis/fit/lognormalMixtureDensity.js';
import type { FitResults } from '../../results/schema/fit.js';
import { decadeTicks } from './fitDensity.js';
import { capitalise } from './labels.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';
import { chartTitle, HEIGHT, LEGEND_LABEL_LIMIT, USD_FORMAT, VEGA_LITE_SCHEMA } from './spec.js';

export interface QqPoint {
  readonly probability: number;
  readonly dataUsd: number;
  readonly fitUsd: number;
  readonly fit: string;
}

const FITS: readonly FitKind[] = ['lognormal', 'mixture'];
/** Square, so that y = x runs at 45 degrees; as tall as the other charts plus their legend's room. */
const SIDE = HEIGHT + 100;

/** Every stored probability, with the data's quantile there and each fit's. */
export function qqPoints(r: FitResults): QqPoint[] {
  const { probabilities, usd } = r.quantiles;
  return FITS.flatMap((kind) =>
    probabilities.map((p, i) => ({ probability: p, dataUsd: usd[i]!, fitUsd: lognormalMixtureQuantile(p, r.comparison[kind].components), fit: capitalise(fitLabel(kind)) })),
  );
}

/**
 * The largest factor by which a fit's quantile and the data's differ, over
 * the points of one fit: max of max(a/b, b/a).
 * @example worstFactor([{ probability: 0.5, dataUsd: 100, fitUsd: 125, fit: 'x' }, { probability: 0.9, dataUsd: 400, fitUsd: 200, fit: 'x' }]) // 2: the 90th percentile is half the data's
 */
export function worstFactor(points: readonly QqPoint[]): number {
  return points.reduce((worst, p) => Math.max(worst, p.dataUsd / p.fitUsd, p.fitUsd / p.dataUsd), 1);
}

/**
 * A factor to the digits that tell: two decimals below 2 (1.04 is 4%), one above.
 * @example factorText(1.0432) // '1.04'
 * @example factorText(13.34) // '13.3'
 */
export function factorText(f: number): string {
  return f < 2 ? f.toFixed(2) : f.toFixed(1);
}

/**
 * A probability as a percentile's name.
 * @example percentileName(0.01) // '1st'
 * @example percentileName(0.995) // '99.5th'
 */
export function percentileName(p: number): string {
  const n = Number((p * 100).toPrecision(6));
  const suffix = Number.isInteger(n) && ![11, 12, 13].includes(n % 100) ? (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th') : 'th';
  return `${n}${suffix}`;
}

export function fitQq(r: FitResults): TopLevelSpec {
  const points = qqPoints(r);
  const factor = (kind: FitKind) => worstFactor(points.filter((p) => p.fit === capitalise(fitLabel(kind))));
  const { probabilities } = r.quantiles;
  const span = `from the ${percentileName(probabilities[0]!)} to the ${percentileName(probabilities[probabilities.length - 1]!)} percentile`;
  const all = points.flatMap((p) => [p.dataUsd, p.fitUsd]);
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const ticks = decadeTicks(lo, hi);
  const axis = (title: string) => ({
    type: 'quantitative' as const,
    title,
    scale: { type: 'log' as const, domain: [lo, hi], nice: false },
    axis: { format: USD_FORMAT, grid: true, ...(ticks ? { values: ticks } : {}) },
  });
  const domain = FITS.map((k) => capitalise(fitLabel(k)));
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(
      `${capitalise(span)}, the data's quantiles differ from the mixture's by a factor of at most ${factorText(factor('mixture'))}, from the lognormal's by up to ${factorText(factor('lognormal'))}`,
      ['Each point is one percentile: the fit\u2019s amount across, the data\u2019s up; on the dashed line they agree'],
    ),
    width: SIDE,
    height: SIDE,
    layer: [
      {
        data: { values: [{ usd: lo }, { usd: hi }] },
        mark: { type: 'line', color: REFERENCE_INK, strokeWidth: 1, strokeDash: [6, 4] },
        encoding: { x: { field: 'usd', ...axis('Fitted quantile (USD, log scale)') }, y: { field: 'usd', ...axis('Data quantile (USD, log scale)') } },
      },
      {
        data: { values: points.map((p) => ({ ...p })) },
        mark: { type: 'point', filled: true, size: 24, opacity: 0.8 },
        encoding: {
          x: { field: 'fitUsd', ...axis('Fitted quantile (USD, log scale)') },
          y: { field: 'dataUsd', ...axis('Data quantile (USD, log scale)') },
          color: { field: 'fit', type: 'nominal', scale: { domain, range: [OKABE_ITO.vermillion, OKABE_ITO.blue] }, legend: { title: null, orient: 'top-left', labelLimit: LEGEND_LABEL_LIMIT } },
          shape: { field: 'fit', type: 'nominal', scale: { domain, range: ['circle', 'square'] } },
          tooltip: [
            { field: 'fit', type: 'nominal', title: 'Fit' },
            { field: 'probability', type: 'quantitative', title: 'Probability', format: '.2f' },
            { field: 'dataUsd', type: 'quantitative', title: 'Data', format: '$,.2f' },
            { field: 'fitUsd', type: 'quantitative', title: 'Fitted', format: '$,.2f' },
          ],
        },
      },
    ],
  };
}

/** How to read the QQ plot and where its points come from. */
export function fitQqCaption(r: FitResults): string {
  const { probabilities } = r.quantiles;
  return (
    `The data's quantiles are the ${probabilities.length} percentiles from the ${percentileName(probabilities[0]!)} to the ${percentileName(probabilities[probabilities.length - 1]!)} of the ${r.input.amounts.toLocaleString('en-US')} amounts, interpolated between order statistics as the simulator resamples them; ` +
    "each fit's are computed from its fitted parameters. A point above the line is a percentile where the data's amount is larger than the fit's; a tail the fit gets wrong bends away from the line at its end."
  );
}
