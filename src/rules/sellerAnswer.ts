import { categorical, exponential } from '../random/distributions.js';

export type SellerAnswer = { answer: 'accept' | 'reject'; afterDays: number } | { answer: 'silent' };

const ANSWERS = ['accept', 'reject', 'silent'] as const;

/**
 * How a notified seller answers a claim: accept, reject or stay silent in the
 * shares of `responses`, answering after an exponential delay. A suspended
 * seller answers nothing. The claim machine's response window decides whether
 * a late answer still counts.
 * @example sellerAnswer(0.5, 0.5, { responses: { accept: 0.6, reject: 0.25, silent: 0.15 }, meanResponseDays: 1 }) // { answer: 'accept', afterDays: Math.LN2 }: 0.5 < 0.6; after -ln 0.5 days
 * @example sellerAnswer(0.9, 0.5, { responses: { accept: 0.6, reject: 0.25, silent: 0.15 }, meanResponseDays: 1 }) // { answer: 'silent' }: 0.9 >= 0.6 + 0.25
 */
export function sellerAnswer(drawAnswer: number, drawDelay: number, sellers: { responses: { accept: number; reject: number; silent: number }; meanResponseDays: number }): SellerAnswer {
  const { accept, reject, silent } = sellers.responses;
  const answer = ANSWERS[categorical(drawAnswer, [accept, reject, silent])]!;
  return answer === 'silent' ? { answer } : { answer, afterDays: exponential(drawDelay, sellers.meanResponseDays) };
}
