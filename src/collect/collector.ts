/**
 * The collector: the world reports what happens (a claim filed, money moved,
 * a claim closed) and the collector folds it into aggregates. It is the only
 * place where outcomes become numbers; the machines know nothing of it.
 */
import type { ClaimOutcome } from '../machines/claim.js';
import type { ClaimFacts, Payer, RecoveryKind } from '../domain/types.js';
import { amountBin, DAYS_BIN_COUNT, DAYS_PER_MONTH, emptyAggregates, keepLargest, LARGEST_KEPT, type Aggregates, type PathMoney } from './aggregates.js';

/** Outcomes in which a valid claim ends denied (a seller's deductible may have been paid before an insurer's denial). */
const DENIED: ReadonlySet<ClaimOutcome> = new Set(['refusedBlocked', 'screenedOut', 'denied', 'unanswered', 'insurerDenied']);

/** What the world knows about a claim's money when it closes or the run ends. */
export interface ClaimMoney {
  /** Paid to the customer by each payer; the marketplace's part is what it advanced. */
  readonly marketplaceUsd: number;
  readonly sellerUsd: number;
  readonly insurerUsd: number;
  /** Recovered from the seller of what the marketplace advanced. */
  readonly recoveredUsd: number;
  /** When the last payment to the customer was decided, or null if none was. */
  readonly paidAt: number | null;
  /** What the claim is worth to the policy: the claimed amount, or less once screening trimmed its build-up. */
  readonly payableUsd: number;
}

export class Collector {
  readonly totals: Aggregates;

  constructor(
    private readonly unit: { readonly replication: number; readonly team: number },
    private readonly threshold: number,
    private readonly paymentLagDays: number,
    months: number,
    days: number,
  ) {
    this.totals = emptyAggregates(months, days);
  }

  incidents(count: number): void {
    this.totals.claims.incidents += count;
  }

  filed(claim: ClaimFacts, now: number): void {
    const c = this.totals.claims;
    c.filed++;
    c.claimedUsd += claim.claimedUsd;
    if (claim.claimedUsd < this.threshold) c.underThreshold++;
    if (claim.fraud === 'fabricated') c.fabricated++;
    else if (claim.fraud === 'buildUp') c.builtUp++;
    this.totals.histograms.claimedUsd[amountBin(claim.claimedUsd)]!++;
    this.totals.monthly.filed[monthOf(now, this.totals.monthly.filed.length)]!++;
  }

  unfiled(count: number): void {
    this.totals.claims.unfiledAtEnd += count;
  }

  /** Money paid to a customer, counted in the month it moved (the marketplace's also by the claim's month of filing). */
  paid(claim: ClaimFacts, payer: Payer, amountUsd: number, now: number): void {
    const m = this.totals.money;
    const monthly = this.totals.monthly;
    const months = monthly.concessionsUsd.length;
    const paidMonth = monthOf(now, months);
    if (payer === 'marketplace') {
      m.paidByMarketplaceUsd += amountUsd;
      const filedMonth = monthOf(claim.filedDay, months);
      monthly.concessionsUsd[paidMonth]! += amountUsd;
      this.totals.development[filedMonth]![paidMonth - filedMonth]! += amountUsd;
    } else if (payer === 'seller') {
      m.paidBySellersUsd += amountUsd;
      monthly.sellerPaidUsd[paidMonth]! += amountUsd;
    } else {
      m.paidByInsurersUsd += amountUsd;
      monthly.insurerPaidUsd[paidMonth]! += amountUsd;
    }
  }

  recovered(how: RecoveryKind, amountUsd: number, now: number, lagDays: number): void {
    const m = this.totals.money;
    m.recoveredUsd += amountUsd;
    m.recoveryLagUsdDays += amountUsd * lagDays;
    this.totals.histograms.recoveryLagUsd[Math.min(Math.floor(lagDays), DAYS_BIN_COUNT - 1)]! += amountUsd;
    if (how === 'withheld') m.recoveredWithheldUsd += amountUsd;
    this.totals.monthly.recoveriesUsd[monthOf(now, this.totals.monthly.recoveriesUsd.length)]! += amountUsd;
  }

  reviewed(costUsd: number): void {
    this.totals.money.reviewCostUsd += costUsd;
  }

  closed(claim: ClaimFacts, outcome: ClaimOutcome, money: ClaimMoney): void {
    addMoney(this.totals.outcomes[outcome], money);
    this.settle(claim, money);
    // Screening's yield, counted per claim: a flagged fabricated claim would have asked for all it claimed.
    if (claim.fraud === 'fabricated' && outcome === 'screenedOut') this.totals.money.fraudStoppedUsd += claim.claimedUsd;
    this.noteIfLarge(claim, outcome, money);
    // Valid: a real incident behind it, filed in time. Late filings are refused by the policy, not denied.
    if (claim.fraud === 'fabricated' || outcome === 'refusedLate') return;
    const cu = this.totals.customers;
    cu.validClosed++;
    if (DENIED.has(outcome)) {
      cu.validDenied++;
      if (outcome === 'screenedOut') cu.falselyFlagged++;
    } else if (money.paidAt !== null) {
      cu.validPaid++;
      const days = money.paidAt + this.paymentLagDays - claim.filedDay;
      cu.daysToPaymentSum += days;
      this.totals.histograms.daysToPayment[Math.min(Math.floor(days), DAYS_BIN_COUNT - 1)]!++;
    }
  }

  open(claim: ClaimFacts, state: string, money: ClaimMoney): void {
    this.totals.claims.open++;
    this.totals.openByState[state] = (this.totals.openByState[state] ?? 0) + 1;
    this.totals.openAtStakeByState[state] = (this.totals.openAtStakeByState[state] ?? 0) + atStakeUsd(claim, money);
    addMoney(this.totals.openMoney, money);
    this.settle(claim, money);
    this.noteIfLarge(claim, `open (${state})`, money);
  }

  backlog(day: number, waiting: number): void {
    this.totals.daily.backlog[Math.min(day, this.totals.daily.backlog.length - 1)] = waiting;
    const series = this.totals.monthly.backlog;
    series[monthOf(day, series.length)] = waiting;
  }

  sellers(count: number, insured: number, insuranceRequired: number, premiumsUsd: number): void {
    const s = this.totals.sellers;
    s.count += count;
    s.insured += insured;
    s.insuranceRequired += insuranceRequired;
    this.totals.money.premiumsUsd += premiumsUsd;
  }

  sellerSuspended(): void {
    this.totals.sellers.suspended++;
  }

  private noteIfLarge(claim: ClaimFacts, outcome: string, money: ClaimMoney): void {
    const list = this.totals.largest;
    if (list.length === LARGEST_KEPT && claim.claimedUsd < list[list.length - 1]!.claimedUsd) return;
    keepLargest(list, {
      replication: this.unit.replication,
      team: this.unit.team,
      claim: claim.id,
      seller: claim.seller,
      customer: claim.customer,
      claimedUsd: claim.claimedUsd,
      fraud: claim.fraud,
      outcome,
      paidBy: { marketplaceUsd: money.marketplaceUsd, sellerUsd: money.sellerUsd, insurerUsd: money.insurerUsd },
    });
  }

  /** Fraud paid out (and the build-up screening trimmed) and charges to sellers for claims that were not valid. */
  private settle(claim: ClaimFacts, money: ClaimMoney): void {
    if (money.payableUsd < claim.claimedUsd) this.totals.money.fraudStoppedUsd += claim.claimedUsd - money.payableUsd;
    if (money.marketplaceUsd > 0) this.totals.claims.paidByMarketplace++;
    const paidUsd = money.marketplaceUsd + money.sellerUsd + money.insurerUsd;
    if (paidUsd <= 0) return;
    const excessUsd = Math.max(0, paidUsd - claim.genuineUsd);
    const m = this.totals.money;
    m.fraudPaidUsd += excessUsd;
    // The marketplace bears its share of the excess, net of what it recovered.
    m.fraudPaidByMarketplaceUsd += (excessUsd * (money.marketplaceUsd - money.recoveredUsd)) / paidUsd;
    if (claim.fraud === 'fabricated') m.invalidChargesToSellersUsd += money.recoveredUsd + money.sellerUsd;
  }
}

function addMoney(path: PathMoney, money: ClaimMoney): void {
  path.count++;
  path.marketplaceUsd += money.marketplaceUsd;
  path.sellerUsd += money.sellerUsd;
  path.insurerUsd += money.insurerUsd;
  path.recoveredUsd += money.recoveredUsd;
}

/** What an open claim still asks for: its claimed amount less everything paid to its customer so far, by anyone. */
export function atStakeUsd(claim: Pick<ClaimFacts, 'claimedUsd'>, money: Pick<ClaimMoney, 'marketplaceUsd' | 'sellerUsd' | 'insurerUsd'>): number {
  return claim.claimedUsd - (money.marketplaceUsd + money.sellerUsd + money.insurerUsd);
}

function monthOf(day: number, months: number): number {
  return Math.min(Math.floor(day / DAYS_PER_MONTH), months - 1);
}
