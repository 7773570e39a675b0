/**
 * Chart: how close a calibration came to each target. Targets can be in
 * different units (a share, a dollar amount), so each is drawn as its
 * relative miss, (simulated - target) / |target|: the target is the tick at
 * zero on its row and the dot is where the calibrated scenario landed.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CalibrationResults } from '../../results/analyses.js';
import { chartTitle, formatParameter, formatShare, formatValue, VEGA_LITE_SCHEMA, WIDTH } from './format.js';
import { metricDescription, metricLabel, metricUnit } from './labels.js';
import { OKABE_ITO, REFERENCE_INK } from './palette.js';

export interface CalibrationRow {
  readonly metric: string;
  /** The target's place in the calibration: rows are sorted by it, not by a list of labels, which Vega-Lite would write into an expression. */
  readonly order: number;
  readonly label: string;
  readonly description: string;
  readonly target: number;
  readonly simulated: number;
  readonly relativeMiss: number;
  readonly zero: 0;
  readonly text: string;
}

export function calibrationRows(results: CalibrationResults): CalibrationRow[] {
  return results.calibration.achieved.map((a, order) => {
    const unit = metricUnit(a.metric);
    return {
      metric: a.metric,
      order,
      label: metricLabel(a.metric),
      description: metricDescription(a.metric),
      target: a.target,
      simulated: a.simulated,
      relativeMiss: a.relativeMiss,
      zero: 0 as const,
      text: `simulated ${formatValue(a.simulated, unit)}, target ${formatValue(a.target, unit)} (miss ${a.relativeMiss >= 0 ? '+' : ''}${formatShare(a.relativeMiss, 2)})`,
    };
  });
}

export function calibration(results: CalibrationResults): TopLevelSpec {
  const c = results.calibration;
  const rows = calibrationRows(results);
  const worst = [...rows].sort((a, b) => Math.abs(b.relativeMiss) - Math.abs(a.relativeMiss))[0];
  const meta = (path: string) => results.parameterMeta[path]?.unit;
  const values = c.free.map((f) => `${f.path} = ${formatParameter(c.values[f.path]!, meta(f.path))}`).join(', ');
  const title = worst
    ? `Calibrated ${values} ${rows.length === 1 ? `meets the ${worst.metric} target` : `meets all ${rows.length} targets`} within ${formatShare(Math.abs(worst.relativeMiss), 2)}${rows.length > 1 ? ` (worst: ${worst.metric})` : ''}`
    : 'The calibration had no targets';
  const reach = Math.max(0.01, ...rows.map((r) => Math.abs(r.relativeMiss) * 1.5));
  const y = { field: 'label', type: 'nominal' as const, sort: { field: 'order', op: 'min' as const }, title: null, axis: { labelLimit: 220 } };
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(title, [
      `Searched ${c.free.map((f) => `${f.path} over ${formatParameter(f.low, meta(f.path))} to ${formatParameter(f.high, meta(f.path))}`).join('; ')} in ${c.evaluations} evaluations of ${results.replications} replications`,
      'Tick: the target; dot: the calibrated scenario, as a relative miss',
    ]),
    width: WIDTH - 120,
    height: Math.max(50, 44 * rows.length),
    data: { values: rows.map((r) => ({ ...r })) },
    layer: [
      {
        mark: { type: 'tick', color: REFERENCE_INK, thickness: 2, size: 18 },
        encoding: { y, x: { field: 'zero', type: 'quantitative', title: '(Simulated - target) / |target|', scale: { domain: [-reach, reach] }, axis: { format: '+.1%' } } },
      },
      {
        mark: { type: 'point', filled: true, size: 80, color: OKABE_ITO.vermillion },
        encoding: {
          y,
          x: { field: 'relativeMiss', type: 'quantitative' },
          tooltip: [
            { field: 'description', type: 'nominal', title: 'Metric' },
            { field: 'target', type: 'quantitative', title: 'Target', format: ',.6~r' },
            { field: 'simulated', type: 'quantitative', title: 'Simulated', format: ',.6~r' },
            { field: 'relativeMiss', type: 'quantitative', title: 'Relative miss', format: '+.2%' },
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
