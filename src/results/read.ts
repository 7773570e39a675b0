/**
 * Reading saved results back in: a results.json for `report`, the partial
 * results of a sharded run for `merge`. Each file is checked against the
 * schema of its kind (results/schema/) before anything reads it, so a
 * truncated or hand-edited file is refused with its name and the JSON path of
 * each problem (results/problems.ts), not with a TypeError from deep inside a
 * chart.
 *
 * Phase: summarise (on the way back in from a file).
 */
import { NotARegularFile, readRegularFile } from '../io/readRegularFile.js';
import { parametersSchema } from '../params/schema.js';
import { ENGINE } from '../version.js';
import { refusal, ResultsFileError } from './problems.js';
import { engineSchema } from './schema/parts.js';
import { RESULT_KINDS, RESULT_SCHEMAS, type SavedResults } from './schema/kinds.js';
import { partialSchema, type PartialResult } from './schema/partial.js';
import { parametersHash, unitProblems as unitContentProblems } from './verify.js';

export { jsonPath, problemText, ResultsFileError } from './problems.js';
export { RESULT_KINDS, type SavedResults } from './schema/kinds.js';

/** A parsed results.json, checked against the shape of its kind. */
export function checkResults(data: unknown, file: string): SavedResults {
  const kind = isObject(data) ? data.kind : undefined;
  if (!RESULT_KINDS.includes(kind as SavedResults['kind'])) {
    throw new ResultsFileError(`${file}: not the results of a claimsim analysis (its "kind" must be one of ${RESULT_KINDS.join(', ')})`);
  }
  const checked = RESULT_SCHEMAS[kind as SavedResults['kind']].safeParse(data, { reportInput: true });
  if (!checked.success) throw refusal(file, checked.error.issues);
  return data as SavedResults;
}

export function readResultsFile(file: string): SavedResults {
  return checkResults(readJson(file, 'results file'), file);
}

/** A parsed partial-I-of-N.json, checked so that `mergePartials` can read it. */
export function checkPartial(data: unknown, file: string): PartialResult {
  if (!isObject(data) || data.kind !== 'partial') throw new ResultsFileError(`${file}: not a partial result`);
  // Before the shape: another version's aggregates may be laid out differently, and the version is what to tell.
  const written = engineSchema.safeParse(data.engine);
  if (written.success && !sameEngine(written.data, ENGINE)) {
    throw new ResultsFileError(
      `${file}: written by ${written.data.name} ${written.data.version}; this is ${ENGINE.name} ${ENGINE.version}: merge with the version that wrote it, or run the shard again`,
    );
  }
  const checked = partialSchema.safeParse(data, { reportInput: true });
  if (!checked.success) throw refusal(file, checked.error.issues);
  const result = data as unknown as PartialResult;
  const problems = contentProblems(result);
  if (problems.length > 0)
    throw refusal(
      file,
      problems.map(([path, message]) => ({ code: 'custom', path, message, input: undefined })),
    );
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
      for (const [path, message] of unitContentProblems(p.parameters, { seed: p.seed, replication: u.replication, team: u.team }, u.aggregates, u.fingerprint))
        problems.push([['units', i, ...path], message]);
    } catch (e) {
      problems.push([['units', i], `cannot be checked (${(e as Error).message})`]);
    }
  });
  return problems;
}

export function readPartialFile(file: string): PartialResult {
  return checkPartial(readJson(file, 'partial result'), file);
}

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
