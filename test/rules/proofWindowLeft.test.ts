/**
 * proofWindowLeft: proof of insurance is due within the window (7 days,
 * Seller Central forum thread 891587) counted from the seller's notification;
 * the claim waits for it from the seller's answer, so the wait is the window
 * less the days the seller took to answer, and nothing once the window has closed.
 */
import { describe, expect, it } from 'vitest';
import { proofWindowLeft } from '../../src/rules/proofWindowLeft.js';

describe('proofWindowLeft', () => {
  it('is the whole window for a seller who answers at once', () => {
    expect(proofWindowLeft(7, 0)).toBe(7);
  });

  it('is what is left of the window after the answer', () => {
    expect(proofWindowLeft(7, 1.5)).toBe(5.5);
    expect(proofWindowLeft(7, 3)).toBe(4);
    expect(proofWindowLeft(7, 6.75)).toBe(0.25); // just before the window closes
  });

  it('is nothing for an answer at the close of the window or after it', () => {
    expect(proofWindowLeft(7, 7)).toBe(0); // at
    expect(proofWindowLeft(7, 7.25)).toBe(0); // just after: never negative
    expect(proofWindowLeft(7, 9)).toBe(0);
    expect(proofWindowLeft(7, 365)).toBe(0);
  });

  it('follows the window a variant policy sets', () => {
    expect(proofWindowLeft(14, 3)).toBe(11);
    expect(proofWindowLeft(14, 10)).toBe(4);
    expect(proofWindowLeft(0, 0)).toBe(0);
    expect(proofWindowLeft(0, 2)).toBe(0);
  });

  it('adds up: the answer time and what is left make the window, while it is open', () => {
    for (let answered = 0; answered <= 7; answered += 0.25) {
      expect(answered + proofWindowLeft(7, answered)).toBe(7);
    }
    for (let answered = 7; answered <= 10; answered += 0.25) expect(proofWindowLeft(7, answered)).toBe(0);
  });
});
