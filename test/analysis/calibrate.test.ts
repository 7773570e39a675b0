/**
 * calibrate on a one-parameter toy whose answer is known without it: the
 * share of claims under the threshold rises with the threshold (the claims
 * are the same at every threshold, on common random numbers), so a target
 * above what the top of the range gives cannot be reached, and the best the
 * search finds is at the top; a target every threshold meets is met by the
 * first evaluation, and the search stops there.
 */
import { describe, expect, it } from 'vitest';
import { metricValues } from '../../src/analysis/runs.js';
import { CalibrationInputError } from '../../src/analysis/targets.js';
import { summarise } from '../../src/stats/summary.js';
import { cpuNow } from '../support/cpu.js';
import { calibrateFile, runFile } from '../support/analysisFiles.js';

const options = { seed: 4, replications: 2, workers: 1, set: ['volume.claims=1000', 'world.teams=2'] };
const BASE = 'scenarios/baseline.yaml';
/** policy.threshold has no declared range: calibrate searches half to one and a half times its value of 1,000. */
const [LOW, HIGH] = [500, 1500];
const share = async (threshold: number) =>
  summarise(metricValues((await runFile(BASE, options, { from: '--set', values: { 'policy.threshold': threshold } })).output, 'claims.underThresholdShare')).mean;

describe('calibrate', () => {
  it('reports a target it cannot reach as not reached, at the best values it found', async () => {
    const atTop = await share(HIGH);
    // Above what the top of the range gives, by more than the tolerance.
    const wanted = { value: Math.min(1, atTop + 0.05), tolerance: 0.001 };
    const c = await calibrateFile(BASE, [{ metric: 'claims.underThresholdShare', wanted }], ['policy.threshold'], { ...options, maxEvaluations: 8 });
    expect(c.reached).toBe(false);
    expect(c.achieved[0]!.within).toBe(false);
    expect(c.achieved[0]!.miss).toBeLessThan(0);
    expect(c.objective).toBeGreaterThan(0);
    // The share rises with the threshold (in steps, flat between claim amounts), so no point evaluated
    // does better than the highest one, and the search heads for the top of the range.
    expect(c.free).toEqual([{ path: 'policy.threshold', low: LOW, high: HIGH }]);
    const highest = c.trace.reduce((a, b) => (b.values['policy.threshold']! > a.values['policy.threshold']! ? b : a));
    expect(c.objective).toBe(highest.objective);
    expect(c.values['policy.threshold']!).toBeGreaterThan(LOW + 0.8 * (HIGH - LOW));
    // The trace holds every evaluation, and the best is its smallest objective.
    expect(c.trace).toHaveLength(8);
    expect(c.evaluations).toBe(8);
    expect(c.objective).toBe(Math.min(...c.trace.map((e) => e.objective)));
    for (const e of c.trace) expect(e.objective).toBeGreaterThan(0);
    // What it reports simulated is what a run at those values gives.
    expect(c.achieved[0]!.simulated).toBe(await share(c.values['policy.threshold']!));
  }, 300_000);

  it('stops at the first evaluation that meets every target', async () => {
    // Any threshold from $500 to $1,500 puts between 50% and 99% of claims under it.
    const c = await calibrateFile(BASE, [{ metric: 'claims.underThresholdShare', wanted: { low: 0.5, high: 0.99 } }], ['policy.threshold'], options);
    expect(c.reached).toBe(true);
    expect(c.evaluations).toBe(1);
    expect(c.objective).toBe(0);
    // Golden-section search first tries 1 - 0.618034 of the way along the range: 500 + 0.381966 * 1000, to 6 digits.
    expect(c.values).toEqual({ 'policy.threshold': 881.966 });
    expect(c.achieved[0]).toMatchObject({ miss: 0, within: true, simulated: await share(881.966) });
  }, 300_000);

  it.each([
    [
      'the same metric twice',
      [
        { metric: 'claims.fraudulentShare', wanted: { low: 0, high: 1 } },
        { metric: 'claims.fraudulentShare', wanted: { low: 0, high: 0.5 } },
      ],
      ['fraud.share'],
      /^--target claims\.fraudulentShare: given more than once/,
    ],
    ['an unknown metric', [{ metric: 'nope', wanted: { low: 0, high: 1 } }], ['fraud.share'], /^--target: unknown metric "nope"$/],
    ['the same free parameter twice', [{ metric: 'claims.fraudulentShare', wanted: { low: 0, high: 1 } }], ['fraud.share', 'fraud.share'], /^--free fraud\.share: given more than once$/],
    ['an unknown free parameter', [{ metric: 'claims.fraudulentShare', wanted: { low: 0, high: 1 } }], ['nope.x'], /^--free: unknown parameter "nope\.x"$/],
    ['no target', [], ['fraud.share'], /^calibrate needs at least one --target$/],
  ])('refuses %s before simulating', async (_name, targets, free, message) => {
    const t0 = cpuNow();
    const settled = await calibrateFile(BASE, targets, free, options).catch((e: unknown) => e);
    expect(settled).toBeInstanceOf(CalibrationInputError);
    expect((settled as Error).message).toMatch(message);
    expect(cpuNow() - t0, 'CPU ms').toBeLessThan(1000);
  });
});
