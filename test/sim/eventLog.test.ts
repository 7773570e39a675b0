/**
 * The event log of sampled claims: what it says about each claim agrees with
 * the claim machine's context and the world's ledger, it is the same for the
 * same seed, and watching claims does not change the simulation.
 */
import { describe, expect, it } from 'vitest';
import type { Aggregates } from '../../src/collect/aggregates.js';
import { activityName, buildEventLog, FILING_ACTIVITY, isoTime, type EventLog, type LogEvent } from '../../src/sim/eventLog.js';
import { CLAIM_OUTCOMES } from '../../src/machines/claim.js';
import type { ClaimFacts } from '../../src/domain/types.js';
import { loadScenario } from '../../src/params/load.js';
import { createMachines, simulateTeam, type ClaimObserver, type ClaimStep } from '../../src/sim/world.js';

const params = (set: string[] = []) => loadScenario('scenarios/baseline.yaml', { set: ['volume.claims=400', 'world.teams=2', ...set] }).parameters;
const FINAL = new Set<string>(CLAIM_OUTCOMES);

const sum = (xs: readonly { amountUsd: number }[]) => xs.reduce((s, x) => s + x.amountUsd, 0);

/** Checks every claim's story in the log against itself and against the claim's own record. */
function expectConsistent(log: EventLog): void {
  const byClaim = new Map<string, LogEvent[]>();
  for (const e of log.events) byClaim.set(e.claimId, [...(byClaim.get(e.claimId) ?? []), e]);
  expect([...byClaim.keys()]).toEqual(log.claims.map((c) => c.id));
  const ids = new Set(log.events.map((e) => e.id));
  expect(ids.size).toBe(log.events.length);
  const objects = new Set([...log.claims, ...log.sellers, ...log.customers].map((o) => o.id));
  for (const c of log.claims) {
    const events = byClaim.get(c.id)!;
    // It starts with filing, on the day it was filed.
    const first = events[0]!;
    expect(first.activity).toBe(FILING_ACTIVITY);
    expect(first.fromState).toBeNull();
    expect(first.day).toBe(c.filedDay);
    // Each event leaves the state the one before entered, no earlier than it.
    for (let i = 1; i < events.length; i++) {
      expect(events[i]!.fromState).toBe(events[i - 1]!.state);
      expect(events[i]!.day).toBeGreaterThanOrEqual(events[i - 1]!.day);
      expect(Date.parse(events[i]!.time)).toBeGreaterThanOrEqual(Date.parse(events[i - 1]!.time));
      expect(events[i]!.fromState).not.toBe(events[i]!.state);
    }
    // It ends in its outcome, or it is still open (in a state that is not final) at the end of the run.
    const last = events.at(-1)!;
    if (c.outcome !== null) {
      expect(last.state).toBe(c.outcome);
      expect(last.day).toBe(c.closedDay);
      expect(FINAL.has(c.outcome)).toBe(true);
      expect(events.slice(0, -1).every((e) => !FINAL.has(e.state))).toBe(true);
    } else {
      expect(FINAL.has(last.state)).toBe(false);
      expect(last.state).toBe(c.state);
      expect(c.closedDay).toBeNull();
      expect(last.day).toBeLessThanOrEqual(log.endDay);
    }
    // The payments in the log add up to what the claim machine says was paid, and to the ledger's count by payer.
    const payments = events.flatMap((e) => e.payments);
    expect(sum(payments)).toBeCloseTo(c.paidUsd, 6);
    expect(sum(payments.filter((p) => p.payer === 'marketplace'))).toBeCloseTo(c.paidByMarketplaceUsd, 6);
    expect(sum(payments.filter((p) => p.payer === 'seller'))).toBeCloseTo(c.paidBySellerUsd, 6);
    expect(sum(payments.filter((p) => p.payer === 'insurer'))).toBeCloseTo(c.paidByInsurerUsd, 6);
    expect(sum(events.flatMap((e) => e.recoveries))).toBeCloseTo(c.recoveredUsd, 6);
    expect(c.paidUsd).toBeLessThanOrEqual(c.payable.at(-1)!.usd + 0.01);
    // Every event relates to its claim, seller and customer, all of which are in the log.
    for (const e of events) {
      expect(e.relationships.map((r) => r.objectId)).toEqual([c.id, c.sellerId, c.customerId]);
      for (const r of e.relationships) expect(objects.has(r.objectId)).toBe(true);
    }
  }
}

describe('buildEventLog', () => {
  it('logs k claims spread over the teams and the year, each a consistent story', () => {
    const log = buildEventLog(params(), 1, 20);
    expect(log.claims).toHaveLength(20);
    expect(log.claims.filter((c) => c.team === 0)).toHaveLength(10);
    expect(log.claims.filter((c) => c.team === 1)).toHaveLength(10);
    // Spread over the filing year, not its first days.
    expect(Math.max(...log.claims.map((c) => c.filedDay))).toBeGreaterThan(250);
    expect(new Set(log.claims.map((c) => c.outcome)).size).toBeGreaterThan(3);
    expect(log.events.some((e) => e.payments.length > 0)).toBe(true);
    expectConsistent(log);
    // Names are seeded Faker names, one per seller and customer.
    for (const s of log.sellers) expect(s.name.length).toBeGreaterThan(2);
    for (const c of log.customers) expect(c.name).toMatch(/\S+ \S+/);
  });

  it('logs claims still open at the end of the run as open', () => {
    // 200 claims spread over the year: the last ones are filed within a few weeks of the end, too late to close.
    const log = buildEventLog(params(['horizon.runoffDays=0']), 2, 200);
    expect(log.claims.some((c) => c.outcome === null)).toBe(true);
    expectConsistent(log);
  });

  it('is the same log for the same seed, and another for another seed', () => {
    const p = params();
    const a = buildEventLog(p, 5, 12);
    expect(buildEventLog(p, 5, 12)).toEqual(a);
    expect(buildEventLog(p, 6, 12)).not.toEqual(a);
  });

  it('refuses a k that is not a positive whole number', () => {
    expect(() => buildEventLog(params(), 1, 0)).toThrow(RangeError);
    expect(() => buildEventLog(params(), 1, 2.5)).toThrow(RangeError);
  });
});

describe('the claim observer', () => {
  /** Watches every claim, checking each step against the one before. */
  class WatchAll implements ClaimObserver {
    readonly steps = new Map<number, ClaimStep[]>();
    wants(facts: ClaimFacts): boolean {
      this.steps.set(facts.id, []);
      return true;
    }
    claimStep(step: ClaimStep): void {
      this.steps.get(step.facts.id)!.push(step);
    }
  }

  it('does not change the simulation', () => {
    const p = params();
    const machines = createMachines(p);
    for (const team of [0, 1]) {
      const unit = { seed: 3, replication: 0, team };
      const without: Aggregates = simulateTeam(p, unit, machines);
      const observer = new WatchAll();
      const watched = simulateTeam(p, unit, machines, observer);
      expect(watched).toEqual(without);
      expect(observer.steps.size).toBe(without.claims.filed);
      // What it saw adds up to what the collector counted.
      const all = [...observer.steps.values()];
      const closed = all.filter((steps) => steps.at(-1)!.done).length;
      expect(closed).toBe(CLAIM_OUTCOMES.reduce((n, o) => n + without.outcomes[o].count, 0));
      const paid = all.flatMap((steps) => steps.flatMap((s) => s.effects)).reduce((s, e) => s + (e.type === 'ledger.paid' ? e.amountUsd : 0), 0);
      // Events a claim ignores (a seller answering a claim already in pursuit) leave its state and emit nothing.
      const ignored = all.flat().filter((s) => s.fromState === s.toState);
      for (const s of ignored) expect(s.effects).toEqual([]);
      expect(paid).toBeCloseTo(without.money.paidByMarketplaceUsd + without.money.paidBySellersUsd + without.money.paidByInsurersUsd, 4);
    }
  });
});

describe('activity names and times', () => {
  it('names delays by what happened and keeps event names', () => {
    expect(activityName(null)).toBe('claim.filed');
    expect(activityName('review.cleared')).toBe('review.cleared');
    expect(activityName('xstate.after.responseWindow.claim.awaitingSeller')).toBe('response window expired');
    expect(activityName('xstate.after.appealDecision.claim.inAppeal')).toBe('appeal decided');
    expect(activityName('xstate.after.coolingOff.claim.x')).toBe('coolingOff elapsed');
  });

  it('counts days from 1 September 2021, midnight UTC', () => {
    expect(isoTime(0)).toBe('2021-09-01T00:00:00.000Z');
    expect(isoTime(1.5)).toBe('2021-09-02T12:00:00.000Z');
    expect(isoTime(30)).toBe('2021-10-01T00:00:00.000Z');
  });
});
