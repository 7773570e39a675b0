/**
 * Chart: how fast customers with valid claims are paid, as an empirical
 * cumulative distribution: the share of valid paid claims paid within x
 * days of filing, with the median marked.
 */
import type { TopLevelSpec } from 'vega-lite';
import { chartTitle, HEIGHT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';
import type { RunLike } from './types.js';

export interface EcdfPoint {
  readonly day: number;
  /** Claims paid on that day (whole days after filing), all replications pooled. */
  readonly count: number;
  /** Share of valid paid claims paid within `day` days. */
  readonly share: number;
}

/** The cumulative share at each day with payments, starting from (0, 0); the last bin holds every later payment. */
export function paymentEcdf(run: RunLike): EcdfPoint[] {
  const { day, counts } = run.distributions.daysToPayment;
  const total = counts.reduce((s, c) => s + c, 0);
  if (total === 0) return [];
  const points: EcdfPoint[] = [];
  let cumulative = 0;
  counts.forEach((count, i) => {
    if (count <= 0) return;
    cumulative += count;
    points.push({ day: day[i]!, count, share: cumulative / total });
  });
  if (points[0]!.day > 0) points.unshift({ day: 0, count: 0, share: 0 });
  return points;
}

/** The first day by which at least `q` of valid paid claims were paid. */
export function dayOfShare(points: readonly EcdfPoint[], q: number): number | null {
  return points.find((p) => p.share >= q - 1e-12)?.day ?? null;
}

const TICKS = [0, 1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60, 90, 180, 365];

export function daysToPayment(run: RunLike): TopLevelSpec {
  const points = paymentEcdf(run);
  const median = dayOfShare(points, 0.5);
  const p90 = dayOfShare(points, 0.9);
  const lastBin = run.distributions.daysToPayment.day.length - 1;
  const maxDay = Math.max(points[points.length - 1]?.day ?? 1, 1);
  const days = (d: number) => `${d} ${d === 1 ? 'day' : 'days'}`;
  const title = median === null || p90 === null ? 'No valid claim was paid in this scenario' : `Half of valid paid claims are paid within ${days(median)} of filing; 90% within ${days(p90)}`;
  const total = points.reduce((s, p) => s + p.count, 0);
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, [
      `Cumulative share of the ${total.toLocaleString('en-US')} valid claims paid (all ${run.replications} replications), by whole days from filing to payment`,
      `Axis stretched near zero (symmetric log); the last step, at day ${lastBin}, holds every later payment`,
    ]),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      {
        data: { values: points.map((p) => ({ ...p, dayLabel: p.day === lastBin ? `${p.day} or more` : String(p.day) })) },
        mark: { type: 'line', interpolate: 'step-after', color: OKABE_ITO.blue, strokeWidth: 2, point: { filled: true, size: 14, color: OKABE_ITO.blue } },
        encoding: {
          x: {
            field: 'day',
            type: 'quantitative',
            title: 'Days from filing to payment (symmetric log scale)',
            scale: { type: 'symlog', domain: [0, maxDay], nice: false },
            axis: { values: TICKS.filter((t) => t <= maxDay), format: 'd' },
          },
          y: { field: 'share', type: 'quantitative', title: 'Paid within x days', scale: { domain: [0, 1] }, axis: { format: '.0%' } },
          tooltip: [
            { field: 'dayLabel', type: 'nominal', title: 'Days' },
            { field: 'count', type: 'quantitative', title: 'Paid that day (pooled)', format: ',d' },
            { field: 'share', type: 'quantitative', title: 'Paid by then', format: '.1%' },
          ],
        },
      },
      ...(median === null
        ? []
        : [
            {
              data: { values: [{ day: median, bottom: 0, share: 0.5, label: `Median: ${days(median)}` }] },
              layer: [
                {
                  mark: { type: 'rule' as const, color: REFERENCE_INK, strokeDash: [6, 4] },
                  encoding: { x: { field: 'day', type: 'quantitative' as const }, y: { field: 'bottom', type: 'quantitative' as const }, y2: { field: 'share' } },
                },
                {
                  mark: { type: 'point' as const, filled: true, size: 50, color: OKABE_ITO.vermillion },
                  encoding: { x: { field: 'day', type: 'quantitative' as const }, y: { field: 'share', type: 'quantitative' as const } },
                },
                {
                  mark: { type: 'text' as const, align: 'left' as const, dx: 8, dy: 8, baseline: 'top' as const, fontSize: 11, color: REFERENCE_INK },
                  encoding: { x: { field: 'day', type: 'quantitative' as const }, y: { field: 'share', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
                },
              ],
            },
          ]),
    ],
  };
}
