/**
 * The ledger: the money of every open claim (who paid the customer what, what
 * the marketplace advanced and recovered), checked on every movement and
 * reported to the collector. A broken promise here is a bug in a machine or a
 * rule, never a property of a policy, so it stops the run.
 */
import type { EventObject } from 'xstate';
import type { Collector, ClaimMoney } from '../../collect/collector.js';
import type { ClaimContext } from '../../machines/claim.js';
import type { ClaimFacts, Effect } from '../../domain/types.js';
import type { MachineSnapshot } from '../executor/index.js';

export class LedgerError extends Error {
  override name = 'LedgerError';
}

/** Money checks allow a cent for the rounding of sums of dollar amounts. */
const CENT = 0.01;

/** What the world keeps for an open claim: its snapshot, its armed timer and its money. */
export class OpenClaim implements ClaimMoney {
  snapshot!: MachineSnapshot<ClaimContext>;
  timerId: string | null = null;
  timerEvent: EventObject | null = null;
  timerToken = 0;
  marketplaceUsd = 0;
  sellerUsd = 0;
  insurerUsd = 0;
  recoveredUsd = 0;
  paidAt: number | null = null;
  /** When the marketplace advanced money on this claim, for the lag to recovery. */
  advancedAt = 0;
  constructor(
    readonly facts: ClaimFacts,
    /** The claim's place in the order of filing. */
    readonly filedSeq: number,
  ) {}
  get payableUsd(): number {
    return this.snapshot.context.payableUsd;
  }
  /** The claim's money as it stands, as a value that later steps do not change. */
  money(): ClaimMoney {
    const { marketplaceUsd, sellerUsd, insurerUsd, recoveredUsd, paidAt, payableUsd } = this;
    return { marketplaceUsd, sellerUsd, insurerUsd, recoveredUsd, paidAt, payableUsd };
  }
}

export class Ledger {
  constructor(private readonly collector: Collector) {}

  paid(claim: OpenClaim, effect: Extract<Effect, { type: 'ledger.paid' }>, now: number): void {
    if (!(effect.amountUsd >= 0)) throw new LedgerError(`claim ${effect.claim.id}: payment of ${effect.amountUsd} by ${effect.payer}`);
    if (effect.payer === 'marketplace') claim.marketplaceUsd += effect.amountUsd;
    else if (effect.payer === 'seller') claim.sellerUsd += effect.amountUsd;
    else claim.insurerUsd += effect.amountUsd;
    claim.paidAt = now;
    if (effect.payer === 'marketplace') claim.advancedAt = now;
    this.collector.paid(effect.claim, effect.payer, effect.amountUsd, now);
  }

  /**
   * After each step of a claim, once its new snapshot is in place: the customer was never paid
   * more than the claim is worth now (screening may have trimmed it within the step).
   */
  checkPaid(claim: OpenClaim): void {
    if (claim.marketplaceUsd + claim.sellerUsd + claim.insurerUsd > claim.payableUsd + CENT) {
      throw new LedgerError(`claim ${claim.facts.id}: paid more than its payable ${claim.payableUsd}`);
    }
  }

  recovered(claim: OpenClaim, effect: Extract<Effect, { type: 'ledger.recovered' }>, now: number): void {
    claim.recoveredUsd += effect.amountUsd;
    if (claim.recoveredUsd > claim.marketplaceUsd + CENT) {
      throw new LedgerError(`claim ${effect.claim.id}: recovered ${claim.recoveredUsd} of ${claim.marketplaceUsd} advanced`);
    }
    this.collector.recovered(effect.how, effect.amountUsd, now, now - claim.advancedAt);
  }
}
