import type { InsuranceFacts } from '../domain/types.js';
import { insuranceCounts } from './insuranceCounts.js';

/**
 * The marketplace does not seek reimbursement from a seller who follows its
 * policies and shows valid insurance in time (aboutamazon.com, 2021 announcement;
 * proof within 7 days, Seller Central forum thread 891587). The timing is the
 * claim machine's proof window; this rule judges what the seller showed.
 * @example isReimbursementWaived({ insurance: { insurer: 1, channel: 'broker', deductibleUsd: 0 }, compliant: true }, { waiverForInsured: true }, { maxDeductible: 10000, onlyAcceleratorCounts: false }) // true
 */
export function isReimbursementWaived(
  proof: { insurance: InsuranceFacts; compliant: boolean },
  reimbursement: { waiverForInsured: boolean },
  insurance: { maxDeductible: number; onlyAcceleratorCounts: boolean },
): boolean {
  return reimbursement.waiverForInsured && proof.compliant && insuranceCounts(proof.insurance, insurance);
}
