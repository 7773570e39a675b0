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
import type { ClaimFacts, Effect } from '../../domain/types.js';
import { emitOnlySink, type ActionSink, type SnapshotOf } from '../executor/index.js';
import { Fifo } from '../fifo.js';
import type { Machines } from './machines.js';

export class Intake {
  private desk: SnapshotOf<ClaimsDeskMachine>;
  private review: SnapshotOf<FraudReviewMachine>;
  private readonly deskQueue = new Fifo<ClaimFacts>();
  private readonly reviewQueue = new Fifo<ClaimFacts>();
  private readonly reviewCandidates: number;
  private readonly deskSink: ActionSink<DeskEffect>;
  private readonly reviewSink: ActionSink<ReviewEffect>;

  constructor(
    private readonly machines: Machines,
    private readonly collector: Collector,
    capacity: { readonly desk: number; readonly review: number },
    carryOut: (effect: Effect) => void,
  ) {
    // The desk hands over the claims it took in; review reports each review it started, whose outcome is an effect.
    this.deskSink = emitOnlySink((handed) => {
      for (let i = 0; i < handed.count; i++) this.reviewQueue.push(this.deskQueue.shift()!);
    }, 'the claims desk');
    this.reviewSink = emitOnlySink((started) => {
      for (const result of started.results) {
        if (this.reviewQueue.shift() !== result.claim) throw new Error('fraud review reported claims out of queue order');
        this.collector.reviewed(result.costUsd);
        carryOut(result.effect);
      }
    }, 'fraud reviewers');
    this.desk = machines.desk.start({ capacityPerDay: capacity.desk }, this.deskSink);
    this.review = machines.review.start({ capacityPerDay: capacity.review }, this.reviewSink);
    this.reviewCandidates = Math.ceil(this.review.context.capacityPerDay) + 1;
  }

  /** A claim asks to be screened: it joins the desk's queue. */
  request(claim: ClaimFacts): void {
    this.deskQueue.push(claim);
  }

  /** The day's intake and reviews. */
  startDay(day: number): void {
    const { machines, deskQueue, reviewQueue } = this;
    this.desk = machines.desk.send(this.desk, { type: 'day.started', waiting: deskQueue.length }, this.deskSink);
    const queue = reviewQueue.peek(this.review.value === 'off' ? reviewQueue.length : this.reviewCandidates);
    this.review = machines.review.send(this.review, { type: 'day.started', queue }, this.reviewSink);
    this.collector.backlog(day, deskQueue.length + reviewQueue.length);
  }
}
