import { categorical, exponential } from '../random/distributions.js';

export type DemandAnswer = { answer: 'pays' | 'partial'; amountUsd: number; afterDays: number } | { answer: 'appeals' | 'defaults'; afterDays: number };

const ANSWERS = ['pays', 'partial', 'appeals', 'defaults'] as const;

/**
 * How a seller answers a reimbursement demand: pays it, pays part, appeals
 * (within the 30-day appeal window, Seller Central forum thread 891587) or
 * defaults, in the shares of `reimbursement`. An appeal is lodged within the
 * appeal window; other answers come after an exponential delay.
 * @example demandAnswer(0.7, 0.5, 1000, 30, { reimbursement: { pays: 0.65, partial: 0.1, appeals: 0.1, defaults: 0.15 }, partialFraction: 0.5, meanPaymentDays: 14 }) // { answer: 'partial', amountUsd: 500, afterDays: 14 * Math.LN2 }: 0.7 lies in [0.65, 0.75); half of $1,000 after -14 ln 0.5 days
 * @example demandAnswer(0.8, 0.5, 1000, 30, { reimbursement: { pays: 0.65, partial: 0.1, appeals: 0.1, defaults: 0.15 }, partialFraction: 0.5, meanPaymentDays: 14 }) // { answer: 'appeals', afterDays: 15 }: 0.8 lies in [0.75, 0.85); halfway through the 30-day appeal window
 */
export function demandAnswer(
  drawAnswer: number,
  drawDelay: number,
  demandedUsd: number,
  appealWindowDays: number,
  sellers: { reimbursement: { pays: number; partial: number; appeals: number; defaults: number }; partialFraction: number; meanPaymentDays: number },
): DemandAnswer {
  const { pays, partial, appeals, defaults } = sellers.reimbursement;
  const answer = ANSWERS[categorical(drawAnswer, [pays, partial, appeals, defaults])]!;
  switch (answer) {
    case 'pays':
      return { answer, amountUsd: demandedUsd, afterDays: exponential(drawDelay, sellers.meanPaymentDays) };
    case 'partial':
      return { answer, amountUsd: demandedUsd * sellers.partialFraction, afterDays: exponential(drawDelay, sellers.meanPaymentDays) };
    case 'appeals':
      return { answer, afterDays: drawDelay * appealWindowDays };
    case 'defaults':
      return { answer, afterDays: exponential(drawDelay, sellers.meanPaymentDays) };
  }
}
