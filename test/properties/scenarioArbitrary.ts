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

/** Every property in this suite replays the same cases. */
export const SEED = 20261121;

/** A generated case: `--set` overrides of the baseline and the run's seed. */
export interface Case {
  readonly set: readonly string[];
  readonly seed: number;
}

type Knob = number | boolean | string;

/**
 * A number spread evenly over [min, max], and one of the two ends one time in
 * twenty. `fc.double` is uniform over the representable doubles, so most of
 * what it draws in [0, 20000] lies below 1e-300; scaling an unbiased integer
 * spreads the draws over the range instead, and shrinks towards `min`.
 */
const GRID = 2 ** 30;
export const between = (min: number, max: number): fc.Arbitrary<number> =>
  fc.oneof(
    { arbitrary: fc.noBias(fc.integer({ min: 0, max: GRID })).map((i) => (i === GRID ? max : min + ((max - min) * i) / GRID)), weight: 19 },
    { arbitrary: fc.constantFrom(min, max), weight: 1 },
  );
/** Mostly in the usual range, sometimes anywhere in the allowed one. */
const mostly = (usual: fc.Arbitrary<number>, allowed: fc.Arbitrary<number>) => fc.oneof({ arbitrary: usual, weight: 3 }, { arbitrary: allowed, weight: 1 });

/** A threshold (USD): mostly where claims are (the baseline's median claim is $200, 82% are under $1,000), sometimes up to $20,000. */
export const thresholdArb = mostly(between(0, 2500), between(0, 20000));
const probability = between(0, 1);
const whole = (min: number, max: number) => fc.integer({ min, max });

/**
 * Shares of a categorical choice, as a YAML flow mapping: non-negative weights
 * (at least one positive) normalised to 1. The last share is 1 minus the
 * others, clamped to [0, 1], so the sum is 1 within a rounding error (the
 * schema allows 1e-9). Numbers are written in full (shortest round-trip) precision.
 */
export function sharesArb<K extends string>(keys: readonly [K, ...K[]]): fc.Arbitrary<string> {
  const weight = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: between(0.01, 1), weight: 4 });
  return fc.array(weight, { minLength: keys.length, maxLength: keys.length }).map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const normalised = total > 0 ? weights.map((w) => w / total) : keys.map((_, i) => (i === keys.length - 1 ? 1 : 0));
    const head = normalised.slice(0, -1);
    const last = Math.min(1, Math.max(0, 1 - head.reduce((a, b) => a + b, 0)));
    const values = [...head, last];
    return `{${keys.map((k, i) => `${k}: ${String(values[i])}`).join(', ')}}`;
  });
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
      'policy.directPaymentUnderThreshold': fc.boolean(),
      'policy.payFirstUnderThreshold': fc.boolean(),
      'policy.responseWindowDays': between(0.25, 7),
      'policy.paymentLagDays': between(0, 5),
      'policy.stepIn.onSilence': fc.boolean(),
      'policy.stepIn.onRejectedValid': fc.boolean(),
      'policy.stepIn.onInsurerDenial': fc.boolean(),
      'policy.stepIn.insurerWindowDays': between(10, 90),
      'policy.reimbursement.waiverForInsured': fc.boolean(),
      'policy.reimbursement.proofWindowDays': between(1, 14),
      'policy.reimbursement.appealWindowDays': between(0, 60),
      'policy.reimbursement.appealDecisionDays': between(0, 30),
      'policy.reimbursement.withholdFromPayouts': fc.boolean(),
      'policy.reimbursement.withholdingDays': between(0, 180),
      'policy.insurance.requiredAboveMonthlySales': between(0, 50000),
      'policy.insurance.requiredOfAll': fc.boolean(),
      'policy.insurance.onlyAcceleratorCounts': fc.boolean(),
      'policy.insurance.maxDeductible': between(0, 20000),
    }),
    fc.record({
      // Fabricated claims come on top of genuine ones: share / (1 - share) of them, so the share stays below 1.
      'fraud.share': between(0, 0.6),
      'fraud.buildUpShare': probability,
      'fraud.buildUpInflation': between(0, 2),
      'fraud.claimsPerFraudster': between(1, 6),
      'fraud.bunchingShare': probability,
      'fraud.bunchingBand': probability,
      'screening.enabled': fc.boolean(),
      'screening.detectionRate': probability,
      'screening.buildUpDetectionRate': probability,
      'screening.falsePositiveRate': probability,
      'screening.deskReviewCostUsd': between(0, 100),
      'screening.fullReviewCostUsd': between(0, 1000),
      'screening.fullReviewAboveUsd': mostly(between(0, 2500), between(0, 20000)),
      'screening.deskReviewDays': between(0, 3),
      'screening.fullReviewDays': between(0, 14),
      'screening.capacityMultiple': between(0.5, 2),
      'screening.blockDetectedClaimants': fc.boolean(),
      'claimsDesk.capacityMultiple': between(0.5, 2),
      'marketplace.believesRejectedValid.genuine': probability,
      'marketplace.believesRejectedValid.fraudulent': probability,
    }),
    fc.record({
      'sellers.monthlySalesMedianUsd': between(500, 10000),
      'sellers.monthlySalesSigma': between(0, 2.5),
      'sellers.defectSigma': between(0, 2),
      'sellers.responses': sharesArb(['accept', 'reject', 'silent'] as const),
      'sellers.meanResponseDays': between(0.05, 3),
      'sellers.insuredShareWhenRequired': probability,
      'sellers.insuredShareVoluntary': probability,
      'sellers.acceleratorShare': probability,
      'sellers.compliantShare': probability,
      'sellers.deductibles': deductiblesArb,
      'sellers.proofShare': probability,
      'sellers.meanProofDays': between(0.5, 10),
      'sellers.reimbursement': sharesArb(['pays', 'partial', 'appeals', 'defaults'] as const),
      'sellers.partialFraction': probability,
      'sellers.meanPaymentDays': between(1, 30),
      'sellers.appealUpheldRate': probability,
      'sellers.payoutsContinueShare': probability,
      'sellers.payoutShare': probability,
      'sellers.meanSettlementDays': between(0.1, 30),
      'sellers.suspendAfterDefaults': whole(1, 5),
      'insurers.annualPremiumUsd': between(0, 2000),
      'insurers.denialRate': probability,
      'insurers.meanDecisionDays': between(1, 45),
      'insurers.litigatedShare': probability,
      'insurers.litigationDays': between(0, 730),
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
  return runScenario(paramsOf(c, options.extra), { seed: c.seed, replications: options.replications ?? 1, workers: 1 });
}

/** The sum of one money field over the claims closed on every path and those still open: money counted per claim. */
export function byClaim(a: Aggregates, key: keyof Omit<PathMoney, 'count'>): number {
  return CLAIM_OUTCOMES.reduce((sum, o) => sum + a.outcomes[o][key], 0) + a.openMoney[key];
}

/** Claims closed, on any path. */
export function closedCount(a: Aggregates): number {
  return CLAIM_OUTCOMES.reduce((sum, o) => sum + a.outcomes[o].count, 0);
}
