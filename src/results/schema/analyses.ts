/**
 * The results.json of the analyses (compare, sweep, sensitivity, calibrate).
 * Like a run's, only the `invocation` block differs between two runs with the
 * same inputs. The analyses build them (analysis/results.ts); the shapes are
 * here, with the other persisted ones, so reading them needs no analysis.
 */
import { z } from 'zod';
import { METRIC_NAMES } from '../../collect/metrics.js';
import type { Parameters } from '../../params/schema.js';
import {
  atLeastOne,
  citationsResolve,
  each,
  engineSchema,
  invocationSchema,
  list,
  metricName,
  metricSummaries,
  num,
  numbers,
  pairedDifferenceSchema,
  parameterPath,
  partOf,
  scenarioRecordSchema,
  text,
  WELL_FORMED,
} from './parts.js';
import { runLikeSchema, runParameterMetaSchema } from './run.js';

const common = { engine: engineSchema, seed: num, replications: atLeastOne, invocation: invocationSchema };
/** An analysis of one base scenario: which, and its resolved parameters (shown in a table, looked up by path) with their metadata. */
const ofScenario = { ...common, scenario: scenarioRecordSchema, parameters: partOf<Parameters>(z.object({})), parameterMeta: runParameterMetaSchema };

export const compareResultsSchema = z
  .object({
    kind: z.literal('compare'),
    ...common,
    /** Each scenario's full run results (base first), without their own invocation block. */
    scenarios: list(runLikeSchema, 1),
    differences: list(z.object({ scenario: text, base: text, metrics: z.object(each(METRIC_NAMES, pairedDifferenceSchema)) })),
  })
  .superRefine((r, ctx) => {
    // The summary looks both scenarios of a difference up by name.
    const names = new Set(r.scenarios.map((s) => s.scenario.name));
    r.differences.forEach((d, i) => {
      for (const key of ['base', 'scenario'] as const) {
        if (!names.has(d[key])) ctx.addIssue({ code: 'custom', path: ['differences', i, key], message: 'names no scenario in "scenarios"' });
      }
    });
  }, WELL_FORMED);
export type CompareResults = z.infer<typeof compareResultsSchema>;

const sweepAxisSchema = z.object({ path: parameterPath, values: numbers });
const sweepPointSchema = z.object({ values: z.record(parameterPath, num), summary: metricSummaries });

export const sweepResultsSchema = z
  .object({
    kind: z.literal('sweep'),
    ...ofScenario,
    axes: list(sweepAxisSchema, 1),
    points: list(sweepPointSchema, 1),
  })
  .superRefine((r, ctx) => {
    r.points.forEach((p, i) => {
      for (const axis of r.axes) {
        if (p.values[axis.path] === undefined) ctx.addIssue({ code: 'custom', path: ['points', i, 'values'], message: `has no value for the swept parameter "${axis.path}"` });
      }
    });
  }, WELL_FORMED)
  .superRefine(citationsResolve, WELL_FORMED);
export type SweepResults = z.infer<typeof sweepResultsSchema>;

/** A parameter left out of a sensitivity analysis, or varied with a warning, and why. */
const parameterNote = z.object({ path: parameterPath, reason: text });

export const sensitivityResultsSchema = z
  .object({
    kind: z.literal('sensitivity'),
    ...ofScenario,
    metric: metricName,
    baseMean: num,
    rows: list(
      z.object({
        path: parameterPath,
        description: text,
        unit: text,
        /** The parameter's value in the base scenario. */
        base: z.unknown(),
        low: num,
        high: num,
        /** Mean of the metric with the parameter at its low and at its high value. */
        atLow: num,
        atHigh: num,
        swing: pairedDifferenceSchema,
      }),
    ),
    skipped: list(parameterNote),
    warnings: list(parameterNote),
  })
  .superRefine(citationsResolve, WELL_FORMED);
export type SensitivityResults = z.infer<typeof sensitivityResultsSchema>;

/** A calibration target: a value with an absolute tolerance, or an interval. */
const wanted = z.union([z.object({ value: num, tolerance: num }), z.object({ low: num, high: num })], { error: 'must be { value, tolerance } or { low, high }, with numbers' });

const calibrationSchema = z
  .object({
    targets: list(z.object({ metric: metricName, wanted })),
    free: list(z.object({ path: parameterPath, low: num, high: num })),
    values: z.record(parameterPath, num),
    achieved: list(z.object({ metric: metricName, wanted, simulated: num, miss: num, within: z.boolean() })),
    reached: z.boolean(),
    objective: num,
    evaluations: num,
    /** Every evaluation of the search: the free parameters' values, each target's simulated mean (in target order), the objective. */
    trace: list(z.object({ values: z.record(text, num), simulated: numbers, objective: num })),
  })
  .superRefine((c, ctx) => {
    for (const f of c.free) {
      if (c.values[f.path] === undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: `has no calibrated value for the free parameter "${f.path}"` });
    }
  }, WELL_FORMED);

export const calibrationResultsSchema = z
  .object({
    kind: z.literal('calibrate'),
    ...ofScenario,
    calibration: calibrationSchema,
    /** The overlay scenario written with the calibrated values; null when a target was missed and none was written. */
    overlayFile: text.nullable(),
  })
  .superRefine(citationsResolve, WELL_FORMED);
export type CalibrationResults = z.infer<typeof calibrationResultsSchema>;
