/**
 * The other actors, driven by hand: the seller answers and is suspended after
 * its third default; the insurer litigates and pays later; the claims desk and
 * fraud review take in only their daily capacity; the customer is blocked when
 * flagged. Each runs under both executors.
 */
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine, EventFromLogic, InputFrom } from 'xstate';
import { createClaimsDeskMachine } from '../../src/machines/claimsDesk.js';
import { createCustomerMachine } from '../../src/machines/customer.js';
import { createFraudReviewMachine } from '../../src/machines/fraudReview.js';
import { createInsurerMachine } from '../../src/machines/insurer.js';
import { createSellerMachine } from '../../src/machines/seller.js';
import type { Effect, SellerProfile } from '../../src/domain/types.js';
import { createExecutor, EXECUTORS, type ActionSink, type Executor, type ExecutorKind, type SnapshotOf } from '../../src/sim/executor/index.js';
import { baselineParams, facts } from '../support/claims.js';

const params = baselineParams();

/** Steps a machine under one executor, keeping what it emits until cleared. */
class Driver<M extends AnyStateMachine> {
  private readonly executor: Executor<M>;
  private effects: unknown[] = [];
  private readonly sink: ActionSink<unknown> = {
    emit: (effect) => void this.effects.push(effect),
    startTimer: () => {},
    cancelTimer: () => {},
  };
  constructor(machine: M, kind: ExecutorKind) {
    this.executor = createExecutor(machine, kind);
  }
  start(input?: InputFrom<M>): SnapshotOf<M> {
    return this.executor.start(input as InputFrom<M>, this.sink as never);
  }
  send(snapshot: SnapshotOf<M>, event: EventFromLogic<M>): SnapshotOf<M> {
    return this.executor.send(snapshot, event, this.sink as never);
  }
  /** What was emitted since the last `clear`. */
  emitted(): Effect[] {
    return this.effects as Effect[];
  }
  clear(): void {
    this.effects = [];
  }
}

const profile: SellerProfile = { id: 3, monthlySalesUsd: 20000, insuranceRequired: true, insurance: { insurer: 1, channel: 'accelerator', deductibleUsd: 2500 }, compliant: true };

describe.each(EXECUTORS)('with the %s executor', (kind) => {
  describe('seller', () => {
    it('accepts when the response draw falls in the accept share (0.5 < 0.6), after -0.5 ln(0.5) days', () => {
      const seller = new Driver(createSellerMachine(params), kind);
      const s = seller.start(profile);
      seller.send(s, { type: 'claim.notified', claim: facts({ draws: { response: 0.5, responseDelay: 0.5 } }) });
      const [reply] = seller.emitted();
      expect(reply).toMatchObject({ type: 'send', to: { kind: 'claim', id: 7 }, event: { type: 'seller.accepted', insurance: profile.insurance } });
      expect((reply as { afterDays: number }).afterDays).toBeCloseTo(0.5 * Math.LN2, 12);
    });

    it('rejects for draws in [0.6, 0.85) and says nothing for [0.85, 1)', () => {
      const seller = new Driver(createSellerMachine(params), kind);
      const s = seller.start(profile);
      seller.send(s, { type: 'claim.notified', claim: facts({ draws: { response: 0.7 } }) });
      expect(seller.emitted()[0]).toMatchObject({ event: { type: 'seller.rejected' } });
      seller.clear();
      seller.send(s, { type: 'claim.notified', claim: facts({ draws: { response: 0.9 } }) });
      expect(seller.emitted()).toEqual([]);
    });

    it('is suspended at its third default and then answers no claim', () => {
      const seller = new Driver(createSellerMachine(params), kind);
      let s = seller.start(profile);
      // Draw 0.95 lies in the default share [0.85, 1) of pays 0.65, partial 0.1, appeals 0.1, defaults 0.15.
      const demand = { type: 'reimbursement.demanded' as const, claim: facts({ draws: { demand: 0.95 } }), amountUsd: 400 };
      s = seller.send(s, demand);
      s = seller.send(s, demand);
      expect(s.value).toBe('trading');
      s = seller.send(s, demand);
      expect(s.value).toBe('suspended');
      seller.clear();
      seller.send(s, { type: 'claim.notified', claim: facts({ draws: { response: 0.1 } }) });
      expect(seller.emitted()).toEqual([]);
    });

    it('yields from its payouts what they hold over the withholding period, counting what was already withheld', () => {
      // $20,000 a month, 70% paid out: 20000 x 12 x 0.7 / 365 = $460.27 a day, $41,424.66 over 90 days.
      const daily = (20000 * 12 * 0.7) / 365;
      const seller = new Driver(createSellerMachine(params), kind);
      const request = (amountUsd: number, withholding = 0.5) => ({ type: 'payouts.withholdingRequested' as const, claim: facts({ draws: { withholding } }), amountUsd });
      let s = seller.send(seller.start(profile), request(30000));
      const [first] = seller.emitted();
      expect(first).toMatchObject({ to: { kind: 'claim', id: 7 }, event: { type: 'seller.payoutsWithheld', amountUsd: 30000 } });
      expect((first as { afterDays: number }).afterDays).toBeCloseTo(30000 / daily, 9);
      seller.clear();
      s = seller.send(s, request(30000));
      const [second] = seller.emitted();
      expect((second as { event: { amountUsd: number } }).event.amountUsd).toBeCloseTo(daily * 90 - 30000, 6);
      expect(s.context.withheldUsd).toBeCloseTo(daily * 90, 6);
      seller.clear();
      // 0.9 >= 0.8: this seller has no payouts coming.
      seller.send(s, request(100, 0.9));
      expect(seller.emitted()[0]).toMatchObject({ event: { type: 'seller.payoutsWithheld', amountUsd: 0 } });
    });

    it('a suspended seller’s payouts are withheld too', () => {
      const seller = new Driver(createSellerMachine(params), kind);
      let s = seller.start(profile);
      const demand = { type: 'reimbursement.demanded' as const, claim: facts({ draws: { demand: 0.95 } }), amountUsd: 400 };
      for (let i = 0; i < 3; i++) s = seller.send(s, demand);
      expect(s.value).toBe('suspended');
      seller.clear();
      seller.send(s, { type: 'payouts.withholdingRequested', claim: facts({ draws: { withholding: 0.5 } }), amountUsd: 400 });
      expect(seller.emitted()[0]).toMatchObject({ event: { type: 'seller.payoutsWithheld', amountUsd: 400 } });
    });

    it('a seller that pays part pays half the demand', () => {
      const seller = new Driver(createSellerMachine(params), kind);
      seller.send(seller.start(profile), { type: 'reimbursement.demanded', claim: facts({ draws: { demand: 0.7 } }), amountUsd: 400 });
      expect(seller.emitted()[0]).toMatchObject({ event: { type: 'seller.reimbursed', amountUsd: 200 } });
    });

    it('an uninsured seller shows no proof', () => {
      const seller = new Driver(createSellerMachine(params), kind);
      seller.send(seller.start({ ...profile, insurance: null }), { type: 'proof.requested', claim: facts({ draws: { proof: 0.1 } }) });
      expect(seller.emitted()).toEqual([]);
    });
  });

  describe('insurer', () => {
    it('litigates (draw 0.01 < 0.05), then pays 365 days after its decision', () => {
      const insurer = new Driver(createInsurerMachine(params), kind);
      insurer.send(insurer.start({ id: 1 }), { type: 'claim.tendered', claim: facts({ draws: { litigation: 0.01, insurerDelay: 0.5 } }), amountUsd: 9500 });
      const [litigating, paid] = insurer.emitted() as { afterDays: number; event: { type: string } }[];
      expect(litigating!.event.type).toBe('insurer.litigating');
      expect(paid!.event.type).toBe('insurer.paid');
      expect(paid!.afterDays - litigating!.afterDays).toBe(365);
    });

    it('denies when the decision draw is under the denial rate (0.05 < 0.1)', () => {
      const insurer = new Driver(createInsurerMachine(params), kind);
      insurer.send(insurer.start({ id: 1 }), { type: 'claim.tendered', claim: facts({ draws: { litigation: 0.5, insurer: 0.05 } }), amountUsd: 9500 });
      expect(insurer.emitted()[0]).toMatchObject({ event: { type: 'insurer.denied' } });
    });
  });

  describe('claims desk', () => {
    it('takes in 2.5 claims a day: 2, then 3, and shows a backlog while claims wait', () => {
      const desk = new Driver(createClaimsDeskMachine(), kind);
      let s = desk.start({ capacityPerDay: 2.5 });
      s = desk.send(s, { type: 'day.started', waiting: 10 });
      expect(desk.emitted()).toEqual([{ type: 'intake.taken', count: 2 }]);
      expect(s.value).toBe('backlogged');
      desk.clear();
      s = desk.send(s, { type: 'day.started', waiting: 8 });
      expect(desk.emitted()).toEqual([{ type: 'intake.taken', count: 3 }]);
      desk.clear();
      s = desk.send(s, { type: 'day.started', waiting: 1 });
      expect(s.value).toBe('keepingUp');
    });
  });

  describe('fraud review', () => {
    it('starts reviews up to capacity, pricing each ($50 desk, $500 over $1,000) and timing it (1 or 7 days)', () => {
      const review = new Driver(createFraudReviewMachine(baselineParams(['screening.deskReviewCostUsd=50', 'screening.fullReviewCostUsd=500'])), kind);
      const s = review.start({ capacityPerDay: 2 });
      const queue = [facts({ claimedUsd: 300 }), facts({ claimedUsd: 5000, genuineUsd: 5000 }), facts()];
      review.send(s, { type: 'day.started', queue });
      const [started] = review.emitted() as unknown as { results: { costUsd: number; effect: { afterDays: number } }[] }[];
      expect(started!.results.map((r) => [r.costUsd, r.effect.afterDays])).toEqual([
        [50, 1],
        [500, 7],
      ]);
    });

    it('with screening off, clears every waiting claim at once, at no cost', () => {
      const review = new Driver(createFraudReviewMachine(baselineParams(['screening.enabled=false'])), kind);
      const s = review.start({ capacityPerDay: 1 });
      expect(s.value).toBe('off');
      review.send(s, { type: 'day.started', queue: [facts({ fraud: 'fabricated', genuineUsd: 0 }), facts(), facts()] });
      const [started] = review.emitted() as unknown as { results: { costUsd: number; effect: { event: { type: string } } }[] }[];
      expect(started!.results.map((r) => [r.costUsd, r.effect.event.type])).toEqual([
        [0, 'review.cleared'],
        [0, 'review.cleared'],
        [0, 'review.cleared'],
      ]);
    });
  });

  describe('customer', () => {
    it('is blocked when flagged, unless the policy does not block', () => {
      const on = new Driver(createCustomerMachine(params), kind);
      expect(on.send(on.start(), { type: 'fraud.detected' }).value).toBe('blocked');
      const off = new Driver(createCustomerMachine(baselineParams(['screening.blockDetectedClaimants=false'])), kind);
      expect(off.send(off.start(), { type: 'fraud.detected' }).value).toBe('active');
    });
  });
});
