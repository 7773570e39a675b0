/**
 * A run's results.json: everything needed to read, chart and reproduce it.
 * Only `invocation` differs between two runs with the same inputs; everything
 * else is a pure function of the scenario, the seed and the replication count.
 */
import { z } from 'zod';
import { claimExampleSchema, FIRST_MONTHLY_SERIES, MONTHLY_SERIES, PAYER_MONTHLY_SERIES, pathMoneySchema } from '../../collect/aggregates.js';
import { METRIC_NAMES } from '../../collect/metrics.js';
import { CLAIM_OUTCOMES } from '../../machines/claim.js';
import type { ParamMeta } from '../../params/meta.js';
import type { Parameters } from '../../params/schema.js';
import {
  atLeastOne,
  citationsResolve,
  each,
  engineSchema,
  inStep,
  invocationSchema,
  list,
  metricSummaries,
  num,
  numbers,
  parameterMetaSchema,
  partOf,
  scenarioRecordSchema,
  text,
  summarySchema,
  WELL_FORMED,
} from './parts.js';

export const bandSchema = z.object({ mean: num, p5: num, p50: num, p95: num });
/** One month of a series across replications: its mean and 5th, 50th and 95th percentiles. */
export type Band = z.infer<typeof bandSchema>;

/** Open claims of one state (or all of them) at the horizon, each figure across replications (a replication without such claims counts 0). */
const openClaimsSchema = z.object({
  count: summarySchema,
  /** The claimed amounts of these claims less everything paid to their customers so far, by the marketplace, sellers and insurers (USD). */
  atStakeUsd: summarySchema,
});
export type OpenClaims = z.infer<typeof openClaimsSchema>;

/** One schema per monthly series: the first ones always present, the payers' absent only in results written before they were kept. */
function monthlySeries<T extends z.ZodType>(value: T) {
  return { ...each(FIRST_MONTHLY_SERIES, value), ...each(PAYER_MONTHLY_SERIES, value.optional()) };
}

/** The resolved parameters: the report reads the threshold and the filing period; the rest is shown by path. */
const runParametersSchema = partOf<Parameters>(z.object({ policy: z.object({ threshold: num }), horizon: z.object({ filingDays: num }) }));
export const runParameterMetaSchema = partOf<Readonly<Record<string, ParamMeta>>>(parameterMetaSchema);

/** A run's fields but its invocation: a comparison holds one per scenario. */
const runFields = {
  kind: z.literal('run'),
  engine: engineSchema,
  scenario: scenarioRecordSchema,
  seed: num,
  replications: atLeastOne,
  claimsPerReplication: num,
  parameters: runParametersSchema,
  parameterMeta: runParameterMetaSchema,
  metrics: z.object(each(METRIC_NAMES, z.object({ unit: text, description: text }))),
  summary: metricSummaries,
  perReplication: z.object(each(METRIC_NAMES, numbers)),
  /** Mean per replication of each claim path: how many claims ended there and who paid. */
  outcomes: z.object(each(CLAIM_OUTCOMES, z.object(pathMoneySchema.shape))),
  openAtHorizonByState: z.record(text, num),
  /**
   * Claims still open when the run ends, in all and by the state they wait in:
   * how many, and the amount still at stake (what they claim less what has
   * been paid on them), summarised across replications. Absent only in results
   * written before it existed.
   */
  openAtHorizon: z.object({ total: openClaimsSchema, byState: z.record(text, openClaimsSchema) }).optional(),
  distributions: z.object({
    claimedUsd: inStep('binLowerUsd', 'counts'),
    daysToPayment: inStep('day', 'counts'),
    /** Dollars recovered by days since the marketplace paid them. */
    recoveryLag: inStep('day', 'usd'),
  }),
  /** Each monthly series across replications, per month. */
  monthlyBands: z.object(monthlySeries(list(bandSchema))),
  /** Marketplace payments (mean per replication) by month filed (rows) and months from filing to payment (columns). */
  development: list(numbers),
  /** For `run --precision`: the target, whether it was reached, and each headline metric's relative half-width. */
  precision: z.object({ target: num, reached: z.boolean(), maxReplications: num, achieved: z.record(text, num) }).optional(),
  /** Per month of the run: mean over replications, and each replication's series. */
  monthly: z.object({ monthStartDay: numbers, ...monthlySeries(list(numbers)) }),
  /** The largest claims of the run, with their parties named (names are seeded, not real). */
  largestClaims: list(claimExampleSchema.extend({ customerName: text, sellerName: text, product: text })),
};

/** The monthly table reads one band of each series it has per month. */
function bandsCoverMonths(r: { monthlyBands: Record<string, readonly unknown[] | undefined>; monthly: { monthStartDay: readonly number[] } }, ctx: z.RefinementCtx): void {
  const months = r.monthly.monthStartDay.length;
  for (const series of MONTHLY_SERIES) {
    const bands = r.monthlyBands[series];
    if (bands === undefined && (PAYER_MONTHLY_SERIES as readonly string[]).includes(series)) continue;
    const got = bands?.length ?? 0;
    if (got !== months) ctx.addIssue({ code: 'custom', path: ['monthlyBands', series], message: `has ${got} months but monthly.monthStartDay has ${months}` });
  }
}

/** A run's results without the invocation, as a comparison holds them. */
export const runLikeSchema = z.object(runFields).superRefine(bandsCoverMonths, WELL_FORMED).superRefine(citationsResolve, WELL_FORMED);

export const runResultsSchema = z
  .object({
    ...runFields,
    /** Command line and timing of this particular run; excluded when comparing results. */
    invocation: invocationSchema,
  })
  .superRefine(bandsCoverMonths, WELL_FORMED)
  .superRefine(citationsResolve, WELL_FORMED);

export type RunResults = z.infer<typeof runResultsSchema>;
