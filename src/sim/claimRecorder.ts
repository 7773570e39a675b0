/**
 * The observer that records sampled claims for the event log
 * (eventLog.ts): every transition of a sampled claim's machine as an
 * event, with its time as a timestamp, the money it moved and the objects it
 * touched, and each claim, seller and customer as an object.
 */
import type { ClaimOutcome } from '../machines/claim.js';
import type { ClaimFacts, SellerProfile } from '../domain/types.js';
import { customerName, productName, sellerName } from './names.js';
import type { WorkUnit } from './population.js';
import type { ClaimObserver, ClaimStep } from './world.js';
import type { ClaimObject, CustomerObject, LoggedPayment, LoggedRecovery, LogEvent, ObjectType, SellerObject } from './eventLog.js';

/**
 * Day 0 of the simulation as a calendar date: the 2021 policy came into force
 * on 1 September 2021 (scenarios/baseline.yaml). Timestamps are for reading
 * logs in process-mining tools; the simulation itself knows only days.
 */
export const LOG_EPOCH = '2021-09-01T00:00:00.000Z';

const MS_PER_DAY = 86_400_000;

/**
 * The ISO 8601 timestamp of simulated day `day`, to the millisecond.
 * @example isoTime(1.5) // '2021-09-02T12:00:00.000Z'
 */
export function isoTime(day: number, epoch: string = LOG_EPOCH): string {
  return new Date(Date.parse(epoch) + Math.round(day * MS_PER_DAY)).toISOString();
}

/** Readable names of the claim machine's delays, for the events that fire when one runs out. */
const DELAY_ACTIVITIES: Readonly<Record<string, string>> = {
  responseWindow: 'response window expired',
  proofWindow: 'proof window expired',
  insurerWindow: 'insurer window expired',
  appealDecision: 'appeal decided',
};

/** The activity filing starts a claim with (the machine's start, not an event it receives). */
export const FILING_ACTIVITY = 'claim.filed';

/**
 * What an event log calls a step of the claim machine: the event that caused
 * it (they already say what happened), filing for the start, and a readable
 * name for a delay running out (XState calls it `xstate.after.<delay>.<state>`).
 * @example activityName('seller.accepted') // 'seller.accepted'
 * @example activityName('xstate.after.responseWindow.claim.awaitingSeller') // 'response window expired'
 */
export function activityName(eventType: string | null): string {
  if (eventType === null) return FILING_ACTIVITY;
  const after = /^xstate\.after\.([^.]+)\./.exec(eventType);
  if (!after) return eventType;
  const delay = after[1]!;
  return DELAY_ACTIVITIES[delay] ?? `${delay} elapsed`;
}

const objectId = (type: ObjectType, unit: WorkUnit, id: number): string => `${type}-${unit.team}-${id}`;

/** What is known of a sampled claim so far. */
class ClaimTrack {
  readonly events: LogEvent[] = [];
  readonly payable: { day: number; usd: number }[] = [];
  last: ClaimStep | null = null;

  constructor(
    readonly id: string,
    readonly facts: ClaimFacts,
    readonly team: number,
    readonly sellerId: string,
    readonly customerId: string,
    readonly product: string,
  ) {}

  object(): ClaimObject {
    const last = this.last!;
    const f = this.facts;
    return {
      id: this.id,
      team: this.team,
      claim: f.id,
      sellerId: this.sellerId,
      customerId: this.customerId,
      product: this.product,
      incidentDay: f.incidentDay,
      filedDay: f.filedDay,
      claimedUsd: f.claimedUsd,
      genuineUsd: f.genuineUsd,
      fraud: f.fraud,
      claimantBlocked: f.claimantBlocked,
      payable: this.payable,
      outcome: last.done ? (last.toState as ClaimOutcome) : null,
      state: last.toState,
      closedDay: last.done ? last.time : null,
      lastDay: last.time,
      paidUsd: last.context.paidUsd,
      paidByMarketplaceUsd: last.money.marketplaceUsd,
      paidBySellerUsd: last.money.sellerUsd,
      paidByInsurerUsd: last.money.insurerUsd,
      recoveredUsd: last.money.recoveredUsd,
    };
  }
}

/** The observer of one team: picks every `stride`-th filed claim, up to `quota`, and records its steps. */
export class ClaimRecorder implements ClaimObserver {
  readonly claims = new Map<number, ClaimTrack>();
  readonly claimOrder: number[] = [];
  readonly sellers = new Map<string, SellerObject>();
  readonly customers = new Map<string, CustomerObject>();
  private filed = 0;

  constructor(
    private readonly unit: WorkUnit,
    private readonly quota: number,
    private readonly stride: number,
    private readonly epoch: string,
  ) {}

  wants(facts: ClaimFacts, seller: SellerProfile): boolean {
    const index = this.filed++;
    if (index % this.stride !== 0 || this.claimOrder.length >= this.quota) return false;
    const { unit } = this;
    const sellerId = objectId('seller', unit, facts.seller);
    const customerId = objectId('customer', unit, facts.customer);
    this.claims.set(facts.id, new ClaimTrack(objectId('claim', unit, facts.id), facts, unit.team, sellerId, customerId, productName(unit, facts.id)));
    this.claimOrder.push(facts.id);
    if (!this.sellers.has(sellerId)) {
      this.sellers.set(sellerId, {
        id: sellerId,
        name: sellerName(unit, facts.seller),
        monthlySalesUsd: seller.monthlySalesUsd,
        insuranceRequired: seller.insuranceRequired,
        insured: seller.insurance !== null,
        insuranceChannel: seller.insurance?.channel ?? null,
        insurer: seller.insurance?.insurer ?? null,
        deductibleUsd: seller.insurance?.deductibleUsd ?? null,
        compliant: seller.compliant,
      });
    }
    if (!this.customers.has(customerId)) {
      this.customers.set(customerId, { id: customerId, name: customerName(unit, facts.customer), pool: facts.fraud === 'fabricated' ? 'fraudster' : 'honest' });
    }
    return true;
  }

  claimStep(step: ClaimStep): void {
    const track = this.claims.get(step.facts.id)!;
    // An event the claim ignores (a seller answering after the window, say) is no transition.
    if (step.fromState !== null && step.fromState === step.toState && step.effects.length === 0) return;
    const previousPayable = track.payable.at(-1)?.usd;
    if (previousPayable !== step.context.payableUsd) track.payable.push({ day: step.time, usd: step.context.payableUsd });
    track.last = step;
    const payments: LoggedPayment[] = [];
    const recoveries: LoggedRecovery[] = [];
    const messages: string[] = [];
    for (const effect of step.effects) {
      if (effect.type === 'ledger.paid') payments.push({ payer: effect.payer, amountUsd: effect.amountUsd });
      else if (effect.type === 'ledger.recovered') recoveries.push({ how: effect.how, amountUsd: effect.amountUsd });
      else if (effect.type === 'send') messages.push(`${effect.to.kind}:${effect.event.type}`);
      else messages.push(`desk:${effect.type}`);
    }
    const eventType = step.eventType ?? FILING_ACTIVITY;
    track.events.push({
      id: `event-${this.unit.team}-${step.facts.id}-${track.events.length}`,
      claimId: track.id,
      sellerId: track.sellerId,
      customerId: track.customerId,
      activity: activityName(step.eventType),
      event: eventType,
      fromState: step.fromState,
      state: step.toState,
      day: step.time,
      time: isoTime(step.time, this.epoch),
      payments,
      recoveries,
      messages,
      relationships: [
        { objectId: track.id, qualifier: 'claim' },
        { objectId: track.sellerId, qualifier: 'seller' },
        { objectId: track.customerId, qualifier: 'claimant' },
      ],
    });
  }
}
