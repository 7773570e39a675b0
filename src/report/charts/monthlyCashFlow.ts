/**
 * Chart: the marketplace's money month by month: concessions paid out and
 * recoveries coming back, each as its mean across replications with a
 * 5th-95th percentile band. Finance plans cash with it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Band } from '../../results/results.js';
import { chartTitle, HEIGHT, LEGEND_LABEL_LIMIT, USD_FORMAT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatShare, formatUsd } from '../../format/values.js';
import { filingEndsLayer, monthAxis, monthBandTooltip, monthStartDay } from './months.js';
import { OKABE_ITO } from './palette.js';
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
  return SERIES.flatMap((s) => run.monthlyBands[s.key].map((b, i) => ({ month: i + 1, startDay: monthStartDay(i), series: s.label, mean: b.mean, p5: b.p5, p50: b.p50, p95: b.p95 })));
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
  const colour = {
    field: 'series',
    type: 'nominal' as const,
    scale: { domain: SERIES.map((s) => s.label), range: SERIES.map((s) => s.colour) },
    legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2, labelLimit: LEGEND_LABEL_LIMIT },
  };
  const x = monthAxis(months);
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
              tooltip: monthBandTooltip('series', 'Series'),
            },
          },
        ],
      },
      filingEndsLayer(run.parameters.horizon.filingDays),
    ],
  };
}
