/**
 * The claims desk: the marketplace's customer service and claims
 * administrator. Each simulated day it takes in as many waiting claims as its
 * capacity allows and hands them to fraud review; what it cannot take in waits,
 * so a surge builds a backlog and longer waits. The policy decisions it applies
 * to each claim are the claim machine's guards.
 */
import { assign, emit, setup } from 'xstate';
import { dailyIntake } from '../rules/dailyIntake.js';

export interface DeskContext {
  readonly capacityPerDay: number;
  /** Fraction of a claim's worth of capacity carried from yesterday. */
  readonly carry: number;
  /** Claims taken in today (set by the day's intake). */
  readonly taken: number;
}

export type DeskEvent = { type: 'day.started'; waiting: number };
export type DeskEffect = { type: 'intake.taken'; count: number };

export function createClaimsDeskMachine() {
  return setup({
    types: {
      context: {} as DeskContext,
      input: {} as { capacityPerDay: number },
      events: {} as DeskEvent,
      emitted: {} as DeskEffect,
    },
    guards: {
      leavesBacklog: ({ context, event }) => dailyIntake(context.carry, context.capacityPerDay, event.waiting).taken < event.waiting,
    },
    actions: {
      takeInClaims: assign(({ context, event }) => dailyIntake(context.carry, context.capacityPerDay, event.waiting)),
      handOver: emit(({ context }) => ({ type: 'intake.taken', count: context.taken }) as const),
    },
  }).createMachine({
    id: 'claimsDesk',
    context: ({ input }) => ({ capacityPerDay: input.capacityPerDay, carry: 0, taken: 0 }),
    initial: 'keepingUp',
    on: {
      'day.started': [
        { guard: 'leavesBacklog', target: '.backlogged', actions: ['takeInClaims', 'handOver'] },
        { target: '.keepingUp', actions: ['takeInClaims', 'handOver'] },
      ],
    },
    states: {
      keepingUp: {},
      backlogged: {},
    },
  });
}

export type ClaimsDeskMachine = ReturnType<typeof createClaimsDeskMachine>;
