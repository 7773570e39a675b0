/**
 * One team of one replication, simulated from the first incident to the end
 * of the runoff. The team owns the calendar and the claims in flight; it files
 * claims, steps their machines and carries out what they ask (messages to
 * other actors, screening, money, timers) as they ask it. Every decision is
 * made inside a machine; the ledger, intake, delivery, timers, messages and
 * the observer are modules of their own beside this one.
 *
 * Phase: simulate. Called by `run.ts`; nothing here reads files or clocks.
 */
import type { EventObject } from 'xstate';
import type { Aggregates } from '../../collect/aggregates.js';
import { seriesLengths } from '../../collect/aggregates.js';
import { Collector } from '../../collect/collector.js';
import type { ClaimOutcome } from '../../machines/claim.js';
import type { ActorKind, ClaimEvent, ClaimFacts, CustomerEvent, Effect, InsurerEvent, SellerEvent } from '../../domain/types.js';
import type { Parameters } from '../../params/schema.js';
import { FabricatedIncidents, IncidentTimes } from '../arrivals.js';
import { Calendar } from '../calendar.js';
import type { ActionSink } from '../executor/index.js';
import { claimCounts, claimFacts, claimStream, fabricatedIncidentFraction, filingDelay, honestCustomers, incidentTimesStream, Sellers, type ClaimWorld, type WorkUnit } from '../population.js';
import { SequentialStream } from '../../random/streams.js';
import { CustomerStates } from './customers.js';
import { Delivery } from './delivery.js';
import { Intake } from './intake.js';
import { Ledger, OpenClaim } from './ledger.js';
import type { Machines } from './machines.js';
import { Messages } from './messages.js';
import { Watch, type ClaimObserver } from './observer.js';
import { ClaimTimers } from './timers.js';

/** Kinds of calendar entry, with what their two numbers hold. */
const Entry = {
  /** a: the genuine incident's index. */
  genuineIncident: 0,
  /** a: the fabricated claim's index. */
  fabricatedIncident: 1,
  /** a: the genuine claim's index; b: its incident day. */
  genuineFiling: 2,
  fabricatedFiling: 3,
  /** a: the addressee's id; b: the message's index in `Messages`. */
  toClaim: 4,
  toSeller: 5,
  toInsurer: 6,
  toCustomer: 7,
  /** a: the claim's id; b: the timer's token. */
  timer: 8,
  /** a: the day. */
  day: 9,
} as const;
const DELIVERY: Record<ActorKind, number> = { claim: Entry.toClaim, seller: Entry.toSeller, insurer: Entry.toInsurer, customer: Entry.toCustomer };

export function simulateTeam(params: Parameters, unit: WorkUnit, machines: Machines, observer?: ClaimObserver): Aggregates {
  const end = params.horizon.filingDays + params.horizon.runoffDays;
  const { months, days } = seriesLengths(params.horizon);
  const collector = new Collector(unit, params.policy.threshold, params.policy.paymentLagDays, months, days);
  const calendar = new Calendar();
  const messages = new Messages();
  const counts = claimCounts(params, unit);
  collector.incidents(counts.genuine + counts.fabricated);

  // Population.
  const sellers = new Sellers(params, unit);
  const customers = new CustomerStates(machines.customer);
  const claimWorld: ClaimWorld = { sellers, honestCustomers: honestCustomers(params, unit.team), isBlocked: (c) => customers.isBlocked(c) };
  collector.sellers(sellers.count, sellers.insured, sellers.insuranceRequired, sellers.insured * params.insurers.annualPremiumUsd * (params.horizon.filingDays / 365));

  // Claims in flight, by id (genuine claims first, then fabricated ones); closed claims are let go.
  const open: (OpenClaim | undefined)[] = new Array(counts.genuine + counts.fabricated);
  let now = 0;
  let filings = 0;

  const carryOut = (effect: Effect): void => {
    switch (effect.type) {
      case 'send':
        calendar.schedule(now + effect.afterDays, DELIVERY[effect.to.kind], effect.to.id, messages.put(effect.event));
        return;
      case 'intake.requested':
        intake.request(effect.claim);
        return;
      case 'ledger.paid':
        ledger.paid(open[effect.claim.id]!, effect, now);
        return;
      case 'ledger.recovered':
        ledger.recovered(open[effect.claim.id]!, effect, now);
        return;
    }
  };

  const normalDailyFilings = params.volume.claims / params.world.teams / params.horizon.filingDays;
  const intake = new Intake(machines, collector, { desk: params.claimsDesk.capacityMultiple * normalDailyFilings, review: params.screening.capacityMultiple * normalDailyFilings }, carryOut);
  const delivery = new Delivery(machines, sellers, params.insurers.perTeam, customers, collector, carryOut);
  const ledger = new Ledger(collector);
  const timers = new ClaimTimers((time, claim, token) => calendar.schedule(time, Entry.timer, claim, token));
  const watch = observer ? new Watch(observer) : null;

  // The claim being stepped, and what its step emitted (kept only for an observer).
  let stepping: OpenClaim | null = null;
  const stepEffects: Effect[] = [];
  const claimSink: ActionSink<Effect> = {
    emit: (effect) => {
      carryOut(effect);
      if (watch) stepEffects.push(effect);
    },
    startTimer: (id, delay, event) => timers.arm(stepping!, id, delay, event, now),
    cancelTimer: (id) => timers.cancel(stepping!, id),
  };

  /** Checks the step's money, reports it to the observer, and closes the claim if it is done. */
  const afterClaimStep = (claim: OpenClaim, event: EventObject | null): void => {
    stepping = null;
    ledger.checkPaid(claim);
    const { snapshot } = claim;
    if (watch) {
      watch.step(claim, event === null ? null : event.type, now, stepEffects);
      stepEffects.length = 0;
    }
    if (snapshot.status === 'done') {
      collector.closed(claim.facts, snapshot.value as ClaimOutcome, claim);
      open[claim.facts.id] = undefined;
      delivery.claimClosed(claim.facts.seller);
    }
  };

  const stepClaim = (claim: OpenClaim, event: ClaimEvent | EventObject): void => {
    stepping = claim;
    claim.snapshot = machines.claim.send(claim.snapshot, event as ClaimEvent, claimSink);
    afterClaimStep(claim, event);
  };

  const fileClaim = (facts: ClaimFacts): void => {
    collector.filed(facts, now);
    const claim = new OpenClaim(facts, filings++);
    open[facts.id] = claim;
    delivery.claimOpened(facts.seller);
    watch?.filed(facts, sellers.profile(facts.seller));
    stepping = claim;
    claim.snapshot = machines.claim.start(facts, claimSink);
    afterClaimStep(claim, null);
  };

  const times = new SequentialStream(incidentTimesStream(unit));
  const incidents = new IncidentTimes(counts.genuine, params.horizon.filingDays, params.volume.surge, () => times.uniform());
  const fabricated = new FabricatedIncidents(counts.fabricated, params.horizon.filingDays, params.volume.surge, (k) => fabricatedIncidentFraction(claimStream(unit, true, k)));
  let nextGenuine = 0;

  // Genuine incidents and fabricated claims are two processes; each keeps its next one on the calendar.
  const scheduleNextGenuine = (): void => {
    const day = incidents.next();
    if (day !== null) calendar.schedule(day, Entry.genuineIncident, nextGenuine++);
  };
  const scheduleNextFabricated = (): void => {
    const next = fabricated.shift();
    if (next !== null) calendar.schedule(next.day, Entry.fabricatedIncident, next.index);
  };
  const incident = (fabricatedClaim: boolean, index: number): void => {
    const filedDay = now + filingDelay(claimStream(unit, fabricatedClaim, index), params);
    calendar.schedule(filedDay, fabricatedClaim ? Entry.fabricatedFiling : Entry.genuineFiling, index, now);
  };
  const file = (fabricatedClaim: boolean, index: number, incidentDay: number): void => {
    // Genuine claims are numbered in order of incident, fabricated ones after all of them.
    const id = fabricatedClaim ? counts.genuine + index : index;
    fileClaim(claimFacts(params, claimStream(unit, fabricatedClaim, index), { id, index, fabricated: fabricatedClaim, incidentDay, filedDay: now }, claimWorld));
  };

  scheduleNextGenuine();
  scheduleNextFabricated();
  calendar.schedule(1, Entry.day, 1);

  while (calendar.size > 0 && calendar.peekTime() <= end) {
    now = calendar.peekTime();
    calendar.pop();
    const { kind, a, b } = calendar;
    switch (kind) {
      case Entry.genuineIncident:
        incident(false, a);
        scheduleNextGenuine();
        break;
      case Entry.fabricatedIncident:
        incident(true, a);
        scheduleNextFabricated();
        break;
      case Entry.genuineFiling:
        file(false, a, b);
        break;
      case Entry.fabricatedFiling:
        file(true, a, b);
        break;
      case Entry.toClaim: {
        const event = messages.take(b) as ClaimEvent;
        const claim = open[a];
        if (claim) stepClaim(claim, event); // else the claim closed before this message arrived
        break;
      }
      case Entry.toSeller:
        delivery.toSeller(a, messages.take(b) as SellerEvent);
        break;
      case Entry.toInsurer:
        delivery.toInsurer(a, messages.take(b) as InsurerEvent);
        break;
      case Entry.toCustomer:
        delivery.toCustomer(a, messages.take(b) as CustomerEvent);
        break;
      case Entry.timer: {
        const claim = open[a];
        const event = claim ? timers.fire(claim, b) : null;
        if (claim && event) stepClaim(claim, event);
        break;
      }
      case Entry.day:
        intake.startDay(a);
        if (a + 1 <= end) calendar.schedule(a + 1, Entry.day, a + 1);
        break;
    }
  }

  // Claims still open are counted in the order they were filed.
  const stillOpen = open.filter((c): c is OpenClaim => c !== undefined).sort((x, y) => x.filedSeq - y.filedSeq);
  for (const claim of stillOpen) collector.open(claim.facts, claim.snapshot.value, claim);
  // Incidents late in the year whose claims would be filed after the end are counted, not lost.
  let unfiled = 0;
  while (calendar.size > 0) {
    calendar.pop();
    if (calendar.kind === Entry.genuineFiling || calendar.kind === Entry.fabricatedFiling) unfiled++;
  }
  collector.unfiled(unfiled);
  return collector.totals;
}
