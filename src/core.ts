/**
 * The engine core: everything from a scenario's text to its metrics and their
 * statistics, and nothing that needs Node. It reads no file, starts no thread
 * and looks at no environment variable, so it runs in a browser's Web Worker
 * as it runs here (a test bundles it for the browser and fails on any Node
 * built-in). `index.ts` wraps it with file loading, worker pools and writing.
 *
 *   scenario text → scenarioFromText → Scenario.parameters
 *                 → runScenario({ runUnits: simulateUnitsHere }) → replications' aggregates and metrics
 *                 → summarise, pairedDifference
 */
export { buildScenario, memoryFiles, scenarioFromObject, scenarioFromText, type Assignment, type LoadOptions, type Scenario, type ScenarioFiles, type TextScenarioOptions } from './params/scenario.js';
export { applyOverlay } from './params/overlay.js';
export { ScenarioError, formatProblem, type Problem } from './params/problems.js';
export { parametersSchema, type Parameters } from './params/schema.js';
export { runScenario, assembleRun, combineReplications, type RunOptions, type RunOutput, type ReplicationResult } from './sim/run.js';
export { simulateUnit, simulateUnitsHere, type UnitOptions, type UnitResult, type UnitRunner, type UnitTask } from './sim/unit.js';
export { planUnits, type UnitKey } from './sim/units.js';
export { EXECUTORS, DEFAULT_EXECUTOR, type ExecutorKind } from './sim/executor/index.js';
export { METRICS, METRIC_NAMES, metricsOf, type MetricName } from './collect/metrics.js';
export { mergeAggregates, type Aggregates } from './collect/aggregates.js';
export { summariseMetrics, type MetricSummaries } from './collect/summaries.js';
export { summarise, confidenceHalfWidth, type Summary } from './stats/summary.js';
export { pairedDifference, type PairedDifference } from './stats/paired.js';
export { expectedShortfall } from './stats/expectedShortfall.js';
