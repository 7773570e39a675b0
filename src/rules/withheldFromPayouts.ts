/**
 * What withholding a seller's payouts recovers of an unpaid reimbursement
 * (allowed by the policy, Seller Central forum thread 891587), and when. It can
 * take no more than the seller's payouts hold over the withholding period
 * (its gross proceeds less the marketplace's fees), less what was already
 * withheld for other claims; a seller with no payouts coming yields nothing.
 * The money arrives as the payouts come in, at the seller's daily payout.
 * @example withheldFromPayouts(1200, 3650, 0, 0.5, { payoutsContinueShare: 0.8, payoutShare: 0.5 }, { withholdingDays: 90 }) // { amountUsd: 1200, afterDays: 20 }: payouts of $60 a day
 * @example withheldFromPayouts(1e6, 3650, 0, 0.5, { payoutsContinueShare: 0.8, payoutShare: 0.5 }, { withholdingDays: 90 }) // { amountUsd: 5400, afterDays: 90 }: all 90 days of payouts
 * @example withheldFromPayouts(1200, 3650, 5000, 0.5, { payoutsContinueShare: 0.8, payoutShare: 0.5 }, { withholdingDays: 90 }) // { amountUsd: 400, afterDays: 400 / 60 }: $5,000 of the $5,400 already withheld
 * @example withheldFromPayouts(1200, 3650, 0, 0.9, { payoutsContinueShare: 0.8, payoutShare: 0.5 }, { withholdingDays: 90 }) // { amountUsd: 0, afterDays: 0 }: no payouts coming
 */
export function withheldFromPayouts(
  demandUsd: number,
  monthlySalesUsd: number,
  alreadyWithheldUsd: number,
  drawPayoutsContinue: number,
  sellers: { payoutsContinueShare: number; payoutShare: number },
  reimbursement: { withholdingDays: number },
): { amountUsd: number; afterDays: number } {
  const dailyPayoutUsd = (monthlySalesUsd * MONTHS_PER_YEAR * sellers.payoutShare) / DAYS_PER_YEAR;
  if (drawPayoutsContinue >= sellers.payoutsContinueShare || dailyPayoutUsd <= 0) return { amountUsd: 0, afterDays: 0 };
  const roomUsd = Math.max(0, dailyPayoutUsd * reimbursement.withholdingDays - alreadyWithheldUsd);
  const amountUsd = Math.min(demandUsd, roomUsd);
  return { amountUsd, afterDays: amountUsd / dailyPayoutUsd };
}

const MONTHS_PER_YEAR = 12;
const DAYS_PER_YEAR = 365;
