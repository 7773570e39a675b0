/**
 * Reading saved results back in: a results.json for `report`, the partial
 * results of a sharded run for `merge`. Each file is checked against the shape
 * of its kind before anything reads it, so a truncated or hand-edited file is
 * refused with its name and the JSON path of each problem, not with a
 * TypeError from deep inside a chart.
 *
 * The schemas check what the readers index (report/summary.ts, report/html.ts,
 * report/charts/, export/tables.ts, and mergePartials with assembleRun), not
 * every field the engine writes, and let unknown fields through, except in a
 * partial's aggregates, which mergeAggregates adds up key by key (their strict
 * schema is collect/aggregates.ts's, which also defines their type).
 *
 * Phase: summarise (on the way back in from a file).
 */
import { NotARegularFile, readRegularFile } from '../io/readRegularFile.js';
import { z } from 'zod';
import { aggregatesSchema, AMOUNT_BIN_COUNT, DAYS_BIN_COUNT, MONTHLY_SERIES, seriesLengths, type Aggregates } from '../collect/aggregates.js';
import { METRIC_NAMES } from '../collect/metrics.js';
import { CLAIM_OUTCOMES } from '../machines/claim.js';
import { citedKeys, referencesSchema } from '../params/references.js';
import type { ShardSpec } from '../sim/units.js';
import type { CalibrationResults, CompareResults, SensitivityResults, SweepResults } from './analyses.js';
import type { PartialResult } from './partial.js';
import { InputError } from '../inputError.js';
import { parametersSchema } from '../params/schema.js';
import { parametersHash, unitProblems as unitContentProblems } from './verify.js';
import { ENGINE } from '../version.js';
import type { RunResults } from './results.js';

/** Any results.json the engine writes, told apart by `kind`. */
export type SavedResults = RunResults | CompareResults | SweepResults | SensitivityResults | CalibrationResults;

export const RESULT_KINDS = ['run', 'compare', 'sweep', 'sensitivity', 'calibrate'] as const;

/** A results or partial file that cannot be used; the message names the file and what is wrong. */
export class ResultsFileError extends InputError {
  override name = 'ResultsFileError';
}

/** How many problems a refusal lists before saying how many more there are. */
const PROBLEMS_SHOWN = 5;

// ---- Building blocks ----

const num = z.number();
const text = z.string();
const numbers = z.array(num);
const atLeastOne = z.number().int().min(1);
const wholeNumber = z.number().int().min(0);

/** Cross-field checks run only once every field has passed, so they read sound values and add no knock-on problems. */
const WELL_FORMED = { when: (payload: z.core.ParsePayload) => payload.issues.length === 0 };

/** One schema per key: every metric, every claim outcome, every monthly series. */
function each<T extends z.ZodType>(keys: readonly string[], value: T): Record<string, T> {
  return Object.fromEntries(keys.map((k) => [k, value]));
}

/**
 * Metric names and parameter paths become the charts' field titles, which
 * Vega-Lite writes into expressions: only names of the engine's own shape pass.
 */
const metricName = z.enum(METRIC_NAMES);
const parameterPath = z.string().regex(/^[A-Za-z_]\w*(\.\w+)*$/, 'must be a parameter path such as policy.threshold');

const engine = z.looseObject({ name: text, version: text });
/** References are shown as text and links, so they are checked as strictly as a scenario's: known fields, keys and web addresses only. */
const scenarioRecord = z.looseObject({ name: text, description: text, chain: z.array(text), hash: text, references: referencesSchema.optional() });
const invocation = z.looseObject({ command: z.array(text), startedAt: text, wallSeconds: num });
const parameterMeta = z.record(
  text,
  z.looseObject({ unit: text, description: text, tag: text, source: text, range: z.tuple([num, num]).optional(), changedBy: text.optional() }),
);
/**
 * Every `[key]` a parameter's source cites names one of the scenario's
 * references, as the loader made sure when the results were written (results
 * from before references existed have none to check).
 */
function citationsResolve(r: { scenario: { references?: Record<string, { accessed: string; note?: string | undefined }> | undefined }; parameterMeta: Record<string, { source: string }> }, ctx: z.RefinementCtx): void {
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

/** An analysis only shows its parameters in a table, looked up by path. */
const anyParameters = z.looseObject({});

const summary = z.looseObject({ mean: num, ciLow: num.nullable(), ciHigh: num.nullable(), p5: num, p50: num, p95: num, p99: num, n: num, es95: num.optional() });
/** A calibration target: a value with an absolute tolerance, or an interval. */
const wanted = z.union([z.looseObject({ value: num, tolerance: num }), z.looseObject({ low: num, high: num })], { error: 'must be { value, tolerance } or { low, high }, with numbers' });
const pairedDifference = z.looseObject({ mean: num, ciLow: num.nullable(), ciHigh: num.nullable(), significant: z.boolean() });
const band = z.looseObject({ mean: num, p5: num, p50: num, p95: num });
const pathMoney = z.looseObject({ count: num, marketplaceUsd: num, sellerUsd: num, insurerUsd: num, recoveredUsd: num });

/** Two lists read in step (bin edges and their counts) must be as long as each other. */
function inStep<A extends string, B extends string>(a: A, b: B) {
  return z.looseObject({ [a]: numbers, [b]: numbers } as Record<A | B, typeof numbers>).superRefine((h, ctx) => {
    const [la, lb] = [(h[a] as number[]).length, (h[b] as number[]).length];
    if (la !== lb) ctx.addIssue({ code: 'custom', path: [b], message: `has ${lb} entries but ${a} has ${la}` });
  }, WELL_FORMED);
}

// ---- results.json ----

/** A run's results as a report reads them; a comparison holds one per scenario, without the invocation. */
const runFields = {
  engine,
  scenario: scenarioRecord,
  seed: num,
  replications: atLeastOne,
  claimsPerReplication: num,
  parameters: z.looseObject({ policy: z.looseObject({ threshold: num }), horizon: z.looseObject({ filingDays: num }) }),
  parameterMeta,
  metrics: z.looseObject(each(METRIC_NAMES, z.looseObject({ unit: text, description: text }))),
  summary: z.looseObject(each(METRIC_NAMES, summary)),
  perReplication: z.looseObject(each(METRIC_NAMES, numbers)),
  outcomes: z.looseObject(each(CLAIM_OUTCOMES, pathMoney)),
  distributions: z.looseObject({ claimedUsd: inStep('binLowerUsd', 'counts'), daysToPayment: inStep('day', 'counts'), recoveryLag: inStep('day', 'usd') }),
  monthlyBands: z.looseObject(each(MONTHLY_SERIES, z.array(band))),
  development: z.array(numbers),
  monthly: z.looseObject({ monthStartDay: numbers, ...each(MONTHLY_SERIES, z.array(numbers)) }),
};

/** The monthly table reads one band of each series per month. */
function bandsCoverMonths(r: { monthlyBands: Record<string, unknown[]>; monthly: { monthStartDay: number[] } }, ctx: z.RefinementCtx): void {
  const months = r.monthly.monthStartDay.length;
  for (const series of MONTHLY_SERIES) {
    const got = r.monthlyBands[series]?.length ?? 0;
    if (got !== months) ctx.addIssue({ code: 'custom', path: ['monthlyBands', series], message: `has ${got} months but monthly.monthStartDay has ${months}` });
  }
}

const runLike = z.looseObject(runFields).superRefine(bandsCoverMonths, WELL_FORMED).superRefine(citationsResolve, WELL_FORMED);

const common = { engine, seed: num, replications: atLeastOne, invocation };
const described = { scenario: scenarioRecord, parameters: anyParameters, parameterMeta };

const schemas = {
  run: z.looseObject({ kind: z.literal('run'), ...runFields, invocation }).superRefine(bandsCoverMonths, WELL_FORMED).superRefine(citationsResolve, WELL_FORMED),

  compare: z
    .looseObject({
      kind: z.literal('compare'),
      ...common,
      scenarios: z.array(runLike).min(1),
      differences: z.array(z.looseObject({ scenario: text, base: text, metrics: z.looseObject(each(METRIC_NAMES, pairedDifference)) })),
    })
    .superRefine((r, ctx) => {
      // The summary looks both scenarios of a difference up by name.
      const names = new Set(r.scenarios.map((s) => s.scenario.name));
      r.differences.forEach((d, i) => {
        for (const key of ['base', 'scenario'] as const) {
          if (!names.has(d[key])) ctx.addIssue({ code: 'custom', path: ['differences', i, key], message: 'names no scenario in "scenarios"' });
        }
      });
    }, WELL_FORMED),

  sweep: z
    .looseObject({
      kind: z.literal('sweep'),
      ...common,
      ...described,
      axes: z.array(z.looseObject({ path: parameterPath, values: numbers })).min(1),
      points: z.array(z.looseObject({ values: z.record(parameterPath, num), summary: z.looseObject(each(METRIC_NAMES, summary)) })).min(1),
    })
    .superRefine((r, ctx) => {
      r.points.forEach((p, i) => {
        for (const axis of r.axes) {
          if (p.values[axis.path] === undefined) ctx.addIssue({ code: 'custom', path: ['points', i, 'values'], message: `has no value for the swept parameter "${axis.path}"` });
        }
      });
    }, WELL_FORMED)
    .superRefine(citationsResolve, WELL_FORMED),

  sensitivity: z
    .looseObject({
      kind: z.literal('sensitivity'),
      ...common,
      ...described,
      metric: metricName,
      baseMean: num,
      rows: z.array(z.looseObject({ path: parameterPath, description: text, unit: text, low: num, high: num, atLow: num, atHigh: num, swing: pairedDifference })),
      skipped: z.array(z.looseObject({ path: parameterPath, reason: text })),
      warnings: z.array(z.looseObject({ path: parameterPath, reason: text })),
    })
    .superRefine(citationsResolve, WELL_FORMED),

  calibrate: z.looseObject({
    kind: z.literal('calibrate'),
    ...common,
    ...described,
    calibration: z
      .looseObject({
        free: z.array(z.looseObject({ path: parameterPath, low: num, high: num })),
        values: z.record(parameterPath, num),
        achieved: z.array(z.looseObject({ metric: metricName, wanted: wanted, simulated: num, miss: num, within: z.boolean() })),
        reached: z.boolean(),
        evaluations: num,
      })
      .superRefine((c, ctx) => {
        for (const f of c.free) {
          if (c.values[f.path] === undefined) ctx.addIssue({ code: 'custom', path: ['values'], message: `has no calibrated value for the free parameter "${f.path}"` });
        }
      }, WELL_FORMED),
    overlayFile: text.nullable(),
  }).superRefine(citationsResolve, WELL_FORMED),
} satisfies Record<SavedResults['kind'], z.ZodType>;

/** A parsed results.json, checked against the shape of its kind. */
export function checkResults(data: unknown, file: string): SavedResults {
  const kind = isObject(data) ? data.kind : undefined;
  if (!RESULT_KINDS.includes(kind as SavedResults['kind'])) {
    throw new ResultsFileError(`${file}: not the results of a claimsim analysis (its "kind" must be one of ${RESULT_KINDS.join(', ')})`);
  }
  const checked = schemas[kind as SavedResults['kind']].safeParse(data, { reportInput: true });
  if (!checked.success) throw refusal(file, checked.error.issues);
  return data as SavedResults;
}

export function readResultsFile(file: string): SavedResults {
  return checkResults(readJson(file, 'results file'), file);
}

// ---- partial-I-of-N.json ----

/** What merge recomputes of a unit (results/verify.ts); compared there, so only its layout is checked here. */
const fingerprint = z.looseObject({ genuine: wholeNumber, fabricated: wholeNumber, firstClaims: z.array(z.looseObject({ claimedUsd: num, fraud: text })) });

const partial = z
  .looseObject({
    kind: z.literal('partial'),
    engine,
    scenario: scenarioRecord.extend({ parametersHash: text }),
    parameters: z.looseObject({
      world: z.looseObject({ teams: atLeastOne }),
      volume: z.looseObject({ claims: num }),
      policy: z.looseObject({ threshold: num }),
      horizon: z.looseObject({ filingDays: num.min(0), runoffDays: num.min(0) }),
    }),
    parameterMeta,
    seed: wholeNumber,
    replications: atLeastOne,
    shard: z.looseObject({ index: wholeNumber, count: atLeastOne }),
    units: z.array(z.looseObject({ replication: wholeNumber, team: wholeNumber, aggregates: aggregatesSchema, fingerprint })),
    wallSeconds: num,
  })
  .superRefine((p, ctx) => {
    if (p.shard.index >= p.shard.count) {
      ctx.addIssue({ code: 'custom', path: ['shard', 'index'], message: `must be below shard.count, ${p.shard.count} (got ${p.shard.index})` });
      return;
    }
    const shape = seriesLengths(p.parameters.horizon);
    p.units.forEach((u, i) => {
      for (const [path, want] of shapeMismatches(u.aggregates, shape)) ctx.addIssue({ code: 'custom', path: ['units', i, 'aggregates', ...path], message: want });
    });
    for (const [i, message] of unitProblems(p.units, p.replications, p.parameters.world.teams, p.shard)) ctx.addIssue({ code: 'custom', path: i === null ? ['units'] : ['units', i], message });
  }, WELL_FORMED)
  .superRefine(citationsResolve, WELL_FORMED);

/** Each list of `a` that is not as long as the run's horizon makes it, with what it should be. */
function shapeMismatches(a: Aggregates, shape: ReturnType<typeof seriesLengths>): [(string | number)[], string][] {
  const { months, days } = shape;
  const lists: [(string | number)[], readonly unknown[], number, string][] = [
    [['histograms', 'claimedUsd'], a.histograms.claimedUsd, AMOUNT_BIN_COUNT + 2, 'one per amount bin'],
    [['histograms', 'daysToPayment'], a.histograms.daysToPayment, DAYS_BIN_COUNT, 'one per day bin'],
    [['histograms', 'recoveryLagUsd'], a.histograms.recoveryLagUsd, DAYS_BIN_COUNT, 'one per day bin'],
    [['daily', 'backlog'], a.daily.backlog, days, 'one per day of the horizon'],
    ...MONTHLY_SERIES.map((s): [string[], number[], number, string] => [['monthly', s], a.monthly[s]!, months, 'one per month of the horizon']),
    [['development'], a.development, months, 'one row per month of the horizon'],
    ...a.development.map((row, m): [(string | number)[], number[], number, string] => [['development', m], row, months, 'one per month of the horizon']),
  ];
  return lists.filter(([, list, want]) => list.length !== want).map(([path, list, want, why]) => [path, `must have ${want} entries, ${why} (got ${list.length})`]);
}

/**
 * A shard holds exactly the units whose index in canonical order (replication
 * by replication, team by team; see sim/units.ts) is its index modulo the
 * shard count: nothing outside the run, nothing twice, none missing. Counted
 * rather than listed, so a huge `replications` costs nothing.
 */
function unitProblems(units: readonly { replication: number; team: number }[], replications: number, teams: number, shard: ShardSpec): [number | null, string][] {
  const problems: [number | null, string][] = [];
  const seen = new Set<number>();
  units.forEach((u, i) => {
    const unit = `replication ${u.replication}, team ${u.team}`;
    const index = u.replication * teams + u.team;
    if (u.replication >= replications || u.team >= teams) problems.push([i, `${unit} is outside the run (${replications} replications of ${teams} teams)`]);
    else if (index % shard.count !== shard.index) problems.push([i, `${unit} belongs to shard ${(index % shard.count) + 1} of ${shard.count}, not ${shard.index + 1}`]);
    else if (seen.has(index)) problems.push([i, `${unit} appears twice`]);
    seen.add(index);
  });
  const total = replications * teams;
  const expected = total > shard.index ? Math.floor((total - 1 - shard.index) / shard.count) + 1 : 0;
  if (problems.length === 0 && seen.size !== expected) problems.push([null, `holds ${seen.size} of the ${expected} units of shard ${shard.index + 1} of ${shard.count}`]);
  return problems;
}

/** A parsed partial-I-of-N.json, checked so that `mergePartials` can read it. */
export function checkPartial(data: unknown, file: string): PartialResult {
  if (!isObject(data) || data.kind !== 'partial') throw new ResultsFileError(`${file}: not a partial result`);
  // Before the shape: another version's aggregates may be laid out differently, and the version is what to tell.
  const written = engine.safeParse(data.engine);
  if (written.success && !sameEngine(written.data, ENGINE)) {
    throw new ResultsFileError(`${file}: written by ${written.data.name} ${written.data.version}; this is ${ENGINE.name} ${ENGINE.version}: merge with the version that wrote it, or run the shard again`);
  }
  const checked = partial.safeParse(data, { reportInput: true });
  if (!checked.success) throw refusal(file, checked.error.issues);
  const result = data as unknown as PartialResult;
  const problems = contentProblems(result);
  if (problems.length > 0) throw refusal(file, problems.map(([path, message]) => ({ code: 'custom', path, message, input: undefined })));
  return result;
}

/**
 * What the partial's content gets wrong (results/verify.ts): parameters that
 * are not a scenario's, or changed since the shard ran; units whose
 * aggregates break an invariant or are not the unit's.
 */
function contentProblems(p: PartialResult): [(string | number)[], string][] {
  const params = parametersSchema.safeParse(p.parameters);
  if (!params.success) {
    const first = params.error.issues[0]!;
    return [[['parameters', ...first.path.map((k) => (typeof k === 'symbol' ? String(k) : k))], `not the resolved parameters of a scenario: ${first.message}`]];
  }
  if (parametersHash(p.parameters) !== p.scenario.parametersHash) {
    return [[['scenario', 'parametersHash'], 'does not match the parameters this partial carries: they were changed after the shard ran (run the shard again)']];
  }
  const problems: [(string | number)[], string][] = [];
  p.units.forEach((u, i) => {
    try {
      for (const [path, message] of unitContentProblems(p.parameters, { seed: p.seed, replication: u.replication, team: u.team }, u.aggregates, u.fingerprint)) problems.push([['units', i, ...path], message]);
    } catch (e) {
      problems.push([['units', i], `cannot be checked (${(e as Error).message})`]);
    }
  });
  return problems;
}

export function readPartialFile(file: string): PartialResult {
  return checkPartial(readJson(file, 'partial result'), file);
}

// ---- Messages ----

/**
 * Results and partial files larger than this are refused before they are read:
 * a little under the longest string V8 can hold, which JSON.parse needs (a
 * partial holds about 13 KB per unit, so a shard may hold about 38,000 units).
 */
const MAX_RESULTS_BYTES = 500 * 1024 * 1024;

function readJson(file: string, what: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_RESULTS_BYTES, 'results and partial files');
  } catch (e) {
    if (e instanceof NotARegularFile) throw new ResultsFileError(`${file}: ${e.reason}`);
    throw e;
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (e) {
    throw new ResultsFileError(`${file}: not a readable ${what} (${(e as Error).message.split('\n')[0]})`);
  }
}

function sameEngine(a: { name: string; version: string }, b: { name: string; version: string }): boolean {
  return a.name === b.name && a.version === b.version;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first few problems, one line each, every line naming the file. */
function refusal(file: string, issues: readonly z.core.$ZodIssue[]): ResultsFileError {
  const lines = issues.slice(0, PROBLEMS_SHOWN).map((issue) => `${file}: ${problemText(issue)}`);
  const more = issues.length - PROBLEMS_SHOWN;
  if (more > 0) lines.push(`${file}: and ${more} more problem${more === 1 ? '' : 's'}`);
  return new ResultsFileError(lines.join('\n'));
}

/** `path: what is wrong`, in words rather than zod's. */
export function problemText(issue: z.core.$ZodIssue): string {
  const at = jsonPath(issue.path);
  const message = issueMessage(issue);
  return at ? `${at}: ${message}` : message;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * A JSON path as a reader would write it, quoting keys that are not identifiers.
 * @example jsonPath(['metrics', 'marketplace.netCost', 'mean']) // 'metrics."marketplace.netCost".mean'
 * @example jsonPath(['units', 3, 'team']) // 'units[3].team'
 */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`;
      const name = String(key);
      return `${i === 0 ? '' : '.'}${IDENTIFIER.test(name) ? name : JSON.stringify(name)}`;
    })
    .join('');
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  record: 'an object',
  array: 'an array',
  tuple: 'an array',
};

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      // zod reports an infinite number (1e400 in JSON) as received "Infinity", with no usable input.
      const received = (issue as { received?: unknown }).received;
      if (received !== undefined) return `expected ${expected} (got ${String(received)})`;
      return issue.input === undefined ? `missing (expected ${expected})` : `expected ${expected} (got ${describeValue(issue.input)})`;
    }
    case 'too_small':
      if (issue.origin === 'array') return Number(issue.minimum) === 1 ? 'must not be empty' : `must have at least ${issue.minimum} entries`;
      return `must be at least ${issue.minimum} (got ${describeValue(issue.input)})`;
    case 'too_big':
      if (issue.origin === 'array') return `must have at most ${issue.maximum} entries`;
      return `must be at most ${issue.maximum} (got ${describeValue(issue.input)})`;
    case 'invalid_value':
      if (issue.values.length > 4) return `is not one of the ${issue.values.length} names the engine knows here (such as ${issue.values.slice(0, 2).map((v) => JSON.stringify(v)).join(', ')})`;
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')} (got ${describeValue(issue.input)})`;
    case 'invalid_key':
      return issue.issues[0]?.message ?? issue.message;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    default:
      return issue.message;
  }
}

/** What a JSON value is, without echoing a long string or a whole object. */
function describeValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'string') return 'a string';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}
