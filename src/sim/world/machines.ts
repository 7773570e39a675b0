/**
 * The machines of a policy, each behind the executor chosen for the run,
 * built once per run and shared by all its teams.
 */
import { createClaimMachine, type ClaimMachine } from '../../machines/claim.js';
import { createClaimsDeskMachine, type ClaimsDeskMachine } from '../../machines/claimsDesk.js';
import { createCustomerMachine, type CustomerMachine } from '../../machines/customer.js';
import { createFraudReviewMachine, type FraudReviewMachine } from '../../machines/fraudReview.js';
import { createInsurerMachine, type InsurerMachine } from '../../machines/insurer.js';
import { createSellerMachine, type SellerMachine } from '../../machines/seller.js';
import type { Parameters } from '../../params/schema.js';
import { createExecutor, DEFAULT_EXECUTOR, type Executor, type ExecutorKind } from '../executor/index.js';

export interface Machines {
  readonly claim: Executor<ClaimMachine>;
  readonly seller: Executor<SellerMachine>;
  readonly insurer: Executor<InsurerMachine>;
  readonly customer: Executor<CustomerMachine>;
  readonly desk: Executor<ClaimsDeskMachine>;
  readonly review: Executor<FraudReviewMachine>;
}

export function createMachines(params: Parameters, executor: ExecutorKind = DEFAULT_EXECUTOR): Machines {
  return {
    claim: createExecutor(createClaimMachine(params), executor),
    seller: createExecutor(createSellerMachine(params), executor),
    insurer: createExecutor(createInsurerMachine(params), executor),
    customer: createExecutor(createCustomerMachine(params), executor),
    desk: createExecutor(createClaimsDeskMachine(), executor),
    review: createExecutor(createFraudReviewMachine(params), executor),
  };
}
