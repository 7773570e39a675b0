/**
 * Sweep: run a scenario at every point of a one- or two-parameter grid, all on
 * the same seed (common random numbers), and tabulate every metric with its
 * interval at each point.
 */
import { METRIC_NAMES, METRICS, type MetricDefinition, type MetricName } from '../collect/metrics.js';
import { summarise, type Summary } from '../stats/summary.js';
import { gridPoints, type Axis } from './grid.js';
import { metricValues, runLoaded, scenarioAt, type AnalysisOptions, type ScenarioRun } from './runs.js';
import { InputError } from '../inputError.js';
import type { Scenario } from '../params/scenario.js';

export interface SweepPoint {
  readonly values: Readonly<Record<string, number>>;
  readonly summary: Readonly<Record<MetricName, Summary>>;
}

export interface Sweep {
  readonly axes: readonly Axis[];
  readonly points: readonly SweepPoint[];
  /** The run at the first point, for the scenario's record and parameters. */
  readonly first: ScenarioRun;
}

/** Runs `scenario` at every point of the grid `axes` span, on the same seed. */
export async function sweepScenario(scenario: Scenario, axes: readonly Axis[], options: AnalysisOptions & { onPointDone?: (done: number, total: number) => void }): Promise<Sweep> {
  if (axes.length < 1 || axes.length > 2) throw new InputError('a sweep takes one or two --param grids');
  const grid = gridPoints(axes);
  const points: SweepPoint[] = [];
  let first: ScenarioRun | undefined;
  // Every grid point is checked before any is run, so a bad one is refused at once.
  const scenarios = grid.map((values) => scenarioAt(scenario, options, { from: '--param', values }));
  for (const [i, values] of grid.entries()) {
    const run = await runLoaded(scenarios[i]!, options);
    first ??= run;
    const summary = Object.fromEntries(METRIC_NAMES.map((m) => [m, summarise(metricValues(run.output, m), { cost: (METRICS[m] as MetricDefinition).cost === true })])) as Record<MetricName, Summary>;
    points.push({ values, summary });
    options.onPointDone?.(points.length, grid.length);
  }
  return { axes, points, first: first! };
}
