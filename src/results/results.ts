/**
 * The machine-readable result of a run: everything needed to read, chart and
 * reproduce it. Only `timing` differs between two runs with the same inputs;
 * everything else is a pure function of the scenario, the seed and the
 * replication count.
 *
 * Phase: summarise.
 */
import { amountBinLowerUsd, DAYS_PER_MONTH, MONTHLY_SERIES, type Aggregates, type ClaimExample, type MonthlySeries } from '../collect/aggregates.js';
import { METRIC_NAMES, METRICS, type MetricDefinition, type MetricName } from '../collect/metrics.js';
import { CLAIM_OUTCOMES, type ClaimOutcome } from '../machines/claim.js';
import type { ParamMeta } from '../params/meta.js';
import type { Reference } from '../params/references.js';
import type { Parameters } from '../params/schema.js';
import type { Scenario } from '../params/load.js';
import type { RunOutput } from '../sim/run.js';
import { summarise, type Summary } from '../stats/summary.js';
import { customerName, productName, sellerName } from '../sim/names.js';
import { ENGINE } from '../version.js';
import { parametersHash } from './verify.js';

/** What a result records of its scenario (paths relative to the working directory). */
export interface ScenarioRecord {
  readonly name: string;
  readonly description: string;
  readonly chain: readonly string[];
  readonly hash: string;
  /**
   * SHA-256 of the canonical JSON of the resolved parameters (see
   * results/verify.ts), which `merge` recomputes from the parameters a partial
   * carries. Absent only in results written before it existed.
   */
  readonly parametersHash?: string;
  readonly overrides: Readonly<Record<string, unknown>>;
  /**
   * The references of the scenario's `extends` chain, which its parameters'
   * sources cite as `[key]`. Always written; absent only in results written
   * before references existed.
   */
  readonly references?: Readonly<Record<string, Reference>>;
}

export function scenarioRecord(scenario: Scenario): ScenarioRecord {
  return { name: scenario.name, description: scenario.description, chain: scenario.chain.map(displayPath), hash: scenario.hash, parametersHash: parametersHash(scenario.parameters), overrides: scenario.overrides, references: scenario.references };
}

/** How a result was produced; the only part that differs between runs with the same inputs. */
export interface Invocation {
  readonly command: readonly string[];
  readonly startedAt: string;
  readonly wallSeconds: number;
  readonly claimsPerSecond: number;
  readonly workers: number;
  /** For a merged result: how many shards it was merged from. */
  readonly shards?: number;
}

export interface RunResults {
  readonly kind: 'run';
  readonly engine: { readonly name: string; readonly version: string };
  readonly scenario: ScenarioRecord;
  readonly seed: number;
  readonly replications: number;
  readonly claimsPerReplication: number;
  readonly parameters: Parameters;
  readonly parameterMeta: Readonly<Record<string, ParamMeta>>;
  readonly metrics: Readonly<Record<MetricName, { unit: string; description: string }>>;
  readonly summary: Readonly<Record<MetricName, Summary>>;
  readonly perReplication: Readonly<Record<MetricName, readonly number[]>>;
  /** Mean per replication of each claim path: how many claims ended there and who paid. */
  readonly outcomes: Readonly<Record<ClaimOutcome, { count: number; marketplaceUsd: number; sellerUsd: number; insurerUsd: number; recoveredUsd: number }>>;
  readonly openAtHorizonByState: Readonly<Record<string, number>>;
  readonly distributions: {
    readonly claimedUsd: { readonly binLowerUsd: readonly number[]; readonly counts: readonly number[] };
    readonly daysToPayment: { readonly day: readonly number[]; readonly counts: readonly number[] };
    /** Dollars recovered by days since the marketplace paid them. */
    readonly recoveryLag: { readonly day: readonly number[]; readonly usd: readonly number[] };
  };
  /** Each monthly series across replications: mean and 5th, 50th and 95th percentiles per month. */
  readonly monthlyBands: Readonly<Record<MonthlySeries, readonly Band[]>>;
  /** Marketplace payments (mean per replication) by month filed (rows) and months from filing to payment (columns). */
  readonly development: readonly (readonly number[])[];
  /** For `run --precision`: the target, whether it was reached, and each headline metric's relative half-width. */
  readonly precision?: { readonly target: number; readonly reached: boolean; readonly maxReplications: number; readonly achieved: Readonly<Record<string, number>> };
  /** Per month of the run: mean over replications, and each replication's series. */
  readonly monthly: {
    readonly monthStartDay: readonly number[];
    readonly filed: readonly (readonly number[])[];
    readonly concessionsUsd: readonly (readonly number[])[];
    readonly recoveriesUsd: readonly (readonly number[])[];
    readonly backlog: readonly (readonly number[])[];
  };
  /** The largest claims of the run, with their parties named (names are seeded, not real). */
  readonly largestClaims: readonly (ClaimExample & { customerName: string; sellerName: string; product: string })[];
  /** Command line and timing of this particular run; excluded when comparing results. */
  readonly invocation: Invocation;
}

export interface Band {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
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
  const perReplication = {} as Record<MetricName, number[]>;
  const summary = {} as Record<MetricName, Summary>;
  const metrics = {} as Record<MetricName, { unit: string; description: string }>;
  for (const name of METRIC_NAMES) {
    const def = METRICS[name] as MetricDefinition;
    perReplication[name] = reps.map((r) => r.metrics[name]);
    summary[name] = summarise(perReplication[name], { cost: def.cost === true });
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
      filed: series((a) => a.monthly.filed),
      concessionsUsd: series((a) => a.monthly.concessionsUsd),
      recoveriesUsd: series((a) => a.monthly.recoveriesUsd),
      backlog: series((a) => a.monthly.backlog),
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
