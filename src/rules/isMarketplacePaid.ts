/**
 * Claims under the threshold are paid by the marketplace directly, as a
 * concession, when the policy says so (from 1 Sept 2021); otherwise the seller
 * or its insurer must resolve them.
 * @example isMarketplacePaid(999.99, { threshold: 1000, directPaymentUnderThreshold: true }) // true
 * @example isMarketplacePaid(1000, { threshold: 1000, directPaymentUnderThreshold: true }) // false: "under" is strict
 */
export function isMarketplacePaid(amountUsd: number, policy: { threshold: number; directPaymentUnderThreshold: boolean }): boolean {
  return policy.directPaymentUnderThreshold && amountUsd < policy.threshold;
}
