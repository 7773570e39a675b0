/**
 * Chart: a calibration's search, evaluation by evaluation: each target's
 * miss (how far the simulated mean lay outside what the target accepts,
 * relative to the target) at every simulation the search ran, one line per
 * target, with the band of zero miss as a rule and the evaluation kept
 * ringed. Misses are in one unit (a share of the target) whatever the
 * targets' own units, so several targets share an axis; it shows whether the
 * search closed in, and how fast.
 *
 * Phase: chart.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatShare } from '../../format/values.js';
import type { CalibrationResults } from '../../results/schema/analyses.js';
import { tracedValue, traceRows } from '../analysisTables.js';
import { metricLabel } from './labels.js';
import { PALETTE, REFERENCE_INK } from './palette.js';
import { chartTitle, HEIGHT, LEGEND_LABEL_LIMIT, VEGA_LITE_SCHEMA, WIDTH } from './spec.js';

export interface TracePoint {
  readonly evaluation: number;
  /** The target's place among the targets: colours follow it, not a list of names (which Vega-Lite would write into an expression). */
  readonly order: number;
  readonly target: string;
  readonly miss: number;
  readonly simulated: number;
  /** The free parameters' values at this evaluation, in words. */
  readonly setting: string;
  readonly kept: boolean;
}

/** One point per evaluation per target. */
export function tracePoints(results: CalibrationResults): TracePoint[] {
  const c = results.calibration;
  const unitOf = (p: string) => results.parameterMeta[p]?.unit;
  return traceRows(results).flatMap((row) =>
    c.targets.flatMap((t, order) => {
      const miss = row.misses[order];
      const simulated = row.simulated[order];
      // A (hand-edited) trace without a target's value has no dot for it.
      if (miss === null || miss === undefined || simulated === null || simulated === undefined) return [];
      const setting = c.free.map((f) => `${f.path} = ${tracedValue(row.values, f.path, unitOf(f.path))}`).join(', ');
      return [{ evaluation: row.evaluation, order, target: metricLabel(t.metric), miss, simulated, setting, kept: row.best }];
    }),
  );
}

function finding(results: CalibrationResults): string {
  const c = results.calibration;
  const rows = traceRows(results);
  const kept = rows.find((r) => r.best);
  if (!kept) return 'The calibration ran no evaluation';
  const setting = c.free.map((f) => `${f.path} = ${tracedValue(kept.values, f.path, results.parameterMeta[f.path]?.unit)}`).join(', ');
  if (c.reached) return `The search met every target at evaluation ${kept.evaluation} of ${rows.length}, with ${setting}`;
  const worst = Math.max(0, ...kept.misses.map((m) => Math.abs(m ?? 0)));
  return `After ${rows.length} evaluations the search came no closer than ${formatShare(worst, 2)} outside a target, at evaluation ${kept.evaluation} (${setting})`;
}

export function calibrationTrace(results: CalibrationResults): TopLevelSpec {
  const points = tracePoints(results);
  const targets = results.calibration.targets.map((t) => metricLabel(t.metric));
  const evaluations = points.length === 0 ? 1 : Math.max(...points.map((p) => p.evaluation));
  const x = { field: 'evaluation', type: 'quantitative' as const, title: 'Evaluation', scale: { domain: [0.5, evaluations + 0.5], nice: false }, axis: { tickMinStep: 1, format: 'd' } };
  const y = { field: 'miss', type: 'quantitative' as const, title: 'Miss, relative to the target', axis: { format: '+.1~%' } };
  const colour = {
    field: 'target',
    type: 'nominal' as const,
    sort: { field: 'order', op: 'min' as const },
    scale: { domain: targets, range: targets.map((_, i) => PALETTE[i % PALETTE.length]!) },
    legend: { title: null, orient: 'bottom' as const, direction: 'horizontal' as const, labelLimit: LEGEND_LABEL_LIMIT },
  };
  const tooltip = [
    { field: 'evaluation', type: 'quantitative' as const, title: 'Evaluation' },
    { field: 'setting', type: 'nominal' as const, title: 'Free parameters' },
    { field: 'target', type: 'nominal' as const, title: 'Target' },
    { field: 'simulated', type: 'quantitative' as const, title: 'Simulated', format: ',.6~r' },
    { field: 'miss', type: 'quantitative' as const, title: 'Miss', format: '+.2%' },
  ];
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: chartTitle(finding(results), [
      `Each dot is one simulation of ${results.replications} replication${results.replications === 1 ? '' : 's'}; a miss of 0 is within tolerance; the ringed dot is the evaluation kept`,
    ]),
    width: WIDTH,
    height: HEIGHT,
    layer: [
      { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: REFERENCE_INK, strokeWidth: 1 }, encoding: { y: { field: 'zero', type: 'quantitative' } } },
      {
        data: { values: points.map((p) => ({ ...p })) },
        layer: [
          { mark: { type: 'line', strokeWidth: 1.5, point: { filled: true, size: 50 } }, encoding: { x, y, color: colour, tooltip } },
          { transform: [{ filter: 'datum.kept' }], mark: { type: 'point', size: 260, strokeWidth: 2, color: REFERENCE_INK }, encoding: { x, y } },
        ],
      },
    ],
  };
}

/** How to read the trace beyond its title: what the search was, and where its numbers are. */
export function calibrationTraceCaption(results: CalibrationResults): string {
  const c = results.calibration;
  const how = c.free.length === 1 ? 'golden-section search over one free parameter' : `Nelder-Mead over ${c.free.length} free parameters`;
  return `The search was a ${how}, each evaluation on the same seed. A dot above zero is a simulated mean above what its target accepts, below zero one under it; the search minimises the sum of squared misses. The table "The search" lists every evaluation's parameter values.`;
}
