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
 * ~9 s before exiting 2. `run` still has two such bugs (below, as known bugs):
 *   run BASE --event-log 0        ~20 s of simulation, then exit 2
 *   run BASE --replications 1e15  never finishes: planUnits fills the heap
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { compareScenarios } from '../../src/analysis/compare.js';
import type { AnalysisOptions } from '../../src/analysis/runs.js';
import { sensitivityOf } from '../../src/analysis/sensitivity.js';
import { sweepScenario } from '../../src/analysis/sweep.js';
import { runCommand } from '../../src/cli/commands/run.js';
import { UsageError } from '../../src/cli/errors.js';
import { ScenarioError } from '../../src/params/problems.js';
import { runScenario } from '../../src/sim/run.js';
import { BASELINE, expectKnownBug, fixture, removeTempDirs, tempDir } from './harness.js';

const SIMULATION_STARTED = 'SIMULATION_STARTED';
vi.mock('../../src/sim/run.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/sim/run.js')>()),
  runScenario: vi.fn(async () => {
    throw new Error(SIMULATION_STARTED);
  }),
}));

const dir = tempDir('claimsim-hostile-work-');
const OPTIONS: AnalysisOptions = { seed: 1, replications: 2, workers: 1, set: [] };
/** A bad overlay (world.teams: -3) from the corpus. */
const BAD = fixture('negative-teams.yaml');

const settled = (p: Promise<unknown>): Promise<unknown> => p.then((v) => v, (e: unknown) => e);
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
    const e = await settled(compareScenarios([BASELINE, BAD], OPTIONS));
    expect(e, message(e)).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).problems[0]).toMatchObject({ file: BAD, field: 'world.teams' });
    expect(simulations() - before, 'simulations started').toBe(0);
  });

  it('sweep with a bad later grid value (policy.threshold=10,-5)', async () => {
    const before = simulations();
    const e = await settled(sweepScenario(BASELINE, [{ path: 'policy.threshold', values: [10, -5] }], OPTIONS));
    expect(e, message(e)).toBeInstanceOf(ScenarioError);
    expect((e as ScenarioError).problems[0]).toMatchObject({ file: '--set', field: 'policy.threshold' });
    expect(simulations() - before, 'simulations started').toBe(0);
  });

  it('sweep over a 2-D grid whose last point is bad', async () => {
    const axes = [
      { path: 'policy.threshold', values: [500, 1000] },
      { path: 'fraud.share', values: [0.1, 1.5] },
    ];
    const before = simulations();
    expect(await settled(sweepScenario(BASELINE, axes, OPTIONS))).toBeInstanceOf(ScenarioError);
    expect(simulations() - before, 'simulations started').toBe(0);
  });

  it('sensitivity --param nosuch.param', async () => {
    const before = simulations();
    const e = await settled(sensitivityOf(BASELINE, { ...OPTIONS, metric: 'marketplace.netCost', params: ['nosuch.param'] }));
    expect(message(e)).toMatch(/unknown parameter: nosuch\.param/);
    expect(simulations() - before, 'simulations started').toBe(0);
  });

  it('sensitivity --param of a parameter with no declared range', async () => {
    const before = simulations();
    const e = await settled(sensitivityOf(BASELINE, { ...OPTIONS, metric: 'marketplace.netCost', params: ['world.teams'] }));
    expect(message(e)).toMatch(/no low-high range declared in the scenario for: world\.teams/);
    expect(simulations() - before, 'simulations started').toBe(0);
  });
});

describe('known bugs: run checks some options only after simulating', () => {
  it('run --event-log 0', async () => {
    const out = join(dir, 'event-log-out');
    const e = await settled(call(() => runCommand.handler(argv({ scenario: BASELINE, eventLog: 0, replications: 2, seed: 1, set: [], workers: 1, maxReplications: 200, out }))));
    expectKnownBug(() => expect(e, 'refused before any simulation').toBeInstanceOf(UsageError), /refused before any simulation/);
    expect(message(e)).toBe(SIMULATION_STARTED);
    expect(readdirSync(dir)).not.toContain('event-log-out');
  });

  it('run --replications 1e15: accepted (run allows up to 2^53 - 1, the other commands 100000) and handed to the simulation', async () => {
    const e = await settled(call(() => runCommand.handler(argv({ scenario: BASELINE, replications: 1e15, seed: 1, set: [], workers: 1, maxReplications: 200, out: join(dir, 'reps-out') }))));
    expectKnownBug(() => expect(e, 'refused before any simulation').toBeInstanceOf(UsageError), /refused before any simulation/);
    expect(message(e)).toBe(SIMULATION_STARTED);
    // The real runScenario calls planUnits(1e15, teams), which pushes one object per unit until the heap runs out.
    expect(vi.mocked(runScenario).mock.calls.at(-1)?.[1]).toMatchObject({ replications: 1e15 });
  });
});
