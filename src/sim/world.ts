/**
 * One team of one replication, simulated from the first incident to the end
 * of the runoff. The world owns the calendar, delivers messages between
 * actors, carries out the effects they emit (queues, money) and reports to the
 * collector; every decision is made inside a machine.
 *
 * Phase: simulate. Called by `run.ts`; nothing here reads files or clocks.
 */
import type { EventObject, SnapshotFrom } from 'xstate';
import { Collector, type ClaimMoney } from '../collect/collector.js';
import type { Aggregates } from '../collect/aggregates.js';
import { seriesLengths } from '../collect/aggregates.js';
import { createClaimMachine, type ClaimContext, type ClaimMachine, type ClaimOutcome } from '../machines/claim.js';
import { createClaimsDeskMachine, type ClaimsDeskMachine, type DeskEffect } from '../machines/claimsDesk.js';
import { createCustomerMachine, type CustomerMachine } from '../machines/customer.js';
import { createFraudReviewMachine, type FraudReviewMachine, type ReviewEffect } from '../machines/fraudReview.js';
import { createInsurerMachine, type InsurerMachine } from '../machines/insurer.js';
import { createSellerMachine, type SellerMachine } from '../machines/seller.js';
import type { ActorEvent, Address, ClaimEvent, ClaimFacts, CustomerEvent, Effect, InsurerEvent, SellerEvent, SellerProfile } from '../machines/types.js';
import type { Parameters } from '../params/schema.js';
import { FabricatedIncidents, IncidentTimes } from './arrivals.js';
import { Calendar } from './calendar.js';
import { Fifo } from './fifo.js';
import { Interpreter, type ExecutedAction } from './interpreter.js';
import { buildSellers, claimCounts, claimFacts, claimStream, fabricatedIncidentFraction, filingDelay, honestCustomers, incidentTimesStream, type ClaimWorld, type WorkUnit } from './population.js';
import { SequentialStream, type Stream } from './random/streams.js';

/** The machines of a policy, built once per run and shared by all its teams. */
export interface Machines {
  readonly claim: Interpreter<ClaimMachine>;
  readonly seller: Interpreter<SellerMachine>;
  readonly insurer: Interpreter<InsurerMachine>;
  readonly customer: Interpreter<CustomerMachine>;
  readonly desk: Interpreter<ClaimsDeskMachine>;
  readonly review: Interpreter<FraudReviewMachine>;
}

export function createMachines(params: Parameters): Machines {
  return {
    claim: new Interpreter(createClaimMachine(params)),
    seller: new Interpreter(createSellerMachine(params)),
    insurer: new Interpreter(createInsurerMachine(params)),
    customer: new Interpreter(createCustomerMachine(params)),
    desk: new Interpreter(createClaimsDeskMachine()),
    review: new Interpreter(createFraudReviewMachine(params)),
  };
}

/** One step of an observed claim's machine, as the world saw it. */
export interface ClaimStep {
  readonly facts: ClaimFacts;
  /** The state before the step, or null for the claim's start at filing. */
  readonly fromState: string | null;
  /** The state after the step (for a closed claim, its outcome). */
  readonly toState: string;
  /** The event that caused the step: a `ClaimEvent` type, `xstate.after.<delay>.<state>` for a delay, or null at filing. */
  readonly eventType: string | null;
  /** Simulated day of the step. */
  readonly time: number;
  readonly context: ClaimContext;
  /** Whether the claim reached a final state with this step. */
  readonly done: boolean;
  /** What the machine emitted in this step, already carried out (payments among them). */
  readonly effects: readonly Effect[];
  /** The claim's money after the step's effects. */
  readonly money: ClaimMoney;
}

/**
 * Watches chosen claims through their lives, for event logs. Optional: a run
 * without an observer only tests for its absence, once per filing and once per
 * claim step. Observers see; they never change what happens. Every step of a
 * wanted claim is reported, also one where the claim ignores the event (a
 * seller answering a claim already in pursuit): its state stays and nothing is emitted.
 */
export interface ClaimObserver {
  /** Asked once per claim as it is filed; only the claims it wants are reported. */
  wants(facts: ClaimFacts, seller: SellerProfile): boolean;
  /** Called after every step of a wanted claim, filing included, once its effects are carried out. */
  claimStep(step: ClaimStep): void;
}

/** A broken promise of the ledger: a bug, never a property of a policy. */
export class LedgerError extends Error {
  override name = 'LedgerError';
}

type Entry =
  | { kind: 'incident'; fabricated: boolean; index: number }
  | { kind: 'file'; id: number; index: number; fabricated: boolean; incidentDay: number; filedDay: number; stream: Stream }
  | { kind: 'deliver'; to: Address; event: ActorEvent }
  | { kind: 'timer'; claim: number; token: number; event: EventObject }
  | { kind: 'day'; day: number };

/** What the world keeps for an open claim: its snapshot, its armed timer and its money. */
class OpenClaim implements ClaimMoney {
  snapshot!: SnapshotFrom<ClaimMachine>;
  timerId: string | null = null;
  timerToken = 0;
  marketplaceUsd = 0;
  sellerUsd = 0;
  insurerUsd = 0;
  recoveredUsd = 0;
  paidAt: number | null = null;
  /** When the marketplace advanced money on this claim, for the lag to recovery. */
  advancedAt = 0;
  constructor(readonly facts: ClaimFacts) {}
  get payableUsd(): number {
    return this.snapshot.context.payableUsd;
  }
}

/** Money checks allow a cent for the rounding of sums of dollar amounts. */
const CENT = 0.01;

export function simulateTeam(params: Parameters, unit: WorkUnit, machines: Machines, observer?: ClaimObserver): Aggregates {
  const end = params.horizon.filingDays + params.horizon.runoffDays;
  const { months, days } = seriesLengths(params.horizon);
  const collector = new Collector(unit, params.policy.threshold, params.policy.paymentLagDays, months, days);
  const calendar = new Calendar<Entry>();
  const counts = claimCounts(params, unit);
  // Staffing follows the normal rate of genuine claims; fabricated claims and surges eat into its headroom.
  const normalDailyFilings = params.volume.claims / params.world.teams / params.horizon.filingDays;
  collector.incidents(counts.genuine + counts.fabricated);

  // Population.
  const sellers = buildSellers(params, unit);
  // Most sellers never see a claim: their machines start on first contact.
  const sellerSnapshots: (SnapshotFrom<SellerMachine> | undefined)[] = new Array(sellers.profiles.length);
  const insurerSnapshots = Array.from({ length: params.insurers.perTeam }, (_, id) =>
    machines.insurer.start({ id }),
  );
  const customers = new CustomerStates(machines.customer);
  const claimWorld: ClaimWorld = { sellers, honestCustomers: honestCustomers(params, unit.team), isBlocked: (c) => customers.isBlocked(c) };
  const insured = sellers.profiles.filter((p) => p.insurance !== null).length;
  collector.sellers(
    sellers.profiles.length,
    insured,
    sellers.profiles.filter((p) => p.insuranceRequired).length,
    insured * params.insurers.annualPremiumUsd * (params.horizon.filingDays / 365),
  );

  // The claims desk and fraud review, with the queues in front of them.
  let desk = machines.desk.start({ capacityPerDay: params.claimsDesk.capacityMultiple * normalDailyFilings });
  let review = machines.review.start({ capacityPerDay: params.screening.capacityMultiple * normalDailyFilings });
  const deskQueue = new Fifo<ClaimFacts>();
  const reviewQueue = new Fifo<ClaimFacts>();
  const reviewCandidates = Math.ceil(review.context.capacityPerDay) + 1;

  // Only claims in flight are kept, so memory follows the claims open at once, not the claims run.
  const open = new Map<number, OpenClaim>();
  // The observed claims still open, with the state each was last seen in.
  const watched = new Map<number, string>();
  let timerTokens = 0;
  let now = 0;

  const times = new SequentialStream(incidentTimesStream(unit));
  const incidents = new IncidentTimes(counts.genuine, params.horizon.filingDays, params.volume.surge, () => times.uniform());
  const fabricated = new FabricatedIncidents(counts.fabricated, params.horizon.filingDays, params.volume.surge, (k) => fabricatedIncidentFraction(claimStream(unit, true, k)));
  let nextGenuine = 0;

  const carryOut = (effect: Effect): void => {
    switch (effect.type) {
      case 'send':
        calendar.schedule(now + effect.afterDays, { kind: 'deliver', to: effect.to, event: effect.event });
        return;
      case 'intake.requested':
        deskQueue.push(effect.claim);
        return;
      case 'ledger.paid': {
        const claim = open.get(effect.claim.id)!;
        if (!(effect.amountUsd >= 0)) throw new LedgerError(`claim ${effect.claim.id}: payment of ${effect.amountUsd} by ${effect.payer}`);
        if (effect.payer === 'marketplace') claim.marketplaceUsd += effect.amountUsd;
        else if (effect.payer === 'seller') claim.sellerUsd += effect.amountUsd;
        else claim.insurerUsd += effect.amountUsd;
        if (claim.marketplaceUsd + claim.sellerUsd + claim.insurerUsd > claim.snapshot.context.payableUsd + CENT) {
          throw new LedgerError(`claim ${effect.claim.id}: paid more than its payable ${claim.snapshot.context.payableUsd}`);
        }
        claim.paidAt = now;
        if (effect.payer === 'marketplace') claim.advancedAt = now;
        collector.paid(effect.claim, effect.payer, effect.amountUsd, now);
        return;
      }
      case 'ledger.recovered': {
        const claim = open.get(effect.claim.id)!;
        claim.recoveredUsd += effect.amountUsd;
        if (claim.recoveredUsd > claim.marketplaceUsd + CENT) {
          throw new LedgerError(`claim ${effect.claim.id}: recovered ${claim.recoveredUsd} of ${claim.marketplaceUsd} advanced`);
        }
        collector.recovered(effect.how, effect.amountUsd, now, now - claim.advancedAt);
        return;
      }
    }
  };

  const afterClaimStep = (claim: OpenClaim, event: EventObject | null): void => {
    const actions = machines.claim.actions;
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i]!;
      if (action.type === 'xstate.emit') carryOut((action.params as { event: Effect }).event);
      else if (action.type === 'xstate.raise') armTimer(claim, action);
      else if (action.type === 'xstate.cancel' && (action.params as { sendId: string }).sendId === claim.timerId) claim.timerToken = 0;
    }
    if (observer) observe(observer, claim, event, actions);
    actions.length = 0;
    if (claim.snapshot.status === 'done') {
      collector.closed(claim.facts, claim.snapshot.value as ClaimOutcome, claim);
      open.delete(claim.facts.id);
    }
  };

  const observe = (observer: ClaimObserver, claim: OpenClaim, event: EventObject | null, actions: readonly ExecutedAction[]): void => {
    const fromState = watched.get(claim.facts.id);
    if (fromState === undefined) return;
    const toState = String(claim.snapshot.value);
    const done = claim.snapshot.status === 'done';
    const effects: Effect[] = [];
    for (const action of actions) if (action.type === 'xstate.emit') effects.push((action.params as { event: Effect }).event);
    observer.claimStep({
      facts: claim.facts,
      fromState: event === null ? null : fromState,
      toState,
      eventType: event === null ? null : event.type,
      time: now,
      context: claim.snapshot.context,
      done,
      effects,
      money: { marketplaceUsd: claim.marketplaceUsd, sellerUsd: claim.sellerUsd, insurerUsd: claim.insurerUsd, recoveredUsd: claim.recoveredUsd, paidAt: claim.paidAt, payableUsd: claim.payableUsd },
    });
    if (done) watched.delete(claim.facts.id);
    else watched.set(claim.facts.id, toState);
  };

  // A claim waits on at most one `after` delay at a time (one active state, one delay each).
  const armTimer = (claim: OpenClaim, action: ExecutedAction): void => {
    const { delay, id, event } = action.params as { delay?: number; id: string; event: EventObject };
    if (delay === undefined) return;
    claim.timerId = id;
    claim.timerToken = ++timerTokens;
    calendar.schedule(now + delay, { kind: 'timer', claim: claim.facts.id, token: claim.timerToken, event });
  };

  const emitsOf = (actions: ExecutedAction[]): void => {
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i]!;
      if (action.type === 'xstate.emit') carryOut((action.params as { event: Effect }).event);
    }
    actions.length = 0;
  };

  const deliver = (to: Address, event: ActorEvent): void => {
    switch (to.kind) {
      case 'claim': {
        const claim = open.get(to.id);
        if (!claim) return; // the claim closed before this message arrived
        claim.snapshot = machines.claim.send(claim.snapshot, event as ClaimEvent);
        afterClaimStep(claim, event);
        return;
      }
      case 'seller': {
        const before = (sellerSnapshots[to.id] ??= machines.seller.start(sellers.profiles[to.id]!));
        const after = machines.seller.send(before, event as SellerEvent);
        sellerSnapshots[to.id] = after;
        emitsOf(machines.seller.actions);
        if (after.value !== before.value && after.value === 'suspended') collector.sellerSuspended();
        return;
      }
      case 'insurer':
        insurerSnapshots[to.id] = machines.insurer.send(insurerSnapshots[to.id]!, event as InsurerEvent);
        emitsOf(machines.insurer.actions);
        return;
      case 'customer':
        customers.send(to.id, event as CustomerEvent);
        return;
    }
  };

  const startDay = (day: number): void => {
    desk = machines.desk.send(desk, { type: 'day.started', waiting: deskQueue.length });
    for (const action of machines.desk.actions) {
      if (action.type === 'xstate.emit') {
        const { count } = (action.params as { event: DeskEffect }).event;
        for (let i = 0; i < count; i++) reviewQueue.push(deskQueue.shift()!);
      }
    }
    machines.desk.actions.length = 0;
    review = machines.review.send(review, { type: 'day.started', queue: reviewQueue.peek(review.value === 'off' ? reviewQueue.length : reviewCandidates) });
    for (const action of machines.review.actions) {
      if (action.type === 'xstate.emit') {
        const { results } = (action.params as { event: ReviewEffect }).event;
        for (const result of results) {
          if (reviewQueue.shift() !== result.claim) throw new Error('fraud review reported claims out of queue order');
          collector.reviewed(result.costUsd);
          carryOut(result.effect);
        }
      }
    }
    machines.review.actions.length = 0;
    collector.backlog(day, deskQueue.length + reviewQueue.length);
  };

  // Genuine incidents and fabricated claims are two processes; each keeps its next one on the calendar.
  const scheduleNextGenuine = (): void => {
    const day = incidents.next();
    if (day !== null) calendar.schedule(day, { kind: 'incident', fabricated: false, index: nextGenuine++ });
  };
  const scheduleNextFabricated = (): void => {
    const next = fabricated.shift();
    if (next !== null) calendar.schedule(next.day, { kind: 'incident', fabricated: true, index: next.index });
  };

  scheduleNextGenuine();
  scheduleNextFabricated();
  calendar.schedule(1, { kind: 'day', day: 1 });

  while (calendar.size > 0 && calendar.peekTime() <= end) {
    now = calendar.peekTime();
    const entry = calendar.pop();
    switch (entry.kind) {
      case 'incident': {
        // Genuine claims are numbered in order of incident, fabricated ones after all of them.
        const id = entry.fabricated ? counts.genuine + entry.index : entry.index;
        const stream = claimStream(unit, entry.fabricated, entry.index);
        const filedDay = now + filingDelay(stream, params);
        calendar.schedule(filedDay, { kind: 'file', id, index: entry.index, fabricated: entry.fabricated, incidentDay: now, filedDay, stream });
        if (entry.fabricated) scheduleNextFabricated();
        else scheduleNextGenuine();
        break;
      }
      case 'file': {
        const facts = claimFacts(params, entry.stream, entry, claimWorld);
        collector.filed(facts, now);
        const claim = new OpenClaim(facts);
        open.set(facts.id, claim);
        if (observer && observer.wants(facts, sellers.profiles[facts.seller]!)) watched.set(facts.id, 'filed');
        claim.snapshot = machines.claim.start(facts);
        afterClaimStep(claim, null);
        break;
      }
      case 'deliver':
        deliver(entry.to, entry.event);
        break;
      case 'timer': {
        const claim = open.get(entry.claim);
        if (claim && claim.timerToken === entry.token) {
          claim.timerToken = 0;
          claim.snapshot = machines.claim.send(claim.snapshot, entry.event as ClaimEvent);
          afterClaimStep(claim, entry.event);
        }
        break;
      }
      case 'day':
        startDay(entry.day);
        if (entry.day + 1 <= end) calendar.schedule(entry.day + 1, { kind: 'day', day: entry.day + 1 });
        break;
    }
  }

  for (const claim of open.values()) collector.open(claim.facts, String(claim.snapshot.value), claim);
  // Incidents late in the year whose claims would be filed after the end are counted, not lost.
  let unfiled = 0;
  while (calendar.size > 0) if (calendar.pop().kind === 'file') unfiled++;
  collector.unfiled(unfiled);
  return collector.totals;
}

/**
 * Customers hold no context, so all customers in one state share one XState
 * snapshot. Only customers who have left the initial state are kept (a few per
 * thousand claims): memory follows the customers who were flagged, not the
 * millions who could claim.
 */
class CustomerStates {
  private readonly initial: SnapshotFrom<CustomerMachine>;
  private readonly moved = new Map<number, SnapshotFrom<CustomerMachine>>();
  private readonly shared = new Map<string, SnapshotFrom<CustomerMachine>>();

  constructor(private readonly interpreter: Interpreter<CustomerMachine>) {
    this.initial = interpreter.start();
  }

  isBlocked(customer: number): boolean {
    return (this.moved.get(customer) ?? this.initial).value === 'blocked';
  }

  send(customer: number, event: CustomerEvent): void {
    const next = this.interpreter.send(this.moved.get(customer) ?? this.initial, event);
    this.interpreter.actions.length = 0;
    const key = String(next.value);
    if (key === String(this.initial.value)) {
      this.moved.delete(customer);
      return;
    }
    let snapshot = this.shared.get(key);
    if (snapshot === undefined) this.shared.set(key, (snapshot = next));
    this.moved.set(customer, snapshot);
  }
}
