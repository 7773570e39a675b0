/**
 * Chart: a two-parameter sweep as a grid of cells, the first parameter
 * across, the second up, each cell coloured by the mean of a metric (net cost
 * by default) and labelled with it, so the reader reads the numbers and the
 * colour only guides the eye to where the grid is dear or cheap.
 *
 * Phase: chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { MetricName } from '../../collect/metrics.js';
import { formatParameter, formatValue } from '../../format/values.js';
import type { SweepResults } from '../../results/schema/analyses.js';
import { capitalise, metricLabel, metricPhrase, metricUnit } from './labels.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';
import { axisFormat, chartTitle, HEIGHT, LEGEND_LABEL_LIMIT, parameterAxisFormat, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';

export interface HeatmapCell {
  readonly x: number;
  readonly y: number;
  readonly mean: number;
  /** The mean as the cell's label. */
  readonly text: string;
}

/** One cell per point of a two-parameter sweep; none for a sweep of one parameter. */
export function heatmapCells(results: SweepResults, metric: MetricName = 'marketplace.netCost'): HeatmapCell[] {
  const [first, second] = results.axes;
  if (!first || !second) return [];
  const unit = metricUnit(metric);
  return results.points.map((p) => ({ x: p.values[first.path]!, y: p.values[second.path]!, mean: p.summary[metric].mean, text: formatValue(p.summary[metric].mean, unit) }));
}

/** Where the grid is cheapest and dearest, in words. */
function finding(results: SweepResults, metric: MetricName, cells: readonly HeatmapCell[]): string {
  const [first, second] = results.axes;
  if (!first || !second || cells.length === 0) return 'The sweep has no two-parameter grid';
  const unit = metricUnit(metric);
  const at = (c: HeatmapCell) => `${first.path} ${formatParameter(c.x, results.parameterMeta[first.path]?.unit)}, ${second.path} ${formatParameter(c.y, results.parameterMeta[second.path]?.unit)}`;
  const lo = cells.reduce((a, b) => (b.mean < a.mean ? b : a));
  const hi = cells.reduce((a, b) => (b.mean > a.mean ? b : a));
  return `${capitalise(metricPhrase(metric))} is lowest, ${formatValue(lo.mean, unit)}, at ${at(lo)} and highest, ${formatValue(hi.mean, unit)}, at ${at(hi)}`;
}

export function sweepHeatmap(results: SweepResults, metric: MetricName = 'marketplace.netCost'): TopLevelSpec {
  const cells = heatmapCells(results, metric);
  const [first, second] = results.axes;
  const unit = metricUnit(metric);
  const unitX = first ? results.parameterMeta[first.path]?.unit : undefined;
  const unitY = second ? results.parameterMeta[second.path]?.unit : undefined;
  // The units are a scenario's free text: in axis titles only (a field title reaches the marks' aria expressions).
  const axisTitle = (path: string | undefined, u: string | undefined) => (path ? `${path}${u ? ` (${u})` : ''}` : 'Parameter');
  const x = { field: 'x', type: 'ordinal' as const, title: 'x', axis: { title: axisTitle(first?.path, unitX), format: parameterAxisFormat(unitX), labelAngle: 0 } };
  // Largest value at the top, as on a graph.
  // The second parameter's title is written level above its axis: rotated, a long unit would outgrow a short grid.
  const y = {
    field: 'y',
    type: 'ordinal' as const,
    title: 'y',
    sort: 'descending' as const,
    axis: {
      title: axisTitle(second?.path, unitY),
      format: parameterAxisFormat(unitY),
      titleAngle: 0,
      titleAnchor: 'end' as const,
      titleAlign: 'left' as const,
      titleBaseline: 'bottom' as const,
      titleY: -8,
      titleX: 0,
    },
  };
  const columns = first?.values.length ?? 1;
  const rows = second?.values.length ?? 1;
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(finding(results, metric, cells), [`Mean of ${results.replications} replication${results.replications === 1 ? '' : 's'} at each point, all on the same claims`]),
    width: Math.min(WIDTH - 140, Math.max(240, 100 * columns)),
    height: Math.min(HEIGHT + 100, Math.max(120, 44 * rows)),
    data: { values: cells.map((c) => ({ ...c })) },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'mean',
            type: 'quantitative',
            title: metricLabel(metric),
            // A sequential ramp of Okabe-Ito colours, light to dark: cheap cells pale, dear cells deep; black labels read on all of it.
            scale: { range: [OKABE_ITO.yellow, OKABE_ITO.orange, OKABE_ITO.vermillion], zero: false },
            legend: { format: axisFormat(unit), orient: 'right', titleLimit: LEGEND_LABEL_LIMIT },
          },
          tooltip: [
            { field: 'x', type: 'quantitative', title: first?.path ?? 'x' },
            { field: 'y', type: 'quantitative', title: second?.path ?? 'y' },
            { field: 'mean', type: 'quantitative', title: metricLabel(metric), format: unit === 'USD' ? '$,.0f' : axisFormat(unit) },
          ],
        },
      },
      { mark: { type: 'text', fontSize: 11, color: REFERENCE_INK }, encoding: { x, y, text: { field: 'text', type: 'nominal' } } },
    ],
  };
}

/** How to read the heatmap beyond its title. */
export function sweepHeatmapCaption(results: SweepResults): string {
  const [first, second] = results.axes;
  return `One cell per point of the ${first?.values.length ?? 0} by ${second?.values.length ?? 0} grid, labelled with its mean net cost; the colour runs from pale (cheapest) to deep (dearest) over the grid's own range, so it ranks the cells, and the labels give the amounts. Along a row, the change from cell to cell is the step's cost.`;
}
