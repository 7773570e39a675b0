/**
 * Whether an unpaid reimbursement is recovered by withholding it from the
 * seller's payouts (allowed by the policy, Seller Central forum thread 891587);
 * it fails when the seller has too little coming in.
 * @example recoversByWithholding(0.5, { withholdFromPayouts: true }, { withholdingRecoveryRate: 0.8 }) // true
 * @example recoversByWithholding(0.5, { withholdFromPayouts: false }, { withholdingRecoveryRate: 0.8 }) // false
 */
export function recoversByWithholding(draw: number, reimbursement: { withholdFromPayouts: boolean }, sellers: { withholdingRecoveryRate: number }): boolean {
  return reimbursement.withholdFromPayouts && draw < sellers.withholdingRecoveryRate;
}
