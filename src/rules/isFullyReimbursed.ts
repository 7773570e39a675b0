/**
 * Whether a seller's payment settles what the marketplace advanced on a claim.
 * @example isFullyReimbursed(400, 400) // true
 * @example isFullyReimbursed(200, 400) // false: a partial payment
 */
export function isFullyReimbursed(paidUsd: number, advancedUsd: number): boolean {
  return paidUsd >= advancedUsd;
}
