/**
 * One team of one replication, simulated from the first incident to the end
 * of the runoff. The team owns the calendar and the claims in flight; it files
 * claims, steps their machines and carries out what they ask (messages to
 * other actors, screening, money, timers). Every decision is made inside a
 * machine; the ledger, intake, delivery, timers and the observer are modules
 * of their own beside this one.
 *
 * Phase: simulate. Called by `run.ts`; nothing here reads files or clocks.
 */
import type { EventObject } from 'xstate';
import type { Aggregates } from '../../collect/aggregates.js';
import { seriesLengths } from '../../collect/aggregates.js';
import { Collector } from '../../collect/collector.js';
import type { ClaimOutcome } from '../../machines/claim.js';
import type { ActorEvent, Address, ClaimEvent, ClaimFacts, CustomerEvent, Effect, InsurerEvent, SellerEvent } from '../../machines/types.js';
import type { Parameters } from '../../params/schema.js';
import { FabricatedIncidents, IncidentTimes } from '../arrivals.js';
import { Calendar } from '../calendar.js';
import { buildSellers, claimCounts, claimFacts, claimStream, fabricatedIncidentFraction, filingDelay, honestCustomers, incidentTimesStream, type ClaimWorld, type WorkUnit } from '../population.js';
import { SequentialStream, type Stream } from '../random/streams.js';
import { StepAsks } from './asks.js';
import { CustomerStates } from './customers.js';
import { Delivery } from './delivery.js';
import { Intake } from './intake.js';
import { Ledger, OpenClaim } from './ledger.js';
import type { Machines } from './machines.js';
import { Watch, type ClaimObserver } from './observer.js';
import { ClaimTimers } from './timers.js';

type Entry =
  | { kind: 'incident'; fabricated: boolean; index: number }
  | { kind: 'file'; id: number; index: number; fabricated: boolean; incidentDay: number; filedDay: number; stream: Stream }
  | { kind: 'deliver'; to: Address; event: ActorEvent }
  | { kind: 'timer'; claim: number; token: number; event: EventObject }
  | { kind: 'day'; day: number };

export function simulateTeam(params: Parameters, unit: WorkUnit, machines: Machines, observer?: ClaimObserver): Aggregates {
  const end = params.horizon.filingDays + params.horizon.runoffDays;
  const { months, days } = seriesLengths(params.horizon);
  const collector = new Collector(unit, params.policy.threshold, params.policy.paymentLagDays, months, days);
  const calendar = new Calendar<Entry>();
  const counts = claimCounts(params, unit);
  collector.incidents(counts.genuine + counts.fabricated);

  // Population.
  const sellers = buildSellers(params, unit);
  const customers = new CustomerStates(machines.customer);
  const claimWorld: ClaimWorld = { sellers, honestCustomers: honestCustomers(params, unit.team), isBlocked: (c) => customers.isBlocked(c) };
  const insured = sellers.profiles.filter((p) => p.insurance !== null).length;
  collector.sellers(
    sellers.profiles.length,
    insured,
    sellers.profiles.filter((p) => p.insuranceRequired).length,
    insured * params.insurers.annualPremiumUsd * (params.horizon.filingDays / 365),
  );

  const normalDailyFilings = params.volume.claims / params.world.teams / params.horizon.filingDays;
  const intake = new Intake(machines, collector, { desk: params.claimsDesk.capacityMultiple * normalDailyFilings, review: params.screening.capacityMultiple * normalDailyFilings });
  const delivery = new Delivery(machines, sellers.profiles, params.insurers.perTeam, customers, collector);
  const ledger = new Ledger(collector);
  const timers = new ClaimTimers((time, claim, token, event) => calendar.schedule(time, { kind: 'timer', claim, token, event }));
  const watch = observer ? new Watch(observer) : null;

  // Only claims in flight are kept, so memory follows the claims open at once, not the claims run.
  const open = new Map<number, OpenClaim>();
  const claimAsks = new StepAsks<Effect>();
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
        intake.request(effect.claim);
        return;
      case 'ledger.paid':
        ledger.paid(open.get(effect.claim.id)!, effect, now);
        return;
      case 'ledger.recovered':
        ledger.recovered(open.get(effect.claim.id)!, effect, now);
        return;
    }
  };

  /** Carries out what the claim's step asked, reports it to the observer, and closes the claim if it is done. */
  const afterClaimStep = (claim: OpenClaim, event: EventObject | null): void => {
    const items = claimAsks.items;
    for (let i = 0; i < items.length; i++) {
      const ask = items[i]!;
      if (ask.type === 'timer.started') timers.arm(claim, ask.id, ask.delay, ask.event, now);
      else if (ask.type === 'timer.cancelled') timers.cancel(claim, ask.id);
      else carryOut(ask);
    }
    const { snapshot } = claim;
    const done = snapshot.status === 'done';
    if (watch) watch.step(claim.facts, event === null ? null : event.type, now, snapshot.value, snapshot.context, done, items, claim);
    claimAsks.clear();
    if (done) {
      collector.closed(claim.facts, snapshot.value as ClaimOutcome, claim);
      open.delete(claim.facts.id);
    }
  };

  const stepClaim = (claim: OpenClaim, event: ClaimEvent | EventObject): void => {
    claim.snapshot = machines.claim.send(claim.snapshot, event as ClaimEvent, claimAsks);
    afterClaimStep(claim, event);
  };

  const deliver = (to: Address, event: ActorEvent): void => {
    switch (to.kind) {
      case 'claim': {
        const claim = open.get(to.id);
        if (claim) stepClaim(claim, event); // else the claim closed before this message arrived
        return;
      }
      case 'seller':
        delivery.toSeller(to.id, event as SellerEvent, carryOut);
        return;
      case 'insurer':
        delivery.toInsurer(to.id, event as InsurerEvent, carryOut);
        return;
      case 'customer':
        delivery.toCustomer(to.id, event as CustomerEvent);
        return;
    }
  };

  const fileClaim = (facts: ClaimFacts): void => {
    collector.filed(facts, now);
    const claim = new OpenClaim(facts);
    open.set(facts.id, claim);
    watch?.filed(facts, sellers.profiles[facts.seller]!);
    claim.snapshot = machines.claim.start(facts, claimAsks);
    afterClaimStep(claim, null);
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
      case 'file':
        fileClaim(claimFacts(params, entry.stream, entry, claimWorld));
        break;
      case 'deliver':
        deliver(entry.to, entry.event);
        break;
      case 'timer': {
        const claim = open.get(entry.claim);
        if (claim && timers.fires(claim, entry.token)) stepClaim(claim, entry.event);
        break;
      }
      case 'day':
        intake.startDay(entry.day, carryOut);
        if (entry.day + 1 <= end) calendar.schedule(entry.day + 1, { kind: 'day', day: entry.day + 1 });
        break;
    }
  }

  for (const claim of open.values()) collector.open(claim.facts, claim.snapshot.value, claim);
  // Incidents late in the year whose claims would be filed after the end are counted, not lost.
  let unfiled = 0;
  while (calendar.size > 0) if (calendar.pop().kind === 'file') unfiled++;
  collector.unfiled(unfiled);
  return collector.totals;
}
