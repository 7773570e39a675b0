/**
 * claimsim as a library. Data flows one way, one phase per folder:
 *
 *   load scenario   params/load.ts      file + extends chain + --set → Scenario (validated Parameters + metadata)
 *   apply overlay   params/overlay.ts   base values + changes → values (pure)
 *   build world     sim/population.ts   sellers, customer pools, claim facts, from per-entity streams
 *   simulate        sim/world/          one team of one replication: XState machines on an event calendar,
 *                   sim/executor/       stepped by the statechart compiler or by XState's own interpreter
 *   collect         collect/            effects → aggregates (no per-claim records) → metrics
 *   summarise       stats/, results/    replications → means, intervals, quantiles → results.json
 *   analyse         analysis/           compare, sweep, sensitivity, calibrate, fit, precision: runs → answers
 *   export          export/             results → CSV tables, event logs (CSV, OCEL 2.0)
 *
 * The CLI (cli/) is a thin layer over these functions.
 */
export { loadScenario, BUNDLED_SCENARIOS_DIR, type Scenario, type LoadOptions, type Assignment } from './params/load.js';
export { applyOverlay } from './params/overlay.js';
export { ScenarioError, formatProblem, type Problem } from './params/problems.js';
export { parametersSchema, type Parameters } from './params/schema.js';
export { citedKeys, referencesSchema, type Reference } from './params/references.js';
export { createMachines, simulateTeam, LedgerError, type Machines } from './sim/world.js';
export { createExecutor, CompileError, EXECUTORS, DEFAULT_EXECUTOR, type Executor, type ExecutorKind, type ActionSink, type MachineSnapshot } from './sim/executor/index.js';
export { runScenario, assembleRun, type RunOptions, type RunOutput, type ReplicationResult } from './sim/run.js';
export { simulateUnits, defaultWorkers, type UnitResult } from './sim/pool.js';
export { planUnits, parseShard, runSizeProblem, MAX_UNITS, type ShardSpec } from './sim/units.js';
export { mergePartials, partialFileName, MergeError, type PartialResult } from './results/partial.js';
export { readResultsFile, readPartialFile, checkResults, checkPartial, ResultsFileError, type SavedResults } from './results/read.js';
export { InputError } from './inputError.js';
export { METRICS, METRIC_NAMES, metricsOf, type MetricName } from './collect/metrics.js';
export { mergeAggregates, type Aggregates } from './collect/aggregates.js';
export { summarise, confidenceHalfWidth, type Summary } from './stats/summary.js';
export { buildRunResults, type RunResults } from './results/results.js';
export { ENGINE } from './version.js';
export { compareScenarios, differencesAgainst, type Comparison } from './analysis/compare.js';
export { sweepScenario, type Sweep } from './analysis/sweep.js';
export { parseAxis, gridPoints, type Axis } from './analysis/grid.js';
export { sensitivityOf, type Sensitivity } from './analysis/sensitivity.js';
export { calibrate, type Calibration } from './analysis/calibrate.js';
export { parseTarget, CalibrationInputError, type Target, type Wanted } from './analysis/targets.js';
export { runToPrecision } from './analysis/precision.js';
export { pairedDifference, type PairedDifference } from './stats/paired.js';
export { expectedShortfall } from './stats/expectedShortfall.js';
export { runTables } from './export/tables.js';
export { buildEventLog, type EventLog } from './export/eventLog.js';
export { toOcel } from './export/ocel.js';
export type { ClaimObserver } from './sim/world.js';
