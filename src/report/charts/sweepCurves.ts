/**
 * Chart: a metric across a sweep's grid: the mean at each value of the
 * first parameter as a line, with its 95% confidence band, and one line per
 * value of the second parameter when the sweep has two.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricName } from '../../collect/metrics.js';
import type { SweepResults } from '../../results/schema/analyses.js';
import { axisFormat, chartTitle, HEIGHT, parameterAxisFormat, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatParameter, formatValue } from '../../format/values.js';
import { capitalise, metricDescription, metricLabel, metricPhrase, metricUnit } from './labels.js';
import { OKABE_ITO, PALETTE } from './palette.js';
import { enoughForInterval } from '../../stats/interval.js';

export interface SweepRow {
  readonly x: number;
  /** The second parameter's value as a label ("" for a one-parameter sweep). */
  readonly series: string;
  readonly seriesValue: number | null;
  readonly mean: number;
  /** The 95% interval of the mean; equal to the mean when undefined (one replication). */
  readonly ciLow: number;
  readonly ciHigh: number;
}

export function sweepRows(results: SweepResults, metric: MetricName): SweepRow[] {
  const [first, second] = results.axes;
  if (!first) return [];
  const unit2 = second ? results.parameterMeta[second.path]?.unit : undefined;
  return results.points.map((p) => {
    const s = p.summary[metric];
    const v2 = second ? p.values[second.path]! : null;
    return {
      x: p.values[first.path]!,
      series: v2 === null ? '' : formatParameter(v2, unit2),
      seriesValue: v2,
      mean: s.mean,
      ciLow: s.ciLow ?? s.mean,
      ciHigh: s.ciHigh ?? s.mean,
    };
  });
}

/** How the metric moves along the grid, in words. */
function finding(results: SweepResults, metric: MetricName, rows: readonly SweepRow[]): string {
  const unit = metricUnit(metric);
  const v = (x: number) => formatValue(x, unit);
  const [first, second] = results.axes;
  if (!first || rows.length === 0) return 'The sweep has no points';
  const p = (path: string, x: number) => formatParameter(x, results.parameterMeta[path]?.unit);
  const subject = capitalise(metricPhrase(metric));
  const means = rows.map((r) => r.mean);
  const lo = Math.min(...means);
  const hi = Math.max(...means);
  if (hi - lo <= 0.005 * Math.max(Math.abs(lo), Math.abs(hi))) {
    return `${subject} stays at about ${v((lo + hi) / 2)} across the sweep of ${first.path}${second ? ` and ${second.path}` : ''}`;
  }
  const at = (r: SweepRow) => `${first.path} ${p(first.path, r.x)}${second ? `, ${second.path} ${r.series}` : ''}`;
  const min = rows[means.indexOf(lo)]!;
  const max = rows[means.indexOf(hi)]!;
  if (second) return `${subject} ranges from ${v(lo)} (${at(min)}) to ${v(hi)} (${at(max)})`;
  const head = rows[0]!;
  const tail = rows[rows.length - 1]!;
  const monotone = means.every((m, i) => i === 0 || (tail.mean >= head.mean ? m >= means[i - 1]! : m <= means[i - 1]!));
  if (monotone) {
    return `${subject} ${tail.mean > head.mean ? 'rises' : 'falls'} from ${v(head.mean)} to ${v(tail.mean)} as ${first.path} goes from ${p(first.path, head.x)} to ${p(first.path, tail.x)}`;
  }
  return `${subject} is lowest, ${v(lo)}, at ${at(min)} and highest, ${v(hi)}, at ${at(max)}`;
}

export function sweepCurves(results: SweepResults, metric: MetricName = 'marketplace.netCost'): TopLevelSpec {
  const rows = sweepRows(results, metric);
  const [first, second] = results.axes;
  const unit = metricUnit(metric);
  const xUnit = first ? results.parameterMeta[first.path]?.unit : undefined;
  const series = [...new Set([...rows].sort((a, b) => (a.seriesValue ?? 0) - (b.seriesValue ?? 0)).map((r) => r.series))];
  const colour = second
    ? {
        colour: {
          field: 'series',
          type: 'nominal' as const,
          sort: { field: 'seriesValue', op: 'min' as const },
          title: second.path,
          scale: { domain: series, range: series.map((_, i) => PALETTE[i % PALETTE.length]!) },
          legend: { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2 },
        },
      }
    : {};
  // The unit is a scenario's free text, so it goes in the axis title only: a field title is also written into
  // the marks' aria descriptions as an expression. (Paths are the schema's, safe as a field title.)
  const x = {
    field: 'x',
    type: 'quantitative' as const,
    title: first?.path ?? 'Parameter',
    scale: { zero: false, nice: false },
    axis: { title: first ? `${first.path}${xUnit ? ` (${xUnit})` : ''}` : 'Parameter', format: parameterAxisFormat(xUnit), values: first ? [...first.values] : [] },
  };
  const y = {
    field: 'mean',
    type: 'quantitative' as const,
    title: unit === 'share' ? metricLabel(metric) : `${metricLabel(metric)} (${unit})`,
    scale: { zero: false },
    axis: { format: axisFormat(unit) },
  };
  const yFormat = unit === 'USD' ? '$,.0f' : unit === 'share' ? '.2%' : ',.4~r';
  const encodeColour = second ? { color: colour.colour } : {};
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(finding(results, metric, rows), [
      `${metricDescription(metric)}; each point is ${results.replications} replications on common random numbers`,
      second ? `One line per value of ${second.path}; bands: 95% confidence interval of the mean` : 'Band: 95% confidence interval of the mean',
    ]),
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      {
        mark: { type: 'area', opacity: 0.18, ...(second ? {} : { color: OKABE_ITO.blue }) },
        encoding: { x, y: { ...y, field: 'ciLow' }, y2: { field: 'ciHigh' }, ...encodeColour },
      },
      {
        mark: { type: 'line', point: true, strokeWidth: 2, ...(second ? {} : { color: OKABE_ITO.blue }) },
        encoding: {
          x,
          y,
          ...encodeColour,
          tooltip: [
            ...(first ? [{ field: 'x', type: 'quantitative' as const, title: first.path }] : []),
            ...(second ? [{ field: 'series', type: 'nominal' as const, title: second.path }] : []),
            { field: 'mean', type: 'quantitative' as const, title: metricLabel(metric), format: yFormat },
            { field: 'ciLow', type: 'quantitative' as const, title: '95% CI from', format: yFormat },
            { field: 'ciHigh', type: 'quantitative' as const, title: '95% CI to', format: yFormat },
          ],
        },
      },
    ],
  };
}

/** How to read a sweep curve beyond its title: what a point and the band are, and where the step costs are. */
export function sweepCurvesCaption(results: SweepResults, metric: MetricName): string {
  const first = results.axes[0]?.path ?? 'the parameter';
  const n = results.replications;
  const band = enoughForInterval(n) ? 'the shaded band is the 95% interval of that mean' : `with ${n} replication${n === 1 ? '' : 's'} the band is too unsure to read`;
  return (
    `Each point is the mean over ${n} replication${n === 1 ? '' : 's'} at that value of ${first}, on the same claims as every other point; ${band}. ` +
    (metric === 'marketplace.netCost'
      ? 'The slope between two points is the marginal cost of the step, given per unit in the table "Step by step".'
      : 'Read it beside the net cost curve: what the change buys customers for what it costs.')
  );
}
