import { describe, expect, it } from 'vitest';
import { proofAnswer } from '../../src/rules/proofAnswer.js';

const sellers = { proofShare: 0.9, meanProofDays: 2 };

describe('proofAnswer', () => {
  it('follows its @examples', () => {
    const a = proofAnswer(true, 0.5, 0.5, sellers);
    expect(a).not.toBeNull();
    expect(a!.afterDays).toBeCloseTo(2 * Math.LN2, 12);
    expect(proofAnswer(false, 0.5, 0.5, sellers)).toBeNull();
  });

  it('an insured seller over the proof share sends nothing (strict)', () => {
    expect(proofAnswer(true, 0.9, 0.5, sellers)).toBeNull();
    expect(proofAnswer(true, 0.95, 0.5, sellers)).toBeNull();
    expect(proofAnswer(true, 0.8999, 0.5, sellers)).not.toBeNull();
  });

  it('an uninsured seller never sends proof, whatever the draws', () => {
    for (const u of [1e-12, 0.5, 1 - 1e-12]) expect(proofAnswer(false, u, u, { proofShare: 1, meanProofDays: 2 })).toBeNull();
  });

  it('with a proof share of 1 every insured seller sends; with 0 none does', () => {
    for (const u of [1e-12, 0.5, 1 - 1e-12]) {
      expect(proofAnswer(true, u, 0.5, { proofShare: 1, meanProofDays: 2 })).not.toBeNull();
      expect(proofAnswer(true, u, 0.5, { proofShare: 0, meanProofDays: 2 })).toBeNull();
    }
  });

  it('takes the mean at u = e^-1', () => {
    expect(proofAnswer(true, 0.1, Math.exp(-1), { proofShare: 0.9, meanProofDays: 5 })!.afterDays).toBeCloseTo(5, 12);
  });
});
