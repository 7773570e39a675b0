/**
 * Chart: a tornado of one-at-a-time sensitivity. For each parameter (ranked
 * as the analysis ranked them, largest swing first), a bar from the base
 * value of the metric to its value with the parameter at its low end and
 * another to its value at the high end, with the base at zero, each bar
 * labelled with its change. Parameters whose swing is under 1/ZOOM_RATIO of
 * the largest are drawn in a second panel on an axis of their own, so that a
 * world where one parameter dominates does not leave the rest as slivers.
 *
 * Phase: chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResults } from '../../results/schema/analyses.js';
import { axisFormat, chartTitle, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatChange, formatParameter, formatValue } from '../../format/values.js';
import { metricLabel, metricPhrase, metricUnit } from './labels.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';
import { formatRate } from '../analysisTables.js';

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

/**
 * A bar's change as its label: money to three significant figures however
 * small (a per-claim change of 40 cents must not read "+$0"), other units as
 * everywhere else.
 * @example changeText(0.4037, 'USD') // "+$0.404"
 * @example changeText(-12_345, 'USD') // "-$12.3k"
 */
export function changeText(change: number, unit: string): string {
  if (unit !== 'USD') return formatChange(change, unit);
  return `${change > 0 ? '+' : ''}${formatRate(change)}`;
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
        label: `${end} ${setting}: ${changeText(change, unit)}`,
      };
    }),
  );
}

/**
 * How many times the smallest swing in a panel may go into the largest before
 * the small bars get a panel of their own. On one linear axis a bar under a
 * twentieth of the longest is under 5% of the plot's width (about 15 px of
 * 300): it reads as a sliver and its length cannot be compared with its
 * neighbours'. A log or symlog axis would show them, but a tornado is read by
 * bar length from the base, which a log axis distorts (and a symlog one bends
 * at an arbitrary constant); two linear panels, each with its own axis and
 * every bar labelled with its change, keep every length honest within its
 * panel. A display choice, not a policy number.
 */
export const ZOOM_RATIO = 20;

/** Which rows (by rank) go in the second panel: those whose swing is under the largest's 1/ZOOM_RATIO; none when no swing is that small. */
export function zoomedRanks(results: SensitivityResults): Set<number> {
  const swings = results.rows.map((r) => Math.abs(r.atHigh - r.atLow));
  const largest = Math.max(0, ...swings);
  return new Set(swings.flatMap((s, rank) => (largest > 0 && s * ZOOM_RATIO < largest ? [rank] : [])));
}

export function tornado(results: SensitivityResults): TopLevelSpec {
  const unit = metricUnit(results.metric);
  const zoomed = zoomedRanks(results);
  const bars = tornadoBars(results).map((b) => ({ ...b, panel: zoomed.has(b.rank) ? 1 : 0 }));
  const phrase = metricPhrase(results.metric);
  const top = results.rows[0];
  const title = top
    ? `${top.path} moves ${phrase} most: ${formatValue(top.atLow, unit)} at ${formatParameter(top.low, top.unit)}, ${formatValue(top.atHigh, unit)} at ${formatParameter(top.high, top.unit)} (base ${formatValue(results.baseMean, unit)})`
    : `No parameter could be varied for ${phrase}`;
  const ends = ['Parameter at low', 'Parameter at high'];
  const y = { field: 'path', type: 'nominal' as const, sort: { field: 'rank', op: 'min' as const }, title: null, axis: { labelLimit: 220 } };
  const yOffset = { field: 'end', type: 'nominal' as const, sort: ends };
  const skipped = results.skipped.length ? [`Not varied: ${results.skipped.map((s) => s.path).join(', ')}`] : [];
  const cautions = results.warnings.length ? [`Base outside its declared range: ${results.warnings.map((w) => w.path).join(', ')}`] : [];
  const axisTitle = `Change in ${metricLabel(results.metric).toLowerCase()} from the base of ${formatValue(results.baseMean, unit)} (${unit})`;
  /** One panel of bars: those of `inPanel`, on an axis spanning their own largest change. */
  const panel = (inPanel: readonly (typeof bars)[number][], filter: string | null, extraTitle: string | null) => {
    const extent = Math.max(1e-9, ...inPanel.map((b) => Math.abs(b.change)));
    const label = (positive: boolean) => ({
      transform: [{ filter: positive ? 'datum.change >= 0' : 'datum.change < 0' }],
      mark: { type: 'text' as const, align: positive ? ('left' as const) : ('right' as const), dx: positive ? 4 : -4, fontSize: 10, color: REFERENCE_INK },
      encoding: { y, yOffset, x: { field: 'change', type: 'quantitative' as const }, text: { field: 'label', type: 'nominal' as const } },
    });
    const rows = new Set(inPanel.map((b) => b.rank)).size;
    return {
      ...(extraTitle ? { title: { text: extraTitle, anchor: 'start' as const, fontSize: 11, fontWeight: 'normal' as const } } : {}),
      width: WIDTH - 120,
      height: Math.max(60, 40 * rows),
      layer: [
        {
          ...(filter ? { transform: [{ filter }] } : {}),
          layer: [
            {
              mark: { type: 'bar' as const },
              encoding: {
                y,
                yOffset,
                x: {
                  field: 'zero',
                  type: 'quantitative' as const,
                  title: axisTitle,
                  // Room either side for the labels at the bar ends.
                  scale: { domain: [-extent * 1.6, extent * 1.6] },
                  axis: { format: axisFormat(unit) },
                },
                x2: { field: 'change' },
                color: {
                  field: 'end',
                  type: 'nominal' as const,
                  sort: ends,
                  scale: { domain: ends, range: [OKABE_ITO.skyBlue, OKABE_ITO.vermillion] },
                  legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const },
                },
                tooltip: [
                  { field: 'path', type: 'nominal' as const, title: 'Parameter' },
                  { field: 'description', type: 'nominal' as const, title: 'Meaning' },
                  { field: 'setting', type: 'nominal' as const, title: 'Set to' },
                  { field: 'value', type: 'quantitative' as const, title: metricLabel(results.metric), format: unit === 'USD' ? '$,.0f' : axisFormat(unit) },
                  { field: 'change', type: 'quantitative' as const, title: 'Change from base', format: unit === 'USD' ? '$,.0f' : axisFormat(unit) },
                ],
              },
            },
            // Labels beyond the bar ends; a layer only for a side in use (an empty one has no extent).
            ...[true, false].filter((positive) => inPanel.some((b) => b.change >= 0 === positive)).map(label),
          ],
        },
        {
          data: { values: [{ zero: 0 }] },
          mark: { type: 'rule' as const, color: REFERENCE_INK, strokeWidth: 1.5 },
          encoding: { x: { field: 'zero', type: 'quantitative' as const } },
        },
      ],
    };
  };
  const head = {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, [
      `Each parameter set to the low and then the high end of its range, everything else at the base; ${results.replications} replications each on common random numbers`,
      ...skipped,
      ...cautions,
    ]),
  };
  if (zoomed.size === 0) {
    const [group, rule] = panel(bars, null, null).layer;
    const { width, height } = panel(bars, null, null);
    return { ...head, width, height, layer: [{ data: { values: bars.map((b) => ({ ...b })) }, ...group }, rule] } as TopLevelSpec;
  }
  const largest = Math.max(...results.rows.map((r) => Math.abs(r.atHigh - r.atLow)));
  return {
    ...head,
    data: { values: bars.map((b) => ({ ...b })) },
    vconcat: [
      panel(
        bars.filter((b) => b.panel === 0),
        'datum.panel === 0',
        null,
      ),
      panel(
        bars.filter((b) => b.panel === 1),
        'datum.panel === 1',
        `The ${zoomed.size} parameter${zoomed.size === 1 ? '' : 's'} whose swing is under 1/${ZOOM_RATIO} of the largest (${formatValue(largest, unit)}), on an axis of their own`,
      ),
    ],
    spacing: 24,
    resolve: { scale: { x: 'independent', y: 'independent', yOffset: 'independent' } },
  } as TopLevelSpec;
}

/** How to read the tornado beyond its title: what a bar is, and why there may be a second panel. */
export function tornadoCaption(results: SensitivityResults): string {
  const zoomed = zoomedRanks(results).size;
  return (
    `Each bar runs from the base to ${metricPhrase(results.metric)} with one parameter at an end of its declared range; the label gives the change. Parameters are ranked by the distance between their two ends (the swing), largest first.` +
    (zoomed > 0
      ? ` The second panel has its own, narrower axis: its ${zoomed} bars would be slivers beside the first panel's longest, so compare lengths within a panel, and numbers across them.`
      : '')
  );
}
