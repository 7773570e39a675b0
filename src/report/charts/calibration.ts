/**
 * Chart: how close a calibration came to each target. Targets can be in
 * different units (a share, a dollar amount), so each is drawn as its miss:
 * how far the simulated mean lies outside what the target accepts, relative
 * to the target's size. The tick at zero is "within tolerance"; the dot is
 * where the calibrated scenario landed, coloured by whether it is within.
 */
import type { TopLevelSpec } from 'vega-lite';
import { wantedText } from '../../analysis/targets.js';
import type { CalibrationResults } from '../../results/schema/analyses.js';
import { chartTitle, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';
import { formatParameter, formatShare, formatValue } from '../../format/values.js';
import { metricDescription, metricLabel, metricUnit } from './labels.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';

export interface CalibrationRow {
  readonly metric: string;
  /** The target's place in the calibration: rows are sorted by it, not by a list of labels, which Vega-Lite would write into an expression. */
  readonly order: number;
  readonly label: string;
  readonly description: string;
  /** The target as written: VALUE ± TOL or LOW .. HIGH. */
  readonly wanted: string;
  readonly simulated: number;
  /** Relative distance outside what the target accepts; 0 within. */
  readonly miss: number;
  readonly verdict: 'within tolerance' | 'outside tolerance';
  readonly zero: 0;
  readonly text: string;
}

const VERDICTS = ['within tolerance', 'outside tolerance'];

export function calibrationRows(results: CalibrationResults): CalibrationRow[] {
  return results.calibration.achieved.map((a, order) => {
    const unit = metricUnit(a.metric);
    return {
      metric: a.metric,
      order,
      label: metricLabel(a.metric),
      description: metricDescription(a.metric),
      wanted: wantedText(a.wanted),
      simulated: a.simulated,
      miss: a.miss,
      verdict: a.within ? ('within tolerance' as const) : ('outside tolerance' as const),
      zero: 0 as const,
      text: `simulated ${formatValue(a.simulated, unit)}, target ${wantedText(a.wanted)}: ${a.within ? 'within tolerance' : `${a.miss >= 0 ? '+' : ''}${formatShare(a.miss, 2)} outside it`}`,
    };
  });
}

export function calibration(results: CalibrationResults): TopLevelSpec {
  const c = results.calibration;
  const rows = calibrationRows(results);
  const worst = [...rows].sort((a, b) => Math.abs(b.miss) - Math.abs(a.miss))[0];
  const missed = rows.filter((r) => r.verdict === 'outside tolerance').length;
  const meta = (path: string) => results.parameterMeta[path]?.unit;
  const values = c.free.map((f) => `${f.path} = ${formatParameter(c.values[f.path]!, meta(f.path))}`).join(', ');
  const title = !worst
    ? 'The calibration had no targets'
    : missed === 0
      ? `Calibrated ${values} ${rows.length === 1 ? `meets the ${worst.metric} target` : `meets all ${rows.length} targets`} within tolerance`
      : `Not calibrated: at best (${values}) ${missed} of ${rows.length} target${rows.length === 1 ? '' : 's'} ${missed === 1 ? 'is' : 'are'} outside tolerance, ${worst.metric} by ${formatShare(Math.abs(worst.miss), 2)}; no overlay was written`;
  const reach = Math.max(0.01, ...rows.map((r) => Math.abs(r.miss) * 1.5));
  const y = { field: 'label', type: 'nominal' as const, sort: { field: 'order', op: 'min' as const }, title: null, axis: { labelLimit: 220 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, [
      `Searched ${c.free.map((f) => `${f.path} over ${formatParameter(f.low, meta(f.path))} to ${formatParameter(f.high, meta(f.path))}`).join('; ')} in ${c.evaluations} evaluations of ${results.replications} replications`,
      'Tick: within tolerance; dot: the calibrated scenario, as its distance outside the tolerance relative to the target',
    ]),
    width: WIDTH - 120,
    height: Math.max(50, 44 * rows.length),
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      {
        mark: { type: 'tick', color: REFERENCE_INK, thickness: 2, size: 18 },
        encoding: { y, x: { field: 'zero', type: 'quantitative', title: 'Distance outside the tolerance, relative to the target', scale: { domain: [-reach, reach] }, axis: { format: '+.1%' } } },
      },
      {
        mark: { type: 'point', filled: true, size: 80 },
        encoding: {
          y,
          x: { field: 'miss', type: 'quantitative' },
          color: {
            field: 'verdict',
            type: 'nominal',
            scale: { domain: VERDICTS, range: [OKABE_ITO.bluishGreen, OKABE_ITO.vermillion] },
            legend: { title: null, orient: 'bottom', direction: 'horizontal' },
          },
          tooltip: [
            { field: 'description', type: 'nominal', title: 'Metric' },
            { field: 'wanted', type: 'nominal', title: 'Target' },
            { field: 'simulated', type: 'quantitative', title: 'Simulated', format: ',.6~r' },
            { field: 'miss', type: 'quantitative', title: 'Outside tolerance by', format: '+.2%' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'bottom', dy: -13, fontSize: 10, color: REFERENCE_INK },
        encoding: { y, x: { datum: -reach, type: 'quantitative' }, text: { field: 'text', type: 'nominal' } },
      },
    ],
  };
}

/** How to read the targets chart beyond its title. */
export function calibrationCaption(results: CalibrationResults): string {
  return `One row per target (${results.calibration.achieved.length}), at the evaluation the search kept: the tick is zero miss (within tolerance), the dot how far outside the tolerance the simulated mean landed, relative to the target, so targets in different units share an axis.`;
}
