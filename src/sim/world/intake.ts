/**
 * Intake: the claims desk and fraud review with the queues in front of them.
 * Claims join the desk's queue when screening is requested; each simulated day
 * the desk takes in what its capacity allows and hands those claims to review,
 * and review starts what its capacity allows, in order of arrival. Staffing
 * follows the normal rate of genuine claims, so fabricated claims and surges
 * eat into its headroom.
 */
import type { Collector } from '../../collect/collector.js';
import type { ClaimsDeskMachine, DeskEffect } from '../../machines/claimsDesk.js';
import type { FraudReviewMachine, ReviewEffect } from '../../machines/fraudReview.js';
import type { ClaimFacts, Effect } from '../../machines/types.js';
import type { SnapshotOf } from '../executor/index.js';
import { Fifo } from '../fifo.js';
import { StepAsks } from './asks.js';
import type { Machines } from './machines.js';

export class Intake {
  private desk: SnapshotOf<ClaimsDeskMachine>;
  private review: SnapshotOf<FraudReviewMachine>;
  private readonly deskQueue = new Fifo<ClaimFacts>();
  private readonly reviewQueue = new Fifo<ClaimFacts>();
  private readonly reviewCandidates: number;
  private readonly deskAsks = new StepAsks<DeskEffect>();
  private readonly reviewAsks = new StepAsks<ReviewEffect>();

  constructor(
    private readonly machines: Machines,
    private readonly collector: Collector,
    capacity: { readonly desk: number; readonly review: number },
  ) {
    this.desk = machines.desk.start({ capacityPerDay: capacity.desk }, this.deskAsks);
    this.review = machines.review.start({ capacityPerDay: capacity.review }, this.reviewAsks);
    this.deskAsks.clear();
    this.reviewAsks.clear();
    this.reviewCandidates = Math.ceil(this.review.context.capacityPerDay) + 1;
  }

  /** A claim asks to be screened: it joins the desk's queue. */
  request(claim: ClaimFacts): void {
    this.deskQueue.push(claim);
  }

  /** The day's intake and reviews; each review's outcome is an effect for the world to carry out. */
  startDay(day: number, carryOut: (effect: Effect) => void): void {
    const { machines, deskQueue, reviewQueue } = this;
    this.desk = machines.desk.send(this.desk, { type: 'day.started', waiting: deskQueue.length }, this.deskAsks);
    for (const ask of this.deskAsks.items) {
      if (ask.type === 'intake.taken') for (let i = 0; i < ask.count; i++) reviewQueue.push(deskQueue.shift()!);
    }
    this.deskAsks.clear();
    const queue = reviewQueue.peek(this.review.value === 'off' ? reviewQueue.length : this.reviewCandidates);
    this.review = machines.review.send(this.review, { type: 'day.started', queue }, this.reviewAsks);
    for (const ask of this.reviewAsks.items) {
      if (ask.type !== 'reviews.started') continue;
      for (const result of ask.results) {
        if (reviewQueue.shift() !== result.claim) throw new Error('fraud review reported claims out of queue order');
        this.collector.reviewed(result.costUsd);
        carryOut(result.effect);
      }
    }
    this.reviewAsks.clear();
    this.collector.backlog(day, deskQueue.length + reviewQueue.length);
  }
}
