/**
 * The customer: honest or a fraudster (a fact of the claims it files), active
 * until a claim of theirs is flagged as fraud, then blocked if the policy
 * blocks flagged claimants. Customers hold no other state, so every customer
 * in the same state shares one snapshot (see `world.ts`).
 */
import { setup } from 'xstate';
import type { Parameters } from '../params/schema.js';
import type { CustomerEvent } from '../domain/types.js';

export function createCustomerMachine(params: Parameters) {
  const { screening } = params;
  return setup({
    types: { events: {} as CustomerEvent },
    guards: {
      blocksFlaggedClaimants: () => screening.blockDetectedClaimants,
    },
  }).createMachine({
    id: 'customer',
    initial: 'active',
    states: {
      active: { on: { 'fraud.detected': { guard: 'blocksFlaggedClaimants', target: 'blocked' } } },
      blocked: {},
    },
  });
}

export type CustomerMachine = ReturnType<typeof createCustomerMachine>;
