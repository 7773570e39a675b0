/**
 * Running a scenario: every (replication, team) unit is simulated on its own
 * streams, teams are merged in index order into a replication, and each
 * replication's metrics are computed. The order of merging is fixed, so the
 * result does not depend on the order in which units were run.
 *
 * Phase: simulate → collect.
 */
import { mergeAggregates, type Aggregates } from '../collect/aggregates.js';
import { metricsOf, type MetricName } from '../collect/metrics.js';
import type { Parameters } from '../params/schema.js';
import { seedKey } from './random/streams.js';
import { createMachines, simulateTeam } from './world.js';

export interface RunOptions {
  readonly seed: number;
  readonly replications: number;
  /** Called after each (replication, team) unit with the number of units done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface ReplicationResult {
  readonly replication: number;
  readonly aggregates: Aggregates;
  readonly metrics: Record<MetricName, number>;
}

export interface RunOutput {
  readonly replications: readonly ReplicationResult[];
  /** All replications' aggregates added together, for pooled distributions. */
  readonly pooled: Aggregates;
}

export function runReplication(params: Parameters, seed: number, replication: number, machines = createMachines(params), onTeamDone?: () => void): ReplicationResult {
  const teams: Aggregates[] = [];
  for (let team = 0; team < params.world.teams; team++) {
    teams.push(simulateTeam(params, { seed: seedKey(seed), replication, team }, machines));
    onTeamDone?.();
  }
  const aggregates = mergeAggregates(teams);
  return { replication, aggregates, metrics: metricsOf(aggregates) };
}

export function runScenario(params: Parameters, options: RunOptions): RunOutput {
  if (!Number.isInteger(options.replications) || options.replications < 1) throw new RangeError(`replications must be a whole number of at least 1, got ${options.replications}`);
  const machines = createMachines(params);
  const replications: ReplicationResult[] = [];
  const units = options.replications * params.world.teams;
  let done = 0;
  const progress = options.onProgress && (() => options.onProgress!(++done, units));
  for (let r = 0; r < options.replications; r++) replications.push(runReplication(params, options.seed, r, machines, progress));
  return { replications, pooled: mergeAggregates(replications.map((r) => r.aggregates)) };
}
