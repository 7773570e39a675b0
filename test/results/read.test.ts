/**
 * Saved results read back in (src/results/read.ts): every kind of results.json
 * and the partials the engine writes pass the check; broken ones are refused
 * with the file and the JSON path of each problem, and `report` and `merge`
 * exit 2 on them writing nothing; and whatever passes the check, the readers
 * (report summary, HTML, charts, tables, mergePartials) read without throwing,
 * tried on thousands of mutations of real outputs.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mergeCommand } from '../../src/cli/commands/merge.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { reportFailure } from '../../src/cli/errors.js';
import { printRun } from '../../src/cli/format.js';
import { calibrationCsv, comparisonsCsv, sensitivityCsv, sweepCsv } from '../../src/export/analysisTables.js';
import { runTables } from '../../src/export/tables.js';
import { loadScenario } from '../../src/params/load.js';
import { chartsFor } from '../../src/report/charts/index.js';
import { buildReportHtml } from '../../src/report/html.js';
import { specToSvg } from '../../src/report/render.js';
import { headlineHeader, headlineRows, summaryParagraphs } from '../../src/report/summary.js';
import { buildCalibrationResults, buildCompareResults, buildSensitivityResults, buildSweepResults } from '../../src/analysis/results.js';
import { MergeError, mergePartials, partialFileName, partialResult, type PartialResult } from '../../src/results/partial.js';
import { checkPartial, checkResults, jsonPath, ResultsFileError, type SavedResults } from '../../src/results/read.js';
import { buildRunResults, scenarioRecord } from '../../src/results/results.js';
import { simulateUnits } from '../../src/sim/pool.js';
import { planUnits } from '../../src/sim/units.js';
import { fixture, removeTempDirs, tempDir } from '../hostile/harness.js';
import { calibrateFile, compareFiles, sensitivityOfFile, sweepFile } from '../support/analysisFiles.js';

const BASELINE = 'scenarios/baseline.yaml';
const SMALL = ['volume.claims=200', 'world.teams=2'];
const SEED = 3;
const options = { seed: SEED, replications: 2, workers: 1, set: SMALL };
const invocation = { command: ['claimsim', 'test'], startedAt: '2025-01-01T00:00:00.000Z', wallSeconds: 1, workers: 1 };

type Json = Record<string, unknown>;
/** What a file on disk holds: the value after a JSON round trip. */
const saved = (value: unknown): Json => JSON.parse(JSON.stringify(value)) as Json;

/** Real outputs of the engine, as written to disk. */
const real = {} as Record<SavedResults['kind'], Json>;
let partials: [Json, Json];

beforeAll(async () => {
  const comparison = await compareFiles([BASELINE, 'scenarios/threshold-2500.yaml'], options);
  const base = comparison.runs[0]!;
  real.run = saved(buildRunResults(base.output, { scenario: scenarioRecord(base.scenario), parameters: base.scenario.parameters, parameterMeta: base.scenario.meta, seed: SEED, invocation }));
  real.compare = saved(buildCompareResults(comparison, SEED, invocation));
  real.sweep = saved(buildSweepResults(await sweepFile(BASELINE, [{ path: 'policy.threshold', values: [500, 1500] }], options), SEED, invocation));
  real.sensitivity = saved(buildSensitivityResults(await sensitivityOfFile(BASELINE, { ...options, metric: 'marketplace.netCost', params: ['fraud.share'] }), SEED, invocation));
  const c = await calibrateFile(BASELINE, [{ metric: 'claims.fraudulentShare', wanted: { value: 0.12, tolerance: 0 } }], ['fraud.share'], { ...options, maxEvaluations: 2 });
  real.calibrate = saved(buildCalibrationResults(loadScenario(BASELINE, { set: SMALL }), 2, c, 'calibrated.yaml', SEED, invocation));
  const scenario = base.scenario;
  const shard = async (index: number) => {
    const spec = { index, count: 2 };
    const units = await simulateUnits(scenario.parameters, SEED, planUnits(2, scenario.parameters.world.teams, spec), { workers: 1 });
    return saved(partialResult({ scenario: scenarioRecord(scenario), parameters: scenario.parameters, parameterMeta: scenario.meta, seed: SEED, replications: 2, shard: spec, units, wallSeconds: 1 }));
  };
  partials = [await shard(0), await shard(1)];
}, 300_000);

afterAll(() => {
  vi.restoreAllMocks();
  removeTempDirs();
});

/** The message `check` refuses `data` with ('' if it accepts it). */
function refusal(check: (data: unknown, file: string) => unknown, data: unknown, file = 'results.json'): string {
  try {
    check(data, file);
  } catch (e) {
    expect(e).toBeInstanceOf(ResultsFileError);
    return (e as Error).message;
  }
  return '';
}

/** A copy of `value` with `edit` applied. */
function edited(value: Json, edit: (copy: any) => void): Json {
  const copy = structuredClone(value);
  edit(copy);
  return copy;
}

describe('what the engine writes passes', () => {
  it.each(['run', 'compare', 'sweep', 'sensitivity', 'calibrate'] as const)('%s results', (kind) => {
    expect(checkResults(real[kind], 'results.json')).toBe(real[kind]);
  });

  it('each partial of a sharded run', () => {
    for (const p of partials) expect(checkPartial(p, 'partial.json')).toBe(p);
  });

  it('with fields it does not know of', () => {
    expect(
      refusal(
        checkResults,
        edited(real.run, (r) => Object.assign(r, { addedLater: { x: [1] } }, { summary: { ...r.summary, 'new.metric': 'anything' } })),
      ),
    ).toBe('');
  });
});

describe('paths in messages', () => {
  it('quote keys that are not identifiers and index arrays', () => {
    expect(jsonPath(['metrics', 'marketplace.netCost', 'mean'])).toBe('metrics."marketplace.netCost".mean');
    expect(jsonPath(['units', 3, 'aggregates', 'development', 0])).toBe('units[3].aggregates.development[0]');
    expect(jsonPath([])).toBe('');
  });
});

describe('broken results are refused naming the file and the path', () => {
  const cases: [string, SavedResults['kind'], (r: any) => void, RegExp][] = [
    ['run without a summary', 'run', (r) => delete r.summary, /^results\.json: summary: missing \(expected an object\)$/],
    ['run with a metric missing', 'run', (r) => delete r.summary['marketplace.netCost'], /^results\.json: summary\."marketplace\.netCost": missing \(expected an object\)$/],
    [
      'run with a NaN-ish string for a mean',
      'run',
      (r) => (r.summary['marketplace.netCost'].mean = 'NaN'),
      /^results\.json: summary\."marketplace\.netCost"\.mean: expected a number \(got a string\)$/,
    ],
    [
      'run with a per-replication series that is not a list',
      'run',
      (r) => (r.perReplication['marketplace.netCost'] = { 0: 1 }),
      /^results\.json: perReplication\."marketplace\.netCost": expected an array \(got an object\)$/,
    ],
    [
      'run with a string among the per-replication values',
      'run',
      (r) => (r.perReplication['claims.filed'][1] = '12'),
      /^results\.json: perReplication\."claims\.filed"\[1\]: expected a number \(got a string\)$/,
    ],
    ['run with null for a claim path', 'run', (r) => (r.outcomes.recovered = null), /^results\.json: outcomes\.recovered: expected an object \(got null\)$/],
    [
      'run with histogram counts out of step with its bins',
      'run',
      (r) => r.distributions.claimedUsd.counts.pop(),
      /^results\.json: distributions\.claimedUsd\.counts: has \d+ entries but binLowerUsd has \d+$/,
    ],
    ['run with fewer monthly bands than months', 'run', (r) => (r.monthlyBands.concessionsUsd = []), /^results\.json: monthlyBands\.concessionsUsd: has 0 months but monthly\.monthStartDay has \d+$/],
    ['run without a threshold', 'run', (r) => delete r.parameters.policy, /^results\.json: parameters\.policy: missing \(expected an object\)$/],
    ['run with no replications', 'run', (r) => (r.replications = 0), /^results\.json: replications: must be at least 1 \(got 0\)$/],
    ['run with a fractional replication count', 'run', (r) => (r.replications = 2.5), /^results\.json: replications: expected a whole number \(got 2\.5\)$/],
    ['run with a range that is not a pair', 'run', (r) => (r.parameterMeta['fraud.share'].range = 'wide'), /^results\.json: parameterMeta\."fraud\.share"\.range: expected an array \(got a string\)$/],
    ['run with a numeric start time', 'run', (r) => (r.invocation.startedAt = 20250101), /^results\.json: invocation\.startedAt: expected a string \(got 20250101\)$/],
    // Every field of a persisted shape is its schema's, so fields no reader indexes are checked too.
    ['run without its largest claims', 'run', (r) => delete r.largestClaims, /^results\.json: largestClaims: missing \(expected an array\)$/],
    ['run with claims per second as text', 'run', (r) => (r.invocation.claimsPerSecond = 'fast'), /^results\.json: invocation\.claimsPerSecond: expected a number \(got a string\)$/],
    ['compare with no scenarios', 'compare', (r) => (r.scenarios = []), /^results\.json: scenarios: must not be empty$/],
    ['compare whose difference names no scenario', 'compare', (r) => (r.differences[0].base = 'elsewhere'), /^results\.json: differences\[0\]\.base: names no scenario in "scenarios"$/],
    [
      'compare with a verdict that is not true or false',
      'compare',
      (r) => (r.differences[0].metrics['marketplace.netCost'].significant = 'yes'),
      /^results\.json: differences\[0\]\.metrics\."marketplace\.netCost"\.significant: expected true or false \(got a string\)$/,
    ],
    ['compare whose scenario lacks its summary', 'compare', (r) => delete r.scenarios[1].summary, /^results\.json: scenarios\[1\]\.summary: missing \(expected an object\)$/],
    ['sweep with no points', 'sweep', (r) => (r.points = []), /^results\.json: points: must not be empty$/],
    ['sweep with no axes', 'sweep', (r) => (r.axes = []), /^results\.json: axes: must not be empty$/],
    ['sweep whose point lacks the swept value', 'sweep', (r) => (r.points[1].values = {}), /^results\.json: points\[1\]\.values: has no value for the swept parameter "policy\.threshold"$/],
    ['sweep whose point lacks a metric', 'sweep', (r) => delete r.points[0].summary['customers.validPaidShare'], /^results\.json: points\[0\]\.summary\."customers\.validPaidShare": missing/],
    ['sensitivity with a row without its swing', 'sensitivity', (r) => delete r.rows[0].swing, /^results\.json: rows\[0\]\.swing: missing \(expected an object\)$/],
    ['sensitivity with a base mean as text', 'sensitivity', (r) => (r.baseMean = '12.5'), /^results\.json: baseMean: expected a number \(got a string\)$/],
    ['sensitivity with skipped null', 'sensitivity', (r) => (r.skipped = null), /^results\.json: skipped: expected an array \(got null\)$/],
    ['calibrate with an evaluation of the search lost to null', 'calibrate', (r) => (r.calibration.trace[0] = null), /^results\.json: calibration\.trace\[0\]: expected an object \(got null\)$/],
    [
      'calibrate with a simulated value lost to null',
      'calibrate',
      (r) => (r.calibration.achieved[0].simulated = null),
      /^results\.json: calibration\.achieved\[0\]\.simulated: expected a number \(got null\)$/,
    ],
    // Metric names and parameter paths become chart field titles, which Vega-Lite writes into expressions.
    [
      'sweep with a parameter path no scenario has',
      'sweep',
      (r) => (r.axes[0].path = 'policy.thr\u2028eshold'),
      /^results\.json: axes\[0\]\.path: must be a parameter path such as policy\.threshold$/,
    ],
    [
      'sensitivity with a metric the engine does not have',
      'sensitivity',
      (r) => (r.metric = 'net\u2028cost'),
      /^results\.json: metric: is not one of the \d+ names the engine knows here \(such as "claims\.filed", /,
    ],
    [
      'calibrate with a target metric the engine does not have',
      'calibrate',
      (r) => (r.calibration.achieved[0].metric = 'x"y'),
      /^results\.json: calibration\.achieved\[0\]\.metric: is not one of the \d+ names/,
    ],
    ['calibrate without the calibrated value', 'calibrate', (r) => (r.calibration.values = {}), /^results\.json: calibration\.values: has no calibrated value for the free parameter "fraud\.share"$/],
    [
      'calibrate with a target that is neither a value nor an interval',
      'calibrate',
      (r) => (r.calibration.achieved[0].wanted = { value: 0.12 }),
      /^results\.json: calibration\.achieved\[0\]\.wanted: must be \{ value, tolerance \} or \{ low, high \}, with numbers$/,
    ],
    ['calibrate without saying whether it reached its targets', 'calibrate', (r) => delete r.calibration.reached, /^results\.json: calibration\.reached: missing \(expected true or false\)$/],
  ];
  it.each(cases)('%s', (_name, kind, edit, message) => {
    expect(refusal(checkResults, edited(real[kind], edit))).toMatch(message);
  });

  it('a kind and nothing else: the first five problems, then how many more', () => {
    const lines = refusal(checkResults, { kind: 'run' }, 'dir/results.json').split('\n');
    expect(lines.slice(0, 2)).toEqual(['dir/results.json: engine: missing (expected an object)', 'dir/results.json: scenario: missing (expected an object)']);
    expect(lines).toHaveLength(6);
    expect(lines[5]).toMatch(/^dir\/results\.json: and \d+ more problems$/);
  });

  it('not results at all', () => {
    for (const data of [42, null, [], { kind: 'partial' }, { kind: 'nonsense' }]) {
      expect(refusal(checkResults, data)).toBe('results.json: not the results of a claimsim analysis (its "kind" must be one of run, compare, sweep, sensitivity, calibrate, fit)');
    }
  });
});

describe('broken partials are refused naming the file and the path', () => {
  const cases: [string, (p: any) => void, RegExp][] = [
    ['without parameters', (p) => delete p.parameters, /^partial\.json: parameters: missing \(expected an object\)$/],
    ['with no teams', (p) => (p.parameters.world.teams = 0), /^partial\.json: parameters\.world\.teams: must be at least 1 \(got 0\)$/],
    ['with a shard index past the count', (p) => (p.shard.index = 2), /^partial\.json: shard\.index: must be below shard\.count, 2 \(got 2\)$/],
    ['with a unit left out', (p) => p.units.pop(), /^partial\.json: units: holds 1 of the 2 units of shard 1 of 2$/],
    ['with a unit twice', (p) => p.units.push(p.units[0]), /^partial\.json: units\[2\]: replication 0, team 0 appears twice$/],
    ['with a unit of the other shard', (p) => (p.units[0].team = 1), /^partial\.json: units\[0\]: replication 0, team 1 belongs to shard 2 of 2, not 1$/],
    ['with a unit outside the run', (p) => (p.units[0].replication = 7), /^partial\.json: units\[0\]: replication 7, team 0 is outside the run \(2 replications of 2 teams\)$/],
    [
      'with a monthly series cut short',
      (p) => p.units[1].aggregates.monthly.filed.pop(),
      /^partial\.json: units\[1\]\.aggregates\.monthly\.filed: must have \d+ entries, one per month of the horizon \(got \d+\)$/,
    ],
    ['with a development row too long', (p) => p.units[0].aggregates.development[0].push(0), /^partial\.json: units\[0\]\.aggregates\.development\[0\]: must have \d+ entries/],
    ['with an unknown list in the aggregates', (p) => (p.units[0].aggregates.money.extra = [1]), /^partial\.json: units\[0\]\.aggregates\.money: unknown key "extra"$/],
    ['with a count as text', (p) => (p.units[0].aggregates.claims.filed = '100'), /^partial\.json: units\[0\]\.aggregates\.claims\.filed: expected a number \(got a string\)$/],
    [
      'with a claim state named after an Object method',
      (p) => (p.units[0].aggregates.openByState.constructor = 1),
      /^partial\.json: units\[0\]\.aggregates\.openByState\.constructor: is not a claim state$/,
    ],
  ];
  it.each(cases)('%s', (_name, edit, message) => {
    expect(refusal(checkPartial, edited(partials[0], edit), 'partial.json')).toMatch(message);
  });

  it('not a partial at all', () => {
    for (const data of [42, [], { kind: 'run' }]) expect(refusal(checkPartial, data, 'partial.json')).toBe('partial.json: not a partial result');
  });
});

/** Arguments as yargs would hand them to a command's handler. */
const argv = <T extends object>(a: T) => ({ _: [], $0: 'claimsim', ...a }) as never;

/** Runs a command's handler with output captured; the exit code and stderr the CLI would give. */
async function cli(handler: () => unknown): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  let code = 0;
  try {
    await handler();
  } catch (e) {
    code = reportFailure(e);
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
  return { code, stdout, stderr };
}

describe('report and merge refuse broken files: exit 2, naming the file, writing nothing', () => {
  const dir = tempDir('claimsim-read-');

  it('report on a results.json with a valid "kind" and nothing else (was a TypeError, exit 1)', async () => {
    const out = join(dir, 'report-out');
    const file = fixture('results-kind-only.json');
    const r = await cli(() => reportCommand.handler(argv({ results: file, out })));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${file}: engine: missing (expected an object)\n`);
    expect(r.stderr).not.toMatch(/Cannot read properties/);
    expect(existsSync(out)).toBe(false);
  });

  it('merge on a partial-*.json with kind "partial" and nothing else (was a TypeError, exit 1)', async () => {
    const out = join(dir, 'merge-out');
    const file = fixture('partial-1-of-2.json');
    const r = await cli(() => mergeCommand.handler(argv({ dirs: [file], out })));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${file}: engine: missing (expected an object)\n`);
    expect(r.stderr).not.toMatch(/Cannot read properties/);
    expect(existsSync(out)).toBe(false);
  });

  it('report on a run whose mean is a string, and merge on a shard missing a unit', async () => {
    const file = join(dir, 'results.json');
    writeFileSync(file, JSON.stringify(edited(real.run, (r) => (r.summary['marketplace.netCost'].mean = 'NaN'))));
    const report = await cli(() => reportCommand.handler(argv({ results: file, out: join(dir, 'r') })));
    expect(report).toMatchObject({ code: 2, stderr: `error: ${file}: summary."marketplace.netCost".mean: expected a number (got a string)\n` });
    const shards = join(dir, 'shards');
    mkdirSync(shards);
    writeFileSync(join(shards, 'partial-1-of-2.json'), JSON.stringify(edited(partials[0], (p) => p.units.pop())));
    writeFileSync(join(shards, 'partial-2-of-2.json'), JSON.stringify(partials[1]));
    const merge = await cli(() => mergeCommand.handler(argv({ dirs: [shards] })));
    expect(merge.code).toBe(2);
    expect(merge.stderr).toMatch(new RegExp(`^error: ${join(shards, 'partial-1-of-2.json')}: units: holds 1 of the 2 units of shard 1 of 2\n(.*\n)+error: shard 1 of 2 missing\n$`));
    expect(existsSync(join(dir, 'r'))).toBe(false);
    expect(existsSync(join(shards, 'results.json'))).toBe(false);
  });

  it('merge of real partials, then report on its results.json, still work', async () => {
    const shards = join(dir, 'good');
    mkdirSync(shards);
    for (const p of partials) writeFileSync(join(shards, partialFileName(p.shard as PartialResult['shard'])), JSON.stringify(p));
    const merge = await cli(() => mergeCommand.handler(argv({ dirs: [shards] })));
    expect(merge.stderr).toBe('');
    expect(merge.code).toBe(0);
    const report = await cli(() => reportCommand.handler(argv({ results: join(shards, 'results.json'), out: join(dir, 'again') })));
    expect(report).toEqual({ code: 0, stdout: `report: ${join(dir, 'again', 'report.html')}\n`, stderr: '' });
  }, 300_000);
});

/**
 * Paths into `value` to break: every key and every list's first and last
 * element, descending into the first only (a list's elements share a shape),
 * and only a few parameters' metadata (each entry has the same shape).
 */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    return [[...at, 0], ...paths(value[0], [...at, 0]), ...(value.length > 1 ? [[...at, value.length - 1]] : [])];
  }
  const keys = Object.keys(value).slice(0, at[at.length - 1] === 'parameterMeta' ? 3 : undefined);
  return keys.flatMap((k) => [[...at, k], ...paths((value as Record<string, unknown>)[k], [...at, k])]);
}

/** Ways a value can be wrong in a file: gone, or of another type. */
const BREAKAGES: readonly [string, (parent: any, key: string | number) => void][] = [
  ['removed', (parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key])],
  ['a string', (parent, key) => (parent[key] = 'NaN')],
  ['null', (parent, key) => (parent[key] = null)],
  ['an empty list', (parent, key) => (parent[key] = [])],
];

function* mutations(value: Json): Generator<[string, Json]> {
  for (const path of paths(value)) {
    for (const [how, breakIt] of BREAKAGES) {
      yield [
        `${jsonPath(path)} ${how}`,
        edited(value, (copy) =>
          breakIt(
            path.slice(0, -1).reduce((node, k) => node[k], copy),
            path[path.length - 1]!,
          ),
        ),
      ];
    }
  }
}

/** Everything `report` reads of a results.json, short of rendering the charts. */
async function readLikeReport(r: SavedResults): Promise<void> {
  summaryParagraphs(r);
  headlineHeader(r);
  headlineRows(r);
  chartsFor(r);
  await buildReportHtml(r, []);
  if (r.kind === 'run') runTables(r);
  if (r.kind === 'compare') comparisonsCsv(r);
  if (r.kind === 'sweep') sweepCsv(r);
  if (r.kind === 'sensitivity') sensitivityCsv(r);
  if (r.kind === 'calibrate') calibrationCsv(r);
}

/** Text that breaks a Vega expression's string literal, HTML, or both. */
const HOSTILE = 'a\u2028b\u2029 "dq" \'sq\' back\\slash \\" </script><b>x</b> \u0000';

/** Paths of every string in `value`, keys excluded. */
function stringLeaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, Array.isArray(value) ? Number(k) : k]));
}

describe('hostile text in every string the check accepts', () => {
  it.each(['run', 'compare', 'sweep', 'sensitivity', 'calibrate'] as const)(
    '%s: every chart still renders',
    async (kind) => {
      let data = real[kind];
      let replaced = 0;
      for (const path of stringLeaves(data)) {
        if (path[0] === 'kind') continue;
        const candidate = edited(data, (copy) => (path.slice(0, -1).reduce((node, k) => node[k], copy)[path[path.length - 1]!] = HOSTILE));
        try {
          checkResults(candidate, 'results.json');
        } catch {
          continue;
        }
        data = candidate;
        replaced++;
      }
      expect(replaced, 'strings replaced').toBeGreaterThan(10);
      const charts = chartsFor(checkResults(data, 'results.json'));
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) await expect(specToSvg(chart.spec), chart.id).resolves.toMatch(/^<svg/);
    },
    300_000,
  );
});

describe('whatever passes the check, the readers read without throwing', () => {
  it.each(['run', 'compare', 'sweep', 'sensitivity', 'calibrate'] as const)(
    'mutations of %s results',
    async (kind) => {
      const crashes: string[] = [];
      let accepted = 0;
      for (const [what, data] of mutations(real[kind])) {
        let results: SavedResults;
        try {
          results = checkResults(data, 'results.json');
        } catch {
          continue;
        }
        accepted++;
        try {
          await readLikeReport(results);
        } catch (e) {
          crashes.push(`${what}: ${(e as Error).message}`);
        }
      }
      expect(crashes).toEqual([]);
      expect(accepted, 'some mutations (of fields no reader needs) are accepted').toBeGreaterThan(0);
    },
    300_000,
  );

  it('mutations of a partial, merged with the other shard', () => {
    const crashes: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      for (const [what, data] of mutations(partials[0])) {
        let partial: PartialResult;
        try {
          partial = checkPartial(data, 'partial.json');
        } catch {
          continue;
        }
        try {
          const merged = mergePartials([partial, partials[1] as unknown as PartialResult]);
          const { first } = merged;
          const results = buildRunResults(merged.output, { scenario: first.scenario, parameters: first.parameters, parameterMeta: first.parameterMeta, seed: first.seed, invocation });
          runTables(results);
          printRun(results, 'results.json');
        } catch (e) {
          if (!(e instanceof MergeError)) crashes.push(`${what}: ${(e as Error).message}`);
        }
      }
    } finally {
      write.mockRestore();
    }
    expect(crashes).toEqual([]);
  }, 300_000);
});

it('a refusal is input the user can fix: the CLI exits 2 and prints every line as an error', async () => {
  const e = await Promise.resolve()
    .then(() => reportCommand.handler(argv({ results: fixture('results-kind-only.json'), out: join(tempDir(), 'x') })))
    .then(
      () => undefined,
      (x: unknown) => x,
    );
  expect(e).toBeInstanceOf(ResultsFileError);
  const lines: string[] = [];
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => (lines.push(String(s)), true));
  let code: number;
  try {
    code = reportFailure(e);
  } finally {
    spy.mockRestore();
  }
  expect(code).toBe(2);
  // The kind-only fixture lacks every other field: five problems listed, then how many more.
  expect(lines).toHaveLength(6);
  for (const line of lines) expect(line).toMatch(/^error: \S*results-kind-only\.json: .+\n$/);
});
