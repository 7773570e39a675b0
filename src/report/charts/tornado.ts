/**
 * Chart: a tornado of one-at-a-time sensitivity. For each parameter (ranked
 * as the analysis ranked them, largest swing first), a bar from the base
 * value of the metric to its value with the parameter at its low end and
 * another to its value at the high end, with the base at zero.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResults } from '../../results/schema/analyses.js';
import { axisFormat, chartTitle, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatChange, formatParameter, formatValue } from '../../format/values.js';
import { metricLabel, metricPhrase, metricUnit } from './labels.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';

export interface TornadoBar {
  readonly path: string;
  /** The parameter's rank (0 for the largest swing): the rows are sorted by it, not by a list of paths, which Vega-Lite would write into an expression. */
  readonly rank: number;
  readonly description: string;
  readonly end: 'Parameter at low' | 'Parameter at high';
  /** The parameter's value at that end, as written in a scenario. */
  readonly setting: string;
  /** The metric with the parameter at that end, and its change from the base. */
  readonly value: number;
  readonly change: number;
  readonly zero: 0;
  readonly label: string;
}

export function tornadoBars(results: SensitivityResults): TornadoBar[] {
  const unit = metricUnit(results.metric);
  return results.rows.flatMap((r, rank) =>
    (['low', 'high'] as const).map((end) => {
      const value = end === 'low' ? r.atLow : r.atHigh;
      const setting = formatParameter(end === 'low' ? r.low : r.high, r.unit);
      const change = value - results.baseMean;
      return {
        path: r.path,
        rank,
        description: r.description,
        end: end === 'low' ? ('Parameter at low' as const) : ('Parameter at high' as const),
        setting,
        value,
        change,
        zero: 0 as const,
        label: `${end} ${setting}: ${formatChange(change, unit)}`,
      };
    }),
  );
}

export function tornado(results: SensitivityResults): TopLevelSpec {
  const unit = metricUnit(results.metric);
  const bars = tornadoBars(results);
  const phrase = metricPhrase(results.metric);
  const top = results.rows[0];
  const title = top
    ? `${top.path} moves ${phrase} most: ${formatValue(top.atLow, unit)} at ${formatParameter(top.low, top.unit)}, ${formatValue(top.atHigh, unit)} at ${formatParameter(top.high, top.unit)} (base ${formatValue(results.baseMean, unit)})`
    : `No parameter could be varied for ${phrase}`;
  const ends = ['Parameter at low', 'Parameter at high'];
  const y = { field: 'path', type: 'nominal' as const, sort: { field: 'rank', op: 'min' as const }, title: null, axis: { labelLimit: 220 } };
  const yOffset = { field: 'end', type: 'nominal' as const, sort: ends };
  const extent = Math.max(1e-9, ...bars.map((b) => Math.abs(b.change)));
  const label = (positive: boolean) => ({
    transform: [{ filter: positive ? 'datum.change >= 0' : 'datum.change < 0' }],
    mark: { type: 'text' as const, align: positive ? ('left' as const) : ('right' as const), dx: positive ? 4 : -4, fontSize: 10, color: REFERENCE_INK },
    encoding: { y, yOffset, x: { field: 'change', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
  });
  const skipped = results.skipped.length ? [`Not varied: ${results.skipped.map((s) => s.path).join(', ')}`] : [];
  const cautions = results.warnings.length ? [`Base outside its declared range: ${results.warnings.map((w) => w.path).join(', ')}`] : [];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, [
      `Each parameter set to the low and then the high end of its range, everything else at the base; ${results.replications} replications each on common random numbers`,
      ...skipped,
      ...cautions,
    ]),
    width: WIDTH - 120,
    height: Math.max(60, 40 * results.rows.length),
    layer: [
      {
        data: { values: bars.map((b) => ({ ...b })) },
        layer: [
          {
            mark: { type: 'bar' },
            encoding: {
              y,
              yOffset,
              x: {
                field: 'zero',
                type: 'quantitative',
                title: `Change in ${metricLabel(results.metric).toLowerCase()} from the base of ${formatValue(results.baseMean, unit)} (${unit})`,
                // Room either side for the labels at the bar ends.
                scale: { domain: [-extent * 1.6, extent * 1.6] },
                axis: { format: axisFormat(unit) },
              },
              x2: { field: 'change' },
              color: {
                field: 'end',
                type: 'nominal',
                sort: ends,
                scale: { domain: ends, range: [OKABE_ITO.skyBlue, OKABE_ITO.vermillion] },
                legend: { title: null, orient: 'bottom', direction: 'horizontal' },
              },
              tooltip: [
                { field: 'path', type: 'nominal', title: 'Parameter' },
                { field: 'description', type: 'nominal', title: 'Meaning' },
                { field: 'setting', type: 'nominal', title: 'Set to' },
                { field: 'value', type: 'quantitative', title: metricLabel(results.metric), format: unit === 'USD' ? '$,.0f' : axisFormat(unit) },
                { field: 'change', type: 'quantitative', title: 'Change from base', format: unit === 'USD' ? '$,.0f' : axisFormat(unit) },
              ],
            },
          },
          // Labels beyond the bar ends; a layer only for a side in use (an empty one has no extent).
          ...[true, false].filter((positive) => bars.some((b) => b.change >= 0 === positive)).map(label),
        ],
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: REFERENCE_INK, strokeWidth: 1.5 },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  };
}
