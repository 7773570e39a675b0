/**
 * The analyses, from the library: each takes loaded scenarios and gives the
 * results its command writes to results.json (`compare`, `sweep`,
 * `sensitivity`, `calibrate`). Every run of one analysis uses the same seed,
 * so its differences are paired (common random numbers).
 *
 * Phase: analyse, over simulate → collect → summarise.
 */
import { defaultMaxEvaluations, calibrate as searchCalibration } from '../analysis/calibrate.js';
import { calibrationOverlayYaml } from '../analysis/calibrationOverlay.js';
import { compareScenarios } from '../analysis/compare.js';
import { gridPoints, type Axis } from '../analysis/grid.js';
import type { AnalysisOptions } from '../analysis/runs.js';
import { DEFAULT_SENSITIVITY_METRIC, sensitivityCandidates, sensitivityOf } from '../analysis/sensitivity.js';
import { sweepScenario } from '../analysis/sweep.js';
import type { Target } from '../analysis/targets.js';
import { METRICS } from '../collect/metrics.js';
import { InputError, wholeNumber } from '../inputError.js';
import type { Scenario } from '../params/scenario.js';
import { buildCalibrationResults, buildCompareResults, buildSensitivityResults, buildSweepResults } from '../analysis/results.js';
import type { CalibrationResults, CompareResults, SensitivityResults, SweepResults } from '../results/schema/analyses.js';
import type { ExecutorKind } from '../sim/executor/index.js';
import { defaultWorkers, usingPools } from '../sim/pool.js';

export interface AnalyseOptions {
  /** Replications of every run (default 10; an interval needs at least 2). */
  readonly replications?: number;
  /** The seed every run shares (default 1). */
  readonly seed?: number;
  /** Worker threads (default: the number of cores); results do not depend on it. */
  readonly workers?: number;
  /** How machines are stepped (default: compiled); results do not depend on it. */
  readonly executor?: ExecutorKind;
  /** Called after each run of the analysis, with the runs done and the runs in all. */
  readonly onRunDone?: (done: number, total: number) => void;
  /**
   * Called as each (replication, team) unit of any of its runs finishes, counted
   * over all the analysis's work: one progress bar for the whole analysis. For
   * `calibrate` the total is the evaluations' cap; a search that stops sooner
   * ends with one last call at the units it did.
   */
  readonly onUnitDone?: (done: number, total: number) => void;
  /** Recorded in the results' invocation: what produced them (default: the analysis's name). */
  readonly command?: readonly string[];
}

/** `others` against `base`, metric by metric, with paired differences and their intervals. */
export async function compare(base: Scenario, others: readonly Scenario[], options: AnalyseOptions = {}): Promise<CompareResults> {
  const { run, invocation } = prepare('compare', options);
  const total = others.length + 1;
  let done = 0;
  const units = countedOver(
    [base, ...others].reduce((sum, s) => sum + unitsOf(s, run), 0),
    options.onUnitDone,
  );
  const comparison = await usingPools(() => compareScenarios([base, ...others], { ...run, onUnitDone: units.onUnitDone, onScenarioDone: () => options.onRunDone?.(++done, total) }));
  units.finish();
  return buildCompareResults(comparison, run.seed, invocation());
}

/** `scenario` at every point of a one- or two-parameter grid (`parseAxis('policy.threshold=500..2500:500')`). */
export async function sweep(scenario: Scenario, axes: readonly Axis[], options: AnalyseOptions = {}): Promise<SweepResults> {
  const { run, invocation } = prepare('sweep', options);
  const units = countedOver(gridPoints(axes).length * unitsOf(scenario, run), options.onUnitDone);
  const result = await usingPools(() => sweepScenario(scenario, axes, { ...run, onUnitDone: units.onUnitDone, onPointDone: options.onRunDone }));
  units.finish();
  return buildSweepResults(result, run.seed, invocation());
}

/** How far `metric` swings as each parameter with a declared range moves from its low to its high end (all of them, or `params`). */
export async function sensitivity(scenario: Scenario, options: AnalyseOptions & { metric?: string; params?: readonly string[] } = {}): Promise<SensitivityResults> {
  const { run, invocation } = prepare('sensitivity', options);
  const metric = options.metric ?? DEFAULT_SENSITIVITY_METRIC;
  if (!Object.hasOwn(METRICS, metric)) throw new InputError(`unknown metric: ${metric}`);
  const params = options.params ?? [];
  // The base, then each parameter at its low and its high end.
  const units = countedOver((1 + 2 * sensitivityCandidates(scenario.meta, params).vary.length) * unitsOf(scenario, run), options.onUnitDone);
  const result = await usingPools(() => sensitivityOf(scenario, { ...run, metric, params, onUnitDone: units.onUnitDone, onRunDone: options.onRunDone }));
  units.finish();
  return buildSensitivityResults(result, run.seed, invocation());
}

export interface CalibrateOptions extends AnalyseOptions {
  /** Cap on simulations (default: 40 for one free parameter, 60 per parameter for several). */
  readonly maxEvaluations?: number;
  /** Where the overlay will be written, as recorded in the results (default: not recorded). */
  readonly overlayFile?: string;
  /** Called after each evaluation of the search, with its number and the objective (0: every target met). */
  readonly onEvaluation?: (n: number, objective: number) => void;
}

/**
 * The values of `free` parameters that bring each target's metric within its
 * tolerance (`parseTarget('claims.fraudulentShare=0.05..0.10')`), searched
 * over their declared ranges; with the overlay scenario that sets them, when
 * every target is met.
 */
export async function calibrate(
  scenario: Scenario,
  targets: readonly Target[],
  free: readonly string[],
  options: CalibrateOptions = {},
): Promise<{ results: CalibrationResults; overlay: string | undefined }> {
  const { run, invocation, started } = prepare('calibrate', options);
  const maxEvaluations = wholeNumber(options.maxEvaluations ?? defaultMaxEvaluations(free.length), 'maxEvaluations', 2, 10_000);
  const onEvaluation = (n: number, objective: number) => {
    options.onEvaluation?.(n, objective);
    options.onRunDone?.(n, maxEvaluations);
  };
  const units = countedOver(maxEvaluations * unitsOf(scenario, run), options.onUnitDone);
  const calibration = await usingPools(() => searchCalibration(scenario, targets, free, { ...run, maxEvaluations, onEvaluation, onUnitDone: units.onUnitDone }));
  units.finish();
  const overlay = calibration.reached
    ? calibrationOverlayYaml(calibration, { name: scenario.name, file: scenario.file }, { date: started.toISOString().slice(0, 10), seed: run.seed, replications: run.replications })
    : undefined;
  const results = buildCalibrationResults(scenario, run.replications, calibration, overlay === undefined ? null : (options.overlayFile ?? null), run.seed, invocation());
  return { results, overlay };
}

/** Units of work of one run of `scenario`: a (replication, team) each. */
function unitsOf(scenario: Scenario, run: AnalysisOptions): number {
  return run.replications * scenario.parameters.world.teams;
}

/**
 * One count over `total` units from runs that each count their own: a run's
 * last unit adds its count to those finished before it. `finish` ends the
 * count where the work ended, should it end short of `total`.
 */
function countedOver(total: number, report: ((done: number, total: number) => void) | undefined) {
  let finished = 0;
  let last = 0;
  let all = total;
  const onUnitDone = report
    ? (done: number, of: number) => {
        // A run may have more units than foreseen (a sweep over world.teams): the total grows with it.
        all = Math.max(all, finished + of);
        last = finished + done;
        report(last, all);
        if (done === of) finished += of;
      }
    : undefined;
  return { onUnitDone, finish: () => report && last < all && report(last, last) };
}

/** The options every run of an analysis shares, checked, and the invocation its results record. */
function prepare(name: string, options: AnalyseOptions) {
  const started = new Date();
  const t0 = performance.now();
  const run: AnalysisOptions = {
    replications: wholeNumber(options.replications ?? 10, 'replications', 2),
    seed: wholeNumber(options.seed ?? 1, 'seed', 0, 0xffffffff),
    workers: wholeNumber(options.workers ?? defaultWorkers(), 'workers', 1),
    ...(options.executor ? { executor: options.executor } : {}),
  };
  const invocation = () => ({ command: [...(options.command ?? [name])], startedAt: started.toISOString(), wallSeconds: (performance.now() - t0) / 1000, workers: run.workers ?? 0 });
  return { run, invocation, started };
}
