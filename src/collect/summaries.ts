/**
 * Every metric's per-replication values and their summary, from a run's
 * replications: what results.json calls `perReplication` and `summary`. One
 * function for the command line and for the report's what-if panel, so the
 * page's figures are the engine's to the last digit.
 *
 * Phase: collect (core).
 */
import { summarise, type Summary } from '../stats/summary.js';
import { METRIC_NAMES, METRICS, type MetricDefinition, type MetricName } from './metrics.js';

export interface MetricSummaries {
  readonly perReplication: Record<MetricName, number[]>;
  readonly summary: Record<MetricName, Summary>;
}

/** Each metric over `replications` (in order); cost metrics also get their tail measure. */
export function summariseMetrics(replications: readonly { readonly metrics: Readonly<Record<MetricName, number>> }[]): MetricSummaries {
  const perReplication = {} as Record<MetricName, number[]>;
  const summary = {} as Record<MetricName, Summary>;
  for (const name of METRIC_NAMES) {
    perReplication[name] = replications.map((r) => r.metrics[name]);
    summary[name] = summarise(perReplication[name], { cost: (METRICS[name] as MetricDefinition).cost === true });
  }
  return { perReplication, summary };
}
