/**
 * What every analysis does: take a scenario at some point (a few parameters
 * set on top of it) and run it on a given seed and number of replications.
 * Using the same seed for every scenario of an analysis is what makes its
 * comparisons paired (common random numbers).
 */
import { withOverrides, type Scenario } from '../params/scenario.js';
import { onWorkers, type PoolOptions } from '../sim/pool.js';
import { runScenario, type RunOutput } from '../sim/run.js';
import { runSizeProblem } from '../sim/units.js';
import { ScenarioError } from '../params/problems.js';
import { InputError } from '../inputError.js';

export interface AnalysisOptions extends PoolOptions {
  readonly seed: number;
  readonly replications: number;
}

export interface ScenarioRun {
  readonly scenario: Scenario;
  readonly output: RunOutput;
}

/** The run of `scenario` at `point`. */
export async function runAt(scenario: Scenario, options: AnalysisOptions, point?: Point): Promise<ScenarioRun> {
  return runLoaded(scenarioAt(scenario, options, point), options);
}

/** Values an analysis sets on top of the user's --set, and the option that chose them (named in problems). */
export interface Point {
  readonly from: string;
  readonly values: Readonly<Record<string, number>>;
}

const NO_POINT: Point = { from: '--set', values: {} };

/** `scenario` at `point`, checked (values and run size), without running it. */
export function scenarioAt(scenario: Scenario, options: AnalysisOptions, point: Point = NO_POINT): Scenario {
  const assignments = Object.entries(point.values).map(([path, value]) => ({ text: `${path}=${value}`, from: point.from }));
  const atPoint = withOverrides(scenario, assignments);
  const tooBig = runSizeProblem(options.replications, atPoint.parameters.world.teams);
  if (tooBig) throw new ScenarioError([{ file: '--replications', message: tooBig }]);
  return atPoint;
}

export async function runLoaded(scenario: Scenario, options: AnalysisOptions): Promise<ScenarioRun> {
  return { scenario, output: await runScenario(scenario.parameters, { ...options, runUnits: onWorkers(options.workers) }) };
}

/** A metric's value in each replication of a run. */
export function metricValues(run: RunOutput, metric: string): number[] {
  return run.replications.map((r) => {
    const v = (r.metrics as Record<string, number>)[metric];
    if (v === undefined) throw new InputError(`unknown metric "${metric}"`);
    return v;
  });
}
