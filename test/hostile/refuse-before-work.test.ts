/**
 * Bad input must be refused before any simulation starts, not after minutes of
 * it. In process, with the simulation replaced by a stub that records its calls
 * and throws SIMULATION_STARTED: a refusal that comes after the stub was called
 * is work done before validation.
 *
 * compare, sweep and sensitivity were fixed (src/analysis/runs.ts loadFile)
 * while these tests were being written; before that, from the shell with the
 * default 20,000 claims x 10 replications, compare BASE BAD took ~15 s, sweep
 * --param policy.threshold=10,-5 ~14 s and sensitivity --param nosuch.param
 * ~9 s before exiting 2. `run` had two more, fixed since (src/cli/commands/run.ts):
 *   run BASE --event-log 0        ~20 s of simulation, then exit 2
 *   run BASE --replications 1e15  never finished: planUnits filled the heap
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AnalysisOptions } from '../../src/analysis/runs.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { InputError } from '../../src/inputError.js';
import { ScenarioError } from '../../src/params/problems.js';
import { runScenario } from '../../src/sim/run.js';
import { BASELINE, fixture, removeTempDirs, tempDir } from './harness.js';
import { compareFiles, sensitivityOfFile, sweepFile } from '../support/analysisFiles.js';

const SIMULATION_STARTED = 'SIMULATION_STARTED';
vi.mock('../../src/sim/run.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/sim/run.js')>()),
  runScenario: vi.fn(async () => {
    throw new Error(SIMULATION_STARTED);
  }),
}));

const dir = tempDir('claimsim-hostile-work-');
const OPTIONS: AnalysisOptions = { seed: 1, replications: 2, workers: 1 };
/** A bad overlay (world.teams: -3) from the corpus. */
const BAD = fixture('negative-teams.yaml');

const settled = (p: Promise<unknown>): Promise<unknown> =>
  p.then(
    (v) => v,
    (e: unknown) => e,
  );
const call = (fn: () => unknown): Promise<unknown> => (async () => fn())();
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
/** Arguments as yargs would hand them to a command's handler. */
const argv = <T extends object>(a: T) => ({ _: [], $0: 'claimsim', ...a }) as never;
/** Calls of the stub so far (it is never cleared: vitest's mockClear here made every later test fail). */
const simulations = () => vi.mocked(runScenario).mock.calls.length;

beforeAll(() => expect(vi.isMockFunction(runScenario)).toBe(true));
afterAll(() => {
  vi.restoreAllMocks();
  removeTempDirs();
});

describe('analyses refuse a bad scenario before simulating anything', () => {
  it('compare BASE BAD', async () => {
    const before = simulations();
    const e = await settled(compareFiles([BASELINE, BAD], OPTIONS));
    expect(e, message(e)).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).problems[0]).toMatchObject({ file: BAD, field: 'world.teams' });
    expect(simulations() - before, 'simulations started').toBe(0);
  });

  it('sweep with a bad later grid value (policy.threshold=10,-5)', async () => {
    const before = simulations();
    const e = await settled(sweepFile(BASELINE, [{ path: 'policy.threshold', values: [10, -5] }], OPTIONS));
    expect(e, message(e)).toBeInstanceOf(ScenarioError);
    // Blamed on the sweep's own option, not on a --set the user never typed.
    expect((e as ScenarioError).problems[0]).toMatchObject({ file: '--param', field: 'policy.threshold', message: 'must not be negative (got -5)' });
    expect(simulations() - before, 'simulations started').toBe(0);
  });

  it('sweep over a 2-D grid whose last point is bad', async () => {
    const axes = [
      { path: 'policy.threshold', values: [500, 1000] },
      { path: 'fraud.share', values: [0.1, 1.5] },
    ];
    const before = simulations();
    expect(await settled(sweepFile(BASELINE, axes, OPTIONS))).toBeInstanceOf(ScenarioError);
    expect(simulations() - before, 'simulations started').toBe(0);
  });

  it('sweep whose later point has too many teams for the replications', async () => {
    const before = simulations();
    const e = await settled(sweepFile(BASELINE, [{ path: 'world.teams', values: [8, 4096] }], { ...OPTIONS, replications: 100 }));
    expect(e, message(e)).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).problems[0]).toMatchObject({ file: '--replications', message: expect.stringMatching(/^100 replications of 4096 teams are 409600 team-replications/) });
    expect(simulations() - before, 'simulations started').toBe(0);
  });

  it('sensitivity --param nosuch.param', async () => {
    const before = simulations();
    const e = await settled(sensitivityOfFile(BASELINE, { ...OPTIONS, metric: 'marketplace.netCost', params: ['nosuch.param'] }));
    expect(message(e)).toMatch(/unknown parameter: nosuch\.param/);
    expect(simulations() - before, 'simulations started').toBe(0);
  });

  it('sensitivity --param of a parameter with no declared range', async () => {
    const before = simulations();
    const e = await settled(sensitivityOfFile(BASELINE, { ...OPTIONS, metric: 'marketplace.netCost', params: ['world.teams'] }));
    expect(message(e)).toMatch(/no low-high range declared in the scenario for: world\.teams/);
    expect(simulations() - before, 'simulations started').toBe(0);
  });
});

describe('run checks every option before simulating', () => {
  const runWith = (extra: object) =>
    settled(call(() => runCommand.handler(argv({ scenario: BASELINE, replications: 2, seed: 1, set: [], workers: 1, maxReplications: 200, out: join(dir, 'run-out'), ...extra }))));

  it.each([
    ['--event-log 0', { eventLog: 0 }, /^--event-log must be a whole number from 1 to 100000, got 0$/],
    ['--event-log -1', { eventLog: -1 }, /^--event-log must be a whole number from 1 to 100000, got -1$/],
    ['--event-log 1.5', { eventLog: 1.5 }, /^--event-log must be a whole number from 1 to 100000, got 1\.5$/],
    // Accepted before the fix: planUnits(1e15, teams) pushed one object per unit until the heap ran out.
    ['--replications 1e15', { replications: 1e15 }, /^--replications must be a whole number from 1 to 100000, got 1000000000000000$/],
    ['--precision 2', { precision: 2 }, /^--precision must be a share between 0 and 1/],
    ['--max-replications 1e9', { precision: 0.02, maxReplications: 1e9 }, /^--max-replications must be a whole number from 2 to 100000/],
    // Each team-replication holds ~20 KB until the run is assembled: 100000 x 4096 ran out of memory after 42 s.
    [
      '-r 100000 with 4096 teams',
      { replications: 100000, set: ['world.teams=4096'] },
      /^--replications: 100000 replications of 4096 teams are 409600000 team-replications; at most 100000 fit in memory/,
    ],
    ["-r 12501 with the baseline's 8 teams", { replications: 12501 }, /^--replications: 12501 replications of 8 teams are 100008 team-replications/],
    ['--precision with --max-replications 20000', { precision: 0.02, maxReplications: 20000 }, /^--max-replications: 20000 replications of 8 teams/],
  ])('%s', async (_label, extra, wanted) => {
    const before = simulations();
    const e = await runWith(extra);
    // Every user mistake is an input error (exit 2); a flag's is a UsageError or, for counts, wholeNumber's InputError.
    expect(e, message(e)).toBeInstanceOf(InputError);
    expect(message(e)).toMatch(wanted);
    expect(simulations() - before, 'simulations started').toBe(0);
    expect(readdirSync(dir)).not.toContain('run-out');
  });
});
