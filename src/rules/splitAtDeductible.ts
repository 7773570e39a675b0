/**
 * How an insured seller's accepted claim is paid: the seller pays up to its
 * deductible, the insurer pays the rest. Every dollar has exactly one payer.
 * @example splitAtDeductible(12000, 2500) // { sellerUsd: 2500, insurerUsd: 9500 }
 * @example splitAtDeductible(1800, 2500) // { sellerUsd: 1800, insurerUsd: 0 }
 */
export function splitAtDeductible(amountUsd: number, deductibleUsd: number): { sellerUsd: number; insurerUsd: number } {
  const sellerUsd = Math.min(amountUsd, deductibleUsd);
  return { sellerUsd, insurerUsd: amountUsd - sellerUsd };
}
