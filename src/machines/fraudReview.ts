/**
 * Fraud review: the independent third-party experts who screen every claim
 * (Seller Central help GTY6NYZDFD5CENYH). Each simulated day they start as many
 * reviews as their capacity allows, in order of arrival; each review costs
 * money and takes time, and ends by clearing, trimming or flagging the claim.
 * With screening switched off they clear every claim at once, at no cost.
 */
import { assign, emit, setup } from 'xstate';
import type { Parameters } from '../params/schema.js';
import { dailyIntake } from '../rules/dailyIntake.js';
import { reviewEffort } from '../rules/reviewEffort.js';
import { screeningOutcome } from '../rules/screeningOutcome.js';
import { Draw, type ClaimFacts, type Effect } from '../domain/types.js';

export interface ReviewContext {
  readonly capacityPerDay: number;
  readonly carry: number;
  readonly started: number;
}

export type ReviewEvent = { type: 'day.started'; queue: readonly ClaimFacts[] };
export interface ReviewResult {
  readonly claim: ClaimFacts;
  readonly costUsd: number;
  readonly effect: Effect;
}
export type ReviewEffect = { type: 'reviews.started'; results: readonly ReviewResult[] };

const OUTCOME_EVENT = { cleared: 'review.cleared', trimmed: 'review.trimmed', flagged: 'review.flagged' } as const;

export function createFraudReviewMachine(params: Parameters) {
  const { screening } = params;
  const review = (claim: ClaimFacts): ReviewResult => {
    const effort = reviewEffort(claim.claimedUsd, screening);
    const outcome = screeningOutcome(claim.fraud, claim.draws.at(Draw.screening)!, screening);
    return { claim, costUsd: effort.costUsd, effect: { type: 'send', to: { kind: 'claim', id: claim.id }, afterDays: effort.days, event: { type: OUTCOME_EVENT[outcome] } } };
  };
  return setup({
    types: {
      context: {} as ReviewContext,
      input: {} as { capacityPerDay: number },
      events: {} as ReviewEvent,
      emitted: {} as ReviewEffect,
    },
    guards: {
      isScreeningOff: () => !screening.enabled,
      leavesBacklog: ({ context, event }) => dailyIntake(context.carry, context.capacityPerDay, event.queue.length).taken < event.queue.length,
    },
    actions: {
      startReviews: assign(({ context, event }) => {
        const { taken, carry } = dailyIntake(context.carry, context.capacityPerDay, event.queue.length);
        return { carry, started: taken };
      }),
      startAll: assign(({ event }) => ({ started: event.queue.length })),
      reportReviews: emit(({ context, event }) => ({ type: 'reviews.started', results: event.queue.slice(0, context.started).map(review) }) as const),
    },
  }).createMachine({
    id: 'fraudReview',
    context: ({ input }) => ({ capacityPerDay: input.capacityPerDay, carry: 0, started: 0 }),
    initial: 'deciding',
    states: {
      deciding: { always: [{ guard: 'isScreeningOff', target: 'off' }, { target: 'keepingUp' }] },
      keepingUp: {},
      backlogged: {},
      off: {
        on: { 'day.started': { actions: ['startAll', 'reportReviews'] } },
      },
    },
    on: {
      'day.started': [
        { guard: 'leavesBacklog', target: '.backlogged', actions: ['startReviews', 'reportReviews'] },
        { target: '.keepingUp', actions: ['startReviews', 'reportReviews'] },
      ],
    },
  });
}

export type FraudReviewMachine = ReturnType<typeof createFraudReviewMachine>;
