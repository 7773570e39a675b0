import type { InsuranceFacts } from '../domain/types.js';

/**
 * Whether a seller's insurance is valid under the policy: its deductible is
 * within the cap (at most $10,000, Seller Central forum thread 84074f15), and,
 * if only the Insurance Accelerator counts, it was bought there.
 * @example insuranceCounts({ insurer: 0, channel: 'broker', deductibleUsd: 2500 }, { maxDeductible: 10000, onlyAcceleratorCounts: true }) // false
 */
export function insuranceCounts(insurance: InsuranceFacts | null, rules: { maxDeductible: number; onlyAcceleratorCounts: boolean }): boolean {
  if (insurance === null) return false;
  if (insurance.deductibleUsd > rules.maxDeductible) return false;
  return !rules.onlyAcceleratorCounts || insurance.channel === 'accelerator';
}
