import type { InsuranceFacts } from '../domain/types.js';
import { splitAtDeductible } from './splitAtDeductible.js';

/**
 * Whether an accepted claim goes to the seller's insurer: the seller is
 * insured and the claim exceeds its deductible, so the insurer owes something.
 * @example isCoveredByInsurer(12000, { insurer: 1, channel: 'broker', deductibleUsd: 2500 }) // true
 * @example isCoveredByInsurer(1800, { insurer: 1, channel: 'broker', deductibleUsd: 2500 }) // false: the seller's alone
 */
export function isCoveredByInsurer(amountUsd: number, insurance: InsuranceFacts | null): boolean {
  return insurance !== null && splitAtDeductible(amountUsd, insurance.deductibleUsd).insurerUsd > 0;
}
