/**
 * The cost and duration of screening one claim: a desk review, or a full
 * review for claims over `fullReviewAboveUsd` ($50 and $500 in the baseline: estimates, as no
 * source states a review cost; see docs/sources.md).
 * With screening switched off, nothing is spent and nothing waits.
 * @example reviewEffort(1500, { enabled: true, deskReviewCostUsd: 50, fullReviewCostUsd: 500, fullReviewAboveUsd: 1000, deskReviewDays: 1, fullReviewDays: 7 }) // { costUsd: 500, days: 7 }
 */
export function reviewEffort(
  claimedUsd: number,
  screening: { enabled: boolean; deskReviewCostUsd: number; fullReviewCostUsd: number; fullReviewAboveUsd: number; deskReviewDays: number; fullReviewDays: number },
): { costUsd: number; days: number } {
  if (!screening.enabled) return { costUsd: 0, days: 0 };
  return claimedUsd > screening.fullReviewAboveUsd
    ? { costUsd: screening.fullReviewCostUsd, days: screening.fullReviewDays }
    : { costUsd: screening.deskReviewCostUsd, days: screening.deskReviewDays };
}
