/**
 * Shared shapes of the claims world: the facts of a claim and of a seller's
 * insurance, the events actors send one another, and the effects they emit
 * for the world to carry out (deliver a message, join a queue, move money).
 *
 * Messages between actors travel as `send` effects: the world delivers the
 * inner event to the addressed actor after `afterDays` of simulated time.
 */

export type FraudKind = 'none' | 'buildUp' | 'fabricated';

/**
 * Slots of a claim's decision draws: uniforms at fixed addresses of the claim's
 * own stream, so every decision about it is a pure function of its facts, and
 * the same claim meets the same luck in every scenario run with the same seed.
 * A draw is computed when a decision first needs it (most claims need few).
 */
export const Draw = {
  screening: 0,
  response: 1,
  responseDelay: 2,
  believedValid: 3,
  proof: 4,
  proofDelay: 5,
  demand: 6,
  demandDelay: 7,
  appeal: 8,
  withholding: 9,
  insurer: 10,
  insurerDelay: 11,
  litigation: 12,
  settlementDelay: 13,
} as const;
export const DECISION_DRAWS = 14;

/** What is known about a claim when it is filed; it never changes afterwards. */
export interface ClaimFacts {
  /** Index of the claim in its (replication, team), in order of incident. */
  readonly id: number;
  readonly incidentDay: number;
  readonly filedDay: number;
  /** What the customer asks for. */
  readonly claimedUsd: number;
  /** What the incident really cost (0 for a fabricated claim). */
  readonly genuineUsd: number;
  readonly fraud: FraudKind;
  readonly seller: number;
  readonly customer: number;
  /** Whether the claimant was blocked for fraud before filing. */
  readonly claimantBlocked: boolean;
  /** Uniforms in (0, 1), by `Draw` slot: `draws.at(Draw.response)`. */
  readonly draws: DecisionDraws;
}

/** A claim's decision draws; a `Float64Array` of `DECISION_DRAWS` uniforms is one (tests use that). */
export interface DecisionDraws {
  at(slot: number): number | undefined;
}

export type InsuranceChannel = 'accelerator' | 'broker';

export interface InsuranceFacts {
  readonly insurer: number;
  readonly channel: InsuranceChannel;
  readonly deductibleUsd: number;
}

export interface SellerProfile {
  readonly id: number;
  readonly monthlySalesUsd: number;
  readonly insuranceRequired: boolean;
  readonly insurance: InsuranceFacts | null;
  readonly compliant: boolean;
}

export type Payer = 'marketplace' | 'seller' | 'insurer';
export type RecoveryKind = 'paid' | 'partial' | 'withheld';

export type ActorKind = 'claim' | 'seller' | 'insurer' | 'customer';
export interface Address {
  readonly kind: ActorKind;
  readonly id: number;
}

// Events a claim receives.
export type ClaimEvent =
  | { type: 'review.cleared' }
  | { type: 'review.trimmed' }
  | { type: 'review.flagged' }
  /** `answeredAfterDays`: how long after notification the seller answered. */
  | { type: 'seller.accepted'; insurance: InsuranceFacts | null; answeredAfterDays: number }
  | { type: 'seller.rejected'; answeredAfterDays: number }
  | { type: 'seller.provedInsurance'; insurance: InsuranceFacts; compliant: boolean }
  | { type: 'seller.reimbursed'; amountUsd: number }
  | { type: 'seller.appealed' }
  | { type: 'seller.defaulted' }
  /** What withholding from the seller's payouts recovered (0 when it has none coming). */
  | { type: 'seller.payoutsWithheld'; amountUsd: number }
  | { type: 'insurer.paid' }
  | { type: 'insurer.denied' }
  | { type: 'insurer.litigating' };

// Events a seller receives.
export type SellerEvent =
  | { type: 'claim.notified'; claim: ClaimFacts }
  | { type: 'proof.requested'; claim: ClaimFacts }
  | { type: 'reimbursement.demanded'; claim: ClaimFacts; amountUsd: number }
  | { type: 'payouts.withholdingRequested'; claim: ClaimFacts; amountUsd: number };

// Events an insurer receives.
export type InsurerEvent = { type: 'claim.tendered'; claim: ClaimFacts; amountUsd: number };

// Events a customer receives.
export type CustomerEvent = { type: 'fraud.detected' };

export type ActorEvent = ClaimEvent | SellerEvent | InsurerEvent | CustomerEvent;

/** A message to claim `claim.id`, delivered after `afterDays`. */
export function toClaim(claim: ClaimFacts, afterDays: number, event: ClaimEvent): Effect {
  return { type: 'send', to: { kind: 'claim', id: claim.id }, afterDays, event };
}

/** Effects actors emit; the world carries them out and reports money to the collectors. */
export type Effect =
  | { type: 'send'; to: Address; afterDays: number; event: ActorEvent }
  | { type: 'intake.requested'; claim: ClaimFacts }
  | { type: 'ledger.paid'; claim: ClaimFacts; payer: Payer; amountUsd: number }
  | { type: 'ledger.recovered'; claim: ClaimFacts; how: RecoveryKind; amountUsd: number };
