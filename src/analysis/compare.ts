/**
 * Compare: run a base scenario and others on common random numbers and report,
 * per metric, each scenario's value and the paired difference against the base
 * with its confidence interval and the variance reduction pairing bought.
 */
import { METRIC_NAMES, type MetricName } from '../collect/metrics.js';
import { pairedDifference, type PairedDifference } from '../stats/paired.js';
import { metricValues, runLoaded, scenarioAt, type AnalysisOptions, type ScenarioRun } from './runs.js';
import { InputError } from '../inputError.js';
import type { Scenario } from '../params/scenario.js';

export interface Comparison {
  readonly runs: readonly ScenarioRun[];
  /** For each scenario after the base (in order): metric → paired difference (scenario - base). */
  readonly differences: readonly Readonly<Record<MetricName, PairedDifference>>[];
}

/** Runs `given[0]` (the base) and the others on the same seed, and their paired differences against the base. */
export async function compareScenarios(given: readonly Scenario[], options: AnalysisOptions & { onScenarioDone?: (name: string) => void }): Promise<Comparison> {
  if (given.length < 2) throw new InputError('compare needs a base scenario and at least one other');
  // Every scenario is checked before any is run, so a bad one is refused at once.
  const scenarios = given.map((scenario) => scenarioAt(scenario, options));
  const runs: ScenarioRun[] = [];
  for (const scenario of scenarios) {
    const run = await runLoaded(scenario, options);
    runs.push(run);
    options.onScenarioDone?.(run.scenario.name);
  }
  return { runs, differences: runs.slice(1).map((run) => differencesAgainst(runs[0]!, run)) };
}

export function differencesAgainst(base: ScenarioRun, other: ScenarioRun): Record<MetricName, PairedDifference> {
  return Object.fromEntries(METRIC_NAMES.map((m) => [m, pairedDifference(metricValues(base.output, m), metricValues(other.output, m))])) as Record<MetricName, PairedDifference>;
}
