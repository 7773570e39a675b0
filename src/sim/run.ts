/**
 * Running a scenario: every (replication, team) unit is simulated on its own
 * streams (by the runner given: this thread, or a pool of worker threads in
 * `pool.ts`), then teams are merged in index order
 * into replications and each replication's metrics computed. The merge order
 * is fixed, so results do not depend on how many workers ran, or on how the
 * units were split into shards.
 *
 * Phase: simulate → collect.
 */
import { mergeAggregates, type Aggregates } from '../collect/aggregates.js';
import { metricsOf, type MetricName } from '../collect/metrics.js';
import type { Parameters } from '../params/schema.js';
import type { UnitOptions, UnitResult, UnitRunner } from './unit.js';
import { planUnits } from './units.js';
import { InputError } from '../inputError.js';

export interface RunOptions extends UnitOptions {
  /** Simulates the units: `simulateUnitsHere` (unit.ts), or `onWorkers(n)` (pool.ts) in Node. */
  readonly runUnits: UnitRunner;
  readonly seed: number;
  readonly replications: number;
  /** Index of the first replication (default 0): later batches extend a run without changing it. */
  readonly firstReplication?: number;
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

export async function runScenario(params: Parameters, options: RunOptions): Promise<RunOutput> {
  if (!Number.isInteger(options.replications) || options.replications < 1) throw new InputError(`replications must be a whole number of at least 1, got ${options.replications}`);
  const first = options.firstReplication ?? 0;
  const units = planUnits(options.replications, params.world.teams, undefined, first);
  return assembleRun(options.replications, params.world.teams, await options.runUnits(params, options.seed, units, options), first);
}

/** Merges unit results (in any order) into replications; every unit must be present exactly once. */
export function assembleRun(replications: number, teams: number, units: readonly UnitResult[], first = 0): RunOutput {
  const grid: (Aggregates | undefined)[][] = Array.from({ length: replications }, () => new Array(teams));
  for (const u of units) {
    const r = u.replication - first;
    if (r < 0 || r >= replications || u.team >= teams) throw new RangeError(`unit (replication ${u.replication}, team ${u.team}) is outside the run`);
    if (grid[r]![u.team]) throw new RangeError(`unit (replication ${u.replication}, team ${u.team}) appears twice`);
    grid[r]![u.team] = u.aggregates;
  }
  return combineReplications(
    grid.map((row, i) => {
      const replication = first + i;
      for (let team = 0; team < teams; team++) {
        if (!row[team]) throw new RangeError(`unit (replication ${replication}, team ${team}) is missing`);
      }
      const aggregates = mergeAggregates(row as Aggregates[]);
      return { replication, aggregates, metrics: metricsOf(aggregates) };
    }),
  );
}

/** A run from replications (in order), with their pooled aggregates. */
export function combineReplications(replications: readonly ReplicationResult[]): RunOutput {
  return { replications, pooled: mergeAggregates(replications.map((r) => r.aggregates)) };
}
