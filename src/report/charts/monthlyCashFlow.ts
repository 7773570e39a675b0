/**
 * Chart: the marketplace's money month by month: concessions paid out and
 * recoveries coming back, each as its mean across replications with a
 * 5th-95th percentile band. Finance plans cash with it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { DAYS_PER_MONTH } from '../../collect/aggregates.js';
import type { Band } from '../../results/results.js';
import { chartTitle, HEIGHT, LEGEND_LABEL_LIMIT, USD_FORMAT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatShare, formatUsd } from '../../format/values.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';
import type { RunLike } from './types.js';

const SERIES = [
  { key: 'concessionsUsd', label: 'Concessions paid', colour: OKABE_ITO.vermillion },
  { key: 'recoveriesUsd', label: 'Recovered from sellers', colour: OKABE_ITO.blue },
] as const;

export interface MonthPoint extends Band {
  readonly month: number;
  readonly startDay: number;
  readonly series: string;
}

/** Both series, one row per month (numbered from 1) with its mean and band. */
export function monthPoints(run: RunLike): MonthPoint[] {
  return SERIES.flatMap((s) =>
    run.monthlyBands[s.key].map((b, i) => ({ month: i + 1, startDay: Math.round(i * DAYS_PER_MONTH * 100) / 100, series: s.label, mean: b.mean, p5: b.p5, p50: b.p50, p95: b.p95 })),
  );
}

export function monthlyCashFlow(run: RunLike): TopLevelSpec {
  const points = monthPoints(run);
  const concessions = run.monthlyBands.concessionsUsd;
  const sum = (bands: readonly Band[]) => bands.reduce((s, b) => s + b.mean, 0);
  const paid = sum(concessions);
  const back = sum(run.monthlyBands.recoveriesUsd);
  let peak = 0;
  concessions.forEach((b, i) => {
    if (b.mean > concessions[peak]!.mean) peak = i;
  });
  const title =
    paid > 0
      ? `The marketplace pays out up to ${formatUsd(concessions[peak]!.mean)} in a month (month ${peak + 1}); recoveries bring back ${formatShare(back / paid, 0)} of what it pays`
      : 'The marketplace pays no concessions in this scenario';
  const months = concessions.length;
  const filingEnds = run.parameters.horizon.filingDays / DAYS_PER_MONTH + 0.5;
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    scale: { domain: SERIES.map((s) => s.label), range: SERIES.map((s) => s.colour) },
    legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2, labelLimit: LEGEND_LABEL_LIMIT },
  };
  const x = {
    field: 'month',
    type: 'quantitative' as const,
    title: 'Month from the start of the filing period',
    scale: { domain: [0.5, Math.max(months, 1) + 0.5], nice: false },
    axis: { tickMinStep: 1, format: 'd' },
  };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, [`Lines: mean of ${run.replications} replications; bands: 5th to 95th percentile of the month across replications`]),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: points.map((p) => ({ ...p })) },
        layer: [
          {
            mark: { type: 'area', opacity: 0.2 },
            encoding: { x, y: { field: 'p5', type: 'quantitative', title: 'Per month (USD)', axis: { format: USD_FORMAT } }, y2: { field: 'p95' }, color: colour },
          },
          {
            mark: { type: 'line', point: true, strokeWidth: 2 },
            encoding: {
              x,
              y: { field: 'mean', type: 'quantitative' },
              color: colour,
              tooltip: [
                { field: 'series', type: 'nominal', title: 'Series' },
                { field: 'month', type: 'quantitative', title: 'Month' },
                { field: 'startDay', type: 'quantitative', title: 'Starts on day', format: ',.0f' },
                { field: 'mean', type: 'quantitative', title: 'Mean', format: '$,.0f' },
                { field: 'p5', type: 'quantitative', title: 'P5', format: '$,.0f' },
                { field: 'p95', type: 'quantitative', title: 'P95', format: '$,.0f' },
              ],
            },
          },
        ],
      },
      {
        data: { values: [{ month: filingEnds, label: 'Filing period ends' }] },
        layer: [
          { mark: { type: 'rule', color: REFERENCE_INK, strokeDash: [4, 4] }, encoding: { x: { field: 'month', type: 'quantitative' } } },
          {
            mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, dy: 2, fontSize: 11, color: REFERENCE_INK },
            encoding: { x: { field: 'month', type: 'quantitative' }, y: { value: 0 }, text: { field: 'label', type: 'nominal' } },
          },
        ],
      },
    ],
  };
}
