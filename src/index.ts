/**
 * claimsim as a library. Data flows one way, one phase per folder, each
 * importing only the ones above it (a dependency rule in the tests checks it):
 *
 *   shared words    domain/ random/ stats/   claim facts and events, random streams and samplers, statistics
 *   load scenario   params/                  YAML text + extends chain + set → Scenario (validated Parameters + metadata);
 *                                            load.ts reads the files, the rest reads nothing
 *   policy rules    rules/                   one small pure function per rule, citing the policy text
 *   machines        machines/                one XState machine per actor: claim, seller, insurer, customer, desk, review
 *   collect         collect/                 effects → aggregates (no per-claim records) → metrics
 *   simulate        sim/                     one team of one replication: the machines on an event calendar
 *                                            (world/), stepped by the statechart compiler or XState (executor/);
 *                                            units in this thread (unit.ts) or on worker threads (pool.ts)
 *   summarise       results/                 replications → means, intervals, quantiles → results.json; reading, writing
 *   analyse         analysis/                compare, sweep, sensitivity, calibrate, fit, precision: runs → answers
 *   export          export/                  results → CSV tables, event logs (CSV, OCEL 2.0)
 *   report          report/                  results → Vega-Lite specs (charts/) → one self-contained HTML page
 *   front doors     library/ index.ts        what a notebook calls; core.ts: the engine without Node, for a browser
 *                   cli/                     the command line: parses options, calls the library, writes files
 *
 * The front door, in the order a notebook uses it:
 *
 *   const scenario = loadScenario('scenarios/baseline.yaml', { set: ['policy.threshold=2500'] });
 *   const results = await simulate(scenario, { replications: 10, seed: 1 });   // what `claimsim run` writes
 *   results.summary['marketplace.netCost'];                                    // mean, interval, quantiles
 *   const html = await renderReport(results);                                  // the report, as HTML
 *
 * A scenario may also come from YAML text (`parseScenario`) or a plain object
 * (`scenarioOf`); the analyses (`compare`, `sweep`, `sensitivity`,
 * `calibrate`, `fit`) take scenarios and give their results; `charts` gives a
 * results' Vega-Lite specs.
 */

// Scenarios
export { loadScenario, parseScenario, scenarioOf, BUNDLED_SCENARIOS_DIR } from './params/load.js';
export { withOverrides, type Scenario, type LoadOptions, type TextScenarioOptions, type Assignment } from './params/scenario.js';
export { ScenarioError, formatProblem, type Problem } from './params/problems.js';
export { parametersSchema, type Parameters } from './params/schema.js';
export { citedKeys, referencesSchema, type Reference } from './params/references.js';
export { applyOverlay } from './params/overlay.js';

// Running and analysing them
export { simulate, simulateShard, runFiles, type SimulateOptions, type RunFileOptions } from './library/simulate.js';
export { compare, sweep, sensitivity, calibrate, type AnalyseOptions, type CalibrateOptions } from './library/analyses.js';
export { fit, type FitOptions, type FitResults } from './library/fit.js';
export { charts, renderReport } from './library/report.js';
export { parseAxis, gridPoints, type Axis } from './analysis/grid.js';
export { parseTarget, CalibrationInputError, type Target, type Wanted } from './analysis/targets.js';
export { readClaimAmounts, parseClaimAmounts, type ClaimAmounts } from './analysis/fit/readAmounts.js';
export { parseShard, planUnits, MAX_UNITS, type ShardSpec } from './sim/units.js';
export { mergePartials, partialFileName, MergeError, type PartialResult } from './results/partial.js';
export { closePools, defaultWorkers } from './sim/pool.js';

// Results and what they are made of
export { buildRunResults, type RunResults } from './results/results.js';
export { readResultsFile, readPartialFile, checkResults, checkPartial, ResultsFileError, type SavedResults } from './results/read.js';
export { METRICS, METRIC_NAMES, metricsOf, type MetricName } from './collect/metrics.js';
export { mergeAggregates, type Aggregates } from './collect/aggregates.js';
export { summarise, confidenceHalfWidth, type Summary } from './stats/summary.js';
export { pairedDifference, type PairedDifference } from './stats/paired.js';
export { expectedShortfall } from './stats/expectedShortfall.js';
export { runTables } from './export/tables.js';
export { buildEventLog, type EventLog } from './sim/eventLog.js';
export { toOcel } from './export/ocel.js';

// The engine underneath
export { runScenario, assembleRun, type RunOptions, type RunOutput, type ReplicationResult } from './sim/run.js';
export { simulateUnitsHere, type UnitResult, type UnitRunner } from './sim/unit.js';
export { onWorkers, simulateUnits } from './sim/pool.js';
export { createMachines, simulateTeam, LedgerError, type Machines, type ClaimObserver } from './sim/world.js';
export { createExecutor, CompileError, EXECUTORS, DEFAULT_EXECUTOR, type Executor, type ExecutorKind, type ActionSink, type MachineSnapshot } from './sim/executor/index.js';
export { InputError } from './inputError.js';
export { ENGINE } from './version.js';
