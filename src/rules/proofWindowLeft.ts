/**
 * Proof of insurance is due within 7 days of the seller being notified
 * (Seller Central forum thread 891587); the claim starts waiting for it when
 * the seller accepts, so the wait is what is left of the window by then.
 * @example proofWindowLeft(7, 1.5) // 5.5
 * @example proofWindowLeft(7, 9) // 0: the window had closed before the seller answered
 */
export function proofWindowLeft(proofWindowDays: number, answeredAfterDays: number): number {
  return Math.max(0, proofWindowDays - answeredAfterDays);
}
