/**
 * Random but valid scenarios for the property tests: every parameter the
 * schema (`src/params/schema.ts`) lets vary is drawn inside its constraints,
 * written as a `--set` override of the baseline and loaded through
 * `loadScenario`, so the tests go through the same validation as the CLI.
 *
 * Runs are kept small (200-600 claims, 500-2,000 sellers, 1-3 teams) so that a
 * property can afford a few dozen of them; each test file says how many cases
 * each property runs.
 */
import fc from 'fast-check';
import { CLAIM_OUTCOMES } from '../../src/machines/claim.js';
import type { Aggregates, PathMoney } from '../../src/collect/aggregates.js';
import { loadScenario } from '../../src/params/load.js';
import type { Parameters } from '../../src/params/schema.js';
import { runScenario, type RunOutput } from '../../src/sim/run.js';
import { behaviourLevers, between, policyLevers, probability, screeningLevers, shareValues } from '../support/arbitraries.js';
import { onWorkers } from '../../src/sim/pool.js';

/** Every property in this suite replays the same cases. */
export const SEED = 20261121;

/** A generated case: `--set` overrides of the baseline and the run's seed. */
export interface Case {
  readonly set: readonly string[];
  readonly seed: number;
}

type Knob = number | boolean | string;

/** Mostly in the usual range, sometimes anywhere in the allowed one. */
const mostly = (usual: fc.Arbitrary<number>, allowed: fc.Arbitrary<number>) => fc.oneof({ arbitrary: usual, weight: 3 }, { arbitrary: allowed, weight: 1 });

/** A threshold (USD): mostly where claims are (the baseline's median claim is $200, 82% are under $1,000), sometimes up to $20,000. */
export const thresholdArb = mostly(between(0, 2500), between(0, 20000));
const whole = (min: number, max: number) => fc.integer({ min, max });

/** Shares of a categorical choice (see `shareValues`), as a YAML flow mapping, numbers in full (shortest round-trip) precision. */
export function sharesArb<K extends string>(keys: readonly [K, ...K[]]): fc.Arbitrary<string> {
  return shareValues(keys).map((values) => `{${keys.map((k) => `${k}: ${String(values[k])}`).join(', ')}}`);
}

/** Two deductibles and the share of insured sellers holding the first. */
const deductiblesArb = fc.tuple(between(0, 10000), between(0, 10000), probability).map(([a, b, p]) => `[{usd: ${a}, share: ${p}}, {usd: ${b}, share: ${1 - p}}]`);

/** The insurers of a team, with no more Accelerator partners than insurers. */
const insurersArb = whole(1, 8).chain((perTeam) => fc.record({ 'insurers.perTeam': fc.constant(perTeam), 'insurers.acceleratorPartners': whole(0, perTeam) }));

/** A surge that ends inside the 365-day filing year (the schema checks startDay + days <= filingDays). */
const surgeArb = fc.record({
  'volume.surge.startDay': whole(0, 200),
  'volume.surge.days': whole(0, 150),
  'volume.surge.multiplier': between(0.5, 4),
});

/** Every varied parameter, by its path. */
const knobsArb: fc.Arbitrary<Record<string, Knob>> = fc
  .tuple(
    fc.record({
      'volume.claims': whole(200, 600),
      'volume.rateCv': mostly(fc.constant(0), between(0, 0.5)),
      'sellers.perClaim': between(1, 10),
      'customers.perClaim': between(5, 100),
      'world.teams': whole(1, 3),
      'horizon.runoffDays': whole(0, 365),
      'filing.windowDays': mostly(between(30, 120), between(0, 120)),
      'filing.meanDelayDays': between(1, 30),
      'policy.threshold': thresholdArb,
      'policy.maxClaim': between(1000, 1e6),
      'policy.paymentLagDays': between(0, 5),
      ...policyLevers,
      'policy.insurance.requiredAboveMonthlySales': between(0, 50000),
      'policy.insurance.requiredOfAll': fc.boolean(),
    }),
    fc.record({
      // Fabricated claims come on top of genuine ones: share / (1 - share) of them, so the share stays below 1.
      'fraud.share': between(0, 0.6),
      'fraud.buildUpShare': probability,
      'fraud.buildUpInflation': between(0, 2),
      'fraud.claimsPerFraudster': between(1, 6),
      'fraud.bunchingShare': probability,
      'fraud.bunchingBand': probability,
      ...screeningLevers,
      'screening.fullReviewAboveUsd': mostly(between(0, 2500), between(0, 20000)),
      'screening.capacityMultiple': between(0.5, 2),
      'claimsDesk.capacityMultiple': between(0.5, 2),
    }),
    fc.record({
      'sellers.monthlySalesMedianUsd': between(500, 10000),
      'sellers.monthlySalesSigma': between(0, 2.5),
      'sellers.defectSigma': between(0, 2),
      'sellers.insuredShareWhenRequired': probability,
      'sellers.insuredShareVoluntary': probability,
      'sellers.acceleratorShare': probability,
      'sellers.compliantShare': probability,
      'sellers.deductibles': deductiblesArb,
      'insurers.annualPremiumUsd': between(0, 2000),
      ...behaviourLevers(sharesArb),
    }),
    insurersArb,
    surgeArb,
  )
  .map((parts) => Object.assign({}, ...parts) as Record<string, Knob>);

/** `path=value` lines; later lines win, so `fixed` overrides what was drawn. */
function toSet(knobs: Record<string, Knob>): string[] {
  return Object.entries(knobs).map(([path, value]) => `${path}=${String(value)}`);
}

/**
 * A random valid scenario and seed. `fixed` pins parameters (by path) to
 * given values instead of drawing them.
 */
export function caseArb(fixed: Record<string, Knob> = {}): fc.Arbitrary<Case> {
  return fc.record({ knobs: knobsArb, seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }) }).map(({ knobs, seed }) => ({ set: toSet({ ...knobs, ...fixed }), seed }));
}

export function paramsOf(c: Case, extra: readonly string[] = []): Parameters {
  return loadScenario('scenarios/baseline.yaml', { set: [...c.set, ...extra] }).parameters;
}

export function runCase(c: Case, options: { replications?: number; extra?: readonly string[] } = {}): Promise<RunOutput> {
  return runScenario(paramsOf(c, options.extra), { seed: c.seed, replications: options.replications ?? 1, runUnits: onWorkers(1) });
}

/** The sum of one money field over the claims closed on every path and those still open: money counted per claim. */
export function byClaim(a: Aggregates, key: keyof Omit<PathMoney, 'count'>): number {
  return CLAIM_OUTCOMES.reduce((sum, o) => sum + a.outcomes[o][key], 0) + a.openMoney[key];
}

/** Claims closed, on any path. */
export function closedCount(a: Aggregates): number {
  return CLAIM_OUTCOMES.reduce((sum, o) => sum + a.outcomes[o].count, 0);
}
