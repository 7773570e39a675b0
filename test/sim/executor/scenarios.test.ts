/**
 * Every bundled scenario gives byte-identical results under either executor:
 * a small run of each (1,500 claims, 2 replications, seed 1, in this thread)
 * with the compiled tables and with XState's interpreter, compared as the JSON
 * the results are written from.
 */
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLAIM_OUTCOMES } from '../../../src/machines/claim.js';
import { loadScenario } from '../../../src/params/load.js';
import { CompiledExecutor } from '../../../src/sim/executor/compiledExecutor.js';
import type { ExecutorKind } from '../../../src/sim/executor/index.js';
import { XStateExecutor } from '../../../src/sim/executor/xstateExecutor.js';
import { runScenario } from '../../../src/sim/run.js';
import { onWorkers } from '../../../src/sim/pool.js';

const SCENARIOS = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('bundled scenarios under both executors', () => {
  it('are all here', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(11);
    expect(SCENARIOS).toContain('baseline.yaml');
  });

  afterEach(() => void vi.restoreAllMocks());

  /** A run, and how many steps each executor took in it (so a run that ignored the option would show). */
  async function run(file: string, executor: ExecutorKind) {
    const params = loadScenario(`scenarios/${file}`, { set: ['volume.claims=1500'] }).parameters;
    const compiledSteps = vi.spyOn(CompiledExecutor.prototype, 'send');
    const xstateSteps = vi.spyOn(XStateExecutor.prototype, 'send');
    const output = await runScenario(params, { seed: 1, replications: 2, runUnits: onWorkers(1), executor });
    const steps = { compiled: compiledSteps.mock.calls.length, xstate: xstateSteps.mock.calls.length };
    vi.restoreAllMocks();
    return { output, steps };
  }

  it.each(SCENARIOS)('%s gives the same output with the compiled tables and with XState', async (file) => {
    const { output: compiled, steps: a } = await run(file, 'compiled');
    const { output: xstate, steps: b } = await run(file, 'xstate');
    expect(a.compiled).toBeGreaterThan(1500);
    expect(a.xstate).toBe(0);
    expect(b).toEqual({ compiled: 0, xstate: a.compiled });
    // The runs did something: claims closed on some path.
    const closed = CLAIM_OUTCOMES.reduce((n, o) => n + compiled.pooled.outcomes[o].count, 0);
    expect(closed).toBeGreaterThan(1500);
    expect(JSON.stringify(compiled)).toBe(JSON.stringify(xstate));
  });
});
