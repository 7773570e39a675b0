/**
 * The compiled executor is XState, only faster: for every machine, under
 * generated policies, inputs and event sequences, it gives the same snapshot
 * (value, context, status) as XState's own executor after start and after
 * every event, and asks the world for the same things in the same order
 * (emits with their payloads, delays armed with id, delay and event, delays
 * cancelled). The runs must reach every state of every chart, every claim
 * outcome among them, so a generator that stopped reaching a path fails here
 * rather than silently testing less.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_OUTCOMES } from '../../../src/machines/claim.js';
import { createInsurerMachine } from '../../../src/machines/insurer.js';
import { loadScenario } from '../../../src/params/load.js';
import { createExecutor, EXECUTORS, IGNORE } from '../../../src/sim/executor/index.js';
import { baselineParams } from '../../support/claims.js';
import { asSet, leversArb, paramsWith, SEED } from './arbitraries.js';
import { checkEquivalence, MACHINE_CASES, type MachineCase, type Observed } from './machines.js';

/** Each machine's property runs once; its tests read what it observed. */
const runs = new Map<string, Observed>();
const observe = (c: MachineCase) => runs.get(c.name) ?? runs.set(c.name, checkEquivalence(c)).get(c.name)!;

describe('generated parameters', () => {
  it('are what loadScenario gives for the same --set lines (checked on a sample)', () => {
    for (const levers of fc.sample(leversArb, { seed: SEED, numRuns: 12 })) {
      expect(paramsWith(levers)).toEqual(loadScenario('scenarios/baseline.yaml', { set: asSet(levers) }).parameters);
    }
  });
});

describe('the initial context', () => {
  it('is a new object even when the context function returns the input, as XState makes it (its context function is an assign)', () => {
    const machine = createInsurerMachine(baselineParams());
    const input = { id: 4 };
    for (const kind of EXECUTORS) {
      const { context } = createExecutor(machine, kind).start(input, IGNORE);
      expect(context).toEqual({ id: 4 });
      expect(context, kind).not.toBe(input);
    }
  });
});

describe.each(MACHINE_CASES)('the $name machine under both executors', (c) => {
  it(`gives the same snapshots and sink calls for ${c.runs} generated runs, and the runs reach every state`, () => {
    const observed = observe(c);
    expect(observed.runs).toBe(c.runs);
    // Every state of the chart that is not eventless (those are left within the step).
    const missing = c.visits.filter((s) => !observed.visits.has(s));
    expect(missing, `states no run reached: ${missing.join(', ')}`).toEqual([]);
    const silent = c.messages.filter((m) => !observed.emitted.has(m));
    expect(silent, `effects no run emitted: ${silent.join(', ')}`).toEqual([]);
    // Events the state ignores are part of the sequences too.
    expect(observed.unchanged).toBeGreaterThan(c.runs / 10);
    if (c.afterEvents.length > 0) expect(observed.delaysTaken).toBeGreaterThan(c.runs / 10);
  });
});

describe('claim outcomes', () => {
  it('every outcome is reached by some run of the equivalence property', () => {
    const claim = MACHINE_CASES.find((c) => c.name === 'claim')!;
    const observed = observe(claim);
    const unreached = CLAIM_OUTCOMES.filter((o) => !observed.finals.has(o));
    expect(unreached, `outcomes no run reached: ${unreached.join(', ')}`).toEqual([]);
    // A run ends done only in an outcome.
    expect([...observed.finals.keys()].every((v) => (CLAIM_OUTCOMES as readonly string[]).includes(v))).toBe(true);
    console.log(`claim: ${observed.runs} runs, ${observed.steps} events; outcomes ${JSON.stringify(Object.fromEntries(observed.finals))}`);
  });
});
