/**
 * The pieces every persisted shape is built from, and the cross-field checks
 * they share. A shape's schema is its one description: its TypeScript type is
 * inferred from it (z.infer), and the readers check files against it.
 *
 * Objects are `z.object`, which lets unknown keys through (a later engine may
 * add fields) and checks the known ones; the readers return the file's own
 * value, not zod's copy, so nothing is dropped on the way.
 */
import { z } from 'zod';
import { METRIC_NAMES } from '../../collect/metrics.js';
import { citedKeys, referencesSchema } from '../../params/references.js';
import type { PairedDifference } from '../../stats/paired.js';
import type { Summary } from '../../stats/summary.js';

export const num = z.number();
export const text = z.string();
export const atLeastOne = z.number().int().min(1);
export const wholeNumber = z.number().int().min(0);

/** A list that the code reads and never changes (so a builder may hand over its own readonly arrays). */
export function list<T extends z.ZodType>(item: T, min = 0) {
  return z.array(item).min(min).readonly();
}
export const numbers = list(num);

/** Cross-field checks run only once every field has passed, so they read sound values and add no knock-on problems. */
export const WELL_FORMED = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };

/** One schema per key, typed by the keys: every metric, every claim outcome, every monthly series. */
export function each<K extends string, T extends z.ZodType>(keys: readonly K[], value: T): Record<K, T> {
  return Object.fromEntries(keys.map((k) => [k, value])) as Record<K, T>;
}

/**
 * A part of a shape another module defines (a scenario's parameters and
 * their metadata, described by params/): checked for what the readers index,
 * and typed as the whole.
 */
export function partOf<T>(schema: z.ZodType): z.ZodType<T> {
  return schema as unknown as z.ZodType<T>;
}

/**
 * Metric names and parameter paths become the charts' field titles, which
 * Vega-Lite writes into expressions: only names of the engine's own shape pass.
 * A metric name is typed as the string the analyses hand over (after checking
 * it themselves), since nothing that reads it needs more.
 */
export const metricName: z.ZodType<string> = z.enum(METRIC_NAMES);
export const parameterPath = z.string().regex(/^[A-Za-z_]\w*(\.\w+)*$/, 'must be a parameter path such as policy.threshold');

export const engineSchema = z.object({ name: text, version: text });

/** References are shown as text and links, so they are checked as strictly as a scenario's: known fields, keys and web addresses only. */
export const scenarioRecordSchema = z.object({
  name: text,
  description: text,
  chain: list(text),
  hash: text,
  /**
   * SHA-256 of the canonical JSON of the resolved parameters (see
   * results/verify.ts), which `merge` recomputes from the parameters a partial
   * carries. Absent only in results written before it existed.
   */
  parametersHash: text.optional(),
  overrides: z.record(text, z.unknown()),
  /**
   * The references of the scenario's `extends` chain, which its parameters'
   * sources cite as `[key]`. Always written; absent only in results written
   * before references existed.
   */
  references: referencesSchema.optional(),
});
/** What a result records of its scenario (paths relative to the working directory). */
export type ScenarioRecord = z.infer<typeof scenarioRecordSchema>;

export const invocationSchema = z.object({
  command: list(text),
  startedAt: text,
  wallSeconds: num,
  claimsPerSecond: num,
  workers: num,
  /** For a merged result: how many shards it was merged from. */
  shards: num.optional(),
});
/** How a result was produced; the only part that differs between runs with the same inputs. */
export type Invocation = z.infer<typeof invocationSchema>;

export const parameterMetaSchema = z.record(text, z.object({ unit: text, description: text, tag: text, source: text, range: z.tuple([num, num]).optional(), changedBy: text.optional() }));

// The statistics' own types are stats/'s; `satisfies` keeps these schemas from drifting from them.
export const summarySchema = z.object({ mean: num, ciLow: num.nullable(), ciHigh: num.nullable(), p5: num, p50: num, p95: num, p99: num, n: num, es95: num.optional() }) satisfies z.ZodType<Summary>;
export const pairedDifferenceSchema = z.object({
  mean: num,
  ciLow: num.nullable(),
  ciHigh: num.nullable(),
  significant: z.boolean(),
  varianceReduction: num.nullable(),
  n: num,
}) satisfies z.ZodType<PairedDifference>;
/** Every metric's summary across replications. */
export const metricSummaries = z.object(each(METRIC_NAMES, summarySchema));

/** Two lists read in step (bin edges and their counts) must be as long as each other. */
export function inStep<A extends string, B extends string>(a: A, b: B) {
  return z.object({ [a]: numbers, [b]: numbers } as Record<A | B, typeof numbers>).superRefine((h, ctx) => {
    const lists = h as Record<string, readonly number[]>;
    const [la, lb] = [lists[a]!.length, lists[b]!.length];
    if (la !== lb) ctx.addIssue({ code: 'custom', path: [b], message: `has ${lb} entries but ${a} has ${la}` });
  }, WELL_FORMED);
}

/**
 * Every `[key]` a parameter's source cites names one of the scenario's
 * references, as the loader made sure when the results were written (results
 * from before references existed have none to check).
 */
export function citationsResolve(
  r: { scenario: { references?: Record<string, { accessed: string; note?: string | undefined }> | undefined }; parameterMeta: Record<string, { source: string }> },
  ctx: z.RefinementCtx,
): void {
  const references = r.scenario.references;
  if (references === undefined) return;
  const check = (text: string | undefined, path: (string | number)[]) => {
    for (const key of citedKeys(text ?? '')) {
      if (!Object.hasOwn(references, key)) ctx.addIssue({ code: 'custom', path, message: `cites [${key}], which scenario.references does not define` });
    }
  };
  for (const [path, m] of Object.entries(r.parameterMeta)) check(m.source, ['parameterMeta', path, 'source']);
  for (const [key, reference] of Object.entries(references)) {
    check(reference.accessed, ['scenario', 'references', key, 'accessed']);
    check(reference.note, ['scenario', 'references', key, 'note']);
  }
}
