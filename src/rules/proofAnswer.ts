import { exponential } from '../random/distributions.js';

/**
 * Whether and when a seller asked for proof of insurance sends it: only an
 * insured seller can, and `proofShare` of them do, after an exponential delay.
 * @example proofAnswer(true, 0.5, 0.5, { proofShare: 0.9, meanProofDays: 2 }) // { afterDays: 2 * Math.LN2 }: 0.5 < 0.9, so the seller sends proof, after -2 ln 0.5 days
 * @example proofAnswer(false, 0.5, 0.5, { proofShare: 0.9, meanProofDays: 2 }) // null: nothing to show
 */
export function proofAnswer(insured: boolean, drawProof: number, drawDelay: number, sellers: { proofShare: number; meanProofDays: number }): { afterDays: number } | null {
  if (!insured || drawProof >= sellers.proofShare) return null;
  return { afterDays: exponential(drawDelay, sellers.meanProofDays) };
}
