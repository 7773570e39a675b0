/**
 * A run's results built from its replications (the shape, RunResults, is
 * results/schema/run.ts's).
 *
 * Phase: summarise.
 */
import { amountBinLowerUsd, DAYS_PER_MONTH, MONTHLY_SERIES, type Aggregates, type MonthlySeries } from '../collect/aggregates.js';
import { METRIC_NAMES, METRICS, type MetricDefinition, type MetricName } from '../collect/metrics.js';
import { summariseMetrics } from '../collect/summaries.js';
import { CLAIM_OUTCOMES, type ClaimOutcome } from '../machines/claim.js';
import type { ParamMeta } from '../params/meta.js';
import type { Parameters } from '../params/schema.js';
import type { Scenario } from '../params/load.js';
import type { RunOutput } from '../sim/run.js';
import { summarise } from '../stats/summary.js';
import { customerName, productName, sellerName } from '../sim/names.js';
import { ENGINE } from '../version.js';
import type { Band, OpenClaims, RunResults } from './schema/run.js';
import type { Invocation, ScenarioRecord } from './schema/parts.js';
import { parametersHash } from './verify.js';

export type { Band, OpenClaims, RunResults } from './schema/run.js';
export type { Invocation, ScenarioRecord } from './schema/parts.js';

export function scenarioRecord(scenario: Scenario): ScenarioRecord & { readonly parametersHash: string } {
  return {
    name: scenario.name,
    description: scenario.description,
    chain: scenario.chain.map(displayPath),
    hash: scenario.hash,
    parametersHash: parametersHash(scenario.parameters),
    overrides: scenario.overrides,
    references: scenario.references,
  };
}

export interface ResultsContext {
  readonly scenario: ScenarioRecord;
  readonly parameters: Parameters;
  readonly parameterMeta: Readonly<Record<string, ParamMeta>>;
  readonly seed: number;
  readonly invocation: Omit<Invocation, 'claimsPerSecond'>;
  readonly precision?: RunResults['precision'];
}

export function buildRunResults(output: RunOutput, ctx: ResultsContext): RunResults {
  const reps = output.replications;
  const n = reps.length;
  // The same summaries the report's what-if panel makes in the browser.
  const { perReplication, summary } = summariseMetrics(reps);
  const metrics = {} as Record<MetricName, { unit: string; description: string }>;
  for (const name of METRIC_NAMES) {
    const def = METRICS[name] as MetricDefinition;
    metrics[name] = { unit: def.unit, description: def.description };
  }
  const pooled = output.pooled;
  const outcomes = {} as RunResults['outcomes'] & Record<ClaimOutcome, RunResults['outcomes'][ClaimOutcome]>;
  for (const o of CLAIM_OUTCOMES) {
    const p = pooled.outcomes[o];
    outcomes[o] = { count: p.count / n, marketplaceUsd: p.marketplaceUsd / n, sellerUsd: p.sellerUsd / n, insurerUsd: p.insurerUsd / n, recoveredUsd: p.recoveredUsd / n };
  }
  const series = (pick: (a: Aggregates) => number[]) => reps.map((r) => pick(r.aggregates));
  const claims = ctx.parameters.volume.claims;
  return {
    kind: 'run',
    engine: ENGINE,
    scenario: ctx.scenario,
    seed: ctx.seed,
    replications: n,
    claimsPerReplication: claims,
    parameters: ctx.parameters,
    parameterMeta: ctx.parameterMeta,
    metrics,
    summary,
    perReplication,
    outcomes,
    openAtHorizonByState: Object.fromEntries(Object.entries(pooled.openByState).map(([k, v]) => [k, v / n])),
    openAtHorizon: openAtHorizon(
      reps.map((r) => r.aggregates),
      Object.keys(pooled.openByState),
    ),
    distributions: {
      claimedUsd: { binLowerUsd: pooled.histograms.claimedUsd.map((_, i) => amountBinLowerUsd(i)), counts: pooled.histograms.claimedUsd },
      daysToPayment: { day: pooled.histograms.daysToPayment.map((_, i) => i), counts: pooled.histograms.daysToPayment },
      recoveryLag: { day: pooled.histograms.recoveryLagUsd.map((_, i) => i), usd: pooled.histograms.recoveryLagUsd },
    },
    monthlyBands: Object.fromEntries(MONTHLY_SERIES.map((k) => [k, bands(series((a) => a.monthly[k]))])) as Record<MonthlySeries, Band[]>,
    development: pooled.development.map((row) => row.map((v) => v / n)),
    ...(ctx.precision ? { precision: ctx.precision } : {}),
    monthly: {
      monthStartDay: pooled.monthly.filed.map((_, i) => Math.round(i * DAYS_PER_MONTH * 100) / 100),
      ...(Object.fromEntries(MONTHLY_SERIES.map((k) => [k, series((a) => a.monthly[k])])) as Record<MonthlySeries, number[][]>),
    },
    largestClaims: pooled.largest.map((e) => {
      const unit = { seed: ctx.seed, replication: e.replication, team: e.team };
      return { ...e, customerName: customerName(unit, e.customer), sellerName: sellerName(unit, e.seller), product: productName(unit, e.claim) };
    }),
    invocation: {
      ...ctx.invocation,
      claimsPerSecond: ctx.invocation.wallSeconds > 0 ? (claims * n) / ctx.invocation.wallSeconds : 0,
    },
  };
}

/**
 * The claims open at the horizon, in all and in each of `states` (in that
 * order), summarised across replications: a replication with no claim in a
 * state counts 0 claims and $0 at stake there.
 */
export function openAtHorizon(reps: readonly Pick<Aggregates, 'openByState' | 'openAtStakeByState'>[], states: readonly string[]): NonNullable<RunResults['openAtHorizon']> {
  const sumOf = (record: Readonly<Record<string, number>>) => Object.values(record).reduce((s, v) => s + v, 0);
  const byState = (state: string): OpenClaims => ({
    count: summarise(reps.map((a) => a.openByState[state] ?? 0)),
    atStakeUsd: summarise(reps.map((a) => a.openAtStakeByState[state] ?? 0)),
  });
  return {
    total: { count: summarise(reps.map((a) => sumOf(a.openByState))), atStakeUsd: summarise(reps.map((a) => sumOf(a.openAtStakeByState))) },
    byState: Object.fromEntries(states.map((state) => [state, byState(state)])),
  };
}

/** Per month, the mean and percentiles of a series across replications. */
function bands(series: readonly (readonly number[])[]): Band[] {
  const months = series[0]?.length ?? 0;
  return Array.from({ length: months }, (_, m) => {
    const s = summarise(series.map((r) => r[m]!));
    return { mean: s.mean, p5: s.p5, p50: s.p50, p95: s.p95 };
  });
}

/** Paths relative to the working directory when inside it, so results do not leak home directories. */
function displayPath(path: string): string {
  const cwd = process.cwd();
  return path.startsWith(`${cwd}/`) ? path.slice(cwd.length + 1) : path;
}
