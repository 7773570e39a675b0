/**
 * Replications until a target precision: run a first batch, estimate how many
 * replications each headline cost metric needs for its 95% interval's
 * half-width to be within `target` of its mean, run the missing ones as a new
 * batch (replication indices continue, so earlier ones never change), and
 * repeat until every metric is precise enough or the cap is reached. An
 * interval from fewer than MIN_REPLICATIONS_FOR_INTERVAL replications is not
 * meaningful, so the first batch is at least that large (within the cap) and
 * precision is never called reached on fewer.
 */
import { HEADLINE_COSTS, type MetricName } from '../collect/metrics.js';
import type { Parameters } from '../params/schema.js';
import { onWorkers, type PoolOptions } from '../sim/pool.js';
import { combineReplications, runScenario, type ReplicationResult, type RunOutput } from '../sim/run.js';
import { enoughForInterval, MIN_REPLICATIONS_FOR_INTERVAL } from '../stats/interval.js';
import { relativeHalfWidth, replicationsNeeded } from '../stats/precision.js';
import { summarise } from '../stats/summary.js';

export interface PrecisionOptions extends PoolOptions {
  readonly seed: number;
  /** Relative half-width to reach, e.g. 0.02. */
  readonly target: number;
  readonly initialReplications: number;
  readonly maxReplications: number;
  readonly metrics?: readonly MetricName[];
  /** Called after each batch with the replications run so far and the worst relative half-width. */
  readonly onBatch?: (replications: number, worst: number) => void;
}

export interface PrecisionOutcome {
  readonly output: RunOutput;
  readonly reached: boolean;
  /** Relative half-width of each metric at the end. */
  readonly achieved: Readonly<Record<string, number>>;
}

export async function runToPrecision(params: Parameters, options: PrecisionOptions): Promise<PrecisionOutcome> {
  const metrics = options.metrics ?? HEADLINE_COSTS;
  const all: ReplicationResult[] = [];
  let batch = Math.min(Math.max(MIN_REPLICATIONS_FOR_INTERVAL, options.initialReplications), options.maxReplications);
  for (;;) {
    const out = await runScenario(params, { ...options, runUnits: onWorkers(options.workers), replications: batch, firstReplication: all.length });
    all.push(...out.replications);
    const achieved = Object.fromEntries(metrics.map((m) => [m, relativeHalfWidth(summarise(all.map((r) => r.metrics[m])))]));
    const worst = Math.max(...Object.values(achieved));
    options.onBatch?.(all.length, worst);
    const reached = worst <= options.target && enoughForInterval(all.length);
    if (reached || all.length >= options.maxReplications) {
      return { output: combineReplications(all), reached, achieved };
    }
    const needed = replicationsNeeded(all.length, worst, options.target);
    batch = Math.min(Math.max(needed - all.length, 1), options.maxReplications - all.length);
  }
}
