/**
 * One scenario, from the library: `simulate` gives the results `claimsim run`
 * writes to results.json, `simulateShard` one deterministic slice of them for
 * `merge`, and `runFiles` every file a run writes beside them. The command
 * line parses its options and calls these; so does a notebook.
 *
 * Phase: simulate → collect → summarise, then export and report.
 */
import { runToPrecision } from '../analysis/precision.js';
import { buildEventLog } from '../sim/eventLog.js';
import { eventLogCsv } from '../export/eventLogCsv.js';
import { toOcel } from '../export/ocel.js';
import { runTables } from '../export/tables.js';
import { InputError, wholeNumber } from '../inputError.js';
import type { Scenario } from '../params/scenario.js';
import { reportFiles, type ChartFormat } from '../report/write.js';
import { partialResult, type PartialResult } from '../results/partial.js';
import { buildRunResults, scenarioRecord, type RunResults } from '../results/results.js';
import { DEFAULT_EXECUTOR, type ExecutorKind } from '../sim/executor/index.js';
import { defaultWorkers, onWorkers, simulateUnits, usingPools } from '../sim/pool.js';
import { runScenario, type RunOutput } from '../sim/run.js';
import { planUnits, runSizeProblem, type ShardSpec } from '../sim/units.js';

export interface SimulateOptions {
  /** Independent replications (default 10); with `precision`, the first batch. */
  readonly replications?: number;
  /** Seed, 0 to 4294967295 (default 1): same seed, same results. */
  readonly seed?: number;
  /** Worker threads (default: the number of cores); results do not depend on it. */
  readonly workers?: number;
  /** How machines are stepped (default: compiled); results do not depend on it. */
  readonly executor?: ExecutorKind;
  /** Add replications until every headline cost's 95% interval is within `target` of its mean, up to `maxReplications`. */
  readonly precision?: { readonly target: number; readonly maxReplications: number; readonly onBatch?: (replications: number, worst: number) => void };
  /** Called as each (replication, team) unit finishes. */
  readonly onUnitDone?: (done: number, total: number) => void;
  /** Recorded in the results' invocation: what produced them (default `['simulate']`). */
  readonly command?: readonly string[];
}

const DEFAULTS = { replications: 10, seed: 1 } as const;

/** The results of running `scenario`: what `claimsim run` writes to results.json. */
export async function simulate(scenario: Scenario, options: SimulateOptions = {}): Promise<RunResults> {
  return usingPools(() => simulateOnPools(scenario, options));
}

async function simulateOnPools(scenario: Scenario, options: SimulateOptions): Promise<RunResults> {
  const started = new Date();
  const t0 = performance.now();
  const { replications, seed, workers } = checked(scenario, options);
  const run = { seed, workers, executor: options.executor };
  let output: RunOutput;
  let precision: RunResults['precision'];
  if (options.precision) {
    // Batches are counted by onBatch: a bar of units would start again at every batch.
    const { target, maxReplications, onBatch } = options.precision;
    const outcome = await runToPrecision(scenario.parameters, { ...run, target, initialReplications: replications, maxReplications, ...(onBatch ? { onBatch } : {}) });
    output = outcome.output;
    precision = { target, reached: outcome.reached, maxReplications, achieved: outcome.achieved };
  } else {
    output = await runScenario(scenario.parameters, { ...run, replications, onUnitDone: options.onUnitDone, runUnits: onWorkers(workers) });
  }
  return buildRunResults(output, {
    scenario: scenarioRecord(scenario),
    parameters: scenario.parameters,
    parameterMeta: scenario.meta,
    seed,
    invocation: { command: [...(options.command ?? ['simulate'])], startedAt: started.toISOString(), wallSeconds: (performance.now() - t0) / 1000, workers },
    precision,
  });
}

/** Shard `shard` of the run `simulate` would make: a partial result that `merge` puts together with the others. */
export async function simulateShard(scenario: Scenario, shard: ShardSpec, options: Omit<SimulateOptions, 'precision'> = {}): Promise<PartialResult> {
  const t0 = performance.now();
  const { replications, seed, workers } = checked(scenario, options);
  wholeNumber(shard.count, 'shard.count', 1);
  wholeNumber(shard.index, 'shard.index (from 0)', 0, shard.count - 1);
  const params = scenario.parameters;
  const units = await usingPools(() => simulateUnits(params, seed, planUnits(replications, params.world.teams, shard), { workers, executor: options.executor, onUnitDone: options.onUnitDone }));
  return partialResult({ scenario: scenarioRecord(scenario), parameters: params, parameterMeta: scenario.meta, seed, replications, shard, units, wallSeconds: (performance.now() - t0) / 1000 });
}

export interface RunFileOptions {
  /** Also the full history of this many sampled claims of replication 1 (events.csv, events.ocel.json). */
  readonly eventLogClaims?: number;
  /** Also each chart of the report as its own file. */
  readonly charts?: ChartFormat;
  /** How the event log's claims are stepped (default: compiled). */
  readonly executor?: ExecutorKind;
}

/** Most claims an event log follows: each is every step of its history, in memory until written. */
export const MAX_EVENT_LOG_CLAIMS = 100_000;

/** The event log's files, by name. */
export const EVENT_LOG_FILES = ['events.csv', 'events.ocel.json'] as const;

/** Every file a run writes, by name: results.json, the tables, the report, and what `options` asks for. */
export async function runFiles(results: RunResults, options: RunFileOptions = {}): Promise<Record<string, string | Buffer>> {
  const files: Record<string, string | Buffer> = { 'results.json': `${JSON.stringify(results, null, 2)}\n`, ...runTables(results) };
  if (options.eventLogClaims !== undefined) {
    const log = buildEventLog(results.parameters, results.seed, wholeNumber(options.eventLogClaims, 'eventLogClaims', 1, MAX_EVENT_LOG_CLAIMS), { executor: options.executor ?? DEFAULT_EXECUTOR });
    files['events.csv'] = eventLogCsv(log);
    files['events.ocel.json'] = `${JSON.stringify(toOcel(log), null, 2)}\n`;
  }
  return { ...files, ...(await reportFiles(results, options.charts ? { charts: options.charts } : {})) };
}

function checked(scenario: Scenario, options: SimulateOptions): { replications: number; seed: number; workers: number } {
  const replications = wholeNumber(options.replications ?? DEFAULTS.replications, 'replications', 1);
  const seed = wholeNumber(options.seed ?? DEFAULTS.seed, 'seed', 0, 0xffffffff);
  const workers = wholeNumber(options.workers ?? defaultWorkers(), 'workers', 1);
  if (options.precision) {
    const { target, maxReplications } = options.precision;
    if (!(target > 0 && target < 1)) throw new InputError(`precision.target must be a share between 0 and 1 (e.g. 0.02), got ${target}`);
    wholeNumber(maxReplications, 'precision.maxReplications', 2);
  }
  const most = options.precision ? Math.max(replications, options.precision.maxReplications) : replications;
  const tooBig = runSizeProblem(most, scenario.parameters.world.teams);
  if (tooBig) throw new InputError(`${options.precision ? 'maxReplications' : 'replications'}: ${tooBig}`);
  return { replications, seed, workers };
}
