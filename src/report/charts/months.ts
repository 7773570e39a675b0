/**
 * Pieces the charts by month of the horizon share (the monthly cash flow and
 * the cash flow by payer): the month axis, the tooltip of a month's band and
 * the marked end of the filing period.
 *
 * Phase: chart.
 */
import { DAYS_PER_MONTH } from '../../collect/aggregates.js';
import { REFERENCE_INK } from './palette.js';

/** The first day of month `index` (from 0), to two decimals, for tooltips. */
export function monthStartDay(index: number): number {
  return Math.round(index * DAYS_PER_MONTH * 100) / 100;
}

/** The x encoding: whole months numbered from 1, each centred on its tick. */
export function monthAxis(months: number) {
  return {
    field: 'month',
    type: 'quantitative' as const,
    title: 'Month from the start of the filing period',
    scale: { domain: [0.5, Math.max(months, 1) + 0.5], nice: false },
    axis: { tickMinStep: 1, format: 'd' },
  };
}

/** A month's point: its series (under `field`, titled `title`), the month and its first day, the mean and the band. */
export function monthBandTooltip(field: string, title: string) {
  return [
    { field, type: 'nominal' as const, title },
    { field: 'month', type: 'quantitative' as const, title: 'Month' },
    { field: 'startDay', type: 'quantitative' as const, title: 'Starts on day', format: ',.0f' },
    { field: 'mean', type: 'quantitative' as const, title: 'Mean', format: '$,.0f' },
    { field: 'p5', type: 'quantitative' as const, title: 'P5', format: '$,.0f' },
    { field: 'p95', type: 'quantitative' as const, title: 'P95', format: '$,.0f' },
  ];
}

/** A dashed rule, labelled, after the last month of filing: what comes later is the run-off of claims already filed. */
export function filingEndsLayer(filingDays: number) {
  return {
    data: { values: [{ month: filingDays / DAYS_PER_MONTH + 0.5, label: 'Filing period ends' }] },
    layer: [
      { mark: { type: 'rule' as const, color: REFERENCE_INK, strokeDash: [4, 4] }, encoding: { x: { field: 'month', type: 'quantitative' as const } } },
      {
        mark: { type: 'text' as const, align: 'right' as const, baseline: 'top' as const, dx: -4, dy: 2, fontSize: 11, color: REFERENCE_INK },
        encoding: { x: { field: 'month', type: 'quantitative' as const }, y: { value: 0 }, text: { field: 'label', type: 'nominal' as const } },
      },
    ],
  };
}
