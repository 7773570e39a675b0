/**
 * Parameter arbitraries shared by the property tests: evenly spread numbers,
 * categorical shares, and the ranges of the policy's, screening's and the
 * sellers' and insurers' behaviour levers, written once so that both suites
 * (whole scenarios in test/properties, single machines in test/sim/executor)
 * follow the schema's ranges together.
 */
import fc from 'fast-check';

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
export const probability = between(0, 1);
/** A uniform strictly inside (0, 1), as a claim's decision draws are. */
export const draw = fc.noBias(fc.integer({ min: 1, max: GRID - 1 })).map((i) => i / GRID);

/**
 * Shares of a categorical choice: non-negative weights (at least one positive)
 * normalised to 1. The last share is 1 minus the others, clamped to [0, 1], so
 * the sum is 1 within a rounding error (the schema allows 1e-9).
 */
export function shareValues<K extends string>(keys: readonly [K, ...K[]]): fc.Arbitrary<Record<K, number>> {
  const weight = fc.oneof({ arbitrary: fc.constant(0), weight: 1 }, { arbitrary: between(0.01, 1), weight: 4 });
  return fc.array(weight, { minLength: keys.length, maxLength: keys.length }).map((weights) => {
    const total = weights.reduce((a, b) => a + b, 0);
    const normalised = total > 0 ? weights.map((w) => w / total) : keys.map((_, i) => (i === keys.length - 1 ? 1 : 0));
    const head = normalised.slice(0, -1);
    const values = [...head, Math.min(1, Math.max(0, 1 - head.reduce((a, b) => a + b, 0)))];
    return Object.fromEntries(keys.map((k, i) => [k, values[i]!])) as Record<K, number>;
  });
}

/** The policy's step-in, reimbursement and insurance levers the machines read, by path. */
export const policyLevers = {
  'policy.directPaymentUnderThreshold': fc.boolean(),
  'policy.payFirstUnderThreshold': fc.boolean(),
  'policy.responseWindowDays': between(0.25, 7),
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
  'policy.insurance.onlyAcceleratorCounts': fc.boolean(),
  'policy.insurance.maxDeductible': between(0, 20000),
};

/** Screening's switches, rates, costs and durations, and what the marketplace believes of a rejected claim. */
export const screeningLevers = {
  'screening.enabled': fc.boolean(),
  'screening.blockDetectedClaimants': fc.boolean(),
  'screening.detectionRate': probability,
  'screening.buildUpDetectionRate': probability,
  'screening.falsePositiveRate': probability,
  'screening.deskReviewCostUsd': between(0, 100),
  'screening.fullReviewCostUsd': between(0, 1000),
  'screening.deskReviewDays': between(0, 3),
  'screening.fullReviewDays': between(0, 14),
  'marketplace.believesRejectedValid.genuine': probability,
  'marketplace.believesRejectedValid.fraudulent': probability,
};

/** How sellers answer, prove, pay and default, and how insurers decide; `shares` writes a categorical choice. */
export function behaviourLevers<S>(shares: <K extends string>(keys: readonly [K, ...K[]]) => fc.Arbitrary<S>) {
  return {
    'sellers.responses': shares(['accept', 'reject', 'silent'] as const),
    'sellers.meanResponseDays': between(0.05, 3),
    'sellers.proofShare': probability,
    'sellers.meanProofDays': between(0.5, 10),
    'sellers.reimbursement': shares(['pays', 'partial', 'appeals', 'defaults'] as const),
    'sellers.partialFraction': probability,
    'sellers.meanPaymentDays': between(1, 30),
    'sellers.appealUpheldRate': probability,
    'sellers.payoutsContinueShare': probability,
    'sellers.payoutShare': probability,
    'sellers.meanSettlementDays': between(0.1, 30),
    'sellers.suspendAfterDefaults': fc.integer({ min: 1, max: 5 }),
    'insurers.denialRate': probability,
    'insurers.meanDecisionDays': between(1, 45),
    'insurers.litigatedShare': probability,
    'insurers.litigationDays': between(0, 730),
  };
}
