import type { FraudKind } from '../domain/types.js';

/**
 * What a customer claims, given what the incident cost (or, for a fabricated
 * claim, what the fraudster makes up). Build-up inflates a genuine amount
 * (20% of paid bodily-injury claims, dig-in.com); a fraudster who has learnt
 * the threshold keeps a claim that would exceed it just under it instead.
 * @example claimedAmount('buildUp', 500, 0.5, 0.5, { threshold: 1000, maxClaim: 1e6 }, { buildUpInflation: 0.3, bunchingShare: 0.5, bunchingBand: 0.2 }) // 650
 * @example claimedAmount('fabricated', 5000, 0.1, 0.5, { threshold: 1000, maxClaim: 1e6 }, { buildUpInflation: 0.3, bunchingShare: 0.5, bunchingBand: 0.2 }) // 900: bunched
 */
export function claimedAmount(
  fraud: FraudKind,
  baseUsd: number,
  drawBunch: number,
  drawBunchPosition: number,
  policy: { threshold: number; maxClaim: number },
  fraudParams: { buildUpInflation: number; bunchingShare: number; bunchingBand: number },
): number {
  switch (fraud) {
    case 'none':
      return baseUsd;
    case 'buildUp':
      return Math.min(policy.maxClaim, baseUsd * (1 + fraudParams.buildUpInflation));
    case 'fabricated':
      if (baseUsd >= policy.threshold && drawBunch < fraudParams.bunchingShare) {
        return policy.threshold * (1 - fraudParams.bunchingBand * drawBunchPosition);
      }
      return baseUsd;
  }
}
